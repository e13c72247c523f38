#!/usr/bin/env python3
# build-aux/gen-deck.py: writes a large, deterministic deck for benchmarks.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: gen-deck.py FOLDER [ENTRIES]   (default 10000 entries, about 20 MB)
#        gen-deck.py --notes FOLDER [QUESTIONS]   (default 5000)
#        gen-deck.py --readme FOLDER [QUESTIONS]  (default 250, about 130 KB)
# The same arguments always give the same bytes.
#
# --notes writes notes as people keep them, without deck.json: a README
# index, subject folders two levels deep, each file a title, a table of
# contents, topics and questions numbered across them, some with numbered
# sub-points, some unanswered, with tables and images. --readme writes one
# README.md holding every question, the way many collections are shared.

import json
import pathlib
import random
import sys

WORDS_EN = ("thread process lock memory list dict hash bytecode interpreter garbage "
            "collector reference count generator coroutine event loop decorator closure "
            "slice copy module import cache arena pool block object type class instance "
            "attribute method function argument return value error exception context").split()
WORDS_ZH = ("线程 进程 锁 内存 列表 字典 哈希 字节码 解释器 垃圾 回收 引用 计数 生成器 协程 事件 "
            "循环 装饰器 闭包 切片 拷贝 模块 导入 缓存 对象 类型 实例 属性 方法 函数 参数 异常").split()


def sentence(rng, words, n):
    return " ".join(rng.choice(words) for _ in range(n))


def notes_file(rng, title, first, count, topics=4):
    """One notes file: a title, a table of contents, topics, numbered questions."""
    body = []
    toc = [f"# {title}\n\n<!-- TOC -->\n"]
    number = first
    per_topic = max(1, count // topics)
    for t in range(topics):
        words = WORDS_ZH if t % 2 else WORDS_EN
        topic = f"Topic {t + 1}: {sentence(rng, words, 2)}"
        toc.append(f"- [{topic}](#topic-{t + 1})\n")
        body.append(f"\n## {topic}\n")
        for _ in range(per_topic if t < topics - 1 else count - per_topic * (topics - 1)):
            ask = rng.choice(("What is", "Why does", "How do", "什么是", "如何理解"))
            body.append(f"\n### {number}. {ask} {sentence(rng, words, 4)}?\n\n")
            number += 1
            if rng.random() < 0.08:
                continue  # unanswered, as real notes often are
            for _ in range(2):
                body.append(sentence(rng, words, 25) + ".\n\n")
            if rng.random() < 0.3:
                for point in range(1, 4):
                    body.append(f"#### {point}. {sentence(rng, words, 3)}\n\n{sentence(rng, words, 15)}.\n\n")
            if rng.random() < 0.1:
                body.append("| name | cost |\n|---|---:|\n| list | O(1) |\n| dict | O(1) |\n\n")
            if rng.random() < 0.05:
                body.append("![diagram](../images/diagram.png)\n\n")
            if rng.random() < 0.3:
                body.append("```python\nfor i in range(10):\n    print(i)\n```\n\n")
    toc.append("\n<!-- /TOC -->\n")
    return "".join(toc + body), number


def main_notes(folder, total):
    rng = random.Random(20261207)
    files_per_folder, subjects, parts = 5, 10, 5
    per_file = max(1, total // (subjects * parts * files_per_folder))
    index = ["# Interview Notes\n\nGenerated notes for the benchmark.\n\n"]
    number = 1
    written = 0
    for s in range(subjects):
        for p in range(parts):
            sub = folder / f"subject-{s:02d}" / f"part-{p}"
            sub.mkdir(parents=True, exist_ok=True)
            for f in range(files_per_folder):
                last = s == subjects - 1 and p == parts - 1 and f == files_per_folder - 1
                count = total - written if last else per_file
                text, number = notes_file(rng, f"Subject {s} part {p} file {f}", number, count)
                written += count
                name = f"notes-{f}.md"
                (sub / name).write_text(text, encoding="utf-8")
                index.append(f"- [Subject {s} part {p} file {f}](subject-{s:02d}/part-{p}/{name})\n")
    (folder / "README.md").write_text("".join(index), encoding="utf-8")


def main_readme(folder, total):
    rng = random.Random(20261208)
    folder.mkdir(parents=True, exist_ok=True)
    text, _ = notes_file(rng, "Python Interview Questions", 1, total, topics=8)
    (folder / "README.md").write_text(text, encoding="utf-8")


def main():
    if sys.argv[1] in ("--notes", "--readme"):
        folder = pathlib.Path(sys.argv[2])
        if sys.argv[1] == "--notes":
            main_notes(folder, int(sys.argv[3]) if len(sys.argv) > 3 else 5000)
        else:
            main_readme(folder, int(sys.argv[3]) if len(sys.argv) > 3 else 250)
        return
    folder = pathlib.Path(sys.argv[1])
    total = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    topics = 20
    rng = random.Random(20261121)
    (folder / "en").mkdir(parents=True, exist_ok=True)
    manifest = {
        "format": 1, "id": "bench", "title": "Benchmark Deck", "languages": ["en"],
        "topics": [{"id": f"t{t:02d}"} for t in range(topics)],
    }
    (folder / "deck.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    per_topic = total // topics
    for t in range(topics):
        parts = [f"# Topic {t:02d}\n"]
        for e in range(per_topic):
            words = WORDS_ZH if (t + e) % 3 == 0 else WORDS_EN
            parts.append(f"\n## Entry {t}-{e}: {sentence(rng, words, 5)} {{#e{e:05d}}}\n\n")
            for _ in range(6):
                parts.append(sentence(rng, words, 40) + ".\n\n")
            parts.append("```python\nfor i in range(10):\n    print(i)\n```\n\n")
            parts.append(f"```card\n{sentence(rng, words, 8)}?\n---\n{sentence(rng, words, 20)}\n```\n\n")
            parts.append(f"```quiz\n{sentence(rng, words, 8)}?\n\n- [x] {sentence(rng, words, 4)}\n"
                         f"- [ ] {sentence(rng, words, 4)}\n  {sentence(rng, words, 10)}\n```\n")
        (folder / "en" / f"t{t:02d}.md").write_text("".join(parts), encoding="utf-8")


main()
