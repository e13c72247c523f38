#!/usr/bin/env python3
# tests/bench/check-driver.py: the benchmark's driver works, and only in
# pyprep-bench-app: the shipped pyprep ignores its variables, and opening a
# folder from the driver leaves the user's settings alone.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-driver.py PYPREP PYPREP_BENCH_APP DECK_FOLDER
# Runs on the virtual display that tests/run-test.sh --display provides.
import os
import pathlib
import subprocess
import sys
import tempfile
import time

WAIT_S = 150
checks = 0


def ok(condition, what):
    global checks
    checks += 1
    print(f"{'ok' if condition else 'not ok'} {checks} - {what}", flush=True)
    return condition


def events(log):
    if not log.exists():
        return []
    return [line.split()[:2] for line in log.read_text(encoding="utf-8").splitlines()
            if len(line.split()) == 3]


def run(argv, scratch, extra):
    """Starts argv with a home of its own; returns the process and its trace file."""
    home = pathlib.Path(tempfile.mkdtemp(prefix="run-", dir=scratch))
    for name in ("home", "data", "config", "cache"):
        (home / name).mkdir()
    env = dict(os.environ)
    env.update({
        "HOME": str(home / "home"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "PYPREP_TRACE_FILE": str(home / "events.log"),
        "G_DEBUG": "",
        **extra,
    })
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    return process, home


def wait_for(process, log, name, seconds=WAIT_S):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if any(e[0] == name for e in events(log)):
            return True
        if process.poll() is not None:
            return False
        time.sleep(0.05)
    return False


def deck_id(entry_id):
    return entry_id.split("/")[0]


def stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: check-driver.py PYPREP PYPREP_BENCH_APP DECK_FOLDER")
    pyprep, bench_app, deck = sys.argv[1:]
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        print("1..0 # SKIP no display")
        return
    print("1..10", flush=True)
    driver = {"PYPREP_BENCH_SWITCHES": "2", "PYPREP_BENCH_OPEN": deck}

    with tempfile.TemporaryDirectory() as scratch:
        # The shipped app: painted, then nothing the driver would do.
        process, home = run([pyprep], scratch, driver)
        log = home / "events.log"
        ok(wait_for(process, log, "painted"), "pyprep paints its first entry")
        time.sleep(2)
        stop(process)
        names = [e[0] for e in events(log)]
        ok(not {"switch", "open-start", "done"} & set(names),
           f"pyprep ignores the benchmark's variables (marks: {sorted(set(names))})")

        # The driven app, with settings that would be written to disk.
        process, home = run([bench_app], scratch, {**driver, "GSETTINGS_BACKEND": "keyfile"})
        log = home / "events.log"
        done = wait_for(process, log, "done")
        stop(process)
        seen = events(log)
        ok(done, "pyprep-bench-app logs done")
        switches = [i for i, e in enumerate(seen) if e[0] == "switch"]
        ok(len(switches) == 2, f"it switched twice ({len(switches)})")
        ok(all(any(p == ["painted", seen[i][1]] for p in seen[i + 1:]) for i in switches),
           "every switch was painted")
        ok(any(e[0] == "opened" for e in seen) and any(e[0] == "stall" for e in seen),
           "it opened the folder, painted its first entry and logged the stall")
        names = [e[0] for e in seen]
        ok(names.count("stall-start") == 1 and names.count("stall-switch") == 2
           and names.index("opened") < switches[0] and deck_id(seen[switches[0]][1]) == deck_id(seen[names.index("opened")][1]),
           "it logged the stalls of the start and of each switch, switching in the opened deck")
        keyfile = home / "config" / "glib-2.0" / "settings" / "keyfile"
        written = keyfile.read_text(errors="replace") if keyfile.exists() else ""
        ok(str(pathlib.Path(deck).resolve()) not in written and deck not in written,
           "opening the folder left the settings alone")

        # Showing the annotations panel, as the bench does for 10,000 of them.
        process, home = run([bench_app], scratch, {"PYPREP_BENCH_ANNOTATIONS": "1"})
        log = home / "events.log"
        done = wait_for(process, log, "done")
        stop(process)
        names = [e[0] for e in events(log)]
        ok(done and "annotations-start" in names and "stall-annotations" in names
           and names.index("annotations-start") < names.index("annotations-shown") < names.index("done"),
           f"it showed the annotations panel and logged it (marks: {sorted(set(names))})")
        ok(done and "stall-annotation-change" in names
           and names.index("annotations-shown") < names.index("annotation-change")
           < names.index("stall-annotation-change") < names.index("done"),
           f"then it added an annotation and logged the stall (marks: {sorted(set(names))})")


main()
