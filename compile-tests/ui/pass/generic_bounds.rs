// A type parameter is bounded as serde bounds it: by what reads it. One a
// checked field mentions must derive `Validate`; one only a `skip` field
// reads must deserialize; one no field reads (a `PhantomData` marker, a
// field serde skips) needs nothing but a schema name (as schemars names
// every parameter). `()` and a type with no derive of ours fit the last.
// Blanket traits whose methods share the names of the generated calls.
include!("../blanket_traits.in");

use std::marker::PhantomData;

#[derive(desk_schema::Validate, serde::Deserialize, Default)]
struct Tagged<T> {
    #[desk(max_bytes = 8)]
    name: String,
    #[desk(skip)]
    #[serde(skip)]
    marker: PhantomData<T>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Loose<T, U> {
    #[desk(skip)]
    raw: T,
    #[desk(nested)]
    checked: U,
}

/// A marker with a schema name only (desk-schema re-exports schemars).
struct Marker;

impl desk_schema::schemars::JsonSchema for Marker {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("Marker")
    }
    fn json_schema(_: &mut desk_schema::schemars::SchemaGenerator) -> desk_schema::schemars::Schema {
        <desk_schema::schemars::Schema as Default>::default()
    }
}

/// A parameter a field serde skips (or gives its plain default) holds:
/// `Default`, as serde bounds it, and nothing of ours.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Cached<T, D> {
    #[desk(max_bytes = 3)]
    name: String,
    #[serde(skip)]
    cache: T,
    #[desk(nested)]
    #[serde(default)]
    count: D,
}

/// A generic type that borrows has a schema too (its impl no longer asks
/// the type to deserialize from any lifetime).
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Borrows<'a, T> {
    #[desk(max_bytes = 5)]
    #[serde(borrow)]
    name: std::borrow::Cow<'a, str>,
    #[desk(nested)]
    inner: T,
}

/// The container's default: `Self: Default`, as serde asks it.
#[derive(desk_schema::Validate, serde::Deserialize, Default)]
#[serde(default)]
struct Defaults<T> {
    #[desk(max_bytes = 5)]
    name: String,
    #[desk(nested)]
    count: T,
}

/// A parameter's associated type is bounded itself, as serde bounds it:
/// `T` needs only its trait (and a schema name); `spare`'s default asks
/// `T::Member: Default`, as serde asks it.
trait Family {
    type Member;
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct OfFamily<T: Family> {
    #[desk(nested)]
    member: T::Member,
    #[desk(skip)]
    #[serde(default)]
    spare: Option<T::Member>,
}

impl Family for Marker {
    type Member = Tagged<()>;
}

/// An associated type a field takes by its default, or serde skips:
/// `T::Member: Default`, as serde bounds it.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct FamilyDefaults<T: Family> {
    #[desk(nested)]
    #[serde(default)]
    member: T::Member,
    #[desk(skip)]
    #[serde(default)]
    spare: T::Member,
    #[serde(skip)]
    cache: T::Member,
}

/// An associated type inside another generic type (`Defaults<T::Member>`)
/// is bounded itself too. serde bounds only one that is a field's whole
/// type, so serde's own derive needs the `bound` here, as without
/// desk-schema (and `Defaults` asks its argument to be `Default`).
#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(bound = "T::Member: serde::Deserialize<'de> + Default")]
struct FamilyPages<T: Family>
where
    T::Member: Default,
{
    #[desk(nested)]
    page: Defaults<T::Member>,
    #[desk(nested, max_items = 1)]
    pages: Vec<Defaults<T::Member>>,
}

impl Family for u8 {
    type Member = u16;
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Holder {
    #[desk(nested)]
    tagged: Tagged<Marker>,
    #[desk(nested)]
    loose: Loose<Vec<u8>, Tagged<()>>,
}

/// A generic type nested with its arguments written out, in a type that
/// borrows, in a list and in itself: each argument a checked field holds
/// is asked for `Validate` as written (`Holder`'s `Tagged<Marker>` asks
/// nothing of `Marker`, which no field reads).
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Arguments<'a> {
    #[desk(nested)]
    #[serde(borrow)]
    borrows: Borrows<'a, Defaults<u8>>,
    #[desk(nested, max_items = 2)]
    listed: Vec<Defaults<Tagged<()>>>,
    #[desk(nested)]
    twice: Option<Defaults<Defaults<u8>>>,
    #[desk(nested)]
    bounded: Option<Bounded<u8>>,
    #[desk(nested)]
    maybe_unsized: Option<MaybeUnsized<Defaults<u8>>>,
}

/// A parameter that may be unsized, said in a `where` clause.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct MaybeUnsized<T>
where
    T: ?Sized,
{
    #[desk(nested)]
    inner: Box<T>,
}

/// Bounds of its own, which each argument written out meets.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Bounded<T: Clone + 'static>
where
    T: Send,
{
    #[desk(nested, max_items = 1)]
    inner: Vec<T>,
}

// A set of a parameter: generic code checks it with the parameter's own
// bounds, and `Validate` stays a trait object (no hidden item of its own
// depends on the arguments; the field that gives them is asked instead).
#[derive(desk_schema::Validate, serde::Deserialize)]
struct SetOf<T: Ord> {
    #[desk(nested)]
    items: std::collections::BTreeSet<T>,
}

fn check_set<T>(set: &SetOf<T>) -> bool
where
    T: Ord + desk_schema::ValidateIn<()> + serde::de::DeserializeOwned,
{
    desk_schema::Validate::validate(set).is_ok()
}

fn read_set<T>(text: &str) -> bool
where
    T: Ord + desk_schema::ValidateIn<()> + serde::de::DeserializeOwned,
{
    desk_schema::from_json_str::<SetOf<T>>(text).is_ok()
}

/// A generic type nesting another over its parameter: the same bounds
/// suffice one level up (a bound on hidden traits here would ask every
/// generic caller to write it).
#[derive(desk_schema::Validate, serde::Deserialize)]
struct ShelfOf<T: Ord> {
    #[desk(nested)]
    set: SetOf<T>,
}

fn check_shelf<T>(shelf: &ShelfOf<T>) -> bool
where
    T: Ord + desk_schema::ValidateIn<()> + serde::de::DeserializeOwned,
{
    desk_schema::Validate::validate(shelf).is_ok()
}

fn read_shelf<T>(text: &str) -> bool
where
    T: Ord + desk_schema::ValidateIn<()> + serde::de::DeserializeOwned,
{
    desk_schema::from_json_str::<ShelfOf<T>>(text).is_ok()
}

/// A generic type nesting one that checks a default over its parameter
/// (`Defaults<T>`): the schema asks `ValidateIn` of `T` here too, for the
/// nested type's schema, and a generic caller of the schema gives it.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Nook<T: Default> {
    #[desk(nested)]
    defaults: Defaults<T>,
}

/// A `skip` field of a generic type of one's own over a checked parameter
/// (`Node<T>`, whose schema asks `ValidateIn` of `T`: it checks a default
/// over it): the schema's impl asks it too.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Node<T> {
    #[desk(nested)]
    value: T,
    #[desk(nested, max_items = 2)]
    #[serde(default = "Vec::new")]
    children: Vec<Node<T>>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Snapshots<T> {
    #[desk(nested, max_items = 2)]
    items: Vec<T>,
    #[desk(skip)]
    snapshot: Node<T>,
}

fn schema_of_nook<T>() -> desk_schema::schemars::Schema
where
    T: Default
        + desk_schema::ValidateIn<()>
        + serde::de::DeserializeOwned
        + desk_schema::schemars::JsonSchema,
{
    desk_schema::schema_for::<Nook<T>>()
}

/// A type that serde bounds `Default` (`Env<T>` defaults `extra`), given a
/// parameter that serde bounds `Default` in the holder itself: by a
/// default on the field that gives it, a field serde skips, or a default in
/// an enum's variant (helper-188: each failed to compile, the derive's
/// identity functions and `Facts` not bounded as serde's impl is).
#[derive(desk_schema::Validate, serde::Deserialize, Default)]
struct Env<T> {
    #[desk(max_bytes = 5)]
    name: String,
    #[desk(nested)]
    #[serde(default)]
    extra: Option<T>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct DefaultedHolder<T> {
    #[desk(nested)]
    #[serde(default)]
    env: Env<T>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct SkippingHolder<T> {
    #[desk(nested)]
    env: Env<T>,
    #[serde(skip)]
    cache: T,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "k")]
enum VariantHolder<T> {
    One {
        #[desk(nested)]
        #[serde(default)]
        x: Option<T>,
    },
    Two {
        #[desk(nested)]
        env: Env<T>,
    },
}

/// A set of a parameter given to a generic type of one's own, with the
/// bounds the set asks.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct SetsInEnv<T: Ord + std::hash::Hash> {
    #[desk(nested)]
    ordered: Env<std::collections::BTreeSet<T>>,
    #[desk(nested)]
    hashed: Option<Env<std::collections::HashSet<T>>>,
}

/// A set of a parameter given to a generic type that holds its argument
/// in a marker alone (or in a field serde skips): no `Ord` is asked, as
/// serde asks none (helper-189: a change that asked it at the gate refused
/// this).
#[derive(desk_schema::Validate, serde::Deserialize)]
struct MarkerHolder<T> {
    #[desk(nested)]
    a: Tagged<std::collections::BTreeSet<T>>,
    #[desk(nested)]
    b: Option<Vec<Tagged<std::collections::HashSet<T>>>>,
}

/// A hasher written around a parameter (`BuildHasherDefault<H>`): the
/// hasher type is bounded as serde's `Deserialize` of the map asks
/// (`BuildHasherDefault<H>: BuildHasher + Default`), not `H` (helper-189:
/// `H: BuildHasher` refused `DefaultHasher`, which is a `Hasher`).
#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(bound(deserialize = "H: std::hash::Hasher + Default"))]
struct HasherOf<H: std::hash::Hasher + Default> {
    #[desk(nested)]
    m: std::collections::HashMap<String, u8, std::hash::BuildHasherDefault<H>>,
}

fn main() {
    let _ = schema_of_nook::<u8>();
    let Err(report) = desk_schema::from_json_str::<HasherOf<std::hash::DefaultHasher>>(
        r#"{"m":{"a":300}}"#,
    ) else {
        panic!("accepted");
    };
    assert_eq!(
        format!("{report}"),
        "/m/a: 300 is out of range; must be from 0 to 255"
    );
    let Err(report) =
        desk_schema::from_json_str::<MarkerHolder<f64>>(r#"{"a":{"name":"abcdefghij"}}"#)
    else {
        panic!("accepted");
    };
    assert_eq!(
        format!("{report}"),
        "/a/name: 10 bytes in UTF-8 (10 characters); at most 8 bytes"
    );
    let text = r#"{"ordered":{"name":"a","extra":[2,1]},"hashed":{"name":"abcdefg","extra":[3,3]}}"#;
    let Err(report) =
        desk_schema::from_json_str::<SetsInEnv<u8>>(text)
    else {
        panic!("accepted");
    };
    assert_eq!(
        format!("{report}"),
        "/hashed/extra/1: same value as the 1st item (index 0); items must be unique\n/hashed/name: 7 bytes in UTF-8 (7 characters); at most 5 bytes"
    );
    let Err(report) = desk_schema::from_json_str::<DefaultedHolder<u8>>(
        r#"{"env":{"name":"abcdefg","extra":300}}"#,
    ) else {
        panic!("accepted");
    };
    assert_eq!(desk_schema::Report::len(&report), 2);
    assert!(desk_schema::from_json_str::<DefaultedHolder<u8>>("{}").is_ok());
    let skipping: SkippingHolder<u8> = desk_schema::from_json_str(r#"{"env":{"name":"a"}}"#).unwrap();
    assert_eq!(skipping.cache, 0);
    let text = r#"{"k":"Two","env":{"name":"abcdefg"}}"#;
    assert!(desk_schema::from_json_str::<VariantHolder<u8>>(text).is_err());
    let _ = desk_schema::schema_for::<Snapshots<u8>>();
    let text = r#"{"items":[1,2,3],"snapshot":{"value":1,"children":[]}}"#;
    assert!(desk_schema::from_json_str::<Snapshots<u8>>(text).is_err());
    let shelf: ShelfOf<u8> = desk_schema::from_json_str(r#"{"set":{"items":[1,2]}}"#).unwrap();
    assert!(check_shelf(&shelf));
    assert!(!read_shelf::<u8>(r#"{"set":{"items":[1,1]}}"#));
    let set: SetOf<u8> = desk_schema::from_json_str(r#"{"items":[1,2]}"#).unwrap();
    assert!(check_set(&set));
    assert!(!read_set::<u8>(r#"{"items":[1,1]}"#));
    let all: Vec<Box<dyn desk_schema::Validate<Context = ()>>> = vec![Box::new(set)];
    assert!(Iterator::all(&mut <[_]>::iter(&all), |v| v.validate().is_ok()));
    let text = r#"{"tagged":{"name":"a"},"loose":{"raw":[1],"checked":{"name":"b"}}}"#;
    let holder: Holder = desk_schema::from_json_str(text).unwrap();
    assert_eq!(holder.loose.raw, [1]);
    let text = r#"{"tagged":{"name":"abcdefghij"},"loose":{"raw":[1000],"checked":{"name":"b"}}}"#;
    let Err(report) = desk_schema::from_json_str::<Holder>(text) else {
        panic!("accepted: {text}");
    };
    assert_eq!(
        format!("{report}"),
        "/loose/raw: does not match the field's type\n/tagged/name: 10 bytes in UTF-8 (10 characters); at most 8 bytes"
    );
    let _ = desk_schema::schema_for::<Holder>();
    let cached: Cached<Vec<Marker>, u8> = desk_schema::from_json_str(r#"{"name":"ab"}"#).unwrap();
    assert!(cached.cache.is_empty() && cached.count == 0);
    let _ = desk_schema::schema_for::<Cached<Vec<Marker>, u8>>();
    let _ = desk_schema::schema_for::<Borrows<'static, u8>>();
    let text = String::from(r#"{"name":"ab","inner":3}"#);
    let borrows: Borrows<'_, u8> = desk_schema::from_json_str(&text).unwrap();
    assert!(matches!(borrows.name, std::borrow::Cow::Borrowed("ab")) && borrows.inner == 3);
    let defaults: Defaults<u8> = desk_schema::from_json_str("{}").unwrap();
    assert!(defaults.name.is_empty() && defaults.count == 0);
    let _ = desk_schema::schema_for::<Defaults<u8>>();
    let text = r#"{"member":{"name":"abcdefghij"},"spare":{"name":1}}"#;
    let Err(report) = desk_schema::from_json_str::<OfFamily<Marker>>(text) else {
        panic!("accepted: {text}");
    };
    assert_eq!(
        format!("{report}"),
        "/member/name: 10 bytes in UTF-8 (10 characters); at most 8 bytes\n/spare: does not match the field's type"
    );
    let _ = desk_schema::schema_for::<OfFamily<Marker>>();
    let defaults: FamilyDefaults<u8> = desk_schema::from_json_str("{}").unwrap();
    assert_eq!((defaults.member, defaults.spare, defaults.cache), (0, 0, 0));
    let _ = desk_schema::schema_for::<FamilyDefaults<u8>>();
    let text = r#"{"page":{"count":{"name":"abcdefghij"}},"pages":[{},{}]}"#;
    let Err(report) = desk_schema::from_json_str::<FamilyPages<Marker>>(text) else {
        panic!("accepted: {text}");
    };
    assert_eq!(
        format!("{report}"),
        "/page/count/name: 10 bytes in UTF-8 (10 characters); at most 8 bytes\n/pages: 2 items; at most 1 item"
    );
    let _ = desk_schema::schema_for::<FamilyPages<Marker>>();
    let text = r#"{"borrows":{"name":"ab","inner":{"count":1}},"listed":[{},{},{}],"twice":{"count":{"name":"abcdef"}},"bounded":{"inner":[1,2]},"maybe_unsized":{"inner":{"name":"abcdef"}}}"#;
    let Err(report) = desk_schema::from_json_str::<Arguments<'_>>(text) else {
        panic!("accepted: {text}");
    };
    assert_eq!(
        format!("{report}"),
        "/bounded/inner: 2 items; at most 1 item\n/listed: 3 items; at most 2 items\n/maybe_unsized/inner/name: 6 bytes in UTF-8 (6 characters); at most 5 bytes\n/twice/count/name: 6 bytes in UTF-8 (6 characters); at most 5 bytes"
    );
    let _ = desk_schema::schema_for::<Arguments<'static>>();
}
