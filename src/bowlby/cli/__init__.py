"""The `bowlby` command: a thin shell over bowlby.services."""
