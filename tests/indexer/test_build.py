"""Building and updating the index: only what changed is touched; unreadable files are reported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from indexer.build import build_index
from indexer.errors import ReferatError
from indexer.settings import Settings
from indexer.store import PassageIndex
from tests.conftest import CORPUS, DATA, FakeEmbedder


def make_corpus(tmp_path: Path, names: list[str]) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in names:
        shutil.copy(CORPUS / name, corpus / name)
    return corpus


def fake_build(settings: Settings, embedder: FakeEmbedder):
    return build_index(
        settings,
        embedder_factory=lambda model, batch: embedder,
        identity_of=lambda model: embedder.identity(),
        progress=False,
    )


def test_incremental_rebuild_touches_only_changes(tmp_path: Path, fake_embedder: FakeEmbedder) -> None:
    corpus = make_corpus(tmp_path, ["000_d393297036c53e0a.txt", "003_19692c500b0e1c7c.txt"])
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    first = fake_build(settings, fake_embedder)
    assert first.exit_code == 0 and first.embedded == first.passages > 0 and first.generation
    total = first.passages

    again = fake_build(settings, fake_embedder)
    assert (again.embedded, again.generation) == (0, None)  # unchanged: nothing embedded, nothing written

    # Change one agenda item of one file: only its changed passages are embedded.
    path = corpus / "000_d393297036c53e0a.txt"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Der var ikke noget til punktet", "Intet under eventuelt"),
        encoding="utf-8",
    )
    changed = fake_build(settings, fake_embedder)
    assert changed.generation and changed.embedded == 1 and changed.passages == total

    # Add a file: only its passages are embedded. Remove one: its passages go.
    shutil.copy(CORPUS / "001_531bab498875b76b.txt", corpus)
    added = fake_build(settings, fake_embedder)
    index = PassageIndex.load(settings.index_dir)
    assert added.embedded == sum(p.source.startswith("001") for p in index.passages)
    (corpus / "003_19692c500b0e1c7c.txt").unlink()
    removed = fake_build(settings, fake_embedder)
    assert removed.embedded == 0
    assert {p.source for p in PassageIndex.load(settings.index_dir).passages} == {
        "000_d393297036c53e0a.txt",
        "001_531bab498875b76b.txt",
    }


def test_a_changed_analyzer_rebuilds_bm25_without_embedding(
    tmp_path: Path, fake_embedder: FakeEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Queries are analysed by the new code: an index built by the old one would miss their tokens.
    corpus = make_corpus(tmp_path, ["000_d393297036c53e0a.txt"])
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    fake_build(settings, fake_embedder)
    monkeypatch.setattr("indexer.build.analyzer_fingerprint", lambda: "changed")
    rebuilt = fake_build(settings, fake_embedder)
    assert rebuilt.generation and rebuilt.embedded == 0


def test_unreadable_file_keeps_its_previous_passages(tmp_path: Path, fake_embedder: FakeEmbedder) -> None:
    corpus = make_corpus(tmp_path, ["000_d393297036c53e0a.txt", "002_4f53694367b5b8b0.txt"])
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    fake_build(settings, fake_embedder)
    before = [p for p in PassageIndex.load(settings.index_dir).passages if p.source.startswith("002")]

    (corpus / "002_4f53694367b5b8b0.txt").write_bytes(b"\x00\x01\x02 binary junk" * 10)
    report = fake_build(settings, fake_embedder)
    assert report.exit_code == 2
    kept = next(f for f in report.files if f.source == "002_4f53694367b5b8b0.txt")
    assert kept.status == "kept"
    assert kept.message.startswith("binary data, not text: save it as plain text (.txt) or PDF; keeping the")
    after = [p for p in PassageIndex.load(settings.index_dir).passages if p.source.startswith("002")]
    assert after == before

    (corpus / "002_4f53694367b5b8b0.txt").unlink()
    fake_build(settings, fake_embedder)
    assert not [p for p in PassageIndex.load(settings.index_dir).passages if p.source.startswith("002")]


def test_bad_files_are_reported_and_good_ones_indexed(tmp_path: Path, fake_embedder: FakeEmbedder) -> None:
    corpus = make_corpus(tmp_path, ["000_d393297036c53e0a.txt"])
    (corpus / "tom.txt").write_bytes(b"")
    (corpus / "notat.docx").write_bytes(b"PK\x03\x04 zip")
    (corpus / ".skjult.txt").write_text("hidden", encoding="utf-8")
    (corpus / "latin1.txt").write_bytes("1. Godkendelse af referat\n\nGodkendt af Søren Ærø.\n".encode("cp1252"))
    report = fake_build(Settings(corpus_dir=corpus, index_dir=tmp_path / "index"), fake_embedder)
    by_name = {f.source: f for f in report.files}
    assert set(by_name) == {"000_d393297036c53e0a.txt", "tom.txt", "notat.docx", "latin1.txt"}
    assert (by_name["tom.txt"].status, by_name["tom.txt"].message) == ("not read", "empty file")
    assert by_name["notat.docx"].message == (
        "damaged or truncated .docx (its ZIP archive cannot be read): save it again from Word"
    )
    assert by_name["latin1.txt"].status == "warning"
    assert "not UTF-8: decoded as cp1252" in by_name["latin1.txt"].message
    assert report.exit_code == 2
    texts = [p.text for p in PassageIndex.load(tmp_path / "index").passages if p.source == "latin1.txt"]
    assert texts == ["Godkendt af Søren Ærø."]
    rendered = report.render()
    assert "not read  tom.txt" in rendered and "empty file" in rendered


def test_fatal_errors(tmp_path: Path, fake_embedder: FakeEmbedder) -> None:
    with pytest.raises(ReferatError, match=r"corpus folder .*missing/ does not exist"):
        fake_build(Settings(corpus_dir=tmp_path / "missing", index_dir=tmp_path / "i"), fake_embedder)
    (tmp_path / "empty").mkdir()
    with pytest.raises(ReferatError, match=r"no files in .*empty/: put the minutes there"):
        fake_build(Settings(corpus_dir=tmp_path / "empty", index_dir=tmp_path / "i"), fake_embedder)


@pytest.mark.slow
def test_real_model_incremental_rebuild(tmp_path: Path, real_index: Settings) -> None:
    """With the real model: a copied corpus reuses every vector; an edit re-embeds only itself."""
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    index_dir = tmp_path / "index"
    shutil.copytree(real_index.index_dir, index_dir)
    settings = Settings(corpus_dir=corpus, index_dir=index_dir)
    report = build_index(settings, progress=False)
    assert report.embedded == 0 and report.exit_code == 0
    path = corpus / "001_531bab498875b76b.txt"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "Orienteringen blev taget til efterretning", "Orienteringen blev noteret"
        ),
        encoding="utf-8",
    )
    report = build_index(settings, progress=False)
    assert report.embedded == 1
    new = PassageIndex.load(index_dir)
    assert any(p.text == "Orienteringen blev noteret" for p in new.passages)
    assert build_index(settings, progress=False).generation is None


def test_cli_summary_as_json_and_exit_codes(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    from tests.conftest import ROOT

    corpus = make_corpus(tmp_path, [])
    (corpus / "tom.txt").write_bytes(b"")
    (corpus / "låst.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    out = subprocess.run(
        [sys.executable, "-m", "indexer", str(corpus), "--index", str(tmp_path / "index"), "--json"],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )  # fmt: skip
    assert out.returncode == 2, out.stderr
    report = json.loads(out.stdout)
    assert report["exit_code"] == 2 and report["passages"] == 0
    assert {f["source"]: f["status"] for f in report["files"]} == {"tom.txt": "not read", "låst.pdf": "not read"}
    assert next(f["message"] for f in report["files"] if f["source"] == "tom.txt") == "empty file"
    (tmp_path / "file").write_text("x")
    fatal = subprocess.run(
        [sys.executable, "-m", "indexer", str(corpus), "--index", str(tmp_path / "file")],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )  # fmt: skip
    assert fatal.returncode == 1
    assert (
        fatal.stderr.strip()
        == f"error: cannot use {tmp_path / 'file'}/ as the index folder (File exists): pick another --index"
    )


def test_html_and_docx_are_indexed_and_a_broken_one_is_named(tmp_path: Path, fake_embedder: FakeEmbedder) -> None:
    corpus = make_corpus(tmp_path, ["000_d393297036c53e0a.txt"])
    shutil.copy(DATA / "formats" / "tmu_referat_2023-10-10.html", corpus / "tmu.html")
    (corpus / "brudt.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    (corpus / "brudt.html").write_bytes(b"\x00\x01\x02 binary")
    report = fake_build(Settings(corpus_dir=corpus, index_dir=tmp_path / "index"), fake_embedder)
    by_name = {f.source: f for f in report.files}
    assert by_name["tmu.html"].status in ("read", "warning") and by_name["tmu.html"].passages > 3
    assert by_name["brudt.docx"].status == "not read" and "docx" in by_name["brudt.docx"].message
    assert by_name["brudt.html"].status == "not read" and by_name["brudt.html"].message
    assert by_name["000_d393297036c53e0a.txt"].status == "read"
    index = PassageIndex.load(tmp_path / "index")
    html_items = {p.item_number for p in index.passages if p.source == "tmu.html"}
    assert {1, 2, 3} <= html_items  # the council portal's agenda items, read from its headings
    assert report.exit_code == 2
