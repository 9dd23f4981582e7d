"""`python -m bowlby` runs the command line."""

from bowlby.cli.main import run

run()
