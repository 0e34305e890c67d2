"""``python -m extraction``: see :mod:`extraction.cli`."""

import sys

from extraction.cli import main

sys.exit(main())
