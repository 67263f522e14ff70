"""fivecenters: track Shanghai's "Five Centers" indicators, every figure with its source."""

import sys
from pathlib import Path

__version__ = "0.2.0"


def program_name() -> str:
    """`fc` when run as `fc`, else `fivecenters`: the name in usage lines and in the completion variable."""
    return "fc" if Path(sys.argv[0]).stem == "fc" else "fivecenters"  # stem: fc.exe on Windows
