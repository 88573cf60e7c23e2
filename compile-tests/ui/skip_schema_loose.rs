// A standard type whose JSON Schema (schemars') is not what serde reads, in
// a `#[desk(skip)]` field, where serde reads the value and that schema
// states it: serde refuses an unknown property in a `Duration` or `Range`, a
// second property beside a `Result`'s variant, a NUL in a `CString`, any
// text but an address as a `SocketAddr`, a map key it parses from the string
// where the derive cannot see it (through an alias), all of which the
// schema takes. One
// error at each such type, however it is written (an alias, inside a list,
// an `Option` or a map, a type argument); none for a type inside one
// already refused (`Range<Duration>`), nor for the types whose schema is
// serde's (`Option<u8>`, `IpAddr`, string keys; a `Range`'s parameter in a
// generic type is still a `Range`, and a map keyed by a parameter is not
// asked).
use std::collections::HashMap;
use std::time::Duration;

type Answer<T> = Result<T, String>;
type ByNumber = HashMap<u8, String>;
type Id = u64;

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Timings {
    #[desk(skip)]
    wait: Duration,
    #[desk(skip)]
    spans: Option<Vec<std::ops::Range<Duration>>>,
    #[desk(skip)]
    answer: Answer<u8>,
    #[desk(skip)]
    peers: HashMap<String, std::net::SocketAddr>,
    #[desk(skip)]
    name: Option<std::ffi::CString>,
    #[desk(skip)]
    fine: Option<(u8, std::net::IpAddr)>,
    #[desk(skip)]
    numbers: Option<ByNumber>,
    #[desk(skip)]
    ids: std::collections::BTreeMap<Id, String>,
    #[desk(skip)]
    names: HashMap<Box<str>, std::collections::BTreeMap<String, u8>>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Window<T: Ord> {
    #[desk(skip)]
    span: std::ops::RangeInclusive<T>,
    #[desk(skip)]
    fine: Vec<T>,
    #[desk(skip)]
    keyed: std::collections::BTreeMap<T, u8>,
}

fn main() {}
