#!/usr/bin/env python3
"""Seeds for the `three_paths` target: every case of `corpus/zoo.json` (the zoo
test's texts, 12 a type, and its `unreadable` texts), prefixed with the byte that picks its type, in the
order the target lists them (`for_each_zoo_type!`, then `for_each_matrix_type!`).

    python3 seed_three_paths.py        # writes corpus/three_paths/"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")


def listed(path, macro):
    src = open(os.path.join(ROOT, path)).read()
    body = src[src.index(f"macro_rules! {macro}"):]
    return body[: body.index("\n}\n")]


zoo = re.findall(r"\$m!\((\w+)\);", listed("tests/src/zoo.rs", "for_each_zoo_type"))
matrix_src = listed("tests/src/matrix.rs", "for_each_matrix_type")
modules = re.search(r"@inner \$m: ([\w ]+)\)", matrix_src).group(1).split()
shapes = re.findall(r"\$m!\(\$module::(\w+)\);", matrix_src)
sets = re.findall(r"\$m!\((\w+)\);", matrix_src)
# The order the macro writes them in: the modules' shapes first, then the sets.
types = zoo + [f"{m}::{s}" for m in modules for s in shapes] + sets
index = {name: i for i, name in enumerate(types)}
assert len(types) <= 256, len(types)

out = os.path.join(HERE, "corpus", "three_paths")
os.makedirs(out, exist_ok=True)
corpus = json.load(open(os.path.join(ROOT, "corpus", "zoo.json")))
# The texts no `serde_json::Value` holds (a lone surrogate, `1e400`) too.
cases = corpus["cases"] + corpus["unreadable"]
written = 0
for i, case in enumerate(cases):
    if case["type"] not in index:
        continue
    with open(os.path.join(out, f"zoo{i:04}"), "wb") as f:
        f.write(bytes([index[case["type"]]]) + case["text"].encode())
    written += 1
print(f"{written} seeds for {len(types)} types in {out}")
