"""`struct`: `dataclasses.dataclass` that costs less to define, for every dataclass in fc.

Python 3.11's `dataclass` writes each method it adds as source and compiles it with its own
`exec`: `__init__`, `__repr__`, `__eq__`, and for a frozen class `__hash__`, `__setattr__` and
`__delattr__`. A command imports some fifty dataclasses before it reads a byte: those compilations
took a quarter of the instructions fc's own modules cost to import (bench/README.md). Here every
method is a shared function, or a closure over the class's fields, written once, and behaves as
the generated one does: `__init__` takes the fields as dataclass's does (in order, or by name
alone for keyword-only fields; defaults, default factories, `__post_init__`); fields are compared in order,
only between instances of the same class; a frozen class hashes its fields, a mutable one is
unhashable, and a frozen one refuses every assignment and deletion (its `__init__` and pydantic,
which builds the data file's records without calling `__init__`, set fields past the guard).
`dataclasses.fields`, `replace`, `copy`, `pickle` and pydantic see an ordinary dataclass.
A class that defines its own `__init__` keeps it, as with `dataclass(init=False)`: the shared one
looks its arguments up by name, which a class made thousands of times per command may not afford.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, FrozenInstanceError, dataclass, field, fields
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")

_KEY = "_struct_key"  # the class's function from an instance to the tuple of its compared fields
_set = object.__setattr__


def _key_of(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        get = attrgetter(names[0])
        return lambda item: (get(item),)
    return lambda item: ()


def _init_of(kind: type[Any]) -> Callable[..., None]:
    """`kind`'s `__init__`: each field from the arguments (by position too unless it is keyword-only),
    else its default, else its default factory."""
    name = f"{kind.__qualname__}.__init__()"
    taken = [(f.name, f.default, f.default_factory) for f in fields(kind) if f.init]
    left = [(f.name, f.default, f.default_factory) for f in fields(kind) if not f.init]
    positional = [f.name for f in fields(kind) if f.init and not f.kw_only]
    defaulted = False
    for field_name, default, factory in taken:  # as dataclass refuses such a class
        if field_name not in positional:
            continue
        if default is not MISSING or factory is not MISSING:
            defaulted = True
        elif defaulted:
            raise TypeError(f"non-default argument {field_name!r} follows default argument")
    post_init = getattr(kind, "__post_init__", None)
    # The positional fields first, as the arguments give them: those after the last argument given come by name.
    by_name_only = [entry for entry in taken if entry[0] not in positional]
    ordered = [entry for entry in taken if entry[0] in positional] + by_name_only

    def __init__(self: Any, *args: Any, **values: Any) -> None:
        given = len(args)
        if given > len(positional):
            takes = len(positional) + 1  # self included, as Python counts
            plural = "s" if takes > 1 else ""
            raise TypeError(f"{name} takes {takes} positional argument{plural} but {given + 1} were given")
        if given:  # most records are made from positions alone: each is set as it comes, with no dictionary between
            if values:
                for field_name in positional[:given]:
                    if field_name in values:
                        raise TypeError(f"{name} got multiple values for argument {field_name!r}")
            for field_name, value in zip(positional, args, strict=False):
                _set(self, field_name, value)
        for field_name, default, factory in ordered[given:] if given else ordered:
            value = values.pop(field_name, MISSING)
            if value is MISSING:
                if default is not MISSING:
                    value = default
                elif factory is not MISSING:
                    value = factory()  # type: ignore[operator]
                else:
                    raise TypeError(f"{name} missing 1 required argument: {field_name!r}")
            _set(self, field_name, value)
        if values:
            raise TypeError(f"{name} got an unexpected keyword argument {next(iter(values))!r}")
        for field_name, default, factory in left:
            if default is not MISSING:
                _set(self, field_name, default)
            elif factory is not MISSING:
                _set(self, field_name, factory())
        if post_init is not None:
            post_init(self)

    return __init__


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
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _getstate(self: Any) -> list[Any]:
    """A frozen slots instance's fields, for copy and pickle (which would assign them through the guard)."""
    return [getattr(self, f.name) for f in fields(self)]


def _setstate(self: Any, state: list[Any]) -> None:
    for f, value in zip(fields(self), state, strict=True):
        _set(self, f.name, value)


@overload
def struct(cls: type[T], /) -> type[T]: ...
@overload
def struct(*, frozen: bool = False, slots: bool = False, kw_only: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(field_specifiers=(field,))
def struct(
    cls: type[T] | None = None, /, *, frozen: bool = False, slots: bool = False, kw_only: bool = False
) -> type[T] | Callable[[type[T]], type[T]]:
    """A dataclass, as `@dataclass(frozen=…, slots=…, kw_only=…)` makes it, defined without a compilation."""

    def make(kind: type[T]) -> type[T]:
        # dataclass compiles nothing when it is asked for no method: only the fields, slots and match args.
        made = dataclass(init=False, repr=False, eq=False, slots=slots, kw_only=kw_only)(kind)
        if "__init__" not in kind.__dict__:
            made.__init__ = _init_of(made)  # type: ignore[method-assign]
        params = made.__dataclass_params__  # type: ignore[attr-defined]
        params.init = params.repr = params.eq = True  # what the class has, as dataclass would say
        params.frozen = frozen  # pydantic sets a frozen record's fields past its guard
        compared = [f.name for f in fields(made) if f.compare]  # type: ignore[arg-type]
        setattr(made, _KEY, staticmethod(_key_of(compared)))
        made.__eq__ = _eq  # type: ignore[method-assign]
        made.__repr__ = _repr  # type: ignore[method-assign]
        if frozen:
            made.__hash__ = _hash  # type: ignore[method-assign]
            made.__setattr__ = _frozen_setattr  # type: ignore[method-assign]
            made.__delattr__ = _frozen_delattr  # type: ignore[method-assign]
            if slots:
                made.__getstate__ = _getstate  # type: ignore[method-assign]
                made.__setstate__ = _setstate  # type: ignore[attr-defined]
        else:
            made.__hash__ = None  # type: ignore[method-assign,assignment]
        return made

    return make if cls is None else make(cls)
