"""casework.names: the one home of name logic (normalise, take apart, compare, index keys).

Screening, resolution and coordination all call this package, so a better
transliteration rule helps all three at once.
"""

from casework.names.analyze import AnalyzedName, Part, analyze
from casework.names.compare import (
    NameMatch,
    PartMatch,
    compare_analyzed,
    compare_names,
    score_bound,
)
from casework.names.forms import alternatives

__all__ = [
    "AnalyzedName",
    "NameMatch",
    "Part",
    "PartMatch",
    "alternatives",
    "analyze",
    "compare_analyzed",
    "compare_names",
    "score_bound",
]
