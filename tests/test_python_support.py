"""Every package the app runs on was made for the Python running it.

uv installs from the lock without checking a dependency's own Requires-Python upper bound:
PySide6-Essentials 6.11.3 says `<3.15`, yet it went into a Python 3.15 environment and
seemed to work. Qt for Python is built against each Python's C API; one outside its range
is untested by Qt and may crash where our tests do not look. So the lock pins per Python
(pyproject.toml: 6.11.3 up to 3.14, 6.12.0 from 3.15), and this test fails when a Python
gets a package that does not declare support for it — on every Python `make test-all` and
the CI run.
"""

from __future__ import annotations

import platform
from importlib import metadata

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet


def runtime_distributions(name: str = "rolleudpeger") -> dict[str, metadata.Distribution]:
    """The app's distribution and everything it needs at run time here (markers applied)."""
    found: dict[str, metadata.Distribution] = {}
    todo = [name]
    while todo:
        dist = metadata.distribution(todo.pop())
        key = dist.metadata["Name"].lower().replace("_", "-")
        if key in found:
            continue
        found[key] = dist
        for line in dist.requires or []:
            req = Requirement(line)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    return found


def test_every_runtime_package_declares_support_for_this_python() -> None:
    here = platform.python_version()
    dists = runtime_distributions()
    assert {"pyside6-essentials", "shiboken6", "sqlalchemy"} <= set(dists)
    outside = {
        name: dist.metadata["Requires-Python"]
        for name, dist in dists.items()
        if dist.metadata["Requires-Python"]
        and not SpecifierSet(dist.metadata["Requires-Python"]).contains(here, prereleases=True)
    }
    assert outside == {}, f"not made for Python {here}: {outside}"
