#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(try_from = "String")]
struct Code {
    #[desk(max_bytes = 4)]
    code: String,
}
impl TryFrom<String> for Code {
    type Error = String;
    fn try_from(code: String) -> Result<Self, String> {
        Ok(Code { code })
    }
}
fn main() {}
