"""Hand-built articles for the issue 16 library tests: a story where Putin claims and Kyiv
disputes it, in as many copies (edited, retitled, other URL) as a test needs."""

from __future__ import annotations

from typing import Any

from library_helpers import claim, make_record

PUTIN_BODY = "Vladimir Putin said his forces had entered the region. Kyiv branded the claim a lie."
ENTITIES: list[tuple[str, str, list[str]]] = [("Vladimir Putin", "person", ["Putin"]), ("Kyiv", "place", [])]


def front(title: str = "Front", body: str = PUTIN_BODY, **fields: Any) -> dict[str, Any]:
    """An article where Putin claims and Kyiv disputes it (when the body says so)."""
    text = f"{title}\n\n{body}"
    claims = []
    if "Kyiv branded" in body:  # Putin's words run from "said" to the sentence's end
        said = body[body.index("said ") + len("said "):body.index(". Kyiv")]
        claims = [claim(text, "Vladimir Putin", "said", said),
                  claim(text, "Kyiv", "branded", "a lie", disputes=0)]
    record = make_record(title, body, ENTITIES, claims, site=fields.pop("site", None),
                         published=fields.pop("published", None))
    record["blocks"][1:] = [{"role": "story", "text": p, "reason": None} for p in body.split("\n\n")]
    record.update(fields)
    return record
