"""The retrieval CLI contract, end to end: the real corpus, the real default model."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from indexer.settings import Settings
from tests.conftest import CORPUS, ROOT

HIT_KEYS = {
    "rank": int,
    "score": float,
    "source": str,
    "page": (int, type(None)),
    "committee": str,
    "meeting_date": str,
    "item_number": int,
    "item_title": str,
    "section": (str, type(None)),
    "text": str,
    "citation": str,
    "organisation": (str, type(None)),
}


def ask(index: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "retrieval", *args, "--index", str(index)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        input=stdin,
        timeout=300,
    )


def one(index: Path, *args: str) -> dict[str, Any]:
    out = ask(index, *args, "--json")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert len(lines) == 1
    return json.loads(lines[0])


def test_json_object_and_hit_fields(real_index: Settings) -> None:
    data = one(real_index.index_dir, "Hvad blev besluttet om Taleinstituttet?", "--top-k", "4")
    assert set(data) == {"query", "took_ms", "hits", "answer"}
    assert data["query"] == "Hvad blev besluttet om Taleinstituttet?"
    assert isinstance(data["took_ms"], float) and data["took_ms"] > 0
    assert [h["rank"] for h in data["hits"]] == [1, 2, 3, 4]
    for hit in data["hits"]:
        assert set(hit) == set(HIT_KEYS)
        for key, kind in HIT_KEYS.items():
            assert isinstance(hit[key], kind), key
        assert not Path(hit["source"]).is_absolute() and hit["source"].endswith(".txt")
        assert len(hit["meeting_date"]) == 10 and hit["meeting_date"][4] == "-"
        assert hit["page"] is None
        item = f"punkt {hit['item_number']}: {hit['item_title']}" if hit["item_number"] else hit["item_title"]
        assert f" · {item} · " in hit["citation"]
        assert hit["committee"] in hit["citation"] and hit["source"] in hit["citation"]
    top = data["hits"][0]
    assert (top["source"][:3], top["item_number"]) == ("001", 6)
    assert top["section"] == "Referat"
    assert "taleinstituttet" in top["text"].lower()
    # Different agenda items first.
    keys = [(h["source"], h["item_number"]) for h in data["hits"]]
    assert len(set(keys[:3])) >= 2


ANSWER_KEYS = {
    "text": str,
    "citation": str,
    "source": str,
    "page": (int, type(None)),
    "item_number": int,
    "section": (str, type(None)),
    "hit_rank": int,
}


def test_answer_in_words(real_index: Settings) -> None:
    data = one(real_index.index_dir, "Hvor skal døgnseminaret holdes?")
    answer = data["answer"]
    assert set(answer) == set(ANSWER_KEYS)
    for key, kind in ANSWER_KEYS.items():
        assert isinstance(answer[key], kind), key
    assert "Hotel Sixtus" in answer["text"]
    hit = data["hits"][answer["hit_rank"] - 1]
    assert answer["hit_rank"] == 1 and hit["citation"] == answer["citation"]
    assert (answer["source"], answer["item_number"], answer["section"]) == (
        hit["source"],
        hit["item_number"],
        hit["section"],
    )
    # Quoted verbatim: the first piece from the cited passage, each piece (apart: " … ") from the minutes.
    pieces = [" ".join(piece.split()) for piece in answer["text"].split(" … ")]
    assert pieces[0] in " ".join(hit["text"].split())
    minutes = " ".join((CORPUS / Path(answer["source"]).name).read_text(encoding="utf-8").split())
    assert all(piece in minutes for piece in pieces)
    nothing = one(real_index.index_dir, "Hvad er vejret i morgen?")
    assert nothing["answer"] is None and nothing["hits"]  # no answer; the closest passages stay, as related


def test_readable_output_opens_with_the_answer(real_index: Settings) -> None:
    out = ask(real_index.index_dir, "Hvornår er næste DAS møde efter maj 2020?", "--top-k", "1")
    assert out.returncode == 0
    assert out.stdout.startswith("Answer: Næste møde afholdes den 17. august 2020")
    nothing = ask(real_index.index_dir, "Hvad er vejret i morgen?", "--top-k", "1")
    assert nothing.stdout.startswith("The minutes do not answer 'Hvad er vejret i morgen?'; related passages:")


def test_date_in_the_question_narrows_to_that_meeting(real_index: Settings) -> None:
    data = one(real_index.index_dir, "Hvad blev drøftet om Taleinstituttet på mødet i marts 2013?")
    assert {h["meeting_date"] for h in data["hits"]} == {"2013-03-18"}
    assert data["hits"][0]["item_number"] == 6
    years = one(real_index.index_dir, "Hvilke ændringer i styringsaftalen blev drøftet i 2012?")
    assert all(h["meeting_date"].startswith("2012") for h in years["hits"])


def test_filters(real_index: Settings) -> None:
    socdir = one(real_index.index_dir, "takster", "--committee", "SOCDIR", "--top-k", "10")
    assert socdir["hits"] and {h["committee"] for h in socdir["hits"]} <= {"SOCDIR", "Socialdirektørkredsen"}
    window = one(real_index.index_dir, "takster", "--since", "2013-01-01", "--until", "2016-01-01", "--top-k", "10")
    assert window["hits"] and all("2013-01-01" <= h["meeting_date"] <= "2016-01-01" for h in window["hits"])
    nothing = one(real_index.index_dir, "takster", "--committee", "DAS", "--until", "2013-01-01")
    assert nothing["hits"] == []


def test_english_question_finds_the_danish_item(real_index: Settings) -> None:
    data = one(real_index.index_dir, "How much will the daily rate at the women's crisis centre go up?")
    assert (data["hits"][0]["source"][:3], data["hits"][0]["item_number"]) == ("004", 7)


def test_stdin_one_object_per_line(real_index: Settings) -> None:
    out = ask(
        real_index.index_dir,
        "-",
        "--json",
        "--top-k",
        "2",
        stdin="Hvem blev valgt som formand?\n\nkapacitet på de sikrede institutioner\n",
    )
    assert out.returncode == 0, out.stderr
    objects = [json.loads(line) for line in out.stdout.splitlines()]
    assert [o["query"] for o in objects] == ["Hvem blev valgt som formand?", "kapacitet på de sikrede institutioner"]
    assert all(len(o["hits"]) == 2 for o in objects)


def test_readable_output(real_index: Settings) -> None:
    out = ask(real_index.index_dir, "aftagerbestyrelser på de regionale tilbud", "--top-k", "1")
    assert out.returncode == 0
    assert "\n1. SOCDIR · 24. maj 2012 · punkt 5: Tilbagemelding og indledende drøftelse" in out.stdout
    assert "aftagerbestyrelser" in out.stdout


def test_errors_exit_1_with_one_line(tmp_path: Path, real_index: Settings) -> None:
    missing = ask(tmp_path / "none", "Taleinstituttet")
    assert missing.returncode == 1
    assert missing.stderr.strip() == (
        f"error: no index in {tmp_path / 'none'}/: build it with "
        f"`python -m indexer corpus --index {tmp_path / 'none'}` (or `make run`)"
    )
    bad_date = ask(real_index.index_dir, "x", "--since", "marts 2013")
    assert bad_date.returncode == 1 and "--since must be a date as YYYY-MM-DD" in bad_date.stderr
    empty = ask(real_index.index_dir, "  ")
    assert empty.returncode == 1 and "the question is empty" in empty.stderr


@pytest.mark.parametrize("question", ["Taleinstituttet", "Hvad kostede evalueringen af rammesekretariatet?"])
def test_search_is_deterministic(real_index: Settings, question: str) -> None:
    a = one(real_index.index_dir, question)
    b = one(real_index.index_dir, question)
    assert [h["text"] for h in a["hits"]] == [h["text"] for h in b["hits"]]
