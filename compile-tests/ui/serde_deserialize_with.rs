fn read<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    serde::Deserialize::deserialize(d)
}
#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    #[serde(deserialize_with = "read")]
    #[desk(max_bytes = 8)]
    name: String,
    #[serde(with = "other")]
    #[desk(skip)]
    count: u32,
}
mod other {
    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
        serde::Deserialize::deserialize(d)
    }
}
fn main() {}
