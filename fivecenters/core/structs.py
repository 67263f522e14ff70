"""`struct`: `dataclasses.dataclass` that costs less to define, for every dataclass in fc.

Python 3.11's `dataclass` writes each method it adds as source and compiles it with its own
`exec`: `__init__`, `__repr__`, `__eq__`, and for a frozen class `__hash__`, `__setattr__` and
`__delattr__`. A command imports some forty dataclasses before it reads a byte: those compilations
took about a sixth of the instructions of a start-up whose libraries alone take ~190 ms
(bench/README.md). Here `__repr__`, `__eq__` and `__hash__` are shared functions that read the
class's fields, written once, and behave as the generated ones do: fields compared in order, only
between instances of the same class; a frozen class hashes its fields, a mutable one is unhashable.
A frozen class without slots shares its guard too: it refuses every assignment and deletion once
`__init__` has given each field its value. A frozen class with slots (the data file's records, made
by the hundred thousand) keeps dataclass's own guard and `__init__`, which assigns without a call
to Python per field. `dataclasses.fields`, `replace` and pydantic see an ordinary dataclass.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import FrozenInstanceError, dataclass, field, fields
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")

_KEY = "_struct_key"  # the class's function from an instance to the tuple of its compared fields


def _key_of(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        get = attrgetter(names[0])
        return lambda item: (get(item),)
    return lambda item: ()


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    key = getattr(self.__class__, _KEY)
    return bool(key(self) == key(other))


def _hash(self: Any) -> int:
    return hash(getattr(self.__class__, _KEY)(self))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.repr)
    return f"{self.__class__.__qualname__}({shown})"


def _frozen_setattr(self: Any, name: str, value: Any) -> None:
    """`__init__` gives each field its value once; nothing may be assigned after."""
    if name in self.__dataclass_fields__ and name not in self.__dict__:
        object.__setattr__(self, name, value)
    else:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


@overload
def struct(cls: type[T], /) -> type[T]: ...
@overload
def struct(*, frozen: bool = False, slots: bool = False, kw_only: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(field_specifiers=(field,))
def struct(
    cls: type[T] | None = None, /, *, frozen: bool = False, slots: bool = False, kw_only: bool = False
) -> type[T] | Callable[[type[T]], type[T]]:
    """A dataclass, as `@dataclass(frozen=…, slots=…, kw_only=…)` makes it, defined in fewer compilations."""

    def make(kind: type[T]) -> type[T]:
        # With slots, dataclass's own frozen `__init__` and guard: pydantic builds records through `__init__`,
        # and a guard in Python would cost a call per field of every record.
        own_guard = frozen and not slots
        made = dataclass(frozen=frozen and slots, slots=slots, kw_only=kw_only, eq=False, repr=False)(kind)
        compared = [f.name for f in fields(made) if f.compare]  # type: ignore[arg-type]
        setattr(made, _KEY, staticmethod(_key_of(compared)))
        made.__eq__ = _eq  # type: ignore[method-assign]
        made.__repr__ = _repr  # type: ignore[method-assign]
        if frozen:
            made.__hash__ = _hash  # type: ignore[method-assign]
        if own_guard:
            made.__setattr__ = _frozen_setattr  # type: ignore[method-assign]
            made.__delattr__ = _frozen_delattr  # type: ignore[method-assign]
        if not frozen:
            made.__hash__ = None  # type: ignore[method-assign,assignment]
        return made

    return make if cls is None else make(cls)
