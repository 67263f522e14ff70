"""The core: the data model, loading, checks, comparisons, progress and storage, as plain functions and data.

Nothing here imports typer, rich or the output layer."""
