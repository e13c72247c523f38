#!/usr/bin/env python3
# check-glossary.py: the Chinese deck uses the terms docs/glossary.md chose,
# never a variant the glossary rejects.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-glossary.py GLOSSARY DECK_FOLDER   (prints TAP)
#
# The glossary is a Markdown table: English | 中文 | Not used. The third
# column lists rejected variants separated by 、 ("—" for none). Every
# zh_CN/*.md file of the deck is searched line by line, outside ```reading
# blocks (other people's article titles); each use of a rejected variant is
# reported as file:line. A variant that is part of a chosen term (重入锁 in
# 可重入锁) only counts outside the chosen terms.

import pathlib
import re
import sys

FENCE = re.compile(r"^\s*(`{3,}|~{3,})\s*([^`\s]*)")
SEPARATORS = re.compile(r"\s*(?:、|/)\s*")


def read_glossary(path):
    """Returns [(english, [chosen zh terms], [rejected variants])]."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or set(cells[0]) <= set("-: ") or cells[0] == "English":
            continue
        english, chosen, rejected = cells
        split = lambda text: [t for t in SEPARATORS.split(text) if t and t != "—"]
        rows.append((english, split(chosen), split(rejected)))
    return rows


def problems_in_line(line, rows, chosen_terms):
    """Yields (variant, english, chosen) for each rejected variant in line."""
    masked = line
    for term in chosen_terms:
        masked = masked.replace(term, "\0" * len(term))
    for english, chosen, rejected in rows:
        for variant in rejected:
            if variant in masked:
                yield variant, english, "、".join(chosen)


def problems_in_file(path, label, rows, chosen_terms):
    found = []
    fence = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = FENCE.match(line)
        if fence is None and m:
            fence = (m.group(1), m.group(2))
        elif fence is not None and re.match(r"^\s*" + re.escape(fence[0][0]) + "{" + str(len(fence[0])) + r",}\s*$", line):
            fence = None
            continue
        if fence is not None and fence[1] == "reading":
            continue
        for variant, english, chosen in problems_in_line(line, rows, chosen_terms):
            found.append(f"{label}:{number}: {variant}: the glossary says {chosen} ({english})")
    return found


def main():
    glossary, deck = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    rows = read_glossary(glossary)
    chosen_terms = sorted({t for _, chosen, _ in rows for t in chosen}, key=len, reverse=True)
    files = sorted(deck.glob("zh_CN/*.md"))
    results = []

    clashes = [v for _, _, rejected in rows for v in rejected if v in chosen_terms]
    results.append((f"the glossary has {len(rows)} rows, and no rejected variant is a chosen term",
                    len(rows) >= 30 and not clashes, [f"{v} is both chosen and rejected" for v in clashes]))

    # The checker itself: a rejected variant is found, a chosen term that
    # contains one (可重入锁 holds 重入锁) is not.
    sample = [("introspection", ["内省"], ["自省"]), ("reentrant lock", ["可重入锁"], ["重入锁"])]
    caught = list(problems_in_line("反射与自省", sample, ["可重入锁", "内省"]))
    spared = list(problems_in_line("用可重入锁和内省", sample, ["可重入锁", "内省"]))
    results.append(("the checker flags a rejected variant and spares the chosen terms",
                    len(caught) == 1 and not spared, [f"caught {caught}, spared {spared}"]))

    results.append((f"the deck has Chinese topic files ({len(files)})", bool(files), [str(deck)]))
    for path in files:
        label = str(path.relative_to(deck))
        found = problems_in_file(path, label, rows, chosen_terms)
        results.append((label, not found, found))

    print("TAP version 13")
    print(f"1..{len(results)}")
    for number, (name, ok, details) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {number} - {name}")
        if not ok:
            for detail in details:
                print(f"# {detail}")
    return 0 if all(ok for _, ok, _ in results) else 1


sys.exit(main())
