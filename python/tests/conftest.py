"""Shared fixtures: the rasd CLI and the source tree, passed by CTest
(python/CMakeLists.txt) in RASD_CLI, RASD_SOURCE_DIR and RASD_SHARED_DIR."""
import json
import os
import subprocess

import pytest

SOURCE_DIR = os.environ.get("RASD_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
SHARED_DIR = os.environ.get("RASD_SHARED_DIR", os.path.join(SOURCE_DIR, "..", "shared"))
CLI = os.environ.get("RASD_CLI", os.path.join(SOURCE_DIR, "build", "rasd"))


def cli(*args, input=None, codes=(0,)):
    """Runs `rasd ARGS…` and returns its stdout (bytes); fails the test on another exit code."""
    proc = subprocess.run([CLI, *args], input=input, capture_output=True, check=False)
    assert proc.returncode in codes, f"rasd {' '.join(args)}: exit {proc.returncode}: {proc.stderr.decode()}"
    return proc.stdout


def cli_docs(*args, input=None):
    """The JSON documents `rasd extract ARGS…` prints, one per line."""
    return [json.loads(line) for line in cli("extract", *args, input=input).splitlines() if line.strip()]


@pytest.fixture(scope="session")
def examples():
    d = os.path.join(SOURCE_DIR, "examples")
    paths = sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".txt"))
    assert paths, "examples/*.txt not found"
    return paths
