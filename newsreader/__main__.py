"""Run the command line with `python -m newsreader`."""

from newsreader.cli.main import main

raise SystemExit(main())
