"""The output layer: draws the core's records as text, grids, charts, Markdown, CSV and HTML."""
