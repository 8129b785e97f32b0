"""Moved to :mod:`transition.publish.book` (the publishing room); kept so that old commands work:
``python -m transition.run.book status|update|build``."""
from transition.publish.book import *  # noqa: F401,F403
from transition.publish.book import main

if __name__ == "__main__":
    raise SystemExit(main())
