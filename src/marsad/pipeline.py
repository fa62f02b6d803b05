"""Named pipeline stages ``Doc -> Doc`` that declare what they require and assign.

A stage is registered with a factory that receives the shared resources and returns the
callable (so heavy resources such as the gazetteer load once per pipeline, not per doc).
``Pipeline`` checks the chain once at start-up: every attribute a stage requires must be
assigned by an earlier stage (or be one of the inputs ``text`` and ``meta``).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from marsad.doc import Doc
from marsad.errors import E, MarsadError

INPUTS = frozenset({"text", "meta"})


@dataclass(frozen=True)
class StageSpec:
    name: str
    factory: Callable[..., Callable[[Doc], Doc]]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


REGISTRY: dict[str, StageSpec] = {}


def stage(name: str, *, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = ()):
    """Register a stage factory under ``name``."""
    def deco(factory):
        REGISTRY[name] = StageSpec(name, factory, tuple(requires), tuple(assigns))
        return factory
    return deco


# The order of DESIGN.md. Stage modules register themselves when imported.
STAGE_MODULES = ("basic", "dateline", "places", "actors", "persons", "ner", "sources",
                 "time", "quantities", "events", "routes")
ORDER = ("normalize", "segment", "dateline", "places", "actors", "persons", "ner", "sources",
         "time", "quantities", "events", "routes")
OPTIONAL = ("ner",)   # registered, but only run when asked for (slower)


def _load_stage_modules() -> None:
    import importlib
    for name in STAGE_MODULES:
        module = f"marsad.stages.{name}"
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:   # a real missing dependency, not a stage still to be written
                raise


def default_stages(optional: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The default chain: every registered stage in DESIGN.md's order, leaving out the
    optional ones (the tagger "ner") unless asked for in ``optional``."""
    _load_stage_modules()
    return tuple(name for name in ORDER
                 if name in REGISTRY and (name not in OPTIONAL or name in optional))


def check_chain(names: tuple[str, ...]) -> list[StageSpec]:
    _load_stage_modules()
    specs, available = [], set(INPUTS)
    for name in names:
        if name not in REGISTRY:
            raise MarsadError(E.UNKNOWN_STAGE, stage=name, known=", ".join(REGISTRY))
        spec = REGISTRY[name]
        for attr in spec.requires:
            if attr not in available:
                raise MarsadError(E.PIPELINE_MISSING, stage=name, attr=attr, order=" → ".join(names))
        available.update(spec.assigns)
        specs.append(spec)
    return specs


class Pipeline:
    def __init__(self, names: tuple[str, ...] | None = None, **resources):
        self.specs = check_chain(names or default_stages())
        self.stages = [(spec.name, spec.factory(**resources)) for spec in self.specs]

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.stages]

    def __call__(self, doc: Doc) -> Doc:
        for _, fn in self.stages:
            doc = fn(doc)
        return doc

    def run_text(self, text: str, meta: dict | None = None) -> Doc:
        return self(Doc(text=text, meta=dict(meta or {})))
