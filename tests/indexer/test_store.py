"""Saving and loading the index: one folder, JSON/NumPy/FAISS only, verified on load."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from indexer import generations
from indexer.errors import IndexCorruptError, IndexMismatchError, IndexMissingError
from indexer.records import Passage
from indexer.store import PassageIndex
from tests.conftest import FakeEmbedder


def sample(n: int = 6) -> tuple[list[Passage], np.ndarray, dict]:
    emb = FakeEmbedder()
    texts = [f"punkt {i} takst krisecenter {'budget' if i % 2 else 'tilsyn'}" for i in range(n)]
    passages = [
        Passage(f"id{i}", "a.txt", "DAS", "DAS", "2020-05-25", i, f"titel {i}", "Referat", t, "DAS", (i, i + 1))
        for i, t in enumerate(texts)
    ]
    return passages, emb.embed_passages([p.indexed_text for p in passages]), emb.identity()


def test_round_trip_and_search(tmp_path: Path) -> None:
    passages, vectors, identity = sample()
    built = PassageIndex.build(passages, vectors, identity, settings={"x": 1})
    folder = built.save(tmp_path / "index")
    assert sorted(p.name for p in folder.iterdir()) == [
        "bm25", "bm25_text", "config.json", "dense.faiss", "embeddings.npy", "files.json", "manifest.json", "passages.jsonl",
    ]  # fmt: skip
    config = json.loads((folder / "config.json").read_text())
    assert config["embedder"] == identity and config["dimension"] == 64 and config["format_version"] == 1
    loaded = PassageIndex.load(tmp_path / "index", expect_embedder=identity)
    assert loaded.passages == passages
    assert np.array_equal(loaded.vectors, vectors)
    query = FakeEmbedder().embed_query("takst budget")
    a, b = built.search(query, "budget", 3), loaded.search(query, "budget", 3)
    assert a.dense == b.dense and a.bm25 == b.bm25
    assert {row for row, _ in a.bm25} <= {1, 3, 5}
    allowed = np.array([True, False, True, False, False, False])
    masked = loaded.search(query, "budget tilsyn", 5, allowed)
    assert {r for r, _ in masked.dense} <= {0, 2} and {r for r, _ in masked.bm25} <= {0, 2}


def test_hnsw_option(tmp_path: Path) -> None:
    passages, _, identity = sample(20)
    vectors = np.random.default_rng(0).normal(size=(20, 64)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    index = PassageIndex.build(passages, vectors, identity, faiss_kind="hnsw")
    index.save(tmp_path / "i")
    loaded = PassageIndex.load(tmp_path / "i")
    assert loaded.config["faiss_index"] == "hnsw"
    assert loaded.search(vectors[3], "", 1).dense[0][0] == 3


def test_no_pickle_anywhere(tmp_path: Path) -> None:
    passages, vectors, identity = sample()
    folder = PassageIndex.build(passages, vectors, identity).save(tmp_path / "index")
    for path in folder.rglob("*.npy"):
        with open(path, "rb") as f:
            header = f.read(128)
        assert b"'descr': '|O'" not in header  # object arrays would need pickle
        np.load(path, allow_pickle=False)


def test_refuses_another_embedder_saying_what_to_run(tmp_path: Path) -> None:
    passages, vectors, identity = sample()
    PassageIndex.build(passages, vectors, identity).save(tmp_path / "index")
    other = dict(identity, model="other-model")
    with pytest.raises(
        IndexMismatchError,
        match=r"was built with fake model fake .*rebuild it with `python -m indexer corpus --index .*index --model other-model`",
    ):
        PassageIndex.load(tmp_path / "index", expect_embedder=other)


def test_refuses_damaged_or_other_version(tmp_path: Path) -> None:
    passages, vectors, identity = sample()
    folder = PassageIndex.build(passages, vectors, identity).save(tmp_path / "index")
    data = bytearray((folder / "embeddings.npy").read_bytes())
    data[-1] ^= 0xFF
    (folder / "embeddings.npy").write_bytes(bytes(data))
    with pytest.raises(IndexCorruptError, match=r"embeddings.npy is damaged \(checksum mismatch\)"):
        PassageIndex.load(tmp_path / "index")

    folder = PassageIndex.build(passages, vectors, identity).save(tmp_path / "v")
    config = json.loads((folder / "config.json").read_text())
    config["format_version"] = 99
    (folder / "config.json").write_text(json.dumps(config))
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["files"]["config.json"] = {
        "sha256": generations.sha256_file(folder / "config.json"),
        "bytes": (folder / "config.json").stat().st_size,
    }
    (folder / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(IndexMismatchError, match=r"has index format 99, this Referat reads format 1: rebuild it with"):
        PassageIndex.load(tmp_path / "v")


def test_missing_index_says_how_to_build(tmp_path: Path) -> None:
    with pytest.raises(IndexMissingError, match=r"no index in .*: build it with `python -m indexer corpus --index"):
        PassageIndex.load(tmp_path / "nothing")
