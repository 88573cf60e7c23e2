// A rule written in another rule's form (a flag given a value, a value
// given parentheses, arguments given after `=`, JSON Schema's `date-time`):
// one error each, saying how that rule is written, where syn said
// "expected `,`", "expected `=`" or "expected parentheses" (helper-162).
// A name misspelt says which rule it may be, and a bound given twice says so.
use desk_schema::Validate;
use serde::Deserialize;

#[derive(Validate, Deserialize)]
struct Forms {
    #[desk(ascii = true)]
    flag_with_value: String,
    #[desk(email(strict))]
    flag_with_arguments: String,
    #[desk(date-time)]
    dashed: String,
    #[desk(pattern("^a"))]
    value_in_parentheses: String,
    #[desk(max_bytes)]
    value_missing: String,
    #[desk(range = 5)]
    arguments_after_equals: u8,
    #[desk(one_of = "a")]
    one_of_after_equals: String,
    #[desk(unique = true)]
    unique_with_value: Vec<String>,
    #[desk(items(ascii = true))]
    inside_items: Vec<String>,
    #[desk(uniq)]
    misspelt: Vec<String>,
    #[desk(range(min = 1, min = 2))]
    bound_twice: u8,
}

fn main() {}
