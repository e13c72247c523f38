#!/usr/bin/env python3
# tests/probes/annotations.py: an entry holding 5,000, 10,000 and 20,000 annotations, timed.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage (a few minutes; not part of the suite):
#   build-aux/dev.sh shell python3 tests/probes/annotations.py . _build [RUNS] [COUNT...]
#
# Issue 24, item 5: the probe that found 22 s, 46 s and 95 s to first paint.
# It runs the bench's driven app (tests/bench/bench-app.c) on the entry it
# opens first, RUNS times (3 unless told) without annotations and with COUNT
# of them (5000 10000 20000 unless told), alternating. Each run shows the
# annotations panel after the first paint, then adds one annotation. It
# prints, as medians: time to first paint, RSS once settled, the longest
# main-loop stall while the panel was shown and while the one annotation
# was added, and the RSS growth over the runs without annotations. The
# helpers are the bench's own (tests/bench/run-bench.py).

import os
import pathlib
import statistics
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent


def bench_helpers():
    """The functions of run-bench.py, without running its main()."""
    path = HERE.parent / "bench" / "run-bench.py"
    text = path.read_text(encoding="utf-8")
    text = text[:text.rindex("\nmain()")]
    helpers = {"__name__": "run_bench", "__file__": str(path)}
    exec(compile(text, str(path), "exec"), helpers)
    return helpers


def probe(source, build, runs, counts):
    bench = bench_helpers()
    scratch = pathlib.Path(tempfile.mkdtemp(prefix="probe-annotations-"))
    page = scratch / "entry.html"
    _, info = bench["core"](build, "render", str(source / "data" / "deck"), "en", str(page))
    entry_id = info["entry"]
    print(f"entry {entry_id}, {runs} runs each, medians", flush=True)
    print(f"{'annotations':>11}  {'first paint ms':>14}  {'RSS MiB':>8}  {'RSS growth MiB':>14}"
          f"  {'panel stall ms':>14}  {'add-one stall ms':>16}", flush=True)
    for count in counts:
        found = bench["annotated"](build, scratch, runs, entry_id, count)

        def median(name):
            return statistics.median(found[name])
        print(f"{0:>11}  {median('painted-none'):>14.0f}  {median('rss-none'):>8.0f}  {'-':>14}"
              f"  {median('stall-none'):>14.1f}  {median('change-none'):>16.1f}", flush=True)
        print(f"{count:>11}  {median('painted-many'):>14.0f}  {median('rss-many'):>8.0f}"
              f"  {median('rss-growth'):>14.1f}  {median('stall-many'):>14.1f}"
              f"  {median('change-many'):>16.1f}", flush=True)
    subprocess.run(["rm", "-rf", str(scratch)], check=False)


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: annotations.py SOURCEDIR BUILDDIR [RUNS] [COUNT...]")
    source = pathlib.Path(sys.argv[1]).resolve()
    build = pathlib.Path(sys.argv[2]).resolve()
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    counts = [int(c) for c in sys.argv[4:]] or [5000, 10000, 20000]
    if os.environ.get("PYPREP_PROBE_SESSION"):
        probe(source, build, runs, counts)
        return
    # A display and a session bus of its own, as the bench has.
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["PYPREP_PROBE_SESSION"] = "1"
    env.setdefault("WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS", "1")
    sys.exit(subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x800x24 -nolisten tcp",
                             "dbus-run-session", "--", sys.executable, *sys.argv], env=env).returncode)


main()
