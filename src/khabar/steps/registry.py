"""The steps khabar knows, by name. ``khabar steps`` lists them with their versions.

Steps are registered explicitly here (no import-time side effects, no global mutation): a name
maps to ``module:Class``, imported only when a pipeline uses it.
"""

from __future__ import annotations

import importlib

from khabar.errors import StepNotFound
from khabar.steps.base import Step

STEPS: dict[str, str] = {
    "extract": "khabar.steps.news:ExtractStep",
    "boilerplate": "khabar.steps.news:BoilerplateStep",
    "fix": "khabar.steps.text:FixStep",
    "langid": "khabar.steps.corpus:LangIdStep",
    "sitelines": "khabar.steps.corpus:SiteLinesStep",
    "structure": "khabar.steps.news:StructureStep",
    "quality": "khabar.steps.corpus:QualityStep",
    "dedup": "khabar.steps.corpus:DedupStep",
}


def step_class(name: str) -> type[Step]:
    try:
        target = STEPS[name]
    except KeyError:
        raise StepNotFound(f"unknown step {name!r}; available steps: {', '.join(STEPS)}") from None
    module, _, cls = target.partition(":")
    return getattr(importlib.import_module(module), cls)  # type: ignore[no-any-return]
