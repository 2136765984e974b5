"""khabar's exceptions. Every message says what went wrong, why, and how to fix it.

Run-level problems (bad config, unknown step, a missing optional extra, an unreadable input file)
raise one of these. Document-level problems never raise through the stream: they become a
:class:`~khabar.document.Reject` or a dropped document with a reason.
"""

from __future__ import annotations


class KhabarError(Exception):
    """Base class of every error khabar raises on purpose."""


class ConfigError(KhabarError, ValueError):
    """A configuration key or value is wrong."""


class StepNotFound(ConfigError):
    """A pipeline names a step that is not registered."""


class InputError(KhabarError):
    """An input path cannot be read at all (missing, unsupported format, permission)."""


class MissingExtraError(KhabarError, ImportError):
    """An optional dependency is needed for a feature and is not installed."""

    def __init__(self, feature: str, extra: str, module: str) -> None:
        super().__init__(
            f"{feature} needs the optional package '{module}', which is not installed. "
            f"Install it with: pip install 'khabar[{extra}]'"
        )
        self.feature = feature
        self.extra = extra
        self.module = module


class AccountingError(KhabarError):
    """The run lost track of documents: read != kept + dropped + rejected."""
