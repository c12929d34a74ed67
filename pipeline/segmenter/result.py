"""The result types of segmentation: labelled lines, comments and a document's segmentation."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

LABELS = ("title", "body", "comment", "boilerplate")
BODY_JOINER = "\n\n"  # body lines are paragraphs in text dumps; keep them apart as paragraphs


@dataclass
class Comment:
    author: str | None
    date: str | None  # as shown in the dump (raw string), or None
    text: str


@dataclass(slots=True)  # slots: a document has thousands of lines, created faster
class LabelledLine:
    line_no: int  # 1-based line number in the raw input text (blank lines count)
    text: str  # the line, whitespace-collapsed
    label: str  # one of LABELS


@dataclass
class Segmentation:
    """A document split into title, body (lines joined with a blank line), comments and boilerplate."""

    title: str | None
    body: str
    comments: list[Comment] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)
    lines: list[LabelledLine] = field(default_factory=list)  # every non-blank input line, in order

    def _share(self, label: str) -> float:
        total = sum(len(line.text) for line in self.lines)
        if total == 0:
            return 0.0
        return sum(len(line.text) for line in self.lines if line.label == label) / total

    @property
    def body_share(self) -> float:
        """Share of the non-blank characters labelled body."""
        return self._share("body")

    @property
    def comment_share(self) -> float:
        """Share of the non-blank characters labelled comment."""
        return self._share("comment")

    @property
    def boilerplate_share(self) -> float:
        return self._share("boilerplate")

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "body": self.body,
            "comments": [asdict(comment) for comment in self.comments],
            "boilerplate": list(self.boilerplate),
            "lines": [asdict(line) for line in self.lines],
        }
