#!/usr/bin/env python3
# tests/bench/run-bench.py: measures every performance budget of DESIGN.md.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: run-bench.py SOURCEDIR BUILDDIR [RUNS]   (called by build-aux/dev.sh bench)
#
# Starts its own virtual display and session bus, runs the app, the bare
# baseline window and pyprep-bench-core RUNS times each (5 unless told), prints
# a table of median, minimum and maximum, writes the same figures as JSON
# and prints the JSON file's path as its last line. No figure here is a test:
# the noise of a shared machine is why every figure is a median, and why
# the baseline runs in the same session, alternating with the app.

import json
import os
import pathlib
import signal
import statistics
import subprocess
import sys
import tempfile
import time

SEARCH_QUERIES = ["garbage collector", "memory pool", "gil", "线程"]
ANNOTATIONS = 10000
DECK_ENTRIES = 10000
SWITCHES_PER_RUN = 40     # 200 switches with the five runs at the least
SETTLE_S = 2.0            # after the first paint, before memory is read
WAIT_S = 300.0            # the longest any one run may take
STALL_BUDGET_MS = 16.0    # one frame at 60 Hz: see the README's Benchmark section


def die(message):
    print(f"run-bench.py: {message}", file=sys.stderr)
    sys.exit(1)


class Run:
    """One process (app or baseline) on the virtual display, with its own home."""

    def __init__(self, argv, scratch, extra_env=None, cache=None, user_data=None):
        self.home = pathlib.Path(tempfile.mkdtemp(prefix="run-", dir=scratch))
        shader_cache = scratch / "shader-cache"
        shader_cache.mkdir(exist_ok=True)
        env = {k: v for k, v in os.environ.items()
               if k in ("PATH", "DISPLAY", "XAUTHORITY", "DBUS_SESSION_BUS_ADDRESS",
                        "WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS")}
        for name in ("home", "data", "config", "cache", "runtime"):
            (self.home / name).mkdir(mode=0o700)
        if user_data is not None:
            (self.home / "data" / "pyprep").mkdir(mode=0o700)
            (self.home / "data" / "pyprep" / "user-data.json").write_text(user_data, encoding="utf-8")
        env.update({
            "HOME": str(self.home / "home"),
            "XDG_DATA_HOME": str(self.home / "data"),
            "XDG_CONFIG_HOME": str(self.home / "config"),
            "XDG_CACHE_HOME": str(cache or self.home / "cache"),
            "XDG_RUNTIME_DIR": str(self.home / "runtime"),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            # The virtual session has no accessibility bus; both programs
            # skip it alike.
            "NO_AT_BRIDGE": "1",
            "GTK_A11Y": "none",
            "PYPREP_TRACE_FILE": str(self.home / "events.log"),
            # Every run starts with empty caches except the GL driver's
            # compiled shaders, which a user's system keeps from earlier
            # starts of any GTK program; on the virtual display compiling
            # them in software would otherwise be timed on every run.
            "MESA_SHADER_CACHE_DIR": str(shader_cache),
        })
        env.update(extra_env or {})
        self.log = self.home / "events.log"
        self.log.touch()
        self.output = open(self.home / "output.log", "w")
        self.started = time.time()
        self.process = subprocess.Popen(argv, env=env, stdout=self.output,
                                        stderr=subprocess.STDOUT, start_new_session=True)

    def events(self):
        found = []
        for line in self.log.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) == 3:
                found.append((parts[0], parts[1], int(parts[2]) / 1e6))
        return found

    def wait_for(self, event):
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            for e in self.events():
                if e[0] == event:
                    return e
            if self.process.poll() is not None:
                self.fail(f"exited ({self.process.returncode}) before logging '{event}'")
            time.sleep(0.01)
        self.fail(f"did not log '{event}' within {WAIT_S:.0f} s")

    def fail(self, message):
        self.stop()
        output = (self.home / "output.log").read_text(errors="replace")
        die(f"{self.process.args[0]} {message}; its output:\n{output}")

    def descendants(self):
        children = {}
        for stat in pathlib.Path("/proc").glob("[0-9]*/stat"):
            try:
                text = stat.read_text()
            except OSError:
                continue
            # The command name may hold spaces; the fields after it do not.
            fields = text[text.rindex(")") + 2:].split()
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
        found, todo = [], [self.process.pid]
        while todo:
            pid = todo.pop()
            found.append(pid)
            todo.extend(children.get(pid, []))
        return found

    def memory(self):
        """PSS and RSS in MiB, summed over the process and its descendants
        (WebKit's web and network processes)."""
        pss = rss = 0
        names = []
        for pid in self.descendants():
            try:
                rollup = pathlib.Path(f"/proc/{pid}/smaps_rollup").read_text()
                names.append(pathlib.Path(f"/proc/{pid}/comm").read_text().strip())
            except OSError:
                continue
            for line in rollup.splitlines():
                key, _, value = line.partition(":")
                if key == "Pss":
                    pss += int(value.split()[0])
                elif key == "Rss":
                    rss += int(value.split()[0])
        return pss / 1024, rss / 1024, names

    def stop(self):
        pids = self.descendants()
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        # WebKit's processes leave with their parent; wait so they do not
        # weigh on the next run.
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(pathlib.Path(f"/proc/{p}").exists() for p in pids):
            time.sleep(0.05)
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.output.close()


class Measurement:
    def __init__(self, name, unit, samples, budget=None, limit=None, baseline=None, ratio_limit=None,
                 note=None, max_limit=None, at_most=None):
        if not samples:
            die(f"no samples for '{name}'")
        self.name, self.unit, self.samples = name, unit, samples
        self.median = statistics.median(samples)
        self.baseline = statistics.median(baseline) if baseline else None
        self.ratio = self.median / self.baseline if self.baseline else None
        self.budget = budget
        self.note = note
        if ratio_limit is not None:
            self.met = self.ratio <= ratio_limit
        elif limit is not None:
            # "median < limit", and where a slowest is budgeted too, "max < max_limit".
            self.met = self.median < limit and (max_limit is None or max(samples) < max_limit)
        elif at_most is not None:
            self.met = self.median <= at_most
        else:
            self.met = None

    def as_json(self):
        return {
            "name": self.name,
            "unit": self.unit,
            "median": round(self.median, 3),
            "min": round(min(self.samples), 3),
            "max": round(max(self.samples), 3),
            "runs": len(self.samples),
            "budget": self.budget,
            "baseline_median": round(self.baseline, 3) if self.baseline is not None else None,
            "ratio": round(self.ratio, 3) if self.ratio is not None else None,
            "met": self.met,
            "note": self.note,
        }


def core(build, *args):
    result = subprocess.run([str(build / "tests" / "bench" / "pyprep-bench-core"), *args],
                            capture_output=True, text=True)
    if result.returncode != 0:
        die(f"pyprep-bench-core {args[0]} failed:\n{result.stderr}")
    samples, info = {}, {}
    for line in result.stdout.splitlines():
        kind, _, rest = line.partition(" ")
        name, _, value = rest.rpartition(" ")
        if kind == "sample":
            samples.setdefault(name, []).append(float(value))
        elif kind == "info":
            info[name] = value
        elif kind == "entry":
            info["entry"] = rest
    return samples, info


def app_argv(build, *args):
    return [str(build / "src" / "pyprep"), *args]


def driven_app_argv(build, *args):
    """The app with the benchmark's driver (tests/bench/bench-app.c)."""
    return [str(build / "tests" / "bench" / "pyprep-bench-app"), *args]


def app_env(build):
    return {
        "GSETTINGS_BACKEND": "memory",
        "GSETTINGS_SCHEMA_DIR": str(build / "data"),
        "PYPREP_LOCALEDIR": str(build / "po"),
    }


def cold_start(build, scratch, page, entry_id, runs):
    """Alternates app and baseline runs; returns their start times and memory."""
    times = {"app": [], "baseline": []}
    pss = {"app": [], "baseline": []}
    rss = {"app": [], "baseline": []}
    processes = {}
    timeline = {}
    traces = []
    # A cold start is a start of a program that is not running, on a
    # system where it ran before: each program keeps its cache folder from
    # run to run, while its data and settings start empty every time. One
    # run of each first, untimed, fills the caches (the app's compiled
    # content filter, the GL shaders) and brings both programs' files into
    # memory, as any earlier start would have.
    caches = {who: scratch / f"cache-{who}" for who in ("app", "baseline")}
    for who in ["app", "baseline"] + ["app", "baseline"] * runs:
        warm_up = len(processes) < 2 and who not in processes
        caches[who].mkdir(mode=0o700, exist_ok=True)
        if who == "app":
            run = Run(app_argv(build), scratch, app_env(build), cache=caches[who])
        else:
            run = Run([str(build / "tests" / "bench" / "pyprep-baseline"), str(page), entry_id],
                      scratch, cache=caches[who])
        painted = run.wait_for("painted")
        if painted[1] != entry_id:
            run.fail(f"painted {painted[1]}, not {entry_id}: the baseline would show another page")
        time.sleep(SETTLE_S)
        p, r, names = run.memory()
        run.stop()
        processes[who] = names
        if warm_up:
            continue
        times[who].append((painted[2] - run.started) * 1000)
        if who == "app":
            for event, _, at in run.events():
                timeline.setdefault(event, []).append((at - run.started) * 1000)
            traces.append((times[who][-1], [(event, detail, (at - run.started) * 1000)
                                            for event, detail, at in run.events()]))
        pss[who].append(p)
        rss[who].append(r)
    # The run whose start took the median time, mark by mark: the cold-start
    # trace kept beside the results.
    traces.sort(key=lambda t: t[0])
    return times, pss, rss, processes, timeline, traces[(len(traces) - 1) // 2][1]


def driven(build, scratch, runs, deck=None, switches=SWITCHES_PER_RUN):
    """Runs of pyprep-bench-app: opening DECK (if given), then switching
    entries; returns lists of samples in ms by what they measure."""
    found = {}

    def add(name, value):
        found.setdefault(name, []).append(value)

    env = {**app_env(build), "PYPREP_BENCH_SWITCHES": str(switches)}
    if deck is not None:
        env["PYPREP_BENCH_OPEN"] = str(deck)
    for _ in range(runs):
        run = Run(driven_app_argv(build), scratch, env)
        run.wait_for("done")
        events = run.events()
        run.stop()
        marks = {e[0]: e for e in events}
        for i, (event, entry, at) in enumerate(events):
            if event != "switch":
                continue
            painted = next((e for e in events[i + 1:] if e[0] == "painted" and e[1] == entry), None)
            if painted is None:
                die(f"switch to {entry} was never painted")
            add("switch", (painted[2] - at) * 1000)
        stalls = {}
        for event, value, _ in events:
            if event.startswith("stall"):
                stalls.setdefault(event, []).append(int(value) / 1000)
        add("stall-start", max(stalls["stall-start"]))
        if switches > 0:
            add("stall-switch", max(stalls["stall-switch"]))
        if deck is not None:
            start = marks["open-start"][2]
            add("to-listed", (marks["open-listed"][2] - start) * 1000)
            add("to-painted", (marks["opened"][2] - start) * 1000)
            add("stall-loading", stalls["stall-loading"][0])
            add("stall-showing", stalls["stall"][0])
        # Anywhere in the run: start, loading, showing, switching and the
        # settling between steps.
        add("stall-anywhere", max(max(v) for v in stalls.values()))
    return found


def annotations_document(entry_id, count=ANNOTATIONS):
    """A user-data.json holding COUNT annotations on ENTRY_ID, as an
    import can bring them (issue 24: 10,000 took 46 s to first paint)."""
    notes = {}
    for i in range(count):
        created = f"2026-11-01T{i // 3600:02d}:{i // 60 % 60:02d}:{i % 60:02d}.000000Z"
        notes[f"bench-note-{i:05d}"] = {"entry": entry_id, "text": f"Note {i}: *why* it matters.",
                                        "created": created, "modified": created}
    return json.dumps({"schema_version": 1, "annotations": notes})


def annotated(build, scratch, runs, entry_id, count=ANNOTATIONS):
    """Runs of pyprep-bench-app on the entry it opens first, alternating
    without annotations and with COUNT on it; each shows the annotations
    panel after the first paint, then adds one annotation. Returns samples
    by name."""
    found = {}
    document = annotations_document(entry_id, count)
    env = {**app_env(build), "PYPREP_BENCH_ANNOTATIONS": "1", "PYPREP_BENCH_SWITCHES": "0"}
    for _ in range(runs):
        for who, data in (("none", None), ("many", document)):
            run = Run(driven_app_argv(build), scratch, env, user_data=data)
            run.wait_for("done")
            time.sleep(SETTLE_S)
            _, rss, _ = run.memory()
            events = run.events()
            run.stop()
            painted = next(e for e in events if e[0] == "painted")
            if painted[1] != entry_id:
                die(f"the annotated run painted {painted[1]}, not {entry_id}")
            marks = {e[0]: e for e in events}
            found.setdefault(f"painted-{who}", []).append((painted[2] - run.started) * 1000)
            found.setdefault(f"shown-{who}", []).append(
                (marks["annotations-shown"][2] - marks["annotations-start"][2]) * 1000)
            found.setdefault(f"rss-{who}", []).append(rss)
            found.setdefault(f"stall-{who}", []).append(int(marks["stall-annotations"][1]) / 1000)
            found.setdefault(f"change-{who}", []).append(int(marks["stall-annotation-change"][1]) / 1000)
    found["rss-growth"] = [m - n for m, n in zip(found["rss-many"], found["rss-none"])]
    return found


class BusyNeighbour:
    """One core kept busy by another process, for the runs 'with a busy neighbour'."""

    def __enter__(self):
        self.process = subprocess.Popen([sys.executable, "-c", "while True: pass"])
        return self

    def __exit__(self, *exc):
        self.process.kill()
        self.process.wait()


def make_deck(source, build, name="bench-deck", *args):
    """A generated deck or notes folder, made again only when the generator changes."""
    generator = source / "build-aux" / "gen-deck.py"
    deck = build / name
    stamp = build / f".{name}.generator"
    args = args or (str(DECK_ENTRIES),)
    key = f"{args}\n{generator.read_text(encoding='utf-8')}"
    if not stamp.exists() or stamp.read_text(encoding="utf-8") != key:
        subprocess.run(["rm", "-rf", str(deck)], check=True)
        flags = [args[0]] if args[0].startswith("--") else []
        subprocess.run([sys.executable, str(generator), *flags, str(deck), *args[len(flags):]], check=True)
        stamp.write_text(key, encoding="utf-8")
    size = sum(f.stat().st_size for f in deck.rglob("*.md"))
    return deck, size


def print_table(measurements):
    header = ["measurement", "unit", "median", "min", "max", "n", "baseline", "ratio", "budget", "met"]
    rows = [header]
    for m in measurements:
        j = m.as_json()
        rows.append([
            m.name, m.unit, f"{j['median']:.1f}", f"{j['min']:.1f}", f"{j['max']:.1f}", str(j["runs"]),
            f"{j['baseline_median']:.1f}" if j["baseline_median"] is not None else "-",
            f"{j['ratio']:.2f}x" if j["ratio"] is not None else "-",
            m.budget or "-",
            {True: "yes", False: "NO", None: "-"}[m.met],
        ])
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    for n, row in enumerate(rows):
        cells = [cell.ljust(widths[i]) if i in (0, 1, 8) else cell.rjust(widths[i])
                 for i, cell in enumerate(row)]
        print("  ".join(cells).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def inner(source, build, runs):
    stamp = time.strftime("%Y%m%d-%H%M%S")
    out = build / "bench-results"
    out.mkdir(exist_ok=True)
    scratch = pathlib.Path(tempfile.mkdtemp(prefix=f"{stamp}-", dir=out))

    print(f"Pyprep benchmark, {runs} runs each, release build {build}", flush=True)
    deck, deck_size = make_deck(source, build)

    page = scratch / "entry.html"
    _, info = core(build, "render", str(source / "data" / "deck"), "en", str(page))
    entry_id = info["entry"]

    print("cold start and memory (app and baseline, alternating) ...", flush=True)
    times, pss, rss, processes, timeline, trace = cold_start(build, scratch, page, entry_id, runs)
    trace_file = out / f"cold-start-{stamp}.txt"
    trace_file.write_text("".join(f"{at:8.1f} ms  {event} {detail}\n" for event, detail, at in trace),
                          encoding="utf-8")
    # Where the app's start goes: each step's median time after the program
    # was started (the events are the app's PYPREP_TRACE_FILE lines).
    print("  app start, median ms after exec: " +
          ", ".join(f"{event} {statistics.median(at):.0f}"
                    for event, at in sorted(timeline.items(), key=lambda kv: statistics.median(kv[1]))
                    ), flush=True)
    print(f"  the median run's trace, ms after exec: {trace_file}", flush=True)
    print(f"switching entries, {SWITCHES_PER_RUN} a run, bundled deck ...", flush=True)
    bundled = driven(build, scratch, runs)
    print(f"opening the generated deck, then switching {SWITCHES_PER_RUN} a run in it ...", flush=True)
    big_run = driven(build, scratch, runs, deck=deck)
    notes, notes_size = make_deck(source, build, "bench-notes", "--notes", "5000")
    readme, readme_size = make_deck(source, build, "bench-readme", "--readme", "250")
    print("opening the real-shape notes ...", flush=True)
    notes_run = driven(build, scratch, runs, deck=notes, switches=0)
    print("search, deck loading and user data ...", flush=True)
    bundled_search, bundled_info = core(build, "search", str(source / "data" / "deck"), "en",
                                        str(runs), *SEARCH_QUERIES)
    big_search, big_info = core(build, "search", str(deck), "en", str(runs), *SEARCH_QUERIES)
    deck_load, _ = core(build, "deck", str(deck), "en", str(runs))
    notes_load, _ = core(build, "deck", str(notes), "en", str(runs))
    readme_load, _ = core(build, "deck", str(readme), "en", str(runs))
    store_dir = scratch / "store"
    user_data, _ = core(build, "store", str(store_dir), str(runs), str(ANNOTATIONS))
    print(f"an entry holding {ANNOTATIONS:,} annotations (with and without, alternating) ...", flush=True)
    many = annotated(build, scratch, runs, entry_id)

    print("again with a busy neighbour (one core kept busy) ...", flush=True)
    with BusyNeighbour():
        busy_times, _, busy_rss, _, _, _ = cold_start(build, scratch, page, entry_id, runs)
        busy_bundled = driven(build, scratch, runs)
        busy_big = driven(build, scratch, runs, deck=deck)

    mib = "MiB"
    big = f"{int(big_info['entries']):,} entries, {deck_size / 1e6:.1f} MB"
    stall_budget = f"<= {STALL_BUDGET_MS:.0f} ms"
    switch_budget = "median < 50 ms, slowest < 100 ms"
    busy = " (busy neighbour)"
    measurements = [
        Measurement("cold start to first entry painted", "ms", times["app"],
                    "<= 1.10x baseline", baseline=times["baseline"], ratio_limit=1.10,
                    note=f"entry {entry_id}"),
        Measurement("cold start to first entry painted" + busy, "ms", busy_times["app"],
                    "<= 1.10x baseline", baseline=busy_times["baseline"], ratio_limit=1.10),
        Measurement("memory after first paint (RSS)", mib, rss["app"], "<= 1.05x baseline",
                    baseline=rss["baseline"], ratio_limit=1.05,
                    note="app " + ", ".join(sorted(processes["app"]))
                    + "; baseline " + ", ".join(sorted(processes["baseline"]))),
        Measurement("memory after first paint (RSS)" + busy, mib, busy_rss["app"], "<= 1.05x baseline",
                    baseline=busy_rss["baseline"], ratio_limit=1.05),
        # PSS shares each page among every process on the machine that maps
        # it, so other programs running meanwhile move it: shown, not judged.
        Measurement("memory after first paint (PSS)", mib, pss["app"],
                    baseline=pss["baseline"],
                    note="varies with what else maps the same libraries"),
        Measurement("switch entry to painted, bundled deck", "ms", bundled["switch"], switch_budget,
                    limit=50, max_limit=100, note=f"{len(bundled['switch'])} switches"),
        Measurement("switch entry to painted, bundled deck" + busy, "ms", busy_bundled["switch"],
                    switch_budget, limit=50, max_limit=100),
        Measurement("switch entry to painted, 10k deck", "ms", big_run["switch"], switch_budget,
                    limit=50, max_limit=100, note=f"{len(big_run['switch'])} switches"),
        Measurement("switch entry to painted, 10k deck" + busy, "ms", busy_big["switch"],
                    switch_budget, limit=50, max_limit=100),
        Measurement("search keystroke, bundled deck", "ms", bundled_search["keystroke"],
                    note=f"{bundled_info['entries']} entries"),
        Measurement("search slowest keystroke, bundled deck", "ms",
                    bundled_search["slowest-keystroke"], stall_budget, at_most=STALL_BUDGET_MS,
                    note="on the main thread in the app: a stall"),
        Measurement("search keystroke, 10k deck", "ms", big_search["keystroke"], note=big),
        Measurement("search slowest keystroke, 10k deck", "ms", big_search["slowest-keystroke"],
                    stall_budget, at_most=STALL_BUDGET_MS, note=big),
        Measurement("search index build, 10k deck", "ms", [float(big_info["index-ms"])],
                    note="off the main thread in the app; one run"),
        Measurement("open 10k deck to first entry painted", "ms", big_run["to-painted"], "< 500 ms",
                    limit=500, note=big),
        Measurement("open 10k deck to first entry painted" + busy, "ms", busy_big["to-painted"],
                    "< 500 ms", limit=500),
        Measurement("open 10k deck to listed", "ms", big_run["to-listed"], note=big),
        Measurement("main-loop stall, anywhere in the app's runs", "ms",
                    bundled["stall-anywhere"] + big_run["stall-anywhere"] + notes_run["stall-anywhere"],
                    stall_budget, at_most=STALL_BUDGET_MS,
                    note="per run, the longest gap between 1 ms timeouts: start, loading, showing, "
                         "switching, settling"),
        Measurement("main-loop stall" + busy, "ms",
                    busy_bundled["stall-anywhere"] + busy_big["stall-anywhere"], stall_budget,
                    at_most=STALL_BUDGET_MS),
        Measurement("main-loop stall, start to first paint", "ms", bundled["stall-start"], stall_budget,
                    at_most=STALL_BUDGET_MS),
        Measurement("main-loop stall, switching", "ms", bundled["stall-switch"] + big_run["stall-switch"],
                    stall_budget, at_most=STALL_BUDGET_MS, note="per run, the longest of its switches"),
        Measurement("main-loop stall while the 10k deck loads", "ms", big_run["stall-loading"],
                    stall_budget, at_most=STALL_BUDGET_MS, note="from opening to listed"),
        Measurement("main-loop stall, 10k deck listed to painted", "ms", big_run["stall-showing"],
                    stall_budget, at_most=STALL_BUDGET_MS,
                    note="the new sidebar's first layout and the page load"),
        Measurement("load 10k deck, one thread (core)", "ms", deck_load["load"], note=big),
        Measurement("load 5k-question notes folder (core)", "ms", notes_load["load"],
                    note=f"250 files in nested folders, {notes_size / 1e6:.1f} MB, no deck.json"),
        Measurement("open 5k-question notes folder to painted", "ms", notes_run["to-painted"],
                    note="real-shape notes, in the app"),
        Measurement("load 250-question README (core)", "ms", readme_load["load"],
                    note=f"one file, {readme_size / 1e3:.0f} KB"),
        Measurement("save 10k annotations, background", "ms", user_data["background-save"],
                    "< 100 ms", limit=100, note="from the debounced save to written, fsync included"),
        Measurement("main-loop stall while saving", "ms", user_data["save-stall"],
                    stall_budget, at_most=STALL_BUDGET_MS),
        Measurement("save 10k annotations, flush", "ms", user_data["flush"],
                    note="all in one thread, as on quit"),
        Measurement("load 10k annotations", "ms", user_data["load"]),
    ]
    # An entry holding 10,000 annotations (issue 24, item 5): its start, and
    # its annotations panel shown, beside the same runs without them.
    measurements += [
        Measurement("cold start, entry holding 10k annotations", "ms", many["painted-many"],
                    "<= 1.10x without", baseline=many["painted-none"], ratio_limit=1.10,
                    note="the driven app; baseline: the same runs without annotations"),
        Measurement("show the annotations panel, 10k annotations", "ms", many["shown-many"],
                    baseline=many["shown-none"], note="to the panel painted, rows in sight built"),
        Measurement("main-loop stall showing 10k annotations", "ms", many["stall-many"],
                    stall_budget, at_most=STALL_BUDGET_MS, note="reading the entry's annotation IDs"),
        Measurement("main-loop stall adding one to 10k annotations", "ms", many["change-many"],
                    stall_budget, at_most=STALL_BUDGET_MS, note="panel, page passages and sidebar follow it"),
        Measurement("memory growth for 10k annotations (RSS)", mib, many["rss-growth"], "<= 50 MiB",
                    at_most=50, note="panel shown; per pair of runs, with minus without"),
    ]

    print()
    print_table(measurements)
    missed = [m.name for m in measurements if m.met is False]
    print()
    print("budgets missed: " + ("; ".join(missed) if missed else "none"))
    result = out / f"bench-{stamp}.json"
    result.write_text(json.dumps([m.as_json() for m in measurements], indent=1, ensure_ascii=False)
                      + "\n", encoding="utf-8")
    subprocess.run(["rm", "-rf", str(scratch)], check=False)
    print(result)


def main():
    if len(sys.argv) not in (3, 4):
        die("usage: run-bench.py SOURCEDIR BUILDDIR [RUNS]")
    source = pathlib.Path(sys.argv[1]).resolve()
    build = pathlib.Path(sys.argv[2]).resolve()
    runs = int(sys.argv[3]) if len(sys.argv) == 4 else 5
    # Fewer than five runs are a quick look while working; budgets are
    # judged on five or more.
    if runs < 1:
        die("at least 1 run")

    if os.environ.get("PYPREP_BENCH_REPORT"):
        # Services the session bus starts (the accessibility registry) write
        # to the session's output; the report goes to a file of its own.
        sys.stdout = open(os.environ["PYPREP_BENCH_REPORT"], "w", buffering=1, encoding="utf-8")
        inner(source, build, runs)
        return

    for tool in ("xvfb-run", "dbus-run-session"):
        if subprocess.run(["sh", "-c", f"command -v {tool}"], capture_output=True).returncode:
            die(f"{tool} is missing (apt-get install xvfb dbus)")
    # A display of our own, even when there is a real one, so every run
    # sees the same screen; the session bus's complaints go to a log shown
    # only on failure.
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    report = build / "bench-report.txt"
    report.write_text("")
    env["PYPREP_BENCH_REPORT"] = str(report)
    session_log = build / "bench-session.log"
    with open(session_log, "w") as log, open(report, encoding="utf-8") as shown:
        session = subprocess.Popen(["xvfb-run", "-a", "-s", "-screen 0 1280x800x24 -nolisten tcp",
                                    "dbus-run-session", "--", sys.executable, *sys.argv],
                                   env=env, stdout=log, stderr=log)
        while session.poll() is None:
            sys.stdout.write(shown.read())
            sys.stdout.flush()
            time.sleep(0.2)
        sys.stdout.write(shown.read())
        sys.stdout.flush()
    if session.returncode != 0:
        sys.stderr.write("".join(line for line in open(session_log, errors="replace")
                                 if "Failed to set fd limit" not in line))
        sys.exit(session.returncode)


main()
