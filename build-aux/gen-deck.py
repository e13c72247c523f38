#!/usr/bin/env python3
# build-aux/gen-deck.py: writes a large, deterministic deck for benchmarks.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: gen-deck.py FOLDER [ENTRIES]   (default 10000 entries, about 20 MB)
# The same arguments always give the same bytes.

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


def main():
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
