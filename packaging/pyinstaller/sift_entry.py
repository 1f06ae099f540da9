"""The bundle's entry point: the same ``sift`` command as the installed package."""

import multiprocessing
import sys

from reader.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the analysis runs in a child process of the same executable
    sys.exit(main())
