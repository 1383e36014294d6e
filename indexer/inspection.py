"""How a file was read, for people checking their minutes: ``python -m indexer inspect FILE``."""

from __future__ import annotations

from typing import Any

from indexer.dates import danish_date, with_times
from indexer.parse import ParsedDocument


def inspection(doc: ParsedDocument) -> dict[str, Any]:
    """The parsed meeting as one JSON-ready object."""
    m = doc.meeting
    counts: dict[int, int] = {}
    for p in doc.passages:
        counts[p.item_number] = counts.get(p.item_number, 0) + 1
    return {
        "source": m.source,
        "kind": m.kind,
        "committee": m.committee,
        "body": m.body,
        "organisation": m.organisation,
        "date": m.date,
        "start_time": m.start_time,
        "end_time": m.end_time,
        "place": m.place,
        "participants": list(m.participants),
        "absent": list(m.absent),
        "case_numbers": m.case_numbers,
        "roles": [list(r) for r in m.roles],
        "notes": list(m.notes),
        "meeting_passages": counts.get(0, 0),
        "items": [
            {
                "number": it.number,
                "title": it.title,
                "sections": [{"name": s.name, "chars": len(s.text), "pages": list(s.pages)} for s in it.sections],
                "passages": counts.get(it.number, 0),
            }
            for it in m.items
        ],
    }


def render(doc: ParsedDocument) -> str:
    """The same as ``inspection``, laid out for reading in a terminal."""
    data = inspection(doc)
    when = with_times(danish_date(data["date"]) if data["date"] else "-", data["start_time"], data["end_time"])
    committee = data["committee"] or "-"
    if data["body"] and data["body"] != data["committee"]:
        committee += f"  (= {data['body']})"
    rows = [
        ("Organisation", data["organisation"] or "-"),
        ("Committee", committee),
        ("Date", when),
        ("Place", data["place"] or "-"),
        (
            "Participants",
            f"{len(data['participants'])}: " + ", ".join(data["participants"]) if data["participants"] else "-",
        ),
        ("Absent", ", ".join(data["absent"]) or "-"),
        ("Case/doc no.", data["case_numbers"] or "-"),
        *[(label, value) for label, value in data["roles"]],
    ]
    lines = [f"{data['source']}  ({data['kind']})"]
    lines += [f"  {label:<13} {value}" for label, value in rows]
    for note in data["notes"]:
        lines.append(f"  note: {note}")
    total = data["meeting_passages"] + sum(i["passages"] for i in data["items"])
    lines.append(
        f"  {len(data['items'])} agenda items, {total} passages "
        f"({data['meeting_passages']} of the meeting itself: header, front page, text outside items)"
    )
    for item in data["items"]:
        lines.append("")
        lines.append(f"  {item['number']:>3}. {item['title'] or '(no title)'}   [{item['passages']} passage(s)]")
        for s in item["sections"]:
            pages = f"  p. {', '.join(map(str, s['pages']))}" if s["pages"] else ""
            lines.append(f"       {s['name'] or '(lead-in)':<18} {s['chars']:>6} chars{pages}")
    return "\n".join(lines)
