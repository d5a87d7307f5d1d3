"""casework.extract: who is mentioned where, each fact tied to its exact sentence.

`run(backend)` reads the documents and comments `casework ingest` stored and
not yet processed, with spaCy (casework.extract.nlp), and stores mentions of
people, organisations, places and laws with their spans in the document's
text and their sentence, and the titles and roles the text gives people
(casework.extract.roles).
"""

from casework.extract.model import Mention, Position, Segment
from casework.extract.pipeline import ExtractConfig, ExtractReport, pending, run

__all__ = ["ExtractConfig", "ExtractReport", "Mention", "Position", "Segment", "pending", "run"]
