"""Run newsterm with ``python -m newsterm``."""

from newsterm.launch import main

if __name__ == "__main__":
    main()
