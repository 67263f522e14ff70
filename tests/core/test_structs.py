"""`struct` must behave as `dataclass` does: equality, hashing and repr are what fc's code and its
tests rely on when they compare records, put them in sets or print them in a failure."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import field
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fivecenters.core.model import Citation, Source, adapter
from fivecenters.core.structs import struct

values = st.one_of(st.none(), st.integers(), st.text(max_size=5), st.tuples(st.integers()))


@struct(frozen=True)
class Point:
    x: object
    y: object = None
    label: str = field(default="", compare=False, repr=False)


@dataclasses.dataclass(frozen=True)
class DataPoint:
    x: object
    y: object = None
    label: str = field(default="", compare=False, repr=False)


@struct
class Mutable:
    items: list[int] = field(default_factory=list)


@struct(frozen=True)
class Single:
    only: object


@struct(frozen=True)
class Empty:
    pass


@given(values, values, values, values, st.text(max_size=3), st.text(max_size=3))
def test_equality_hash_and_repr_are_the_dataclass_ones(a: object, b: object, c: object, d: object, s: str, t: str):
    left, right = Point(a, b, s), Point(c, d, t)
    data_left, data_right = DataPoint(a, b, s), DataPoint(c, d, t)
    assert (left == right) == (data_left == data_right)
    assert (left != right) == (data_left != data_right)
    assert hash(left) == hash(data_left)
    assert repr(left) == repr(data_left).replace("DataPoint", "Point")


def test_fields_not_compared_are_ignored_and_other_classes_are_never_equal():
    assert Point(1, 2, "a") == Point(1, 2, "b")
    assert Point(1, 2) != DataPoint(1, 2)
    assert Point(1) != (1, None)
    assert Single(1) == Single(1) and Single(1) != Single(2) and hash(Single(3)) == hash((3,))
    assert Empty() == Empty() and hash(Empty()) == hash(())


def test_a_mutable_struct_compares_by_value_and_is_unhashable():
    assert Mutable([1]) == Mutable([1]) and Mutable([1]) != Mutable([2])
    with pytest.raises(TypeError, match="unhashable"):
        hash(Mutable())
    assert repr(Mutable([1])) == "Mutable(items=[1])"


def test_a_frozen_struct_refuses_every_assignment_and_deletion_after_init():
    point = Point(1, 2)
    for name in ("x", "label", "other"):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(point, name, 3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        del point.x
    assert (point.x, point.y, point.label) == (1, 2, "")
    assert dataclasses.replace(point, y=5) == Point(1, 5) and point.y == 2


def test_frozen_records_stay_frozen_with_slots_and_replaceable():
    source = Source(id="a", title="T", publisher="P", language="en")
    with pytest.raises(dataclasses.FrozenInstanceError):
        source.title = "U"  # type: ignore[misc]
    assert not hasattr(source, "__dict__")
    changed = dataclasses.replace(source, title="U")
    assert changed != source and changed == Source(id="a", title="U", publisher="P", language="en")
    assert {Citation(source="a", quote="q"), Citation(source="a", quote="q")} == {Citation(source="a", quote="q")}


def _derived(make: Any) -> Any:
    """The same class made by `make` (struct or dataclass), to hold one to the other."""

    @make
    class Derived:
        x: int
        items: list[int] = field(default_factory=list)
        double: int = field(init=False, default=0)

        def __post_init__(self) -> None:
            object.__setattr__(self, "double", 2 * self.x)

    return Derived


Derived, DataDerived = _derived(struct(frozen=True)), _derived(dataclasses.dataclass(frozen=True))


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [((), {}), ((1, [2], 3), {}), ((1,), {"x": 2}), ((), {"x": 1, "other": 2}), ((), {"double": 1, "x": 1})],
)
def test_init_refuses_what_the_dataclass_init_refuses(args: tuple[object, ...], kwargs: dict[str, object]):
    with pytest.raises(TypeError):
        DataDerived(*args, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Derived(*args, **kwargs)  # type: ignore[arg-type]


@given(st.integers(), st.lists(st.integers(), max_size=3), st.booleans())
def test_init_takes_fields_in_order_or_by_name_with_defaults_factories_and_post_init(
    x: int, items: list[int], by_name: bool
):
    made = Derived(x=x, items=items) if by_name else Derived(x, items)
    expected = DataDerived(x=x, items=items)
    assert (made.x, made.items, made.double) == (expected.x, expected.items, expected.double)
    assert Derived(x).items == [] and Derived(x).items is not Derived(x).items


def test_keyword_only_records_refuse_positions_and_fields_out_of_order_are_refused_as_dataclass_does():
    with pytest.raises(TypeError, match="positional"):
        Citation("a", "q")  # type: ignore[misc]
    with pytest.raises(TypeError, match="non-default argument 'y' follows default argument"):

        @struct
        class Misordered:
            x: int = 0
            y: int  # type: ignore[misc]


def test_frozen_slots_records_copy_and_pickle_and_pydantic_builds_them_frozen():
    citation = Citation(source="a", quote="q", note="n")
    assert copy.copy(citation) == citation == pickle.loads(pickle.dumps(citation))
    assert copy.deepcopy(citation) == citation
    built = adapter(Citation).validate_python({"source": "a", "quote": "q", "note": "n"})
    assert built == citation and dataclasses.fields(built) == dataclasses.fields(Citation)
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.quote = "r"
    assert Citation.__dataclass_params__.frozen and not Mutable.__dataclass_params__.frozen


def _mixed(make: Any) -> Any:
    """A class with a keyword-only field between positional ones, made by `make`."""

    @make
    class Mixed:
        x: int
        y: int = field(default=0, kw_only=True)
        z: int = 1

    return Mixed


Mixed, DataMixed = _mixed(struct), _mixed(dataclasses.dataclass)


@pytest.mark.parametrize(
    ("args", "kwargs"), [((1,), {}), ((1, 2), {}), ((1,), {"y": 3}), ((1, 2, 3), {}), ((), {"x": 1, "z": 2})]
)
def test_keyword_only_fields_are_taken_by_name_alone_as_dataclass_takes_them(
    args: tuple[int, ...], kwargs: dict[str, int]
):
    try:
        expected = DataMixed(*args, **kwargs)
    except TypeError:
        with pytest.raises(TypeError):
            Mixed(*args, **kwargs)
    else:
        made = Mixed(*args, **kwargs)
        assert (made.x, made.y, made.z) == (expected.x, expected.y, expected.z)


def test_a_class_that_defines_its_own_init_keeps_it_and_stays_frozen():
    @struct(frozen=True)
    class Own:
        x: int
        twice: int = field(init=False, compare=False)

        def __init__(self, x: int) -> None:
            object.__setattr__(self, "x", x)
            object.__setattr__(self, "twice", 2 * x)

    made = Own(3)
    assert (made.x, made.twice) == (3, 6) and made == Own(3) and hash(made) == hash(Own(3))
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.x = 4  # type: ignore[misc]


def test_fields_held_in_a_base_classs_slots_are_set_in_the_slots():
    @struct(slots=True)
    class Base:
        x: int

    @struct
    class Sub(Base):
        y: int = 0

    made = Sub(1, y=2)
    assert (made.x, made.y) == (1, 2) and made == Sub(1, 2) and made != Sub(1)
