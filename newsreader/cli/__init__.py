"""The `newsreader` command line: the composition root that wires the core, the store and the UI.

`main` parses the arguments and runs a command; `library_commands` holds list, rm and add;
`terminal` prints everything (control characters shown as escapes).
It is the only part of the program that may import every other one.
"""

from newsreader.cli.main import main

__all__ = ["main"]
