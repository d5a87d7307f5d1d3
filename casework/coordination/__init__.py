"""casework.coordination: accounts that post alike, with the evidence for every link.

Signals between accounts (identical and near-identical text, shared links,
hashtags, reposts and reply targets in a time window, name variants,
writing style) and of one account's own posting (bursts, split messages)
become a weighted network; Leiden finds its communities. A link needs
repeated co-action beyond what the two accounts' activity explains by
chance; name variants and style only link accounts that act together.
Nothing compares all pairs: texts meet through normalised keys and MinHash
bands, items through their sharers in time order, names through
casework.names keys, styles only where co-action already points. Talking
points group the messages that push one text, with the accounts behind each.

Beside the network, the comment-wave view (casework.coordination.waves): in
each comment section, the claims several accounts push in their own words and
the campaign that pushes them, though each account posts once or twice.
"""

from casework.coordination.detect import SIGNAL_WEIGHTS, Settings, detect
from casework.coordination.messages import load_backgrounds, load_file, load_workspace
from casework.coordination.model import (
    SIGNALS,
    Account,
    Campaign,
    ClaimPoint,
    Community,
    Evidence,
    Link,
    Network,
    TalkingPoint,
)

__all__ = [
    "SIGNALS",
    "SIGNAL_WEIGHTS",
    "Account",
    "Campaign",
    "ClaimPoint",
    "Community",
    "Evidence",
    "Link",
    "Network",
    "Settings",
    "TalkingPoint",
    "detect",
    "load_backgrounds",
    "load_file",
    "load_workspace",
]
