"""``python -m symlight`` is the ``symlight`` command."""

from symlight.cli import main

raise SystemExit(main())
