#!/usr/bin/env python3
"""Lines of code each derive writes for one type of the desk-schema crate:
the `const _: () = {...};` blocks after `pub struct <Name>` in rustc's
expanded output, formatted by rustfmt, counting non-blank lines.

    python3 bench/expanded.py [TypeName]     # default: CreateGroupRequest

It runs `cargo rustc -p desk-schema --lib -- -Zunpretty=expanded` (with
RUSTC_BOOTSTRAP=1, as cargo-expand does on a stable toolchain)."""
import os, re, subprocess, sys

name = sys.argv[1] if len(sys.argv) > 1 else "CreateGroupRequest"
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
env = dict(os.environ, RUSTC_BOOTSTRAP="1")
src = subprocess.run(
    ["cargo", "rustc", "-q", "-p", "desk-schema", "--lib", "--", "-Zunpretty=expanded"],
    cwd=root, env=env, capture_output=True, text=True, check=True,
).stdout
i = src.index(f"pub struct {name} {{")
line_start = src.rfind("\n", 0, i) + 1
indent = src[line_start:i]
nxt = re.compile(r"\n" + re.escape(indent) + r"(pub(\([a-z]+\))? )?(struct|enum) ").search(src, i + 10)
region_end = nxt.start() if nxt else len(src)
pos = i
blocks = []
while True:
    k = src.find("const _: () =", pos, region_end)
    if k < 0: break
    b = src.index("{", k); depth = 0
    for e in range(b, len(src)):
        if src[e] == "{": depth += 1
        elif src[e] == "}":
            depth -= 1
            if depth == 0: break
    end = src.index(";", e) + 1
    blocks.append(src[k:end]); pos = end
def lines(code):
    out = subprocess.run(["rustfmt", "--edition", "2024", "--emit", "stdout"], input=code, capture_output=True, text=True)
    text = out.stdout if out.returncode == 0 else code
    return len([l for l in text.splitlines() if l.strip()]), out.returncode
for b in blocks:
    if "desk_schema" in b: kind = "desk-schema derive"
    elif "Deserialize<'de> for" in b: kind = "serde Deserialize"
    elif "Serialize for" in b: kind = "serde Serialize"
    else: kind = "other"
    n, rc = lines(b)
    print(f"{kind}: {n} lines{'' if rc == 0 else ' (rustfmt failed; raw)'}")
