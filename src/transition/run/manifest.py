"""Moved to :mod:`transition.publish.manifest` (the publishing room); the names stay importable here."""
from transition.publish.manifest import *  # noqa: F401,F403
from transition.publish.manifest import README_PATH, _calls  # noqa: F401
