"""How a story changed between two saved copies: paragraphs, headline, and its claims.

Text alignment is the standard library's :mod:`difflib`. On top of the paragraph diff comes what
a reader of news wants to know and no text diff says: which sources were added or dropped,
which quotes were reworded, which claims appeared or vanished.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit

from reader.core.model import Analysis, Article, Claim

# Two paragraphs in a replaced stretch are "the same paragraph, edited" at this similarity
# (difflib ratio on words): a sentence added to a 60-word paragraph keeps ~0.85, a reworded
# quote ~0.8, while two different paragraphs of one story rarely reach 0.3.
PARAGRAPH_SAME_RATIO = 0.5
# Two claims of one speaker are the same claim reworded at this content similarity (ratio on
# words): "forces had entered" vs "troops had entered" is ~0.8; unrelated claims ~0.2.
CLAIM_SAME_RATIO = 0.5
# Two copies are versions of one story when their titles match and their texts overlap at
# least this much (difflib quick ratio on words), or when they share a canonical URL.
VERSION_TEXT_OVERLAP = 0.6
# Query parameters that track the reader, not name the page.
TRACKING_PARAMETER = re.compile(r"^(utm_|fbclid$|gclid$|mc_|ocid$|cmpid$|ref$|smid$)", re.IGNORECASE)
_NOT_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class ClaimView:
    """A claim as a diff shows it: who, the cue and the content's words."""

    speaker: str | None
    cue: str
    content: str
    kind: str


@dataclass(frozen=True)
class Change:
    before: str
    after: str


@dataclass(frozen=True)
class ClaimChange:
    before: ClaimView
    after: ClaimView


@dataclass
class VersionDiff:
    paragraphs_added: list[str] = field(default_factory=list)
    paragraphs_removed: list[str] = field(default_factory=list)
    paragraphs_changed: list[Change] = field(default_factory=list)
    claims_added: list[ClaimView] = field(default_factory=list)
    claims_removed: list[ClaimView] = field(default_factory=list)
    claims_changed: list[ClaimChange] = field(default_factory=list)
    sources_added: list[str] = field(default_factory=list)
    sources_removed: list[str] = field(default_factory=list)
    title: Change | None = None

    @property
    def unchanged(self) -> bool:
        return not (self.paragraphs_added or self.paragraphs_removed or self.paragraphs_changed
                    or self.claims_added or self.claims_removed or self.claims_changed or self.title)


def words_ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def url_key(url: str | None) -> str | None:
    """A URL as two copies of one page share it: no scheme, ``www.``, fragment, tracking
    parameters or trailing slash; None when it names no host."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    host = parts.netloc.casefold().removeprefix("www.")
    if not host:
        return None
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not TRACKING_PARAMETER.match(k)))
    return f"{host}{parts.path.rstrip('/')}" + (f"?{query}" if query else "")


def title_key(title: str | None) -> str | None:
    """A headline folded to its words (case, punctuation and spacing aside); None when empty."""
    if not title:
        return None
    folded = _NOT_WORD.sub(" ", unicodedata.normalize("NFKC", title).casefold()).strip()
    return folded or None


def are_versions(a: Article, b: Article) -> bool:
    """Two saved copies of one story: the same canonical URL, or the same title and much text."""
    if url_key(a.url) is not None and url_key(a.url) == url_key(b.url):
        return True
    if title_key(a.title) is None or title_key(a.title) != title_key(b.title):
        return False
    matcher = difflib.SequenceMatcher(None, a.body.split(), b.body.split(), autojunk=False)
    return matcher.quick_ratio() >= VERSION_TEXT_OVERLAP and matcher.ratio() >= VERSION_TEXT_OVERLAP


def diff_versions(old: Article, new: Article, old_analysis: Analysis | None = None,
                  new_analysis: Analysis | None = None) -> VersionDiff:
    """What changed from ``old`` to ``new``."""
    diff = VersionDiff()
    if (old.title or "") != (new.title or ""):
        diff.title = Change(old.title or "", new.title or "")
    diff_paragraphs([b.text for b in old.story_blocks], [b.text for b in new.story_blocks], diff)
    if old_analysis is not None and new_analysis is not None:
        diff_claims(claim_views(old.text, old_analysis), claim_views(new.text, new_analysis), diff)
    return diff


def diff_paragraphs(before: Sequence[str], after: Sequence[str], diff: VersionDiff) -> None:
    matcher = difflib.SequenceMatcher(None, list(before), list(after), autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "delete":
            diff.paragraphs_removed += before[i1:i2]
        elif op == "insert":
            diff.paragraphs_added += after[j1:j2]
        elif op == "replace":
            pair_paragraphs(before[i1:i2], after[j1:j2], diff)


def pair_paragraphs(before: Sequence[str], after: Sequence[str], diff: VersionDiff) -> None:
    """Within a replaced stretch, pair each old paragraph with its most similar new one, in order;
    the unpaired were removed or added."""
    j = 0
    for old in before:
        scores = [(words_ratio(old, new), k) for k, new in enumerate(after[j:], j)]
        best = max(scores, default=(0.0, -1))
        if best[0] >= PARAGRAPH_SAME_RATIO:
            diff.paragraphs_added += after[j:best[1]]
            diff.paragraphs_changed.append(Change(old, after[best[1]]))
            j = best[1] + 1
        else:
            diff.paragraphs_removed.append(old)
    diff.paragraphs_added += after[j:]


def claim_views(text: str, analysis: Analysis) -> list[ClaimView]:
    return [view_claim(text, c) for c in analysis.claims]


def view_claim(text: str, claim: Claim) -> ClaimView:
    speaker = claim.speaker_entity or (claim.speaker.text if claim.speaker else None)
    content = " … ".join(text[s.start:s.end] for s in claim.content)
    return ClaimView(speaker, claim.cue.text, content, claim.kind)


def speaker_key(view: ClaimView) -> str:
    return (view.speaker or "").casefold()


def diff_claims(before: Sequence[ClaimView], after: Sequence[ClaimView], diff: VersionDiff) -> None:
    """Claims matched by speaker and content: equal, reworded (changed), appeared or vanished."""
    unmatched = list(after)
    for old in before:
        same = next((new for new in unmatched if new == old), None)
        if same is None:
            candidates = [(words_ratio(old.content, new.content), i) for i, new in enumerate(unmatched)
                          if speaker_key(new) == speaker_key(old)]
            score, index = max(candidates, default=(0.0, -1))
            if score >= CLAIM_SAME_RATIO:
                diff.claims_changed.append(ClaimChange(old, unmatched[index]))
                unmatched.pop(index)
            else:
                diff.claims_removed.append(old)
            continue
        unmatched.remove(same)
    diff.claims_added += unmatched
    old_sources = {speaker_key(v): v.speaker for v in before if v.speaker}
    new_sources = {speaker_key(v): v.speaker for v in after if v.speaker}
    diff.sources_added = [name for key, name in new_sources.items() if key not in old_sources and name]
    diff.sources_removed = [name for key, name in old_sources.items() if key not in new_sources and name]
