// A packed struct: the checks borrow each field, which a packed struct
// cannot lend (rustc's E0793, once for each field): one error at `packed`
// (helper-179).
#[derive(desk_schema::Validate, serde::Deserialize)]
#[repr(C, packed)]
struct Frame {
    #[desk(range(max = 9))]
    n: u32,
    #[desk(max_bytes = 3)]
    name: String,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[repr(packed(2))]
struct Small {
    #[desk(range(max = 9))]
    n: u32,
}

fn main() {}
