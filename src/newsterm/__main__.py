"""Run newsterm with ``python -m newsterm``."""

from newsterm.cli import main

if __name__ == "__main__":
    main()
