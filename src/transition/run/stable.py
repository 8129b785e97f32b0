"""Stable notebooks: an executed notebook keeps nothing of the moment or the kernel that ran it.

The last step of every execution by the runner (:func:`transition.run.worker.tidy`), before the
notebook is stored in the execution cache and moved into place: papermill's and the kernel's
record of *when* (the run's start, end and duration; each cell's start, end, duration, status and
the kernel's ``iopub`` timestamps) is removed. What stays is what the run *was*: the cells, their
outputs and execution counts, the kernel and language, and papermill's record of the parameters and
paths. So the same inputs give the same bytes, and a fresh run of an unchanged notebook changes no
committed file (``git status`` stays empty after ``make all``).

Examples
--------
>>> nb = {"metadata": {"papermill": {"duration": 1.5, "parameters": {}}},
...       "cells": [{"metadata": {"execution": {"iopub.status.idle": "…"}, "papermill": {"duration": 0.1}, "tags": []}}]}
>>> strip_volatile(nb)
{'metadata': {'papermill': {'parameters': {}}}, 'cells': [{'metadata': {'tags': []}}]}
"""
from __future__ import annotations

#: Keys of papermill's notebook metadata that record the moment of a run.
VOLATILE_PAPERMILL = ("duration", "start_time", "end_time")
#: Keys of a cell's metadata written by an execution: papermill's timings and status, the kernel's timestamps.
VOLATILE_CELL = ("papermill", "execution")


def strip_volatile(nb: dict) -> dict:
    """Remove the execution's timestamps, durations and cell statuses from ``nb`` (in place); ``nb``."""
    papermill = nb.get("metadata", {}).get("papermill")
    if isinstance(papermill, dict):
        for key in VOLATILE_PAPERMILL:
            papermill.pop(key, None)
    for cell in nb.get("cells", []):
        metadata = cell.get("metadata", {})
        for key in VOLATILE_CELL:
            metadata.pop(key, None)
    return nb


def volatile_keys(nb: dict) -> list[str]:
    """Where ``nb`` still holds execution timings (for the tests of committed notebooks): ``[]`` when stable."""
    found = [f"metadata.papermill.{key}" for key in VOLATILE_PAPERMILL
             if key in nb.get("metadata", {}).get("papermill", {})]
    for number, cell in enumerate(nb.get("cells", []), start=1):
        found += [f"cell {number}: metadata.{key}" for key in VOLATILE_CELL if key in cell.get("metadata", {})]
    return found
