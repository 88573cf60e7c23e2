// Arguments in a form the derive cannot read: each one error that says
// what to write (not syn's "unexpected end of input" or "expected ident").
use desk_schema::Validate;
use serde::Deserialize;

const LIMIT: usize = 3;

#[derive(Validate, Deserialize)]
struct Forms {
    #[desk(items())]
    empty: Vec<String>,
    #[desk(items)]
    bare: Vec<String>,
    #[desk(range(1, 10))]
    unnamed: u8,
    #[desk(max_bytes = LIMIT)]
    constant: String,
    #[desk(max_bytes = crate::LIMIT)]
    path_to_constant: String,
    #[desk(range(min = LIMIT))]
    constant_bound: u32,
    #[desk(range(min = 1, 10))]
    one_unnamed: u32,
    // Past an `i128`: past every number type (not the literal's "too
    // large to fit"), on an integer and on a float alike.
    #[desk(range(max = 340282366920938463463374607431768211455))]
    past_i128: u128,
    #[desk(range(min = -170141183460469231731687303715884105729))]
    below_i128: i128,
    #[desk(range(max = 340282366920938463463374607431768211456))]
    past_i128_on_a_float: f64,
}

#[derive(Validate, Deserialize)]
#[desk(context = )]
struct NoContext {
    #[desk(max_bytes = 3)]
    name: String,
}

#[derive(Validate, Deserialize)]
#[desk(context)]
struct ContextAlone {
    #[desk(max_bytes = 3)]
    name: String,
}

fn main() {}
