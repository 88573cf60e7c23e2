//! `from_json_str` on arbitrary text, and the report's serialization: no
//! panic, and every reported path resolves in the input when it is JSON.
#![no_main]

use desk_schema::create_group::CreateGroupRequest;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Err(report) = desk_schema::from_json_str::<CreateGroupRequest>(text) else {
        return;
    };
    assert!(!report.is_empty());
    let json = serde_json::to_string(&report).expect("the report serializes");
    let back: Value = serde_json::from_str(&json).expect("and reads back");
    assert_eq!(back.as_array().map(Vec::len), Some(report.len()));
    let _ = report.to_string();
    if let Ok(input) = serde_json::from_str::<Value>(text) {
        for v in &report {
            assert!(input.pointer(v.path()).is_some(), "{} does not resolve", v.path());
        }
    }
});
