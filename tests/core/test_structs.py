"""`struct` must behave as `dataclass` does: equality, hashing and repr are what fc's code and its
tests rely on when they compare records, put them in sets or print them in a failure."""

from __future__ import annotations

import dataclasses
from dataclasses import field

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fivecenters.core.model import Citation, Source
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
