"""One check shared by the parameter-spec tests: a bad value is refused with the given fragments."""
from __future__ import annotations

import pytest


def assert_refused(spec, values: dict, fragments) -> None:
    """``spec.check(**values)`` raises one ValueError whose message contains every fragment."""
    with pytest.raises(ValueError) as error:
        spec.check(**values)
    for fragment in fragments:
        assert fragment in str(error.value), (fragment, str(error.value))
