#!/usr/bin/env python3
"""Random types for `#[derive(Validate)]`, as Rust modules, and a
`for_each_type!` macro that names each: the runner (`runner/`) checks every
one on all paths.

    python3 gen.py SEED COUNT > runner/src/types.rs

Each module holds a root type (a struct, an enum in one of serde's four
representations, or a generic type with an argument) and up to three helper
types it nests, with serde's attributes and desk-schema's rules drawn at
random: the rules each kind of field takes, serde's renames (with `/`, `~`,
empty and non-ASCII names), defaults, skips, aliases, `other`, `transparent`
and `deny_unknown_fields`. A struct whose fields all have `Eq` and `Hash`
derives them (most of the time), so that lists of it are drawn `unique`, and
it may be another's key (`unique(by = key)`). Some draws are types the derive refuses (and says
so at compile time): `prune.py` drops those modules. Variants are named `V0`,
`V1`, ... and their aliases `al0`, `al1`, ...: the runner relies on it.
Written by helper-150 (2026-12-06) and kept as it found no disagreement in
about 760 types and 520,000 inputs, so that it can be run again."""
import random, sys, json

if len(sys.argv) != 3 or not all(a.isdigit() for a in sys.argv[1:]) or int(sys.argv[2]) < 1:
    sys.exit("usage: python3 gen.py SEED COUNT > runner/src/types.rs\n"
             "  SEED   any whole number (the same seed gives the same types)\n"
             "  COUNT  modules to draw, from 1 (prune.py drops about a quarter)")
seed = int(sys.argv[1]); count = int(sys.argv[2])
R = random.Random(seed)

def rs(s):  # Rust string literal
    import re as _re
    return _re.sub(r'\\u([0-9a-fA-F]{4})', r'\\u{\1}', json.dumps(s, ensure_ascii=False))

FUNNY = ["a/b", "~x", "é", "a b", "A", "Z_1", "x~1y", "0", "\u540d", "dup", "t", "c", "type", "x.y"]
RENAME_ALL = ["lowercase", "UPPERCASE", "PascalCase", "camelCase", "snake_case", "SCREAMING_SNAKE_CASE", "kebab-case", "SCREAMING-KEBAB-CASE"]

class Mod:
    def __init__(self, idx):
        self.idx = idx
        self.items = []      # rust source snippets
        self.fns = []
        self.n = 0
        self.helpers = []    # (name, info dict)
    def fresh(self, p):
        self.n += 1
        return f"{p}{self.n}"

def string_rules(m):
    """Return list of rule strings for a string, consistent."""
    mode = R.random()
    rules = []
    if mode < 0.12:
        vals = R.sample(["a", "bb", "名", "ccc", "", "x y", "😀", "e\u0301", "A-1", "a.b", "\\", "\"", "$", "\u0000", "\u2028", "~1", "/"], R.randint(1, 4))
        rules.append("one_of(" + ", ".join(rs(v) for v in vals) + ")")
        return rules
    if mode < 0.22:
        fmt = R.choice(["email", "uuid", "date", "date_time", "ipv4", "ipv6", "uri"])
        rules.append(fmt)
        if R.random() < 0.5:
            rules.append(f"max_bytes = {R.randint(8, 40)}")
        return rules
    if mode < 0.30:
        pat = R.choice(["^[a-z]+$", "^a.c$", "[0-9]{2}", "^(?:ab|cd)*$", "^\\\\p{L}*$", "^[^x]{0,3}$", "^.{2,4}$", "b", "^(a|名)+$"])
        rules.append(f'pattern = "{pat}"')
        if R.random() < 0.5:
            rules.append(f"max_chars = {R.randint(3, 8)}")
        return rules
    charset = R.choice([None, None, "printable_ascii", "ascii"])
    if charset:
        rules.append(charset)
    texts = ["ab", "x", "-", "~", "/", ".", "a.b", "*", "+", "(", ")", "[", "]", "{", "}", "|", "^", "$", "\\", "?", "#", " ", "a{2}", "\\d", "(?:", "\\u0041"] + ([] if charset else ["名", "😀", "\t", "\u2028", "e\u0301"])
    req = ""
    for kind in ["prefix", "contains", "suffix"]:
        if R.random() < 0.18:
            t = R.choice(texts)
            rules.append(f"{kind} = {rs(t)}")
            req += t
    if R.random() < 0.15:
        np = R.choice(["@TGS#", "zz", "é" if not charset else "q", "$", ".", "\\", "[", "a|b", "*"])
        # not_prefix must not be prefix of prefix
        if not any(r.startswith("prefix") and rs(np)[1:-1] in r for r in rules):
            rules.append(f"not_prefix = {rs(np)}")
    rb = len(req.encode()); rc = len(req); ru = len(req.encode("utf-16-le")) // 2
    unit_max = R.choice(["bytes", "chars", "utf16", None, "bytes", "graphemes"])
    M = None
    if unit_max:
        base = {"bytes": rb, "chars": rc, "utf16": ru, "graphemes": rc}[unit_max]
        M = base + R.randint(0, 6)
        if M == 0:
            M = 1
        rules.append(f"max_{unit_max} = {M}")
    if R.random() < 0.5:
        unit_min = R.choice(["bytes", "chars", "utf16", "graphemes"])
        mn = R.randint(1, 5)
        if M is not None:
            # keep feasible: min in chars needs <= M chars ... crude
            mn = min(mn, max(1, M // 4) if unit_max == "bytes" else max(1, M // 2))
        rules.append(f"min_{unit_min} = {mn}")
    if not rules:
        rules.append(f"max_bytes = {R.randint(1, 10)}")
    R.shuffle(rules)
    return rules

INT_T = {"u8": (0, 255), "u16": (0, 65535), "u32": (0, 2**32 - 1), "u64": (0, 2**64 - 1), "i8": (-128, 127),
         "i16": (-32768, 32767), "i32": (-2**31, 2**31 - 1), "i64": (-2**63, 2**63 - 1), "u128": (0, 2**64 - 1),
         "i128": (-2**63, 2**64 - 1), "usize": (0, 2**64 - 1), "isize": (-2**63, 2**63 - 1)}

def int_rules(t):
    lo, hi = INT_T[t]
    r = R.random()
    if r < 0.15:
        return ["nested"]
    if r < 0.3:
        vals = sorted(set(R.choice([lo, 0, 1, 2, 7, 100, min(hi, 300), hi]) for _ in range(R.randint(1, 3))))
        vals = [v for v in vals if lo <= v <= hi and abs(v) < 2**53] or [1]
        return ["one_of(" + ", ".join(map(str, vals)) + ")"]
    a = R.choice([lo, 0, 1, 3, -5 if lo < 0 else 2, lo, lo + 1, 2**53 - 1, -(2**53) + 1, 2**60])
    b = R.choice([hi, 9, 100, 255, 1000, hi, hi - 1, 2**53 - 1, 2**63 - 1, 2**62])
    a = max(a, lo); b = min(b, hi)
    # Within what a double holds exactly: past 2^53 the npm package keeps the
    # double's digits in its messages (desk-schema/docs/derive.md), which
    # the browser's corpus would report on every such type.
    safe = lambda v: min(max(v, -(2**53) + 1), 2**53 - 1)
    a = safe(a); b = safe(b)
    if a > b:
        a, b = b, a
    parts = []
    if R.random() < 0.8: parts.append(f"min = {a}")
    if R.random() < 0.8: parts.append(f"max = {b}")
    if not parts: parts = ["max = 9"]
    return [f"range({', '.join(parts)})"]

def float_rules(t):
    if R.random() < 0.25:
        return ["nested"]
    a = R.choice([-10, 0, 1, -1000]); b = R.choice([1, 9, 100, 1000000])
    parts = []
    if R.random() < 0.7: parts.append(f"min = {a}")
    if R.random() < 0.7 or not parts: parts.append(f"max = {b}")
    return [f"range({', '.join(parts)})"]

def leaf(m, allow_float=True, allow_value=True):
    """(rust type, rules list, kind, hashable)"""
    r = R.random()
    if r < 0.40:
        t = R.choice(["String", "String", "String", "Box<str>", "std::sync::Arc<str>", "std::rc::Rc<str>", "std::borrow::Cow<'static, str>"])
        return t, string_rules(m), "str", True
    if r < 0.65:
        t = R.choice(list(INT_T))
        return t, int_rules(t), "int", True
    if r < 0.75 and allow_float:
        t = R.choice(["f32", "f64"])
        return t, float_rules(t), "float", False
    if r < 0.85:
        return "bool", ["nested"], "bool", True
    if r < 0.92:
        return "char", ["nested"], "char", True
    if allow_value:
        return "serde_json::Value", ["nested"], "value", False
    return "bool", ["nested"], "bool", True

def item_rules(rules, wrapper):
    """A container's rules for its items' `rules`: `items(...)` (or
    `values(...)`) of them, or `nested` where none applies to an item."""
    inner = wrap_rules(rules)
    return [f"{wrapper}({', '.join(inner)})"] if inner else ["nested"]

def wrap_rules(rules):
    return [r for r in rules if r != "nested"]

def field_type(m, depth, in_generic=None):
    """returns (type, desk rules list, hashable, has_float, is_option)"""
    r = R.random()
    if in_generic and r < 0.15:
        return in_generic, ["nested"], False, True, False
    if m.helpers and r < 0.30 and depth < 3:
        keyed = [h for h in m.helpers if h[1].get("keyfields")]
        # A helper with key fields is picked more often than its share:
        # `unique(by = key)` over a list of it is drawn only then.
        name, info = R.choice(keyed if keyed and R.random() < 0.4 else m.helpers)
        w = R.choice(["{}", "Option<{}>", "Box<{}>", "Vec<{}>", "std::collections::BTreeMap<String, {}>", "Option<Box<{}>>",
                      "Vec<Option<{}>>", "Option<Vec<{}>>", "Box<[{}]>", "std::collections::HashMap<String, Vec<{}>>", "Option<Option<{}>>"])
        if info.get("keyfields") and R.random() < 0.7:
            # A list of it, to be `unique` by one of its keys (drawn
            # below): rare otherwise.
            w = "Vec<{}>"
        t = w.format(name)
        rules = ["nested"]
        if w.startswith("Vec<{}") or w.startswith("Option<Vec") or w.startswith("Box<["):
            if R.random() < 0.4: rules.append(f"max_items = {R.randint(0, 4)}")
            if R.random() < 0.3: rules.append(f"min_items = {R.randint(0, 2)}")
            if R.random() < 0.2 and info.get("hashable"): rules.append("unique")
            if R.random() < 0.8 and info.get("keyfields") and w == "Vec<{}>":
                rules.append(f"unique(by = {R.choice(info['keyfields'])})")
        if w.startswith("std::collections::BTreeMap") and R.random() < 0.4:
            rules.append(f"keys({', '.join(string_rules(m))})")
        if w.startswith("std::collections::BTreeSet"):
            pass
        # A `HashMap` has no `Hash` of its own, whatever it holds.
        hashable = info.get("hashable", False) and not w.startswith("std::collections::HashMap")
        return t, rules, hashable, info.get("float", True), w.startswith("Option")
    t, rules, kind, hashable = leaf(m)
    flo = kind == "float"
    w = R.random()
    if w < 0.45:
        return t, rules, hashable, flo, False
    if w < 0.60:
        return f"Option<{t}>", rules, hashable, flo, True
    if w < 0.72 or kind in ("value",):
        wr = R.choice(["Vec<{}>", "Vec<{}>", "Option<Vec<{}>>", "Box<[{}]>"])
        rr = item_rules(rules, "items")
        if R.random() < 0.4: rr.append(f"max_items = {R.randint(0, 4)}")
        if R.random() < 0.3: rr.append(f"min_items = {R.randint(0, 2)}")
        if R.random() < 0.25 and hashable and kind != "value": rr.append("unique")
        return wr.format(t), rr, hashable, flo, wr.startswith("Option")
    if w < 0.82 and kind in ("str", "int", "bool", "char") and t not in ("std::rc::Rc<str>", "std::sync::Arc<str>"):
        wr = R.choice(["std::collections::BTreeSet<{}>", "std::collections::HashSet<{}>"])
        rr = item_rules(rules, "items")
        if R.random() < 0.4: rr.append(f"max_items = {R.randint(0, 4)}")
        return wr.format(t), rr, wr.startswith("std::collections::BTreeSet"), False, False
    wr = R.choice(["std::collections::BTreeMap<String, {}>", "std::collections::HashMap<String, {}>", "std::collections::BTreeMap<Box<str>, {}>", "Option<std::collections::BTreeMap<String, {}>>"])
    rr = item_rules(rules, "values")
    if R.random() < 0.4: rr.append(f"keys({', '.join(string_rules(m))})")
    if R.random() < 0.3: rr.append(f"max_items = {R.randint(0, 3)}")
    if R.random() < 0.2: rr.append(f"min_items = {R.randint(1, 2)}")
    return wr.format(t), rr, wr.startswith("std::collections::BTreeMap"), flo, wr.startswith("Option")

def default_fn(m, t):
    name = m.fresh("dflt")
    m.fns.append(f"fn {name}() -> {t} {{ serde_json::from_str({rs(R.choice(DEFAULT_JSON.get(t, ['null'])))}).unwrap_or_default() }}")
    return name

DEFAULT_JSON = {"String": ['"abc"', '""', '"名名名名"'], "u8": ["0", "5", "200"], "i32": ["-3", "0", "70000"], "u32": ["0", "7"], "Option<String>": ['"toolongvalue"', "null", '"a"']}

def custom_fn(m, t):
    name = m.fresh("ck")
    m.fns.append(f"#[allow(clippy::all)]\nfn {name}(v: &{t}) -> Result<(), desk_schema::Kind> {{ let s = format!(\"{{:?}}\", v); if s.len() % 5 == 0 {{ Err(desk_schema::Kind::custom(\"custom\", \"custom fails\")) }} else {{ Ok(()) }} }}")
    return name

def gen_fields(m, n, depth, in_generic=None, named=True, in_tagged=False):
    fields = []
    used = set()
    keyfields = []
    hashable = True; flo = False
    for i in range(n):
        fname = f"f{i}"
        serde = []
        t, rules, h, fl, is_opt = field_type(m, depth, in_generic)
        hashable &= h; flo |= fl
        rr = R.random()
        if named and rr < 0.2:
            nm = R.choice(FUNNY)
            if nm not in used:
                used.add(nm); serde.append(f"rename = {rs(nm)}")
        if rr > 0.75 and named:
            if t in DEFAULT_JSON and R.random() < 0.5:
                serde.append(f'default = "{default_fn(m, t)}"')
            elif not in_generic or t != in_generic:
                serde.append("default")
        if is_opt and R.random() < 0.2:
            serde.append('skip_serializing_if = "Option::is_none"')
        if R.random() < 0.08 and "nested" not in rules and "String" in t and not in_generic:
            rules.append(f'custom(check = {custom_fn(m, t)}, description = "custom {fname}")')
        if R.random() < 0.07 and not in_tagged:
            # desk skip
            t2 = R.choice(["Vec<u8>", "Option<String>", "std::collections::BTreeMap<String, i32>", "u32", "f32", "Option<bool>", "String"])
            hashable &= t2 != "f32"
            fields.append((fname, [], ["skip"], t2))
            continue
        if R.random() < 0.05 and named:
            fields.append((fname, [R.choice(["skip", "skip_deserializing"])], None, R.choice(["u8", "String", "Option<u32>", "Vec<String>"])))
            continue
        if t in ("String", "u8", "u32", "i32", "u64") and named and R.random() < 0.8:
            keyfields.append(fname)
        # A key that is a struct of its own (`Eq` and `Hash`): one with a
        # property its type refuses is no value, and repeats nothing
        # (helper-158).
        elif named and h and any(t == n for n, i in m.helpers if i.get("struct")) and R.random() < 0.5:
            keyfields.append(fname)
        fields.append((fname, serde, rules, t))
    return fields, hashable, flo, keyfields

def fmt_field(f, named=True):
    fname, serde, rules, t = f
    a = ""
    if serde: a += f"#[serde({', '.join(serde)})] "
    if rules is not None: a += f"#[desk({', '.join(rules)})] "
    return f"{a}pub {fname}: {t}" if named else f"{a}pub {t}"

DERIVES = "#[derive(Debug, PartialEq, serde::Deserialize, desk_schema::Validate)]"

def gen_struct(m, depth, name=None):
    name = name or m.fresh("S")
    kind = R.random()
    cont = []
    if R.random() < 0.35: cont.append("deny_unknown_fields")
    if R.random() < 0.25: cont.append(f"rename_all = {rs(R.choice(RENAME_ALL))}")
    if kind < 0.18:
        t, rules, h, fl, _ = field_type(m, depth)
        a = f"#[serde({', '.join([c for c in cont if 'rename_all' not in c and 'deny' not in c])})]\n" if False else ""
        m.items.append(f"{DERIVES}\npub struct {name}(#[desk({', '.join(rules)})] pub {t});")
        return name, {"hashable": False, "float": fl}
    if kind < 0.26:
        t, rules, h, fl, _ = field_type(m, depth)
        extra = ""
        if R.random() < 0.5:
            extra = f"\n    #[serde(skip)] pub g: {R.choice(['u8', 'String', 'Option<u32>'])},"
        m.items.append(f"{DERIVES}\n#[serde(transparent)]\npub struct {name} {{\n    #[desk({', '.join(rules)})] pub f: {t},{extra}\n}}")
        return name, {"hashable": False, "float": fl}
    if kind < 0.28:
        if R.random() < 0.5:
            m.items.append(f"{DERIVES}\npub struct {name};")
        else:
            m.items.append(f"{DERIVES}\npub struct {name}();")
        return name, {"hashable": False}
    if kind < 0.30:
        m.items.append(f"{DERIVES}\n{('#[serde(' + ', '.join(cont) + ')]') if cont else ''}\npub struct {name} {{}}")
        return name, {"hashable": False}
    fields, h, fl, keys = gen_fields(m, R.randint(1, 5), depth)
    if R.random() < 0.12:
        # recursion
        w = R.choice(["Vec<{}>", "Option<Box<{}>>", "std::collections::BTreeMap<String, {}>", "Box<[{}]>"])
        ser = ["default"] if R.random() < 0.5 else []
        fields.append((f"rec", ser, ["nested"] + ([f"max_items = {R.randint(1,3)}"] if w.startswith("Vec") else []), w.format(name)))
    helper_names = [h for h, _ in m.helpers]
    # A struct whose fields all have `Eq` and `Hash` derives them too, so
    # that a list of it can be `unique`, and it can be another's key.
    hashable = h and not fl and R.random() < 0.6
    derives = DERIVES.replace("PartialEq,", "PartialEq, Eq, Hash,") if hashable else DERIVES
    if not any(any(h in f[3] for h in helper_names) or name in f[3] for f in fields) and R.random() < 0.3:
        cont.append("default")
        derives = derives.replace("Debug,", "Debug, Default,")
    for f in fields:
        if f[1] and R.random() < 0.1:
            for j, a in enumerate(f[1]):
                if a.startswith("rename = "):
                    f[1][j] = f"rename(deserialize = {a[9:]}, serialize = \"zz\")"
    body = ",\n    ".join(fmt_field(f) for f in fields)
    ca = f"#[serde({', '.join(cont)})]\n" if cont else ""
    m.items.append(f"{derives}\n{ca}pub struct {name} {{\n    {body},\n}}")
    return name, {"hashable": hashable, "float": fl, "keyfields": keys, "struct": True}

def gen_unit_enum(m, name=None):
    name = name or m.fresh("U")
    vs = []
    n = R.randint(1, 4)
    has_other = False
    for i in range(n):
        a = []
        if R.random() < 0.2: a.append(f"rename = {rs(R.choice(['x', 'Y', 'é', 'a b', 'V0']) + str(i))}")
        if R.random() < 0.15: a.append(f"alias = {rs('al' + str(i))}")
        if R.random() < 0.08 and i > 0: a.append("skip")
        vs.append((f"V{i}", a))
    if R.random() < 0.2:
        vs.append(("Other", ["other"]))
    cont = f"#[serde(rename_all = {rs(R.choice(RENAME_ALL))})]\n" if R.random() < 0.2 else ""
    body = ",\n    ".join((f"#[serde({', '.join(a)})] " if a else "") + v for v, a in vs)
    m.items.append(f"#[derive(Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Deserialize, desk_schema::Validate)]\n{cont}pub enum {name} {{\n    {body},\n}}")
    return name, {"hashable": True, "float": False, "unit": True}

def gen_enum(m, depth, name=None):
    name = name or m.fresh("E")
    rep = R.choice(["ext", "int", "adj", "unt", "ext", "int", "adj"])
    cont = []
    if rep == "int": cont.append(f"tag = {rs(R.choice(['t', 'type', 'Kind', 'f0']))}")
    if rep == "adj":
        tg = R.choice(['t', 'type', 'k']); ct = R.choice(['c', 'data', 'v'])
        cont.append(f"tag = {rs(tg)}, content = {rs(ct)}")
    if rep == "unt": cont.append("untagged")
    if R.random() < 0.3: cont.append("deny_unknown_fields")
    if R.random() < 0.2: cont.append(f"rename_all = {rs(R.choice(RENAME_ALL))}")
    if R.random() < 0.15: cont.append(f"rename_all_fields = {rs(R.choice(RENAME_ALL))}")
    vs = []
    if rep == "unt":
        kinds = R.sample(["null", "str", "int", "bool", "arr", "obj"], R.randint(2, 4))
        for i, k in enumerate(kinds):
            if k == "null": vs.append(f"V{i}")
            elif k == "str":
                vs.append(f"V{i}(#[desk({', '.join(string_rules(m))})] String)")
            elif k == "int":
                t = R.choice(["u8", "i32", "u64", "f64"])
                vs.append(f"V{i}(#[desk({', '.join(int_rules(t) if t != 'f64' else float_rules(t))})] {t})")
            elif k == "bool": vs.append(f"V{i}(#[desk(nested)] bool)")
            elif k == "arr":
                t, rules, kd, h = leaf(m, allow_value=False)
                inner = wrap_rules(rules)
                vs.append(f"V{i}(#[desk({'items(' + ', '.join(inner) + ')' if inner else 'nested'}, max_items = 3)] Vec<{t}>)")
            else:
                if R.random() < 0.5:
                    fields, *_ = gen_fields(m, R.randint(1, 3), depth + 1, in_tagged=True)
                    vs.append(f"V{i} {{ " + ", ".join(fmt_field(f, True).replace("pub ", "") for f in fields) + " }")
                else:
                    t, rules, kd, h = leaf(m, allow_value=False)
                    inner = wrap_rules(rules)
                    vs.append(f"V{i}(#[desk({'values(' + ', '.join(inner) + ')' if inner else 'nested'})] std::collections::BTreeMap<String, {t}>)")
    else:
        n = R.randint(1, 4)
        for i in range(n):
            a = []
            if R.random() < 0.15: a.append(f"rename = {rs('r' + str(i) + R.choice(['', 'é', '/x']))}")
            if R.random() < 0.1: a.append(f"alias = {rs('al' + str(i))}")
            if R.random() < 0.1: a.append(f"rename_all = {rs(R.choice(RENAME_ALL))}")
            if R.random() < 0.06 and i > 0: a.append(R.choice(["skip_deserializing", "skip"]))
            vk = R.random()
            a_nr = [x for x in a if not x.startswith("rename_all")]
            at = (f"#[serde({', '.join(a)})] " if a else "")
            at_nr = (f"#[serde({', '.join(a_nr)})] " if a_nr else "")
            if vk < 0.25 or (rep == "int" and vk < 0.35):
                vs.append(at_nr + f"V{i}")
            elif vk < 0.55 and rep != "int":
                t, rules, h, fl, _ = field_type(m, depth + 1)
                vs.append(at_nr + f"V{i}(#[desk({', '.join(rules)})] {t})")
            else:
                fields, *_ = gen_fields(m, R.randint(0, 3), depth + 1, in_tagged=True)
                vs.append(at + f"V{i} {{ " + ", ".join(fmt_field(f, True).replace("pub ", "") for f in fields) + " }")
        if R.random() < 0.15 and rep in ("int", "adj", "ext"):
            vs.append("#[serde(other)] Unknown")
    body = ",\n    ".join(vs)
    m.items.append(f"{DERIVES}\n#[serde({', '.join(cont)})]\npub enum {name} {{\n    {body},\n}}" if cont else f"{DERIVES}\npub enum {name} {{\n    {body},\n}}")
    return name, {"hashable": False, "float": True}

def gen_generic(m, depth):
    name = m.fresh("G")
    fields, h, fl, keys = gen_fields(m, R.randint(1, 3), depth, in_generic="T")
    if not any(f[3] == "T" or "T>" in f[3] for f in fields):
        fields.append(("gv", [], ["nested"], R.choice(["T", "Vec<T>", "Option<T>", "std::collections::BTreeMap<String, T>"])))
    body = ",\n    ".join(fmt_field(f) for f in fields)
    cont = "#[serde(deny_unknown_fields)]\n" if R.random() < 0.3 else ""
    m.items.append(f"{DERIVES}\n{cont}pub struct {name}<T> {{\n    {body},\n}}")
    arg = R.choice([h for h, _ in m.helpers] + ["u8", "String", "bool"]) if m.helpers else R.choice(["u8", "String", "bool", "Vec<u16>"])
    return f"{name}<{arg}>", {"hashable": False, "float": True}

def gen_generic_enum(m, depth):
    name = m.fresh("GE")
    rep = R.choice(["ext", "adj", "int"])
    cont = {"ext": "", "adj": '#[serde(tag = "t", content = "c")]\n', "int": '#[serde(tag = "t")]\n'}[rep]
    vs = []
    for i in range(R.randint(1, 3)):
        k = R.random()
        if k < 0.3: vs.append(f"V{i}")
        elif k < 0.6 and rep != "int": vs.append(f"V{i}(#[desk(nested)] {R.choice(['T', 'Vec<T>', 'Option<T>', 'Box<T>'])})")
        else:
            fields, *_ = gen_fields(m, R.randint(0, 2), depth + 1, in_generic="T", in_tagged=True)
            vs.append(f"V{i} {{ " + ", ".join(fmt_field(f, True).replace("pub ", "") for f in fields) + " }")
    if not any("T" in v for v in vs):
        vs.append("W { #[desk(nested)] w: T }")
    m.items.append(f"{DERIVES}\n{cont}pub enum {name}<T> {{\n    " + ",\n    ".join(vs) + ",\n}")
    arg = R.choice([h for h, _ in m.helpers if "<" not in h] + ["u8", "String", "bool", "Vec<u16>", "Option<i32>"])
    return f"{name}<{arg}>", {"hashable": False, "float": True}

def gen_module(idx):
    m = Mod(idx)
    for _ in range(R.randint(0, 3)):
        c = R.random()
        if c < 0.4: h = gen_struct(m, 1)
        elif c < 0.6: h = gen_unit_enum(m)
        elif c < 0.9: h = gen_enum(m, 1)
        elif c < 0.95: h = gen_generic(m, 1)
        else: h = gen_generic_enum(m, 1)
        m.helpers.append(h)
    c = R.random()
    if c < 0.45: root, _ = gen_struct(m, 0, "Root")
    elif c < 0.85: root, _ = gen_enum(m, 0, "Root")
    else:
        g, _ = (gen_generic if R.random() < 0.5 else gen_generic_enum)(m, 0)
        m.items.append(f"pub type Root = {g};")
    src = "\n".join(m.items + m.fns)
    names = ["Root"] + [h for h, _ in m.helpers if "<" not in h]
    return f"#[allow(warnings, non_snake_case, non_camel_case_types)]\npub mod m{idx} {{\n{src}\n}} // end\n", [f"m{idx}::{n}" for n in names]

out = [gen_module(seed * 1000 + i) for i in range(count)]
print("\n".join(o for o, _ in out))
print("macro_rules! for_each_type { ($m:ident) => {")
for _, ns in out:
    for n in ns:
        print(f"    $m!({n});")
print("}; }")
