from fivecenters.cli import main

main()
