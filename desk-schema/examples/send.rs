//! Build, check, sign and send a `create_group` request.

use desk_schema::Validate;
use desk_schema::create_group::client::{Client, Creation};
use desk_schema::create_group::{CreateGroupRequest, GroupType, Member};
use desk_schema::usersig::SecretKey;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    // cargo run -p desk-schema --features client --example send -- SDKAPPID IDENTIFIER [ENDPOINT]
    let mut args = std::env::args().skip(1);
    let usage = "usage: send SDKAPPID IDENTIFIER [ENDPOINT]";
    let sdkappid: u64 = args.next().ok_or(usage)?.parse()?;
    let identifier = args.next().ok_or(usage)?;

    // Build and check: every problem at once (no value in the error), or a Valid request.
    let request = CreateGroupRequest::new(GroupType::Public, "team-a", "客服")
        .member(Member::new("user2"))
        .member(Member::customer_service())
        .validate_into()?;

    // Sign with the app's secret key, send, retry as Tencent's error table says.
    let key = std::env::var("DESK_SCHEMA_SECRET_KEY")
        .map_err(|_| "set DESK_SCHEMA_SECRET_KEY to the app's secret key")?;
    let key = SecretKey::new(key);
    let mut client = Client::builder(sdkappid, identifier, key);
    if let Some(endpoint) = args.next() {
        client = client.endpoint(endpoint.parse()?); // another region, or a test server
    }
    let sent = client.build()?.create_group(&request).await;
    match (sent.creation(), sent.outcome.group_id()) {
        (Creation::Created, Some(id)) => {
            println!("created {id} after {} attempt(s)", sent.attempts);
        }
        (Creation::NotCreated, _) => return Err(format!("not created: {}", sent.outcome).into()),
        // The group may exist: look it up before sending the request again.
        _ => return Err(format!("not confirmed: {}", sent.outcome).into()),
    }
    Ok(())
}
