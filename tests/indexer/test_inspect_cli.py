"""``python -m indexer inspect FILE [--json]`` shows how a file was read."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import CORPUS, PDFS, ROOT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "indexer", *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_inspect_json_object() -> None:
    out = run("inspect", str(CORPUS / "002_4f53694367b5b8b0.txt"), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["committee"] == "Socialdirektørforum"
    assert data["date"] == "2015-05-20"
    assert data["place"] == "HR Fredericia: Mosegårdsvej 2, 7000 Fredericia"
    assert isinstance(data["participants"], list) and isinstance(data["absent"], list)
    assert len(data["items"]) == 12
    item2 = data["items"][1]
    assert item2["number"] == 2 and item2["title"] == "Drøftelse af årsrapport- Socialtilsyn"
    assert [s["name"] for s in item2["sections"]] == ["Baggrund", "Indstilling", "Beslutning", "Bilag"]
    assert all(isinstance(s["chars"], int) and s["chars"] > 0 and s["pages"] == [] for s in item2["sections"])
    assert item2["passages"] >= 2


def test_inspect_pdf_has_pages() -> None:
    data = json.loads(run("inspect", str(PDFS / "003_19692c500b0e1c7c.pdf"), "--json").stdout)
    assert data["source"].endswith("003_19692c500b0e1c7c.pdf")
    item4 = data["items"][3]
    assert item4["title"] == "Sekretariatets regnskab for 2012"
    # The table runs from page 2 to 4; page 3's footnotes, where the text copy puts them, part it.
    sections = [(s["name"], s["pages"]) for s in item4["sections"]]
    assert sections[:3] == [(None, [2, 3]), ("Fodnoter", [3]), (None, [3, 4])]


def test_inspect_readable(tmp_path: Path) -> None:
    out = run("inspect", str(CORPUS / "000_d393297036c53e0a.txt"))
    assert out.returncode == 0
    assert "SOCDIR  (= Socialdirektørkredsen)" in out.stdout
    assert "24. maj 2012, kl. 10:00-12:00" in out.stdout
    assert "7 agenda items" in out.stdout
    assert "  4. Orientering fra DAS møde Specialundervisning" in out.stdout


def test_inspect_names_the_file_and_the_problem(tmp_path: Path) -> None:
    bad = tmp_path / "tom.txt"
    bad.write_bytes(b"")
    out = run("inspect", str(bad))
    assert out.returncode == 1
    assert out.stderr.strip() == f"error: {bad}: empty file (nothing to inspect)"
    agenda_less = tmp_path / "notat.txt"
    agenda_less.write_text("Et kort notat om ingenting.\n", encoding="utf-8")
    data = json.loads(run("inspect", str(agenda_less), "--json").stdout)
    # No agenda: the text is passages of the meeting itself (item 0), never one giant item.
    assert data["items"] == [] and data["meeting_passages"] == 1
    assert data["notes"] == [
        "no committee or organisation found",
        "no meeting date found",
        "no attendees listed",
        "no agenda items recognised: the text is indexed as passages of the meeting (item 0)",
    ]
