"""casework.extract: who is mentioned where, each fact tied to its exact sentence.

`run(backend)` reads the documents and comments `casework ingest` stored and
not yet processed, with spaCy (casework.extract.nlp), and stores mentions of
people, organisations, places and laws with their spans in the document's
text and their sentence, the titles and roles the text gives people
(casework.extract.roles), quotations with their speakers
(casework.extract.quotes) and alleged acts with actor, target and their Global
Magnitsky category (casework.extract.acts).
"""

from casework.extract.model import Act, Mention, Position, Quote, Segment
from casework.extract.pipeline import ExtractConfig, ExtractReport, pending, run

__all__ = [
    "Act",
    "ExtractConfig",
    "ExtractReport",
    "Mention",
    "Position",
    "Quote",
    "Segment",
    "pending",
    "run",
]
