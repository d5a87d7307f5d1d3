"""casework.coordination: accounts that post in concert, with the evidence for every link.

Signals between accounts (identical and near-identical text, shared links,
hashtags, reposts and reply targets in a time window, name variants,
writing style) and of one account's own posting (bursts, split messages)
become a weighted network; Leiden finds its communities. Nothing compares
all pairs: texts meet through normalised keys and MinHash bands, items
through their sharers in time order, names through casework.names keys,
styles through SimHash bands.
"""

from casework.coordination.detect import SIGNAL_WEIGHTS, Settings, detect
from casework.coordination.messages import load_file, load_workspace
from casework.coordination.model import (
    SIGNALS,
    Account,
    Community,
    Evidence,
    Link,
    Network,
)

__all__ = [
    "SIGNALS",
    "SIGNAL_WEIGHTS",
    "Account",
    "Community",
    "Evidence",
    "Link",
    "Network",
    "Settings",
    "detect",
    "load_file",
    "load_workspace",
]
