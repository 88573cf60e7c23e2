// A standard type whose JSON Schema (schemars') is not what serde reads, in
// a `#[desk(skip)]` field, where serde reads the value and that schema
// states it: serde refuses an unknown property in a `Duration` or `Range`, a
// second property beside a `Result`'s variant, a NUL in a `CString`, any
// text but an address as a `SocketAddr`, a map key it parses from the string
// where the derive cannot see it (through an alias), all of which the
// schema takes; and what an alias holds (`type Spans = Vec<Duration>`, a
// generic one given its arguments, a `Cow`, a map by its values or keys).
// One error at each such type, however it is written (an alias, inside a
// list, an `Option` or a map, a type argument), at the innermost one written
// (`Duration` in `BTreeMap<String, Vec<Duration>>`); none for a type inside one
// already refused (`Range<Duration>`), nor for the types whose schema is
// serde's (`Option<u8>`, `IpAddr`, string keys, `Option<String>` and
// `Reverse<String>` keys, which serde reads as strings; a `Range`'s parameter in a
// generic type is still a `Range`, and a map keyed by a parameter is not
// asked).
use std::collections::HashMap;
use std::time::Duration;

type Answer<T> = Result<T, String>;
type ByNumber = HashMap<u8, String>;
type Id = u64;
type Spans = Vec<Duration>;
type MaybeAddr = Option<std::net::SocketAddr>;
type Keys = Vec<HashMap<u8, String>>;
type Peers = HashMap<String, std::net::SocketAddr>;
type Platform = std::collections::BTreeMap<std::ffi::OsString, u8>;
type OptionKey = HashMap<Option<String>, u8>;
type Timeline<T> = Vec<std::ops::Range<T>>;
type ByKey<V> = Vec<HashMap<u8, V>>;
type Lasting = std::borrow::Cow<'static, Duration>;
type ByNumberOf<V> = HashMap<u8, V>;

// An alias named like a map whose first argument is a value.
mod named {
    pub type HashMap<V> = std::collections::HashMap<String, V>;
}

macro_rules! wait {
    () => {
        Duration
    };
}

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
    #[desk(skip)]
    alias_spans: Spans,
    #[desk(skip)]
    address: MaybeAddr,
    #[desk(skip)]
    keys: Keys,
    #[desk(skip)]
    peer_map: Peers,
    #[desk(skip)]
    platform: Platform,
    #[desk(skip)]
    optional_keys: OptionKey,
    #[desk(skip)]
    wrapped_keys: HashMap<Option<String>, std::collections::BTreeMap<std::cmp::Reverse<String>, u8>>,
    #[desk(skip)]
    timeline: Timeline<u8>,
    #[desk(skip)]
    by_key: ByKey<String>,
    #[desk(skip)]
    lasting: Lasting,
    #[desk(skip)]
    waits: std::collections::BTreeMap<String, Vec<Duration>>,
}

// A type refused in itself is refused though it holds a refused one too
// (the inner one is asked once the outer is fixed); a hidden key and a
// value written are two mistakes; a tuple key is refused at the key.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Held {
    #[desk(skip)]
    answer: Result<Duration, u8>,
    #[desk(skip)]
    numbered: ByNumberOf<Duration>,
    #[desk(skip)]
    by_pair: HashMap<(u8, u8), String>,
    #[desk(skip)]
    name: Box<std::ffi::CStr>,
    #[desk(skip)]
    macro_written: wait!(),
    #[desk(skip)]
    named_value: named::HashMap<Duration>,
    #[desk(skip)]
    named_list: named::HashMap<Vec<Duration>>,
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
