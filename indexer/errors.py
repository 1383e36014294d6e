"""The few domain exceptions of Referat.

Every message is written for the person at the keyboard: it names the file or folder
and says what to do. The CLIs print ``str(error)`` on one line and exit with 1; the app
shows it with ``st.error``.
"""

from __future__ import annotations


class ReferatError(Exception):
    """Base class: anything the user can act on."""


class UnreadableFileError(ReferatError):
    """One input file could not be read; the rest of the corpus is unaffected."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class IndexMissingError(ReferatError):
    """No index has been built in the folder yet."""


class IndexMismatchError(ReferatError):
    """The index was built with another embedder, model or format version."""


class IndexCorruptError(ReferatError):
    """The index files are damaged or incomplete."""


class ConfigError(ReferatError):
    """A setting, flag or environment variable has an unusable value."""
