"""`python -m fivecenters.cli`."""

from fivecenters.cli.app import main

main()
