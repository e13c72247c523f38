#!/usr/bin/env python3
# check-layers.py: the code's rooms stay apart: layers, no include cycles, small files.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-layers.py SOURCE_ROOT   (prints TAP)
#
# Reads the #include "..." lines of src/ and src/core/. A module is a file
# pair and its private header (pyprep-deck.c, pyprep-deck.h and
# pyprep-deck-private.h are the module pyprep-deck). Fails when:
#  - a file includes a header of a layer above its own (core may include
#    only core headers; the UI may include core and UI headers);
#  - the modules' include graph has a cycle (named, module by module);
#  - a product .c file passes 800 lines, or a function in one passes 100.

import pathlib
import re
import sys

MAX_FILE_LINES = 800
MAX_FUNCTION_LINES = 100

root = pathlib.Path(sys.argv[1])
# Lower layers first: a file may include headers of its own layer or below.
LAYERS = [('core', root / 'src' / 'core'), ('ui', root / 'src')]
GENERATED_HEADERS = {'config.h', 'pyprep-core-resources.h', 'pyprep-resources.h'}

results = []


def check(name, ok, detail=''):
    results.append((name, ok, detail))


def module_of(path):
    stem = path.name.rsplit('.', 1)[0]
    return stem[:-len('-private')] if stem.endswith('-private') else stem


files = {}
for layer, folder in LAYERS:
    for path in sorted(folder.glob('*.[ch]')):
        files[path.name] = (layer, path)

layer_rank = {name: rank for rank, (name, _) in enumerate(LAYERS)}
graph = {}
wrong_layer = []
unknown = []
for name, (layer, path) in files.items():
    module = module_of(path)
    graph.setdefault(module, set())
    for number, line in enumerate(path.read_text(encoding='utf-8').splitlines(), 1):
        match = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
        if not match or match.group(1) in GENERATED_HEADERS:
            continue
        header = pathlib.PurePath(match.group(1)).name
        if header not in files:
            unknown.append(f'{path.relative_to(root)}:{number}: {header}')
            continue
        target_layer, target_path = files[header]
        if layer_rank[target_layer] > layer_rank[layer]:
            wrong_layer.append(f'{path.relative_to(root)}:{number}: {layer} includes {target_layer} header {header}')
        target = module_of(target_path)
        if target != module:
            graph[module].add(target)

check('every included project header exists in src/ or src/core/', not unknown, unknown)
check('no file includes a header of a higher layer', not wrong_layer, wrong_layer)


def strongly_connected(graph):
    """Tarjan's algorithm, iterative; returns the components of more than one module."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


def describe(component):
    members = set(component)
    edges = [f'{a} -> {b}' for a in component for b in sorted(graph[a]) if b in members]
    return ', '.join(edges)


cycles = strongly_connected(graph)
check('the include graph of the modules has no cycle', not cycles, [describe(c) for c in cycles])

long_files = []
long_functions = []
for name, (layer, path) in sorted(files.items()):
    if not name.endswith('.c'):
        continue
    lines = path.read_text(encoding='utf-8').splitlines()
    if len(lines) > MAX_FILE_LINES:
        long_files.append(f'{path.relative_to(root)} ({len(lines)} lines)')
    # GNU style: a function's name starts a line, its body opens and closes
    # with braces in the first column.
    start = None
    for number, line in enumerate(lines, 1):
        if line == '{' and start is None:
            start = number
            head = next((lines[i] for i in range(number - 2, -1, -1)
                         if re.match(r'[A-Za-z_]\w* \(', lines[i])), '?')
        elif line == '}' and start is not None:
            if number - start - 1 > MAX_FUNCTION_LINES:
                long_functions.append(f'{path.relative_to(root)}:{start}: {head.split(" (")[0]} '
                                      f'({number - start - 1} lines)')
            start = None

check(f'no product .c file over {MAX_FILE_LINES} lines', not long_files, long_files)
check(f'no function over {MAX_FUNCTION_LINES} lines', not long_functions, long_functions)

print(f'1..{len(results)}')
for number, (name, ok, detail) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {number} - {name}')
    if not ok:
        for item in detail:
            print(f'#   {item}')
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
