"""``python -m reader`` does what the ``sift`` command does."""

import sys

from reader.cli import main

sys.exit(main())
