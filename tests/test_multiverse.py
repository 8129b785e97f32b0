"""The multiverse engine on a toy claim: local and Dask agree, a killed run resumes, specs are checked."""
from __future__ import annotations

import pytest

from transition.claims.space import Dimension, Space, SpecOutsideSpace
from transition.run import multiverse

TOY = "multiverse_toy"


def test_every_specification_is_evaluated_once_and_stored(tmp_path):
    report = multiverse.run(["TOY"], jobs=2, store=tmp_path, registry=TOY, batch_size=5, progress=False)
    assert report.evaluated == {"TOY": 24} and report.reused == {"TOY": 0}
    table = multiverse.read_store(tmp_path, "TOY")
    assert len(table) == 24 and table["key"].is_unique
    default = table[(table["threshold"] == 2.0) & (table["scale"] == 1) & (table["source"] == "a")]
    assert default["verdict"].tolist() == ["supported"] and default["n_share_above"].tolist() == [0.5]


def test_a_resumed_run_never_recomputes_a_finished_specification(tmp_path):
    first = multiverse.run(["TOY"], jobs=1, store=tmp_path, registry=TOY, batch_size=4, limit=10, progress=False)
    assert first.evaluated == {"TOY": 10}
    (tmp_path / "TOY" / ".partial.parquet.tmp").write_bytes(b"half a file")  # what a kill leaves behind
    second = multiverse.run(["TOY"], jobs=2, store=tmp_path, registry=TOY, batch_size=4, progress=False)
    assert second.reused == {"TOY": 10} and second.evaluated == {"TOY": 14}
    assert len(multiverse.read_store(tmp_path, "TOY")) == 24


@pytest.mark.slow
def test_local_and_dask_engines_give_identical_results(tmp_path):
    multiverse.run(["TOY"], engine="local", jobs=2, store=tmp_path / "local", registry=TOY, progress=False)
    multiverse.run(["TOY"], engine="dask", jobs=2, store=tmp_path / "dask", registry=TOY, progress=False)
    local = multiverse.read_store(tmp_path / "local", "TOY")
    dask = multiverse.read_store(tmp_path / "dask", "TOY")
    assert local.equals(dask)


def test_a_specification_outside_its_space_is_refused_clearly():
    space = Space("CX", (Dimension("source", ("wdi", "pwt"), "wdi"),))
    with pytest.raises(SpecOutsideSpace, match="source = 'imf': not in the declared values"):
        space.spec(source="imf")
    with pytest.raises(SpecOutsideSpace, match="colour: not a choice of CX"):
        space.spec(colour="red")


def test_specification_hashes_are_stable_and_order_free():
    space = Space("CX", (Dimension("a", (1, 2), 1), Dimension("b", ("x", "y"), "x")))
    assert space.spec(a=2).key == space.spec(a=2, b="x").key != space.default().key
    assert len({spec.key for spec in space.specs()}) == space.size == 4
