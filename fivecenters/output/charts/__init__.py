"""Charts of one indicator: the geometry once, drawn as text or SVG.

The modules that define NamedTuples (geometry, ranking, layout) keep their annotations as objects, with
no `from __future__ import annotations`: `typing.NamedTuple` compiles each field's annotation given as a
string, some 60 k instructions a field at every start (a forward reference is quoted instead).
"""
