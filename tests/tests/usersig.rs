//! UserSig (TLSSigAPIv2). The signatures below were computed by Tencent's
//! own Node.js package (`tls-sig-api-v2` 1.0.2, `Api._hmacsha256`) for the
//! same inputs; `conformance/usersig.test.js` runs both directions against
//! that package in CI.

use desk_schema::create_group::UserSig;
use desk_schema::usersig::{self, SecretKey, UserSigError};

const KEY: &str = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

mod support;

use support::usersig_document;

/// `TLS.sig` of a UserSig, read from its document.
fn tls_sig(sig: &UserSig) -> String {
    usersig_document(sig.expose())["TLS.sig"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn the_signature_is_the_one_tencents_code_computes() {
    let key = SecretKey::new(KEY);
    let sig = usersig::generate_at(1_400_000_000, "administrator", &key, 86_400, 1_700_000_000);
    assert_eq!(
        tls_sig(&sig),
        "yLAe+w7WUeUuqbV9h/TX78u21oTGi+i9Zp1u3PpnY60="
    );
    let sig = usersig::generate_at(1_400_000_000, "用户", &key, 15_552_000, 1_700_000_000);
    assert_eq!(
        tls_sig(&sig),
        "1pPIMN3HNuxajK5H4dzshstyH6OYSQ0sAVaNqLQS8Og="
    );
}

#[test]
fn verify_gives_the_claims_or_says_why() {
    let key = SecretKey::new(KEY);
    let sig = usersig::generate_at(1_400_000_000, "administrator", &key, 86_400, 1_700_000_000);
    let claims = usersig::verify(&sig, &key, 1_700_000_001).unwrap();
    assert_eq!(claims.identifier, "administrator");
    assert_eq!(claims.expires_at(), 1_700_086_400);
    // Valid through its last second, as Tencent's verifiers read it
    // (`now > time + expire` is expired; helper-108 found it refused a
    // second early).
    assert!(usersig::verify(&sig, &key, 1_700_086_400).is_ok());
    let expired = usersig::verify(&sig, &key, 1_700_086_401);
    assert_eq!(expired, Err(UserSigError::Expired { at: 1_700_086_400 }));
    assert_eq!(
        expired.unwrap_err().to_string(),
        "expired: valid until 2023-11-15 22:13:20 UTC (Unix time 1700086400)"
    );
    assert_eq!(
        UserSigError::Expired { at: 1_700_086_400 }
            .localized(desk_schema::Locale::ZhCn)
            .to_string(),
        "已过期：有效期至 2023-11-15 22:13:20 UTC（Unix 时间戳 1700086400）"
    );
    for (at, date) in [
        (0, "1970-01-01 00:00:00 UTC"),
        (253_402_300_799, "9999-12-31 23:59:59 UTC"),
    ] {
        assert_eq!(
            UserSigError::Expired { at }.to_string(),
            format!("expired: valid until {date} (Unix time {at})")
        );
    }
    // Past the year 9999, which the date does not write: the seconds alone.
    assert_eq!(
        UserSigError::Expired { at: u64::MAX }.to_string(),
        "expired: valid until Unix time 18446744073709551615"
    );
    assert_eq!(
        UserSigError::Malformed("empty").to_string(),
        "the UserSig is empty"
    );
    assert_eq!(
        usersig::verify(&sig, &SecretKey::new("another key"), 1_700_000_001),
        Err(UserSigError::Signature)
    );
    for broken in ["", "not base64!", "eJwrSS0uAQAEXQHB"] {
        assert!(matches!(
            usersig::verify(&UserSig::new(broken), &key, 0),
            Err(UserSigError::Malformed(_))
        ));
    }
}

#[test]
fn the_key_and_the_signature_are_never_printed() {
    let key = SecretKey::new(KEY);
    assert_eq!(format!("{key:?}"), "SecretKey(<redacted>)");
    let sig = usersig::generate(
        1_400_000_000,
        "administrator",
        &key,
        usersig::DEFAULT_EXPIRE,
    );
    let error = usersig::verify(&sig, &SecretKey::new("x"), usersig::now()).unwrap_err();
    let text = format!("{error} {error:?}");
    assert!(
        !text.contains(KEY) && !text.contains(sig.expose()),
        "{text}"
    );
}

/// `TLS.sig` for the document with `TLS.userbuf` below, by tls-sig-api-v2
/// 1.0.2: `_hmacsha256("administrator", 1700000000, 86400, "AAECAw==")`.
const USERBUF_SIG: &str = "OUYPv36f3ggJ4D2u3IZzhHaLZGXkzb5fJ+q7Q9IAR0Q=";

/// A UserSig document compressed and written in Tencent's alphabet.
fn encode(document: &serde_json::Value) -> UserSig {
    use std::io::Write;
    let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    zlib.write_all(document.to_string().as_bytes()).unwrap();
    let compressed = zlib.finish().unwrap();
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-";
    let mut out = String::new();
    for chunk in compressed.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                let index = usize::try_from((n >> (18 - 6 * i)) & 63).unwrap();
                out.push(char::from(alphabet[index]));
            } else {
                out.push('_');
            }
        }
    }
    UserSig::new(out)
}

#[test]
fn a_userbuf_is_signed_as_tencents_code_signs_it() {
    let key = SecretKey::new(KEY);
    let document = serde_json::json!({
        "TLS.ver": "2.0", "TLS.identifier": "administrator", "TLS.sdkappid": 1_400_000_000_u64,
        "TLS.time": 1_700_000_000_u64, "TLS.expire": 86_400, "TLS.userbuf": "AAECAw==",
        "TLS.sig": USERBUF_SIG,
    });
    let claims = usersig::verify(&encode(&document), &key, 1_700_000_001).unwrap();
    assert_eq!(claims.userbuf.as_deref(), Some("AAECAw=="));
    // A userbuf added to a plain UserSig is not signed: refused.
    let plain = usersig::generate_at(1_400_000_000, "administrator", &key, 86_400, 1_700_000_000);
    let mut added = document.clone();
    added["TLS.userbuf"] = serde_json::json!("AAAA");
    added["TLS.sig"] = serde_json::json!(tls_sig(&plain));
    assert_eq!(
        usersig::verify(&encode(&added), &key, 1_700_000_001),
        Err(UserSigError::Signature)
    );
}

#[test]
fn oversized_and_overflowing_usersigs_are_malformed() {
    let key = SecretKey::new(KEY);
    // Empty text, or padding alone, decodes (base64 of nothing) and then
    // fails zlib: said as empty, not as "not zlib".
    for empty in ["", "_", "____", "=="] {
        assert_eq!(
            usersig::verify(&UserSig::new(empty), &key, 0),
            Err(UserSigError::Malformed("empty")),
            "{empty:?}"
        );
    }
    let long = UserSig::new("A".repeat(70_000));
    assert_eq!(
        usersig::verify(&long, &key, 0),
        Err(UserSigError::Malformed("longer than 64 KiB"))
    );
    // 1 MB of zeros inflates past the cap.
    let bomb = encode(&serde_json::json!({ "pad": "0".repeat(1 << 20) }));
    assert_eq!(
        usersig::verify(&bomb, &key, 0),
        Err(UserSigError::Malformed(
            "its document is larger than 64 KiB"
        ))
    );
    let overflow = usersig::generate_at(1, "a", &key, u64::MAX, 10);
    assert!(matches!(
        usersig::verify(&overflow, &key, 11),
        Err(UserSigError::Malformed(_))
    ));
}
