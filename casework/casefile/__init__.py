"""casework.casefile: one evidence-linked dossier per subject, and the report over all.

`assemble.assemble` reads what earlier stages stored into a `CaseFile`; `render` writes it
as HTML, Markdown, PDF, JSON or FollowTheMoney entities; `report` ranks the
subjects by weight of evidence and links their case files.
"""

from casework.casefile.model import CaseFile, Citation
from casework.casefile.render import FORMATS, render, write

__all__ = ["FORMATS", "CaseFile", "Citation", "render", "write"]
