"""Charts of one indicator: the geometry once, drawn as text or SVG."""
