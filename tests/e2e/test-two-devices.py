#!/usr/bin/env python3
# tests/e2e/test-two-devices.py: two whole Pyprep processes, as two computers, share one study-data folder.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-two-devices.py PYPREP  (run by tests/run-test.sh --display)
#
# Issue 22's "done when": two instances with separate configuration
# directories sharing one synced folder show each other's bookmarks,
# annotations and reviews within seconds. Each process here is a computer
# of its own: its own home, configuration and data folders, and its own
# D-Bus session bus (so each is the primary instance of the app). Only the
# display, the accessibility bus and the synced folder are shared, as a
# sync tool would share the folder.
#
# Nothing in the app is made for this test. The folder is chosen through
# the app's exported action app.set-study-folder (org.gtk.Actions on each
# process's own bus, what Preferences' Keep Study Data In… runs once
# confirmed). Bookmarks, annotations and reviews are made as a screen
# reader user would, through the accessibility tree (the helpers of
# test-e2e.py). The other process is then watched, through its
# accessibility tree and its merged user-data.json and review log, until
# it shows them. Then the other way round, and at last the search
# provider of one of them answers over its session bus. Prints TAP, one
# case a step.

import datetime
import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
import warnings

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, Gio, GLib  # noqa: E402

_spec = importlib.util.spec_from_file_location(
    "e2e", os.path.join(os.path.dirname(os.path.abspath(__file__)), "test-e2e.py"))
e2e = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(e2e)

StepFailed = e2e.StepFailed
wait_for = e2e.wait_for
SETTINGS_GROUP = e2e.SETTINGS_GROUP
ANNOTATIONS = {
    "laptop": "Laptop note: the GIL is released around blocking I/O.",
    "desktop": "Desktop note: a weakref does not keep its object alive.",
}
# New cards a day, on both: the laptop answers two new cards, and the
# desktop, which counts the laptop's answers as its own of today, gets
# none, but reviews the laptop's cards again once they are due (a minute
# or so later, in their learning steps): one card, two devices' answers.
NEW_CARDS = 2


def private_bus():
    """A D-Bus session bus of a device's own. Returns (daemon, address)."""
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                              stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
    address = daemon.stdout.readline().strip()
    if not address:
        raise StepFailed("dbus-daemon printed no address")
    return daemon, address


def accessibility_bus_address():
    bus = Gio.bus_get_sync(Gio.BusType.SESSION)
    reply = bus.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress", None,
                          GLib.VariantType("(s)"), Gio.DBusCallFlags.NONE, -1, None)
    return reply.unpack()[0]


class Device(e2e.Run):
    """One computer: a pyprep process with its own folders and bus."""

    def __init__(self, program, name, scratch, a11y_address):
        super().__init__(program)
        self.name = name
        top = os.path.join(scratch, name)
        self.env = dict(os.environ)
        for key, sub in (("HOME", "home"), ("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                         ("XDG_CACHE_HOME", "cache"), ("XDG_RUNTIME_DIR", "runtime")):
            self.env[key] = os.path.join(top, sub)
            os.makedirs(self.env[key], mode=0o700, exist_ok=True)
        self.env.pop("NO_AT_BRIDGE", None)
        self.env.pop("GTK_A11Y", None)
        self.env["GSETTINGS_BACKEND"] = "keyfile"
        self.env["AT_SPI_BUS_ADDRESS"] = a11y_address
        self.data_dir = os.path.join(self.env["XDG_DATA_HOME"], "pyprep")
        self.bus_daemon, self.env["DBUS_SESSION_BUS_ADDRESS"] = private_bus()
        settings = os.path.join(self.env["XDG_CONFIG_HOME"], "glib-2.0", "settings")
        os.makedirs(settings, exist_ok=True)
        with open(os.path.join(settings, "keyfile"), "w") as out:
            out.write(f"[{SETTINGS_GROUP}]\ndeck-language='en'\n"
                      f"new-cards-per-day=uint32 {NEW_CARDS}\n")
        self.bus = None
        self.object_path = None
        self.bus_name = None

    def start(self):
        self.starts += 1
        self.app_log = open(os.path.join(self.shots, f"two-devices-{self.name}.log"), "w")
        self.app = subprocess.Popen([self.program], env=self.env, stdout=self.app_log,
                                    stderr=subprocess.STDOUT, start_new_session=True)

        def window():
            for app in e2e.desktop_children():
                if e2e.app_pid(app) == self.app.pid:
                    for child in e2e.children(app):
                        if child.get_role() == Atspi.Role.FRAME:
                            self.root = app
                            return child
            self.check_alive()
            return None

        self.window = wait_for(f"the {self.name}'s window on the accessibility bus", window)
        self.bus = Gio.DBusConnection.new_for_address_sync(
            self.env["DBUS_SESSION_BUS_ADDRESS"],
            Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION,
            None, None)

        def app_name():
            names = self.call("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                              "ListNames", None, "(as)")[0]
            return next((n for n in names if n.startswith("io.github.pyprep.Pyprep")), None)

        self.bus_name = wait_for(f"the {self.name}'s app on its session bus", app_name)
        self.object_path = "/" + self.bus_name.replace(".", "/")

    def call(self, name, path, interface, method, parameters, reply_type):
        reply = self.bus.call_sync(name, path, interface, method, parameters,
                                   GLib.VariantType(reply_type), Gio.DBusCallFlags.NONE, -1, None)
        return reply.unpack()

    def activate(self, action, parameter):
        """Activates an exported action of the app, as a desktop shell or
        another program can."""
        self.call(self.bus_name, self.object_path, "org.gtk.Actions", "Activate",
                  GLib.Variant("(sava{sv})", (action, [parameter], {})), "()")

    def exported_actions(self):
        return self.call(self.bus_name, self.object_path, "org.gtk.Actions", "List", None, "(as)")[0]

    def user_data(self):
        try:
            with open(os.path.join(self.data_dir, "user-data.json"), encoding="utf-8") as f:
                return json.load(f)
        except (OSError, ValueError):
            return {}

    def answers(self):
        """The ids of the answers in the merged review log."""
        try:
            with open(os.path.join(self.data_dir, "review-log.jsonl"), encoding="utf-8") as f:
                return {json.loads(line).get("id") for line in f if line.strip()}
        except (OSError, ValueError):
            return set()

    def screenshot_window(self, name):
        """The screen. Without a window manager the window mapped last is
        on top: only the desktop's (started second) can be seen."""
        path = os.path.join(self.shots, f"two-devices-{name}.png")
        # Let the page's last frame reach the X server.
        time.sleep(1)
        subprocess.run(["import", "-window", "root", path], check=False)
        print(f"# screenshot: {path}")

    def stop_all(self):
        self.kill()
        if self.bus_daemon.poll() is None:
            self.bus_daemon.terminate()
            self.bus_daemon.wait()


def entries_list(device):
    return device.find_one(f"the {device.name}'s list of entries", Atspi.Role.LIST, "Entries")


def row_title(row):
    return e2e.accessible_name(row) or " ".join(e2e.label_texts(row))


def open_entry(device, after=None):
    """Opens the second entry of the first topic, or the entry after the
    one titled @after; returns its title. (The list makes rows only for
    what is on screen or near it.)"""
    entries = entries_list(device)
    wait_for("entries in the sidebar", lambda: len(e2e.list_items(entries)) > 5)
    items = e2e.list_items(entries)
    if after is None:
        rows = e2e.children(entries)
        headers = [i for i, row in enumerate(rows) if row.get_role() == Atspi.Role.ROW_HEADER]
        if not headers:
            raise StepFailed("the sidebar shows no topic heading")
        row = rows[headers[0] + 2]
    else:
        titles = [row_title(item) for item in items]
        if after not in titles:
            raise StepFailed(f"'{after}' is not in the {device.name}'s sidebar")
        row = items[titles.index(after) + 1]
    title = row_title(row)
    if not entries.select_child(items.index(row)):
        raise StepFailed(f"selecting '{title}' in the {device.name}'s sidebar failed")
    wait_for(f"the {device.name}'s reader to show '{title}'",
             lambda: device.find(Atspi.Role.DOCUMENT_WEB, title))
    return title


def bookmark_and_annotate(device, title):
    button = e2e.press(device, Atspi.Role.TOGGLE_BUTTON, "Bookmark")
    wait_for("the Bookmark button to be on", lambda: is_on(button))
    toggle = device.find_one("the Annotations button", Atspi.Role.TOGGLE_BUTTON, "Annotations")
    if not is_on(toggle):
        e2e.do_action(toggle)
    e2e.press(device, Atspi.Role.PUSH_BUTTON, "New Annotation")
    editor = device.find_one("the annotation editor", Atspi.Role.TEXT, "New annotation text")
    text = ANNOTATIONS[device.name]
    if not editor.insert_text(0, text, -1):
        raise StepFailed("typing into the annotation editor failed")
    wait_for("the annotation text in the editor", lambda: e2e.text_of(editor) == text)
    e2e.press(device, Atspi.Role.PUSH_BUTTON, "Add")
    listing = device.find_one("the list of annotations", Atspi.Role.LIST, "Annotations")
    wait_for("the new annotation in the panel",
             lambda: any(text in t for t in e2e.label_texts(listing)))


def review(device):
    """Answers the whole review session (the first card Again, the others
    Good, questions with nothing ticked); returns how many."""
    # Named "Review Cards, 1 due" when cards are due.
    e2e.do_action(device.find_one("the Review button", Atspi.Role.PUSH_BUTTON,
                                  contains="Review Cards"))
    answered = 0
    while True:
        kind, node = wait_for("a card or the summary", lambda: e2e.quiz_screen(device))
        if kind == "summary":
            break
        if answered > 20:
            raise StepFailed("the session does not end")
        if kind == "recall":
            e2e.do_action(node)
            rating = "Again" if answered == 0 else "Good"
            e2e.do_action(device.find_one(f"the {rating} button", Atspi.Role.PUSH_BUTTON,
                                          contains=rating))
        else:
            # GTK gives check buttons no accessible action to tick them
            # with: the question is answered with nothing ticked, which
            # is an answer (a wrong one) all the same.
            e2e.do_action(node)
            e2e.press(device, Atspi.Role.PUSH_BUTTON, "Continue")
        answered += 1
        wait_for("the next card", lambda: not e2e.is_showing(node))
    e2e.press(device, Atspi.Role.PUSH_BUTTON, "Back to the Notes")
    entries_list(device)
    return answered


def action_names(node):
    # The untranslated names, as e2e.do_action() reads them.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return [node.get_action_name(i) for i in range(node.get_n_actions())]


def bookmarked_titles(device):
    """The titles the Bookmarked filter of the sidebar lists."""
    entries = entries_list(device)
    return sorted(row_title(i) for i in e2e.list_items(entries))


def is_on(node):
    return (e2e.has_state(node, Atspi.StateType.CHECKED)
            or e2e.has_state(node, Atspi.StateType.PRESSED))


def set_filter(device, name):
    """Shows the sidebar's entries through the filter @name (All,
    Bookmarked, Annotated), a group of toggles of which one is on."""
    toggle = device.find_one(f"the {name} filter", Atspi.Role.TOGGLE_BUTTON, name)
    if not is_on(toggle):
        e2e.do_action(toggle)
    wait_for(f"the {name} filter to be on", lambda: is_on(toggle))


def title_bookmarked(device, known):
    """Whether @device's data has a new annotation, and its entry bookmarked."""
    data = device.user_data()
    new = [a for key, a in data.get("annotations", {}).items() if key not in known]
    return any(a.get("entry") in data.get("bookmarks", {}) for a in new)


def same_cards(a, b):
    """Whether two devices' merged card states agree on every card."""
    cards_a = a.user_data().get("cards", {})
    cards_b = b.user_data().get("cards", {})
    if set(cards_a) != set(cards_b):
        return False
    for card, state in cards_a.items():
        other = cards_b[card]
        for key in ("state", "reps", "lapses", "due", "last_review", "step"):
            if state.get(key) != other.get(key):
                return False
        for key in ("stability", "difficulty"):
            if abs(state.get(key, 0) - other.get(key, 0)) > 1e-6:
                return False
    return True


def due_cards(device):
    """The cards of @device's merged data that are due now."""
    now = datetime.datetime.now(datetime.timezone.utc)
    return [card for card, state in device.user_data().get("cards", {}).items()
            if state.get("due") and datetime.datetime.fromisoformat(state["due"]) <= now]


def timed_wait(what, condition, timeout=e2e.TIMEOUT):
    started = time.monotonic()
    result = wait_for(what, condition, timeout)
    print(f"# {what}: after {time.monotonic() - started:.1f} s")
    return result


def main():
    status = e2e.cannot_run(sys.argv)
    if status is not None:
        return status
    try:
        launcher = e2e.start_accessibility_bus()
        a11y_address = accessibility_bus_address()
    except (StepFailed, GLib.GError) as error:
        print(f"1..0 # SKIP no accessibility bus: {error}")
        return 0
    if Atspi.init() not in (0, 1):
        print("1..0 # SKIP AT-SPI cannot start")
        return 0

    scratch = os.environ["HOME"]
    synced = os.path.join(scratch, "Sync", "Pyprep")
    os.makedirs(synced)
    program = sys.argv[1]
    laptop = Device(program, "laptop", scratch, a11y_address)
    desktop = Device(program, "desktop", scratch, a11y_address)
    made = {}
    runner = e2e.Run(program)

    def start_both():
        for device in (laptop, desktop):
            device.start()
            wait_for(f"entries in the {device.name}'s sidebar",
                     lambda d=device: len(e2e.list_items(entries_list(d))) > 5)
            if "set-study-folder" not in device.exported_actions():
                raise StepFailed(f"the {device.name} exports no app.set-study-folder")

    def choose_folder():
        uri = Gio.File.new_for_path(synced).get_uri()
        for device in (laptop, desktop):
            device.activate("set-study-folder", GLib.Variant("s", uri))
        devices = os.path.join(synced, "devices")
        wait_for("a folder for each device in the synced folder",
                 lambda: os.path.isdir(devices) and len(os.listdir(devices)) == 2)
        for device in (laptop, desktop):
            with open(os.path.join(device.env["XDG_CONFIG_HOME"], "glib-2.0", "settings",
                                   "keyfile")) as f:
                if uri not in f.read():
                    raise StepFailed(f"the {device.name}'s study-data-folder is not {uri}")

    def make_on(device, other):
        title = open_entry(device, made.get(other.name, {}).get("title"))
        known = set(other.user_data().get("annotations", {}))
        bookmark_and_annotate(device, title)
        # The time the other process takes to merge them, for the record
        # (the waits below have the same generous limit as every other).
        timed_wait(f"the {other.name}'s user-data.json to hold the new bookmark and annotation",
                   lambda: title_bookmarked(other, known))
        if made:
            # The other device's cards, once due.
            timed_wait(f"a card of the {other.name}'s due on the {device.name}",
                       lambda: due_cards(device), 900)
        before = device.answers()
        made[device.name] = {"title": title, "answered": review(device)}
        made[device.name]["answers"] = device.answers() - before
        timed_wait(f"the {other.name}'s review log to hold the new answers",
                   lambda: made[device.name]["answers"] <= other.answers())
        if len(made[device.name]["answers"]) != made[device.name]["answered"]:
            raise StepFailed(f"the {device.name} logged {len(made[device.name]['answers'])} answers "
                             f"for {made[device.name]['answered']} given")
        entry = next(iter(device.user_data().get("bookmarks", {}).keys() - made.get("ids", set())))
        made.setdefault("ids", set()).add(entry)
        made[device.name]["entry"] = entry

    def shows(device, other):
        """@device shows what @other made: in its merged data, in its
        sidebar and annotation panel, and in its progress page."""
        mine = made[other.name]
        timed_wait(f"the {device.name}'s user-data.json to hold the {other.name}'s bookmark",
                   lambda: mine["entry"] in device.user_data().get("bookmarks", {}))
        timed_wait(f"the {device.name}'s user-data.json to hold the {other.name}'s annotation",
                   lambda: any(a.get("text") == ANNOTATIONS[other.name]
                               and a.get("entry") == mine["entry"]
                               for a in device.user_data().get("annotations", {}).values()))
        timed_wait(f"the {device.name}'s review log to hold the {other.name}'s "
                   f"{len(mine['answers'])} answers",
                   lambda: mine["answers"] <= device.answers())
        timed_wait(f"the card states of both devices to agree",
                   lambda: same_cards(device, other))
        set_filter(device, "Bookmarked")
        timed_wait(f"the {device.name}'s Bookmarked filter to list '{mine['title']}'",
                   lambda: mine["title"] in bookmarked_titles(device))
        entries = entries_list(device)
        items = [i for i in e2e.list_items(entries) if row_title(i) == mine["title"]]
        entries.select_child(e2e.list_items(entries).index(items[0]))
        wait_for(f"the {device.name}'s reader to show '{mine['title']}'",
                 lambda: device.find(Atspi.Role.DOCUMENT_WEB, mine["title"]))
        toggle = device.find_one("the Annotations button", Atspi.Role.TOGGLE_BUTTON, "Annotations")
        if not is_on(toggle):
            e2e.do_action(toggle)
        listing = device.find_one("the list of annotations", Atspi.Role.LIST, "Annotations")
        wait_for(f"the {other.name}'s annotation in the {device.name}'s panel",
                 lambda: any(ANNOTATIONS[other.name] in t for t in e2e.label_texts(listing)))
        if device is desktop:
            device.screenshot_window(f"{device.name}-shows-{other.name}")
        set_filter(device, "All")
        # Every answer of both, in the progress page's history chart.
        total = len(device.answers())
        # The window lists its actions among its accessible actions, at
        # times only a moment after it was asked.
        wait_for(f"the {device.name}'s window to offer win.progress",
                 lambda: "win.progress" in action_names(device.window))
        e2e.do_action(device.window, ("win.progress",))
        chart = device.find_one("the history chart", Atspi.Role.IMAGE,
                                "Answers on each of the last 84 days")
        wait_for(f"the history chart to count {total} answers",
                 lambda: f"{total} answers in the last 12 weeks" in (chart.get_description() or ""))
        e2e.press(device, Atspi.Role.PUSH_BUTTON, "Back to the Notes")
        entries_list(device)

    def search_provider():
        """GNOME's overview asks a running pyprep over its session bus."""
        path = laptop.object_path + "/SearchProvider"
        iface = "org.gnome.Shell.SearchProvider2"
        results = laptop.call(laptop.bus_name, path, iface, "GetInitialResultSet",
                              GLib.Variant("(as)", (["daemon", "threads"],)), "(as)")[0]
        if made["laptop"]["entry"] not in results:
            raise StepFailed(f"'daemon threads' finds {results}, not {made['laptop']['entry']}")
        metas = laptop.call(laptop.bus_name, path, iface, "GetResultMetas",
                            GLib.Variant("(as)", ([made["laptop"]["entry"]],)), "(aa{sv})")[0]
        if not metas or metas[0].get("name") != made["laptop"]["title"]:
            raise StepFailed(f"the result's meta is {metas}, not named '{made['laptop']['title']}'")

    steps = [
        ("two pyprep processes start, each with its own folders and session bus", start_both),
        ("both are set to one study-data folder through app.set-study-folder over D-Bus",
         choose_folder),
        ("the laptop bookmarks, annotates and reviews", lambda: make_on(laptop, desktop)),
        ("the desktop shows the laptop's bookmark, annotation and answers",
         lambda: shows(desktop, laptop)),
        ("the desktop bookmarks, annotates and reviews", lambda: make_on(desktop, laptop)),
        ("the laptop shows the desktop's bookmark, annotation and answers",
         lambda: shows(laptop, desktop)),
        ("the laptop's search provider answers over its session bus", search_provider),
    ]
    try:
        for description, function in steps:
            runner.step(description, function)
    except Exception:
        print(f"1..{runner.case}")
        return 1
    finally:
        for device in (laptop, desktop):
            device.stop_all()
        if launcher is not None:
            launcher.terminate()
            launcher.wait()
    print(f"1..{runner.case}")
    return 0


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    sys.exit(main())
