#!/usr/bin/env python3
# tests/check-deck-python.py: runs every ```python block of a deck's Markdown
# and compares what it prints with the ```output block that follows it.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-deck-python.py DECK_FOLDER...
# Prints a summary line and `file:line: message` for each failure.
#
# A ```python {predict} block is a question whose answer is its recorded
# output: it must have an ```output block, and Pyprep, which never runs
# code, trusts that record, so this is the check that keeps it true.

import concurrent.futures
import os
import pathlib
import re
import subprocess
import sys
import tempfile

FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*([^`\s]*)([^`]*)$")
PREDICT = re.compile(r"\{predict\b")


def blocks(path):
    """Yields (line, info, text, end, attributes) for every fenced block of a
    Markdown file; info is the first word of the info string."""
    lines = path.read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, fence, info, attributes = len(m.group(1)), m.group(2), m.group(3), m.group(4)
        start = i + 1
        body = []
        i += 1
        while i < len(lines):
            close = re.match(r"^\s*" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}\s*$", lines[i])
            if close:
                break
            line = lines[i]
            body.append(line[indent:] if line[:indent].strip() == "" else line.lstrip())
            i += 1
        yield start, info, "\n".join(body) + "\n", i + 1, attributes
        i += 1


def programs(path):
    """Yields (line, code, expected output or None, whether a predict
    question) for each python block."""
    found = list(blocks(path))
    text_lines = path.read_text(encoding="utf-8").split("\n")
    for n, (line, info, code, end, attributes) in enumerate(found):
        if info != "python":
            continue
        expected = None
        if n + 1 < len(found) and found[n + 1][1] == "output":
            between = text_lines[end:found[n + 1][0] - 1]
            if all(not l.strip() for l in between):
                expected = found[n + 1][2]
        yield line, code, expected, PREDICT.search(attributes) is not None


def run(item):
    path, line, code, expected, predict = item
    if predict and expected is None:
        return f"{path}:{line}: the predict block has no output block right after it"
    with tempfile.TemporaryDirectory(prefix="pyprep-deck-python-") as tmp:
        script = pathlib.Path(tmp, "block.py")
        script.write_text(code, encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        env["PYTHONHASHSEED"] = "0"
        try:
            done = subprocess.run([sys.executable, str(script)], cwd=tmp, env=env,
                                  capture_output=True, text=True, timeout=30)
        except subprocess.TimeoutExpired:
            return f"{path}:{line}: the block ran for more than 30 s"
    if done.returncode != 0:
        last = done.stderr.strip().splitlines()[-1:] or ["(no message)"]
        return f"{path}:{line}: the block exited with {done.returncode}: {last[0]}"
    if expected is not None:
        clean = lambda s: "\n".join(l.rstrip() for l in s.rstrip().split("\n"))
        if clean(done.stdout) != clean(expected):
            return (f"{path}:{line}: the output differs\n--- shown\n{clean(expected)}\n"
                    f"--- printed\n{clean(done.stdout)}")
    return None


def main():
    items = []
    for deck in map(pathlib.Path, sys.argv[1:]):
        for path in sorted(deck.glob("*/*.md")):
            for line, code, expected, predict in programs(path):
                items.append((path, line, code, expected, predict))
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        failures = [f for f in pool.map(run, items) if f]
    with_output = sum(1 for item in items if item[3] is not None)
    predicts = sum(1 for item in items if item[4])
    for failure in failures:
        print(failure)
    print(f"{len(items)} python blocks run, {with_output} with shown output, "
          f"{predicts} predict questions, {len(failures)} failed")
    return 1 if failures or not items else 0


sys.exit(main())
