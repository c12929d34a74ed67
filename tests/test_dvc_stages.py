"""Every DVC stage declares, as dependencies, the repository modules its command imports."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
COMMAND_RE = re.compile(r"^\s*newsstance\s+([a-z_]+)")


def _stages() -> dict[str, dict]:
    return yaml.safe_load((REPO / "dvc.yaml").read_text(encoding="utf-8"))["stages"]


def _imported_files(module: str) -> list[str]:
    """Repository files loaded by importing `module` and calling nothing (its top-level imports)."""
    code = (f"import json, sys; import {module}; "
            f"print(json.dumps(sorted(m.__file__ for m in list(sys.modules.values()) if getattr(m, '__file__', None))))")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    files = [Path(name).resolve() for name in json.loads(done.stdout.strip().splitlines()[-1])]
    package = REPO / "pipeline"
    return sorted(path.relative_to(REPO).as_posix() for path in files
                  if path.is_relative_to(package) and path != package / "__init__.py")


@pytest.mark.parametrize("name", sorted(_stages()))
def test_stage_declares_the_modules_its_command_imports(name: str):
    stage = _stages()[name]
    command = stage["do"]["cmd"] if "do" in stage else stage["cmd"]
    match = COMMAND_RE.match(command)
    assert match, f"stage {name}: command does not run newsstance: {command}"
    deps = [dep.replace("${item}", "") for dep in (stage["do"]["deps"] if "do" in stage else stage["deps"])]
    missing = [path for path in _imported_files(f"pipeline.{match.group(1)}")
               if not any(path == dep or path.startswith(dep.rstrip("/") + "/") for dep in deps)]
    assert not missing, f"stage {name} imports {missing} but does not list them in dvc.yaml deps"
