//! Inputs generated from a type's JSON Schema, around every limit (multi-byte
//! text at a limit ±1 byte, wrong types, missing, unknown and repeated keys,
//! numbers as written): the zoo's differential test
//! (`tests/tests/zoo.rs`) and the random types' runner (`tests/random/`)
//! share them.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::differential::variants;

/// A small deterministic generator (xorshift64*).
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    pub fn bits(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    /// A number below `n`.
    ///
    /// # Panics
    ///
    /// When `n` is 0.
    pub fn below(&mut self, n: usize) -> usize {
        let n = u64::try_from(n).expect("a usize fits a u64");
        usize::try_from(self.bits() % n).expect("below a usize")
    }
    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.bits() % 100 < percent
    }
    /// One of `items` (not empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// JSON as written: objects keep repeated keys, so the text can hold them.
#[derive(Clone)]
pub enum Doc {
    /// A value as `serde_json` writes it.
    Leaf(Value),
    /// A value as written (a number as `5.0`, `1e1`, `-0` or past 64 bits; a
    /// string with every character escaped, or with a lone surrogate), and
    /// the plain form of the same value (an integer literal; the string
    /// as `serde_json` writes it, or a string without the surrogate).
    Written(String, String),
    /// An array.
    Array(Vec<Doc>),
    /// An object, its properties in order, a key possibly twice.
    Object(Vec<(String, Doc)>),
}

impl Doc {
    /// The text; with `plain`, numbers as integer literals.
    pub fn write(&self, out: &mut String, plain: bool) {
        match self {
            Doc::Leaf(v) => out.push_str(&v.to_string()),
            Doc::Written(text, integer) => out.push_str(if plain { integer } else { text }),
            Doc::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out, plain);
                }
                out.push(']');
            }
            Doc::Object(props) => {
                out.push('{');
                for (i, (k, v)) in props.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&Value::from(k.as_str()).to_string());
                    out.push(':');
                    v.write(out, plain);
                }
                out.push('}');
            }
        }
    }
}

/// Generates one input from a schema.
pub struct Gen<'s> {
    /// The random source.
    pub rng: Rng,
    /// The schema's `$defs` (`differential::defs_of`).
    pub defs: &'s Value,
    /// Set when an object got a key twice: only the walk of the text sees it.
    pub repeated_key: bool,
}

fn num(schema: &Value, key: &str) -> Option<i64> {
    schema.get(key).and_then(Value::as_i64)
}

impl Gen<'_> {
    /// A value of a JSON type the schema may not take.
    pub fn wrong_type(&mut self) -> Doc {
        let options = [
            json!(7),
            json!("x"),
            json!(true),
            json!(null),
            json!([]),
            json!({}),
        ];
        Doc::Leaf(self.rng.pick(&options).clone())
    }

    fn text(&mut self, schema: &Value) -> Value {
        // A format: a value of it, or one a character away, most of the time.
        if let Some(format) = schema.get("format").and_then(Value::as_str)
            && self.rng.chance(80)
        {
            let samples: &[&str] = match format {
                "email" => &["joe@example.com", "a.b+c@mail.example.cn", "x@y"],
                "uri" => &["https://example.com/a?b=c#d", "urn:isbn:0451450523", "a:b"],
                "uuid" => &[
                    "2eb8aa08-aa98-11ea-b4aa-73b441d16380",
                    "urn:uuid:2EB8AA08-AA98-11EA-B4AA-73B441D16380",
                ],
                "date-time" => &[
                    "2026-11-30T08:00:00Z",
                    "2024-02-29 23:59:60.5+00:00",
                    "1998-12-31T23:59:60Z",
                ],
                "date" => &["2024-02-29", "2023-02-29", "2026-11-30"],
                "ipv4" => &["192.168.0.1", "255.255.255.255", "01.2.3.4"],
                "ipv6" => &["::1", "2001:db8::ff00:42:8329", "::ffff:192.0.2.128"],
                _ => &[""],
            };
            let mut s = (*self.rng.pick(samples)).to_owned();
            if self.rng.chance(30) && !s.is_empty() {
                let at = self.rng.below(s.len());
                if s.is_char_boundary(at) {
                    s.insert(at, *self.rng.pick(&['x', ':', '.', ' ', '名']));
                }
            }
            return Value::from(s);
        }
        let mut targets = vec![0, 1, 3];
        for key in [
            "maxLength",
            "minLength",
            "x-maxBytes",
            "x-minBytes",
            "x-maxUtf16",
            "x-minUtf16",
        ] {
            if let Some(n) = num(schema, key) {
                targets.extend([n - 1, n, n + 1]);
            }
        }
        let target = usize::try_from((*self.rng.pick(&targets)).max(0)).unwrap_or(0);
        // What the length is counted in: bytes, characters or UTF-16 units.
        let unit = self.rng.below(3);
        let size = |s: &str| match unit {
            0 => s.len(),
            1 => s.chars().count(),
            _ => s.encode_utf16().count(),
        };
        let ascii_only = schema.get("pattern").is_some() && self.rng.chance(80);
        let pieces: &[&str] = if ascii_only {
            &["a", "Z", "_", "~"]
        } else {
            &["a", "名", "😀", "e\u{301}", "👨\u{200d}👩\u{200d}👧"]
        };
        // The texts that `prefix`, `suffix` and `contains` require, each
        // written most of the time.
        let texts = |key: &str| -> Vec<String> {
            let entries = schema.get("allOf").and_then(Value::as_array);
            entries
                .into_iter()
                .flatten()
                .filter_map(|e| e.get(key).and_then(Value::as_str).map(str::to_owned))
                .collect()
        };
        let mut s = String::new();
        if schema.get("not").is_some() && self.rng.chance(20) {
            s.push_str("@TGS#");
        }
        for p in texts("x-prefix") {
            if self.rng.chance(80) {
                s.push_str(&p);
            }
        }
        for c in texts("x-contains") {
            if self.rng.chance(80) {
                s.push_str(&c);
            }
        }
        let suffixes: Vec<String> = texts("x-suffix")
            .into_iter()
            .filter(|_| self.rng.chance(80))
            .collect();
        let tail: usize = suffixes.iter().map(|t| size(t)).sum();
        // Each count is a sum over the text's parts: kept as pieces are
        // added, not counted again over the whole text (which made the
        // longest limits' texts quadratic).
        let mut len = size(&s);
        while len + tail < target {
            let piece: &str = pieces[self.rng.below(pieces.len())];
            s.push_str(piece);
            len += size(piece);
        }
        s.extend(suffixes);
        if self.rng.chance(5) {
            s.push('\t');
        }
        Value::from(s)
    }

    /// A number around the schema's bounds and the edges of 53, 63, 64 and
    /// 128 bits, sometimes written as a float (`5.0`, `5e0`) or as `-0`.
    fn integer(&mut self, schema: &Value) -> Doc {
        let mut candidates: Vec<i128> = vec![0, 1, -1, 4_294_967_296];
        let mut halfway = Vec::new();
        for key in ["minimum", "maximum"] {
            let bound = schema.get(key).and_then(|n| {
                n.as_i64()
                    .map(i128::from)
                    .or_else(|| n.as_u64().map(i128::from))
            });
            if let Some(n) = bound {
                candidates.extend([n - 1, n, n + 1]);
            } else if let Some(b) = schema.get(key).and_then(Value::as_f64) {
                // Not an `f32`'s own edge, past 2^127 (see docs/derive.md).
                halfway.extend(Some(b).filter(|b| b.abs() < 2_f64.powi(24)));
            }
        }
        // An `f32`'s bound (a double halfway to the next `f32`, or just
        // inside it): the bound to its last digit, and the doubles either
        // side. (Not the bound's shortest digits: see docs/derive.md.)
        if !halfway.is_empty() && self.rng.chance(40) {
            let b = *self.rng.pick(&halfway);
            return match self.rng.below(4) {
                // Near the whole number next past the bound: an `f32` that
                // is whole, which Rust writes with its `.0`.
                3 => Doc::Leaf(json!(b.trunc() + b.signum() - b.signum() * 2_f64.powi(-26))),
                0 => {
                    let exact = format!("{b:.400}")
                        .trim_end_matches('0')
                        .trim_end_matches('.')
                        .to_owned();
                    Doc::Written(exact.clone(), exact)
                }
                1 => Doc::Leaf(json!(b.next_up())),
                _ => Doc::Leaf(json!(b.next_down())),
            };
        }
        // Not just below `i64::MIN` (see below).
        candidates.retain(|n| *n >= i128::from(i64::MIN));
        let plain = |text: String| Doc::Written(text.clone(), text);
        if self.rng.chance(10) {
            if self.rng.chance(20) {
                // Just past 128 bits.
                let past = [
                    "340282366920938463463374607431768211456",
                    "-170141183460469231731687303715884105729",
                ];
                return plain((*self.rng.pick(&past)).to_owned());
            }
            // Not just below `i64::MIN`, which the `jsonschema` crate rounds
            // to `i64::MIN` and takes (a documented gap; the targeted test
            // `numbers_are_checked_as_their_type_holds_them_with_true_codes` has it).
            let edge = *self.rng.pick(&[1_i128 << 53, 1 << 63, 1 << 64]);
            let n = *self.rng.pick(&[edge - 1, edge, edge + 1, -edge, -edge + 1]);
            return plain(n.to_string());
        }
        if self.rng.chance(3) {
            return Doc::Leaf(json!(1.5));
        }
        let n = *self.rng.pick(&candidates);
        match self.rng.below(12) {
            0 => Doc::Written(format!("{n}.0"), n.to_string()),
            1 => Doc::Written(format!("{n}e0"), n.to_string()),
            2 => Doc::Written("-0".into(), "0".into()),
            _ => plain(n.to_string()),
        }
    }

    #[allow(clippy::too_many_lines, reason = "one arm per JSON type of the schema")]
    /// A value for `schema`, `depth` levels down.
    pub fn value(&mut self, schema: &Value, depth: usize) -> Doc {
        if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
            let name = r.trim_start_matches("#/$defs/");
            let target = self.defs[name].clone();
            return self.value(&target, depth);
        }
        if depth > 6 || self.rng.chance(6) {
            return self.wrong_type();
        }
        if let Some(branches) = schema.get("anyOf").and_then(Value::as_array) {
            let branch = self.rng.pick(branches).clone();
            return self.value(&branch, depth);
        }
        if let Some(branches) = variants(schema).or_else(|| {
            schema
                .get("oneOf")
                .and_then(Value::as_array)
                .map(|b| b.iter().collect())
        }) {
            if self.rng.chance(85) {
                let branch = (*self.rng.pick(&branches)).clone();
                if let Some(c) = branch.get("const") {
                    return Doc::Leaf(c.clone());
                }
                return self.value(&branch, depth);
            }
            return Doc::Leaf(json!("Unlisted"));
        }
        if let Some(c) = schema.get("const")
            && self.rng.chance(90)
        {
            return Doc::Leaf(c.clone());
        }
        if let Some(values) = schema.get("enum").and_then(Value::as_array)
            && self.rng.chance(85)
        {
            return Doc::Leaf(self.rng.pick(values).clone());
        }
        if let Some(examples) = schema.get("examples").and_then(Value::as_array)
            && self.rng.chance(60)
        {
            return Doc::Leaf(self.rng.pick(examples).clone());
        }
        let types: Vec<&str> = match schema.get("type") {
            Some(Value::String(t)) => vec![t.as_str()],
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
            _ => vec!["string"],
        };
        let ty = *self.rng.pick(&types);
        match ty {
            "null" => Doc::Leaf(Value::Null),
            "string" => {
                let text = self.text(schema);
                let plain = text.to_string();
                if self.rng.chance(4) {
                    // Every character escaped: the same string, at its limits.
                    let mut escaped = String::new();
                    for unit in text.as_str().unwrap_or_default().encode_utf16() {
                        use std::fmt::Write as _;
                        let _ = write!(escaped, "\\u{unit:04x}");
                    }
                    Doc::Written(format!("\"{escaped}\""), plain)
                } else if self.rng.chance(1) {
                    // A lone surrogate: no UTF-8 form, so no path may read it.
                    Doc::Written("\"a\\ud800b\"".into(), plain)
                } else {
                    Doc::Leaf(text)
                }
            }
            "integer" | "number" => self.integer(schema),
            "boolean" => Doc::Leaf(Value::Bool(self.rng.chance(50))),
            "array" => {
                let mut counts = vec![0, 1, 2];
                for key in ["minItems", "maxItems"] {
                    if let Some(n) = num(schema, key) {
                        counts.extend([n - 1, n, n + 1]);
                    }
                }
                let count = usize::try_from((*self.rng.pick(&counts)).clamp(0, 40)).unwrap_or(0);
                let item = schema.get("items").cloned().unwrap_or(json!({}));
                let mut items: Vec<Doc> =
                    (0..count).map(|_| self.value(&item, depth + 1)).collect();
                if count > 1 && self.rng.chance(20) {
                    // A repeated item (for `unique`): the same text again.
                    items.push(items[0].clone());
                }
                Doc::Array(items)
            }
            "object" => {
                let mut props = Vec::new();
                if let Some(Value::Object(known)) = schema.get("properties") {
                    for (name, sub) in known {
                        if self.rng.chance(80) {
                            let v = self.value(sub, depth + 1);
                            props.push((name.clone(), v));
                            if self.rng.chance(4) {
                                self.repeated_key = true;
                                let again = self.value(sub, depth + 1);
                                props.push((name.clone(), again));
                            }
                        }
                    }
                }
                if let Some(values @ Value::Object(_)) = schema.get("additionalProperties") {
                    // A map: entries around its size limits, keys from
                    // `propertyNames`.
                    let mut counts = vec![0, 1, 2];
                    for key in ["minProperties", "maxProperties"] {
                        if let Some(n) = num(schema, key) {
                            counts.extend([n - 1, n, n + 1]);
                        }
                    }
                    let count =
                        usize::try_from((*self.rng.pick(&counts)).clamp(0, 40)).unwrap_or(0);
                    let names = schema.get("propertyNames").cloned().unwrap_or(json!({}));
                    let mut used = BTreeSet::new();
                    while props.len() < count {
                        let Value::String(key) = self.text(&names) else {
                            unreachable!("`text` writes a string")
                        };
                        if !used.insert(key.clone()) {
                            if self.rng.chance(50) {
                                continue;
                            }
                            self.repeated_key = true;
                        }
                        let v = self.value(values, depth + 1);
                        props.push((key, v));
                    }
                } else if self.rng.chance(8) {
                    props.push(("Unknwon".into(), Doc::Leaf(json!(1))));
                }
                Doc::Object(props)
            }
            _ => self.wrong_type(),
        }
    }
}
