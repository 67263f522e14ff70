"""fivecenters: track Shanghai's "Five Centers" indicators, every figure with its source."""

import os.path
import sys

__version__ = "0.2.0"


def program_name() -> str:
    """`fc` when run as `fc`, else `fivecenters`: the name in usage lines and in the completion variable."""
    # The stem (fc.exe on Windows), by os.path: importing pathlib would slow `fc --version`.
    stem = os.path.splitext(os.path.basename(sys.argv[0]))[0]
    return "fc" if stem == "fc" else "fivecenters"
