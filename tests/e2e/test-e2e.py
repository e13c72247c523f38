#!/usr/bin/env python3
# tests/e2e/test-e2e.py: drives the real Pyprep from outside, through its accessibility tree.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-e2e.py PYPREP  (run by tests/run-test.sh --display: Xvfb, a
# private session bus, a scratch home)
#
# Starts the app as its own process and uses it the way a user of a screen
# reader would: it finds controls by role and name in the AT-SPI tree and
# presses them with their accessible actions, and types with the editable
# text interface. (Synthesized key events go through XTest, which reaches no
# window on a bare Xvfb without a window manager, so nothing here depends on
# the keyboard.) It opens an entry, bookmarks and annotates it, searches in
# Chinese, answers a short review session, quits, starts the app again and
# checks that everything is still there, on screen and in the user data.
# On every screen it visits it also checks that each control has a name a
# screen reader can say. Prints TAP, one test case a step.

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import warnings

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, Gio, GLib  # noqa: E402

TIMEOUT = float(os.environ.get("PYPREP_E2E_TIMEOUT", "30"))
TOPIC = "操作系统与并发"  # the bundled deck's first topic, in Chinese
ANNOTATION = "E2E 注释：引用计数归零的对象立即回收，循环引用靠分代回收。"
QUERY = "垃圾回收"
NEW_CARDS = 2
SETTINGS_GROUP = "io/github/pyprep/Pyprep"

# Roles a user operates or types into: each needs a name to be spoken.
CONTROL_ROLES = {
    Atspi.Role.PUSH_BUTTON,
    Atspi.Role.TOGGLE_BUTTON,
    Atspi.Role.CHECK_BOX,
    Atspi.Role.RADIO_BUTTON,
    Atspi.Role.ENTRY,
    Atspi.Role.PASSWORD_TEXT,
    Atspi.Role.TEXT,
    Atspi.Role.SPIN_BUTTON,
    Atspi.Role.COMBO_BOX,
    Atspi.Role.SLIDER,
    Atspi.Role.MENU_ITEM,
    Atspi.Role.CHECK_MENU_ITEM,
    Atspi.Role.RADIO_MENU_ITEM,
    Atspi.Role.LIST_ITEM,
}


class StepFailed(Exception):
    pass


class Run:
    """Everything one test run shares: the paths, the app, the findings."""

    def __init__(self, program):
        self.program = program
        self.data_dir = os.path.join(os.environ["XDG_DATA_HOME"], "pyprep")
        self.shots = os.environ.get("PYPREP_SCREENSHOT_DIR",
                                    os.path.join(os.environ.get("TMPDIR", "/tmp"), "pyprep-screenshots"))
        os.makedirs(self.shots, exist_ok=True)
        self.app = None
        self.app_log = None
        self.root = None
        self.starts = 0
        self.case = 0
        self.unnamed = {}   # path -> screen where it was first met
        self.audited = 0
        self.screens = []

    # The app ------------------------------------------------------------

    def start(self):
        """Starts pyprep with accessibility on and waits for its window."""
        env = dict(os.environ)
        # The other UI tests switch accessibility off; this one needs it.
        env.pop("NO_AT_BRIDGE", None)
        env.pop("GTK_A11Y", None)
        # Settings in a key file, so both runs see the same ones.
        env["GSETTINGS_BACKEND"] = "keyfile"
        self.starts += 1
        log_path = os.path.join(self.shots, f"e2e-app-{self.starts}.log")
        self.app_log = open(log_path, "w")
        self.app = subprocess.Popen([self.program], env=env, stdout=self.app_log,
                                    stderr=subprocess.STDOUT, start_new_session=True)
        self.root = None

        def window():
            for app in desktop_children():
                if app_pid(app) == self.app.pid:
                    for child in children(app):
                        if child.get_role() == Atspi.Role.FRAME:
                            self.root = app
                            return child
            self.check_alive()
            return None

        self.window = wait_for("the app's window on the accessibility bus", window)

    def check_alive(self):
        if self.app is not None and self.app.poll() is not None:
            raise StepFailed(f"the app exited with status {self.app.returncode}; "
                             f"its output is in {self.app_log.name}")

    def stop(self, timeout=TIMEOUT):
        """Waits for the app to exit after it was asked to quit."""
        try:
            self.app.wait(timeout)
        except subprocess.TimeoutExpired:
            raise StepFailed(f"the app did not exit within {timeout:.0f} s of closing its window")
        if self.app.returncode != 0:
            raise StepFailed(f"the app exited with status {self.app.returncode}; "
                             f"its output is in {self.app_log.name}")
        self.app_log.close()
        self.app = None

    def kill(self):
        if self.app is not None and self.app.poll() is None:
            os.killpg(self.app.pid, signal.SIGTERM)
            try:
                self.app.wait(5)
            except subprocess.TimeoutExpired:
                os.killpg(self.app.pid, signal.SIGKILL)
                self.app.wait()

    def screenshot(self, name):
        if shutil.which("import") is None:
            return
        # Let the last frame reach the X server.
        time.sleep(0.3)
        subprocess.run(["import", "-window", "root", os.path.join(self.shots, f"e2e-{name}.png")],
                       check=False)

    # Finding things -----------------------------------------------------

    def find(self, role, name=None, within=None, contains=None, showing=True):
        """Every node under @within (the window) of @role, named @name or
        with @contains in its name."""
        found = []
        for node in walk(within or self.window):
            if node.get_role() != role:
                continue
            if showing and not is_showing(node):
                continue
            node_name = accessible_name(node)
            if name is not None and node_name != name:
                continue
            if contains is not None and contains not in node_name:
                continue
            found.append(node)
        return found

    def find_one(self, what, role, name=None, within=None, contains=None, timeout=TIMEOUT):
        def one():
            self.check_alive()
            nodes = self.find(role, name, within, contains)
            return nodes[0] if nodes else None

        return wait_for(what, one, timeout)

    # The accessibility check -------------------------------------------

    def audit(self, screen):
        """Notes every control on screen without a name, its own or its
        labels'."""
        self.screens.append(screen)
        for node, path in walk_paths(self.window):
            if node.get_role() not in CONTROL_ROLES or not is_showing(node):
                continue
            self.audited += 1
            if not accessible_name(node).strip():
                self.unnamed.setdefault(path, screen)

    # TAP ------------------------------------------------------------------

    def step(self, description, function):
        self.case += 1
        print(f"# step {self.case}: {description}", flush=True)
        try:
            function()
        except Exception as error:
            print(f"not ok {self.case} - {description}")
            print(f"# failed at step {self.case} ({description}): {error}")
            self.screenshot(f"failed-step-{self.case}")
            self.dump_tree(f"failed-step-{self.case}")
            raise
        print(f"ok {self.case} - {description}", flush=True)

    def dump_tree(self, name):
        """The window's tree as text, to see what the failed step saw."""
        if self.app is None or self.app.poll() is not None:
            return
        path = os.path.join(self.shots, f"e2e-{name}-tree.txt")
        try:
            with open(path, "w") as out:
                for node, node_path in walk_paths(self.window):
                    state = "showing" if is_showing(node) else "hidden"
                    out.write(f"{node_path}  [{state}]\n")
            print(f"# the window's accessible tree: {path}")
        except GLibError:
            pass


# AT-SPI helpers -------------------------------------------------------------

GLibError = GLib.GError


def start_accessibility_bus():
    """Starts the accessibility bus ourselves, its output going to stderr.
    Started by D-Bus activation instead, its registry daemon would print
    into this test's TAP output. Returns the launcher, or None when the
    session bus must start it after all."""
    for path in ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher"):
        if os.access(path, os.X_OK):
            break
    else:
        return None
    launcher = subprocess.Popen([path], stdout=sys.stderr, stdin=subprocess.DEVNULL)
    bus = Gio.bus_get_sync(Gio.BusType.SESSION)

    def owned():
        reply = bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                              "NameHasOwner", GLib.Variant("(s)", ("org.a11y.Bus",)),
                              GLib.VariantType("(b)"), Gio.DBusCallFlags.NONE, -1, None)
        return reply.unpack()[0]

    wait_for("the accessibility bus", owned, 10)
    return launcher


def desktop_children():
    desktop = Atspi.get_desktop(0)
    desktop.clear_cache()
    return children(desktop)


def children(node):
    result = []
    try:
        count = node.get_child_count()
    except GLibError:
        return result
    for i in range(count):
        try:
            child = node.get_child_at_index(i)
        except GLibError:
            continue
        if child is not None:
            result.append(child)
    return result


def app_pid(app):
    try:
        return app.get_process_id()
    except GLibError:
        return None


def accessible_name(node):
    """The name a screen reader says: the node's own, else that of the
    labels it is labelled by (as menu items are)."""
    try:
        name = node.get_name() or ""
        if name:
            return name
        labels = []
        for relation in node.get_relation_set() or []:
            if relation.get_relation_type() == Atspi.RelationType.LABELLED_BY:
                labels += [relation.get_target(i).get_name() or ""
                           for i in range(relation.get_n_targets())]
        return " ".join(label for label in labels if label)
    except GLibError:
        return ""


def is_showing(node):
    try:
        return node.get_state_set().contains(Atspi.StateType.SHOWING)
    except GLibError:
        return False


def has_state(node, state):
    try:
        return node.get_state_set().contains(state)
    except GLibError:
        return False


def walk(node):
    for found, _ in walk_paths(node):
        yield found


def walk_paths(node, path=""):
    """Every node under @node with a readable path of roles and names. The
    page inside the reader belongs to WebKit, not to Pyprep: the walk stops
    at its document."""
    try:
        here = f"{path}/{node.get_role_name()}"
    except GLibError:
        return
    name = accessible_name(node)
    if name:
        here += f"[{name[:40]}]"
    yield node, here
    try:
        if node.get_role() == Atspi.Role.DOCUMENT_WEB:
            return
    except GLibError:
        return
    for child in children(node):
        yield from walk_paths(child, here)


def wait_for(what, condition, timeout=TIMEOUT):
    """Polls @condition until it returns something true, and returns that."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            result = condition()
            if result:
                return result
        except GLibError as error:
            # The tree changes under the walk; try again.
            last_error = error
        if time.monotonic() > deadline:
            detail = f" (last error: {last_error})" if last_error else ""
            raise StepFailed(f"waited {timeout:.0f} s for {what}{detail}")
        time.sleep(0.1)


def do_action(node, wanted=("click", "activate", "press", "toggle")):
    """Presses @node with its first action among @wanted."""
    # The untranslated action names ("click") have no newer accessor than
    # this deprecated one; its replacement gives translated names.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        names = [node.get_action_name(i) for i in range(node.get_n_actions())]
    for action in wanted:
        if action in names:
            if not node.do_action(names.index(action)):
                raise StepFailed(f"the {action} action of '{accessible_name(node)}' failed")
            return
    raise StepFailed(f"'{accessible_name(node)}' ({node.get_role_name()}) has no action among "
                     f"{', '.join(wanted)}; it has {', '.join(names) or 'none'}")


def press(run, role, name, what=None):
    node = run.find_one(what or f"the {name} {Atspi.role_get_name(role)}", role, name)
    do_action(node)
    return node


def text_of(node):
    return Atspi.Text.get_text(node, 0, Atspi.Text.get_character_count(node))


def list_items(listing):
    return [child for child in children(listing) if child.get_role() == Atspi.Role.LIST_ITEM]


def label_texts(node):
    return [accessible_name(n) for n in walk(node) if n.get_role() == Atspi.Role.LABEL]


# The session ------------------------------------------------------------------

def write_settings():
    """The deck in Chinese and a short review session, for both runs."""
    folder = os.path.join(os.environ["XDG_CONFIG_HOME"], "glib-2.0", "settings")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "keyfile"), "w") as out:
        out.write(f"[{SETTINGS_GROUP}]\n"
                  "deck-language='zh_CN'\n"
                  f"new-cards-per-day=uint32 {NEW_CARDS}\n")


def cannot_run(argv):
    """The exit status when this run cannot go on (a wrong command line,
    no display, no scratch home), after saying why; None when it can."""
    if len(argv) != 2:
        print(f"usage: {argv[0]} PYPREP", file=sys.stderr)
        return 2
    if not os.environ.get("DISPLAY"):
        print("1..0 # SKIP no display (run through tests/run-test.sh --display)")
        return 0
    if "PYPREP_TEST_INNER" not in os.environ:
        print("1..0 # SKIP needs the scratch home of tests/run-test.sh")
        return 0
    return None


def main():
    status = cannot_run(sys.argv)
    if status is not None:
        return status
    try:
        launcher = start_accessibility_bus()
    except (StepFailed, GLibError) as error:
        print(f"1..0 # SKIP no accessibility bus: {error}")
        return 0
    if Atspi.init() not in (0, 1):
        print("1..0 # SKIP AT-SPI cannot start")
        return 0

    run = Run(sys.argv[1])
    write_settings()
    state = {}

    def first_start():
        run.start()
        entries = run.find_one("the sidebar's list of entries", Atspi.Role.LIST, "Entries")
        wait_for("entries in the sidebar", lambda: len(list_items(entries)) > 5)
        run.audit("start")

    def open_entry():
        # The first topic of the bundled deck, and its second entry. (The
        # list makes rows only for what is on screen or near it, so later
        # topics may have no row yet.)
        entries = run.find_one("the sidebar's list of entries", Atspi.Role.LIST, "Entries")
        rows = children(entries)
        headers = [i for i, row in enumerate(rows) if row.get_role() == Atspi.Role.ROW_HEADER]
        if not headers:
            raise StepFailed("the sidebar shows no topic heading")
        topic = accessible_name(rows[headers[0]])
        if topic != TOPIC:
            raise StepFailed(f"the first topic is '{topic}', expected {TOPIC} (deck language zh_CN)")
        row = rows[headers[0] + 2]
        title = accessible_name(row) or " ".join(label_texts(row))
        # A list item's position counts list items only, not topic headings.
        position = list_items(entries).index(row)
        if not entries.select_child(position):
            raise StepFailed(f"selecting '{title}' in the sidebar failed")
        state["entry_title"] = title
        wait_for(f"the reader to show '{title}'",
                 lambda: run.find(Atspi.Role.DOCUMENT_WEB, title))
        run.audit("reader")
        run.screenshot("1-entry")

    def bookmark():
        button = press(run, Atspi.Role.TOGGLE_BUTTON, "Bookmark")
        wait_for("the Bookmark button to be on",
                 lambda: has_state(button, Atspi.StateType.CHECKED)
                 or has_state(button, Atspi.StateType.PRESSED))
        title = state["entry_title"]
        entries = run.find_one("the sidebar's list of entries", Atspi.Role.LIST, "Entries")
        wait_for(f"the sidebar row of '{title}' to say it is bookmarked",
                 lambda: any("Bookmarked" in (n.get_description() or "")
                             for n in walk(entries) if accessible_name(n) == title))

    def annotate():
        press(run, Atspi.Role.TOGGLE_BUTTON, "Annotations")
        press(run, Atspi.Role.PUSH_BUTTON, "New Annotation")
        editor = run.find_one("the annotation editor", Atspi.Role.TEXT, "New annotation text")
        run.audit("annotation editor")
        if not editor.insert_text(0, ANNOTATION, -1):
            raise StepFailed("typing into the annotation editor failed")
        wait_for("the annotation text in the editor", lambda: text_of(editor) == ANNOTATION)
        run.screenshot("2-annotation-editor")
        press(run, Atspi.Role.PUSH_BUTTON, "Add")
        listing = run.find_one("the list of annotations", Atspi.Role.LIST, "Annotations")
        wait_for("the new annotation in the panel",
                 lambda: any(ANNOTATION in text for text in label_texts(listing)))
        run.audit("annotations")
        run.screenshot("3-annotation")

    def search():
        field = run.find_one("the search field", Atspi.Role.ENTRY, "Search Notes")
        if not field.set_text_contents(QUERY):
            raise StepFailed(f"typing '{QUERY}' into the search field failed")
        results = run.find_one("the search results", Atspi.Role.LIST, "Search Results")
        first = wait_for(f"results for '{QUERY}'",
                         lambda: (list_items(results) or [None])[0])
        texts = label_texts(first)
        if not texts or not any(QUERY in text for text in texts):
            raise StepFailed(f"the first result for '{QUERY}' does not show it: {texts}")
        title = texts[0]
        run.audit("search results")
        run.screenshot("4-search")
        # A result cannot be opened from here: GTK 4 gives list rows no
        # accessible action, and synthesized clicks and keys reach no window
        # on this bare X server. The user opens what was found in the
        # sidebar instead, after clearing the search.
        do_action(field, ("clear",))
        entries = run.find_one("the sidebar's list of entries again", Atspi.Role.LIST, "Entries")
        items = wait_for(f"'{title}' in the sidebar",
                         lambda: [i for i in list_items(entries) if accessible_name(i) == title])
        if not entries.select_child(list_items(entries).index(items[0])):
            raise StepFailed(f"selecting '{title}' in the sidebar failed")
        wait_for(f"the reader to show the result '{title}'",
                 lambda: run.find(Atspi.Role.DOCUMENT_WEB, title))
        state["result_title"] = title

    def answer_session(limit, shot_name, ratings=()):
        """Answers every card on screen, recall cards with @ratings in turn
        (Good when they run out) and questions with their first choice, up
        to the summary; returns the count."""
        answered = 0
        shot = False
        while True:
            screen = wait_for("a card or the summary", lambda: quiz_screen(run))
            kind, node = screen
            if kind == "summary":
                break
            if answered >= limit:
                raise StepFailed(f"a card after {answered} answers; the session has {limit}")
            if kind == "recall":
                do_action(node)
                rating = ratings[answered] if answered < len(ratings) else "Good"
                good = run.find_one(f"the {rating} rating button", Atspi.Role.PUSH_BUTTON, contains=rating)
                run.audit("recall card")
                if not shot:
                    run.screenshot(shot_name)
                    shot = True
                do_action(good)
            else:
                choices = run.find(Atspi.Role.CHECK_BOX)
                do_action(choices[0])
                wait_for("the first choice to be ticked",
                         lambda: has_state(choices[0], Atspi.StateType.CHECKED))
                run.audit("question")
                do_action(node)
                run.audit("question answered")
                if not shot:
                    run.screenshot(shot_name)
                    shot = True
                press(run, Atspi.Role.PUSH_BUTTON, "Continue")
            answered += 1
            # The next screen replaces this one.
            wait_for("the next card", lambda: not is_showing(node))
        return answered

    def review():
        # The Review button at the top of the sidebar, as a user starts it.
        # (The primary menu's Review Cards item cannot be found: GTK gives
        # popover menu items no accessible name.)
        button = run.find_one("the sidebar's Review button", Atspi.Role.PUSH_BUTTON, "Review Cards")
        do_action(button)
        # The first card missed (Again), the others known.
        if answer_session(NEW_CARDS, "5-card", ("Again",)) != NEW_CARDS:
            raise StepFailed(f"the review did not have {NEW_CARDS} cards")
        counts = f"{NEW_CARDS} answered, {NEW_CARDS - 1} correct"
        wait_for(f"'{counts}' in the summary",
                 lambda: any(counts in text for text in label_texts(run.window)))
        run.audit("summary")
        run.screenshot("6-summary")
        # The missed card once more, in practice.
        press(run, Atspi.Role.PUSH_BUTTON, "Practice These Again")
        wait_for("the summary to give way to the practice card",
                 lambda: (quiz_screen(run) or ("summary",))[0] != "summary")
        state["practised"] = answer_session(1, "6-practice-card")
        if state["practised"] != 1:
            raise StepFailed(f"practising the missed card took {state['practised']} answers")
        wait_for("'1 answered, 1 correct' in the practice summary",
                 lambda: any("1 answered, 1 correct" in text for text in label_texts(run.window)))
        run.audit("practice summary")
        press(run, Atspi.Role.PUSH_BUTTON, "Back to the Notes")
        run.find_one("the sidebar again", Atspi.Role.LIST, "Entries")

    def progress():
        # Progress and Practice (Ctrl+Shift+R): the window lists its
        # actions among its accessible actions.
        do_action(run.window, ("win.progress",))
        chart = run.find_one("the forecast chart", Atspi.Role.IMAGE,
                             "Cards due on each of the next 30 days")
        if "due today" not in (chart.get_description() or ""):
            raise StepFailed(f"the forecast chart's text alternative is '{chart.get_description()}'")
        chart = run.find_one("the history chart", Atspi.Role.IMAGE, "Answers on each of the last 84 days")
        # Practice answers are not reviews: the review's alone count.
        if f"{NEW_CARDS} answers in the last 12 weeks" not in (chart.get_description() or ""):
            raise StepFailed(f"the history chart's text alternative is '{chart.get_description()}'")
        run.audit("progress page")
        run.screenshot("7-progress")
        press(run, Atspi.Role.PUSH_BUTTON, "Back to the Notes")
        run.find_one("the sidebar again", Atspi.Role.LIST, "Entries")

    def quit_app():
        press(run, Atspi.Role.PUSH_BUTTON, "Close", "the window's Close button")
        run.stop()

    def second_start():
        run.start()
        run.find_one("the sidebar's list of entries", Atspi.Role.LIST, "Entries")
        title = state["result_title"]
        wait_for(f"the reader to open the last entry read, '{title}'",
                 lambda: run.find(Atspi.Role.DOCUMENT_WEB, title))

    def check_bookmark():
        title = state["entry_title"]
        press(run, Atspi.Role.TOGGLE_BUTTON, "Bookmarked", "the Bookmarked filter")
        entries = run.find_one("the sidebar's list of entries", Atspi.Role.LIST, "Entries")

        def only_bookmark():
            items = list_items(entries)
            names = [accessible_name(i) or " ".join(label_texts(i)) for i in items]
            return names == [title]

        wait_for(f"the Bookmarked filter to list only '{title}'", only_bookmark)
        run.audit("bookmarked filter")
        run.screenshot("7-bookmarked")
        if not entries.select_child(0):
            raise StepFailed(f"selecting '{title}' in the sidebar failed")
        wait_for(f"the reader to show '{title}'", lambda: run.find(Atspi.Role.DOCUMENT_WEB, title))
        button = run.find_one("the Bookmark button", Atspi.Role.TOGGLE_BUTTON, "Bookmark")
        wait_for("the Bookmark button to be on",
                 lambda: has_state(button, Atspi.StateType.CHECKED)
                 or has_state(button, Atspi.StateType.PRESSED))

    def check_annotation():
        toggle = run.find_one("the Annotations button", Atspi.Role.TOGGLE_BUTTON, "Annotations")
        if not has_state(toggle, Atspi.StateType.CHECKED):
            do_action(toggle)
        listing = run.find_one("the list of annotations", Atspi.Role.LIST, "Annotations")
        wait_for("the annotation written before the restart",
                 lambda: any(ANNOTATION in text for text in label_texts(listing)))
        run.audit("annotations after restart")
        run.screenshot("8-after-restart")

    def check_files():
        path = os.path.join(run.data_dir, "user-data.json")
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        bookmarks = list(data.get("bookmarks", {}))
        if len(bookmarks) != 1:
            raise StepFailed(f"{path} holds {len(bookmarks)} bookmarks, expected 1: {bookmarks}")
        notes = list(data.get("annotations", {}).values())
        if len(notes) != 1 or notes[0].get("text") != ANNOTATION:
            raise StepFailed(f"{path} does not hold the one annotation written: {notes}")
        if notes[0].get("entry") != bookmarks[0]:
            raise StepFailed(f"the annotation is on {notes[0].get('entry')}, "
                             f"the bookmark on {bookmarks[0]}: they were made on one entry")
        cards = data.get("cards", {})
        answered = {card: value for card, value in cards.items()
                    if value.get("reps", 0) >= 1 and value.get("state") != "new"}
        if len(answered) != NEW_CARDS:
            raise StepFailed(f"{path} holds {len(answered)} answered cards, expected {NEW_CARDS}: {cards}")
        log_path = os.path.join(run.data_dir, "review-log.jsonl")
        with open(log_path, encoding="utf-8") as f:
            lines = [json.loads(line) for line in f if line.strip()]
        logged = [line.get("card") for line in lines if not line.get("practice")]
        if sorted(logged) != sorted(answered):
            raise StepFailed(f"{log_path} logs {logged}, the cards answered are {sorted(answered)}")
        # Practice answers are logged too, marked, and changed no schedule
        # (the card count above is the review's alone).
        practised = [line for line in lines if line.get("practice")]
        if len(practised) != state["practised"]:
            raise StepFailed(f"{log_path} logs {len(practised)} practice answers, "
                             f"{state['practised']} were given")

    def check_names():
        print(f"# checked {run.audited} controls on {len(run.screens)} screens: "
              f"{', '.join(run.screens)}")
        if run.unnamed:
            print(f"# {len(run.unnamed)} controls have no accessible name:")
            for path, screen in run.unnamed.items():
                print(f"#   on '{screen}': {path}")
            raise StepFailed("controls without an accessible name (listed above)")

    def second_quit():
        press(run, Atspi.Role.PUSH_BUTTON, "Close", "the window's Close button")
        run.stop()

    steps = [
        ("the app starts and lists the deck's entries", first_start),
        ("open a topic's entry from the sidebar", open_entry),
        ("bookmark the entry", bookmark),
        ("add an annotation to it", annotate),
        (f"search in Chinese for {QUERY} and open what it finds first", search),
        (f"answer a review session of {NEW_CARDS} new cards and practise the missed one", review),
        ("the progress page has the session, its charts in words", progress),
        ("quit by closing the window", quit_app),
        ("start again: the last entry read is open", second_start),
        ("the bookmark is still there", check_bookmark),
        ("the annotation is still there", check_annotation),
        ("user-data.json and the review log hold all of it", check_files),
        ("every control met has an accessible name", check_names),
        ("quit again", second_quit),
    ]
    try:
        for description, function in steps:
            run.step(description, function)
    except Exception:
        print(f"1..{run.case}")
        return 1
    finally:
        run.kill()
        if launcher is not None:
            launcher.terminate()
            launcher.wait()
    print(f"1..{run.case}")
    return 0


def quiz_screen(run):
    """What the review shows: ("recall", its Show Answer button),
    ("question", its Check Answer button) or ("summary", None)."""
    run.check_alive()
    for node in walk(run.window):
        if not is_showing(node):
            continue
        role = node.get_role()
        name = accessible_name(node)
        if role == Atspi.Role.PUSH_BUTTON and name == "Show Answer":
            return ("recall", node)
        if role == Atspi.Role.PUSH_BUTTON and name == "Check Answer":
            return ("question", node)
        if role == Atspi.Role.LABEL and name == "Session Complete":
            return ("summary", None)
    return None


if __name__ == "__main__":
    sys.exit(main())
