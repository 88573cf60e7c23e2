//! desk-schema against the other contenders, on the same data in the same run.
//! `python3 bench/ratios.py` prints the ratios from criterion's estimates.
#![allow(
    missing_docs,
    reason = "`criterion_main!` writes an undocumented `main`"
)]

use std::collections::HashSet;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use desk_schema::create_group::CreateGroupRequest;
use desk_schema::{Validate as _, from_json_str, validate_value};
use desk_schema_bench::{
    many_violations, many_violations_broken_shape, max_valid, max_valid_sparse, text,
};
use garde::Validate as _;
use serde::Deserialize;
use serde_json::Value;

/// The same request and rules, written as a garde user would. Enumerations
/// reuse the typed enums (checked by deserialization, as with desk-schema).
// garde hands custom rules the context as `&Ctx`, here `&Vec<String>`.
#[allow(dead_code, clippy::ptr_arg)]
mod with_garde {
    use super::{Deserialize, HashSet};
    use desk_schema::create_group::{ApplyJoinOption, GroupType, InviteJoinOption, MemberRole};

    #[derive(Deserialize, garde::Validate)]
    #[serde(rename_all = "PascalCase", deny_unknown_fields)]
    #[garde(context(Vec<String>))]
    pub(crate) struct Request {
        #[serde(rename = "Owner_Account")]
        #[garde(length(bytes, min = 1, max = 32), custom(printable_ascii_opt))]
        pub owner_account: Option<String>,
        #[serde(rename = "Type")]
        #[garde(skip)]
        pub group_type: GroupType,
        #[garde(
            length(bytes, min = 1, max = 48),
            custom(printable_ascii),
            custom(not_reserved)
        )]
        pub group_id: String,
        #[garde(length(bytes, min = 1, max = 100))]
        pub name: String,
        #[garde(length(bytes, max = 400))]
        pub introduction: Option<String>,
        #[garde(length(bytes, max = 400))]
        pub notification: Option<String>,
        #[garde(length(bytes, max = 500))]
        pub face_url: Option<String>,
        #[garde(range(min = 1), custom(not_below_members(&self.member_list, &self.owner_account)))]
        pub max_member_count: Option<u32>,
        #[garde(skip)]
        pub apply_join_option: Option<ApplyJoinOption>,
        #[garde(skip)]
        pub invite_join_option: Option<InviteJoinOption>,
        #[garde(dive, custom(unique_keys))]
        pub app_defined_data: Option<Vec<Data>>,
        #[garde(
            length(min = 1, max = 100),
            dive,
            custom(members_rules),
            custom(unique_accounts)
        )]
        pub member_list: Vec<Member>,
        #[garde(dive, custom(unique_keys))]
        pub app_member_defined_data: Option<Vec<Data>>,
    }

    #[derive(Deserialize, garde::Validate)]
    #[serde(deny_unknown_fields)]
    #[garde(context(Vec<String>))]
    pub(crate) struct Member {
        #[serde(rename = "Member_Account")]
        #[garde(length(bytes, min = 1, max = 32), custom(printable_ascii))]
        pub account: String,
        #[serde(rename = "Role")]
        #[garde(skip)]
        pub role: Option<MemberRole>,
        #[serde(rename = "AppMemberDefinedData")]
        #[garde(dive, custom(unique_keys))]
        pub app_member_defined_data: Option<Vec<Data>>,
    }

    #[derive(Deserialize, garde::Validate)]
    #[serde(rename_all = "PascalCase", deny_unknown_fields)]
    #[garde(context(Vec<String>))]
    pub(crate) struct Data {
        #[garde(length(bytes, min = 1, max = 16))]
        pub key: String,
        #[garde(length(bytes, max = 512))]
        pub value: String,
    }

    fn printable_ascii(v: &str, _: &Vec<String>) -> garde::Result {
        if v.bytes().all(|b| (0x20..=0x7e).contains(&b)) {
            Ok(())
        } else {
            Err(garde::Error::new("not printable ASCII"))
        }
    }

    #[allow(
        clippy::ref_option,
        reason = "the signature garde calls a custom rule with"
    )]
    fn printable_ascii_opt(v: &Option<String>, ctx: &Vec<String>) -> garde::Result {
        v.as_deref().map_or(Ok(()), |v| printable_ascii(v, ctx))
    }

    fn not_reserved(v: &str, _: &Vec<String>) -> garde::Result {
        if v.starts_with("@TGS#") {
            Err(garde::Error::new("reserved prefix"))
        } else {
            Ok(())
        }
    }

    #[allow(
        clippy::ref_option,
        reason = "the signature garde calls a custom rule with"
    )]
    fn not_below_members<'a>(
        members: &'a [Member],
        owner: &'a Option<String>,
    ) -> impl FnOnce(&Option<u32>, &Vec<String>) -> garde::Result + 'a {
        move |max, _| {
            let owner_extra = owner
                .as_deref()
                .is_some_and(|o| !members.iter().any(|m| m.account == o));
            let initial = members.len() + usize::from(owner_extra);
            match max {
                Some(max) if (*max as usize) < initial => {
                    Err(garde::Error::new("below the member count"))
                }
                _ => Ok(()),
            }
        }
    }

    #[allow(
        clippy::ref_option,
        reason = "the signature garde calls a custom rule with"
    )]
    fn unique_keys(v: &Option<Vec<Data>>, _: &Vec<String>) -> garde::Result {
        let mut seen = HashSet::new();
        for d in v.iter().flatten() {
            if !seen.insert(d.key.as_str()) {
                return Err(garde::Error::new("duplicate key"));
            }
        }
        Ok(())
    }

    fn unique_accounts(v: &[Member], _: &Vec<String>) -> garde::Result {
        let mut seen = HashSet::new();
        for m in v {
            if !seen.insert(m.account.as_str()) {
                return Err(garde::Error::new("duplicate account"));
            }
        }
        Ok(())
    }

    fn members_rules(v: &[Member], service: &Vec<String>) -> garde::Result {
        let cs = v.iter().filter(|m| service.contains(&m.account)).count();
        if cs != 1 {
            return Err(garde::Error::new("exactly one customer service account"));
        }
        if v.len() == cs {
            return Err(garde::Error::new("one other member"));
        }
        Ok(())
    }
}

/// The payload: custom data on every third member, `Admin` on every tenth.
fn sparse(c: &mut Criterion, service: &Vec<String>) {
    let sparse = max_valid_sparse();
    let sparse_text = text(&sparse);
    let garde_sparse: with_garde::Request = serde_json::from_str(&sparse_text).unwrap();
    assert!(sparse.validate().is_ok() && garde_sparse.validate_with(service).is_ok());
    let mut g = c.benchmark_group("typed_validate_sparse");
    g.bench_function("desk_schema", |b| b.iter(|| black_box(&sparse).validate()));
    g.bench_function("garde", |b| {
        b.iter(|| black_box(&garde_sparse).validate_with(service));
    });
    g.finish();
    let mut g = c.benchmark_group("from_json_str_sparse_valid");
    g.bench_function("desk_schema", |b| {
        b.iter(|| from_json_str::<CreateGroupRequest>(black_box(&sparse_text)));
    });
    g.bench_function("serde_json_only", |b| {
        b.iter(|| serde_json::from_str::<CreateGroupRequest>(black_box(&sparse_text)));
    });
    g.finish();
}

fn contenders(c: &mut Criterion) {
    let valid = max_valid();
    let invalid = many_violations();
    let valid_text = text(&valid);
    let invalid_text = text(&invalid);
    let valid_value: Value = serde_json::from_str(&valid_text).unwrap();
    let invalid_value: Value = serde_json::from_str(&invalid_text).unwrap();
    let garde_valid: with_garde::Request = serde_json::from_str(&valid_text).unwrap();
    let service = vec!["@customer_service_account".to_owned()];
    let schema: Value = serde_json::from_str(include_str!(
        "../../desk-schema/schemas/create_group.request.schema.json"
    ))
    .unwrap();
    let validator = jsonschema::options()
        .with_keyword("x-maxBytes", |_, v, _| {
            Ok(Box::new(Bytes(
                usize::try_from(v.as_u64().unwrap_or(0)).unwrap_or(usize::MAX),
                true,
            )))
        })
        .with_keyword("x-minBytes", |_, v, _| {
            Ok(Box::new(Bytes(
                usize::try_from(v.as_u64().unwrap_or(0)).unwrap_or(usize::MAX),
                false,
            )))
        })
        .build(&schema)
        .unwrap();

    // Sanity: every contender sees the same verdicts.
    assert!(valid.validate().is_ok() && garde_valid.validate_with(&service).is_ok());
    assert!(validator.is_valid(&valid_value) && !validator.is_valid(&invalid_value));
    let violations = from_json_str::<CreateGroupRequest>(&invalid_text)
        .unwrap_err()
        .len();
    assert!(violations >= 100, "{violations} violations");

    let mut g = c.benchmark_group("typed_validate_max_valid");
    g.bench_function("desk_schema", |b| b.iter(|| black_box(&valid).validate()));
    g.bench_function("garde", |b| {
        b.iter(|| black_box(&garde_valid).validate_with(&service));
    });
    g.finish();

    let mut g = c.benchmark_group("from_json_str_valid");
    g.bench_function("desk_schema", |b| {
        b.iter(|| from_json_str::<CreateGroupRequest>(black_box(&valid_text)));
    });
    g.bench_function("serde_json_only", |b| {
        b.iter(|| serde_json::from_str::<CreateGroupRequest>(black_box(&valid_text)));
    });
    g.finish();

    sparse(c, &service);

    let mut g = c.benchmark_group("from_json_str_invalid");
    g.bench_function("desk_schema", |b| {
        b.iter(|| {
            from_json_str::<CreateGroupRequest>(black_box(&invalid_text))
                .unwrap_err()
                .len()
        });
    });
    g.bench_function("value_and_jsonschema", |b| {
        b.iter(|| {
            let v: Value = serde_json::from_str(black_box(&invalid_text)).unwrap();
            validator.iter_errors(&v).count()
        });
    });
    g.finish();

    // The same violations plus broken shape: the typed parse fails, so the
    // text is read again as a `Value` and walked.
    let broken_text = many_violations_broken_shape();
    let broken = from_json_str::<CreateGroupRequest>(&broken_text)
        .unwrap_err()
        .len();
    assert!(broken >= 100, "{broken} violations");
    let mut g = c.benchmark_group("from_json_str_invalid_shape");
    g.bench_function("desk_schema", |b| {
        b.iter(|| {
            from_json_str::<CreateGroupRequest>(black_box(&broken_text))
                .unwrap_err()
                .len()
        });
    });
    g.bench_function("value_and_jsonschema", |b| {
        b.iter(|| {
            let v: Value = serde_json::from_str(black_box(&broken_text)).unwrap();
            validator.iter_errors(&v).count()
        });
    });
    g.finish();

    let mut g = c.benchmark_group("raw_value_valid");
    g.bench_function("desk_schema", |b| {
        b.iter(|| validate_value::<CreateGroupRequest>(black_box(&valid_value)));
    });
    g.bench_function("jsonschema_is_valid", |b| {
        b.iter(|| validator.is_valid(black_box(&valid_value)));
    });
    g.finish();

    let mut g = c.benchmark_group("raw_value_invalid");
    g.bench_function("desk_schema", |b| {
        b.iter(|| validate_value::<CreateGroupRequest>(black_box(&invalid_value)));
    });
    g.bench_function("jsonschema_is_valid", |b| {
        b.iter(|| validator.is_valid(black_box(&invalid_value)));
    });
    g.finish();
}

/// `x-maxBytes` / `x-minBytes` for the jsonschema crate.
struct Bytes(usize, bool);

impl jsonschema::Keyword for Bytes {
    fn validate<'i>(
        &self,
        instance: &'i Value,
        location: &jsonschema::paths::LazyLocation,
    ) -> Result<(), jsonschema::ValidationError<'i>> {
        if self.is_valid(instance) {
            Ok(())
        } else {
            Err(jsonschema::ValidationError::custom(
                jsonschema::paths::Location::new(),
                location.into(),
                instance,
                "byte limit",
            ))
        }
    }

    fn is_valid(&self, instance: &Value) -> bool {
        instance.as_str().is_none_or(|s| {
            if self.1 {
                s.len() <= self.0
            } else {
                s.len() >= self.0
            }
        })
    }
}

criterion_group!(benches, contenders);
criterion_main!(benches);
