"""Allow ``python -m olivebranch``."""

from olivebranch.cli import main

main()
