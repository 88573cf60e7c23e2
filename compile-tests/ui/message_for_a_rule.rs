// A rule's own message (`message(rule, ...)`): one error for each mistake,
// at the rule's name or the message.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Form {
    // A rule the field does not have, and a misspelt one.
    #[desk(max_bytes = 8, message(max_chars, en = "short"), message(max_byts, en = "short"))]
    a: String,
    // Entries that report nothing of their own.
    #[desk(max_bytes = 8, custom(check = ok, description = "ok"), message(custom, en = "no"))]
    b: String,
    // Two messages for one rule, and two for the rest.
    #[desk(
        max_bytes = 8,
        min_bytes = 1,
        message(max_bytes, en = "one"),
        message(max_bytes, en = "two"),
        message(en = "rest"),
        message(en = "rest again")
    )]
    c: String,
    // A figure the rule does not fill: `min_bytes` has no `{chars}`.
    #[desk(min_bytes = 1, max_bytes = 8, message(min_bytes, en = "{chars} characters"))]
    d: String,
    // A message for the rest, where every rule has its own.
    #[desk(max_bytes = 8, message(max_bytes, en = "long"), message(en = "rest"))]
    e: String,
    // The field's message is judged by the rules without their own:
    // `{bytes}`, which `max_bytes` fills, is fine in its own message, not in
    // the one left to `printable_ascii`.
    #[desk(
        max_bytes = 8,
        printable_ascii,
        message(max_bytes, en = "{bytes} bytes"),
        message(en = "{bytes} bytes")
    )]
    f: String,
    // Two rules of one code (`format`): a violation says its code, not its
    // rule, so a message for one would be shown for the other too.
    #[desk(keys(email), values(uri), message(email, en = "not an email"))]
    g: std::collections::BTreeMap<String, String>,
    // A code named where its rule is meant.
    #[desk(one_of("a", "b"), message(enum, en = "a or b"))]
    h: String,
}

fn ok(_: &String) -> Result<(), desk_schema::Kind> {
    Ok(())
}

fn main() {}
