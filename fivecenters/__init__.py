"""fivecenters: track Shanghai's "Five Centers" indicators, every figure with its source."""

__version__ = "0.1.0"
