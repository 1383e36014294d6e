"""Settings: defaults, environment variables, flags, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.errors import ConfigError
from indexer.settings import Settings


def test_environment_then_flags() -> None:
    env = {"REFERAT_INDEX_DIR": "/data/index", "REFERAT_TOP_K": "8", "REFERAT_MAX_FILE_MB": "2.5"}
    s = Settings.from_env(env)
    assert (s.index_dir, s.top_k, s.max_file_mb, s.max_file_bytes) == (Path("/data/index"), 8, 2.5, 2_500_000)
    s = s.with_overrides(top_k=3, index_dir=None)
    assert (s.top_k, s.index_dir) == (3, Path("/data/index"))  # an unset flag keeps the environment's value
    assert Settings.from_env({}) == Settings()


def test_bad_values_name_the_variable() -> None:
    with pytest.raises(ConfigError, match=r"setting top_k \(REFERAT_TOP_K\) must be int, not 'many'"):
        Settings.from_env({"REFERAT_TOP_K": "many"})
    with pytest.raises(ConfigError, match=r"fusion must be 'rrf' or 'linear', not 'magic'"):
        Settings(fusion="magic").validate()
    with pytest.raises(ConfigError, match=r"max_chars must be at least 200"):
        Settings(max_chars=50).validate()
    with pytest.raises(ConfigError, match=r"unknown setting\(s\): colour"):
        Settings().with_overrides(colour="red")
