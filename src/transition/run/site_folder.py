"""Moved to :mod:`transition.publish.site_folder` (the publishing room); the names stay importable here."""
from transition.publish.site_folder import *  # noqa: F401,F403
from transition.publish.site_folder import MARKER, MARKER_TEXT, SITE_DIR  # noqa: F401
