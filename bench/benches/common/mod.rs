//! The benchmark cases, shared by the criterion benchmark (`validate.rs`)
//! and the instruction counter (`examples/instructions.rs`): each group's
//! desk-schema side and its contender, on the same inputs.

use std::collections::HashSet;
use std::hint::black_box;

use desk_schema::create_group::CreateGroupRequest;
use desk_schema::{Validate as _, ValidateIn as _, from_json_str, validate_value};
use desk_schema_bench::{
    many_violations, many_violations_broken_shape, many_violations_sparse, max_valid,
    max_valid_sparse, text,
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

/// Every input, built once, checked for the verdicts each case expects.
pub(crate) struct Inputs {
    valid: CreateGroupRequest,
    sparse: CreateGroupRequest,
    valid_text: String,
    sparse_text: String,
    invalid_text: String,
    sparse_invalid_text: String,
    broken_text: String,
    valid_value: Value,
    invalid_value: Value,
    garde_valid: with_garde::Request,
    garde_sparse: with_garde::Request,
    service: Vec<String>,
    validator: jsonschema::Validator,
}

impl Inputs {
    /// Builds the inputs and checks that every contender sees the same
    /// verdicts.
    ///
    /// # Panics
    ///
    /// When a contender's verdict differs.
    #[must_use]
    pub(crate) fn new() -> Self {
        let valid = max_valid();
        let sparse = max_valid_sparse();
        let valid_text = text(&valid);
        let sparse_text = text(&sparse);
        let invalid_text = text(&many_violations());
        let sparse_invalid_text = text(&many_violations_sparse());
        let broken_text = many_violations_broken_shape();
        let schema: Value = serde_json::from_str(include_str!(
            "../../../desk-schema/schemas/create_group.request.schema.json"
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
        let inputs = Inputs {
            garde_valid: serde_json::from_str(&valid_text).unwrap(),
            garde_sparse: serde_json::from_str(&sparse_text).unwrap(),
            valid_value: serde_json::from_str(&valid_text).unwrap(),
            invalid_value: serde_json::from_str(&invalid_text).unwrap(),
            service: vec!["@customer_service_account".to_owned()],
            valid,
            sparse,
            valid_text,
            sparse_text,
            invalid_text,
            sparse_invalid_text,
            broken_text,
            validator,
        };
        let i = &inputs;
        assert!(i.valid.validate().is_ok() && i.garde_valid.validate_with(&i.service).is_ok());
        assert!(i.sparse.validate().is_ok() && i.garde_sparse.validate_with(&i.service).is_ok());
        assert!(i.validator.is_valid(&i.valid_value) && !i.validator.is_valid(&i.invalid_value));
        for text in [&i.invalid_text, &i.broken_text] {
            let violations = from_json_str::<CreateGroupRequest>(text).unwrap_err().len();
            assert!(violations >= 100, "{violations} violations");
        }
        let sparse_invalid = from_json_str::<CreateGroupRequest>(&i.sparse_invalid_text);
        assert_eq!(sparse_invalid.unwrap_err().len(), 150);
        let sparse_invalid_value = serde_json::from_str(&i.sparse_invalid_text).unwrap();
        assert!(!i.validator.is_valid(&sparse_invalid_value));
        inputs
    }
}

impl Default for Inputs {
    fn default() -> Self {
        Self::new()
    }
}

/// One side of a benchmark group: its group, its name, and one run.
pub(crate) type Case<'a> = (&'static str, &'static str, Box<dyn Fn() + 'a>);

/// Every group's two sides, desk-schema first, in the order criterion runs
/// them.
#[must_use]
pub(crate) fn cases(i: &Inputs) -> Vec<Case<'_>> {
    fn case<'a>(group: &'static str, side: &'static str, run: impl Fn() + 'a) -> Case<'a> {
        (group, side, Box::new(run))
    }
    let value_and_jsonschema = |text: &str| {
        let v: Value = serde_json::from_str(black_box(text)).unwrap();
        black_box(i.validator.iter_errors(&v).count());
    };
    let desk_invalid = |text: &str| {
        black_box(
            from_json_str::<CreateGroupRequest>(black_box(text))
                .unwrap_err()
                .len(),
        );
    };
    vec![
        case("typed_validate_max_valid", "desk_schema", || {
            black_box(black_box(&i.valid).validate()).ok();
        }),
        case("typed_validate_max_valid", "garde", || {
            black_box(black_box(&i.garde_valid).validate_with(&i.service)).ok();
        }),
        case("from_json_str_valid", "desk_schema", || {
            black_box(from_json_str::<CreateGroupRequest>(black_box(
                &i.valid_text,
            )))
            .ok();
        }),
        case("from_json_str_valid", "serde_json_only", || {
            black_box(serde_json::from_str::<CreateGroupRequest>(black_box(
                &i.valid_text,
            )))
            .ok();
        }),
        // The payload: custom data on every third member, `Admin`
        // on every tenth.
        case("typed_validate_sparse", "desk_schema", || {
            black_box(black_box(&i.sparse).validate()).ok();
        }),
        case("typed_validate_sparse", "garde", || {
            black_box(black_box(&i.garde_sparse).validate_with(&i.service)).ok();
        }),
        case("from_json_str_sparse_valid", "desk_schema", || {
            black_box(from_json_str::<CreateGroupRequest>(black_box(
                &i.sparse_text,
            )))
            .ok();
        }),
        case("from_json_str_sparse_valid", "serde_json_only", || {
            black_box(serde_json::from_str::<CreateGroupRequest>(black_box(
                &i.sparse_text,
            )))
            .ok();
        }),
        // The invalid text: the sparse request broken in 150 places.
        case("from_json_str_sparse_invalid", "desk_schema", move || {
            desk_invalid(&i.sparse_invalid_text);
        }),
        case(
            "from_json_str_sparse_invalid",
            "value_and_jsonschema",
            move || {
                value_and_jsonschema(&i.sparse_invalid_text);
            },
        ),
        case("from_json_str_invalid", "desk_schema", move || {
            desk_invalid(&i.invalid_text);
        }),
        case("from_json_str_invalid", "value_and_jsonschema", move || {
            value_and_jsonschema(&i.invalid_text);
        }),
        // The same violations plus broken shape: the typed parse fails, so
        // the text is walked.
        case("from_json_str_invalid_shape", "desk_schema", move || {
            desk_invalid(&i.broken_text);
        }),
        case(
            "from_json_str_invalid_shape",
            "value_and_jsonschema",
            move || {
                value_and_jsonschema(&i.broken_text);
            },
        ),
        case("raw_value_valid", "desk_schema", || {
            black_box(validate_value::<CreateGroupRequest>(black_box(
                &i.valid_value,
            )))
            .ok();
        }),
        case("raw_value_valid", "jsonschema_is_valid", || {
            black_box(i.validator.is_valid(black_box(&i.valid_value)));
        }),
        case("raw_value_invalid", "desk_schema", || {
            black_box(validate_value::<CreateGroupRequest>(black_box(
                &i.invalid_value,
            )))
            .ok();
        }),
        case("raw_value_invalid", "jsonschema_is_valid", || {
            black_box(i.validator.is_valid(black_box(&i.invalid_value)));
        }),
    ]
}

/// What reading a text costs with less than `from_json_str` does, as more
/// sides of their groups, for the instruction counter only
/// (`instructions.py --floors` sets each against the group's contender).
/// On the invalid texts, before anything is checked: serde's typed parse,
/// which `from_json_str` starts with, and `serde_json` skipping the text
/// (`IgnoredAny`: no value built, no string kept); on the sparse
/// invalid text, also the typed parse and the typed checks with every
/// violation recorded, but not sorted (`ValidateIn::validate_in` into a
/// report of one's own): what the sort adds is the rest of `from_json_str`.
/// On the sparse valid text, serde's typed parse and then `validate()`:
/// the two steps `from_json_str` takes there, without its strict wrapper
/// around the parse. On both sparse texts, the walk alone (`desk_walk`):
/// `from_json_str` on the text with an unknown property written first,
/// where serde's typed parse stops at once and the walk reads the whole
/// text (reporting that property too): what reading everything without
/// serde's value costs.
#[allow(
    dead_code,
    reason = "the instruction counter's, not criterion's: criterion times the pairs"
)]
pub(crate) fn floors(i: &Inputs) -> Vec<Case<'_>> {
    let typed = |text: &str| {
        black_box(serde_json::from_str::<CreateGroupRequest>(black_box(text))).ok();
    };
    let skipped = |text: &str| {
        black_box(serde_json::from_str::<serde::de::IgnoredAny>(black_box(
            text,
        )))
        .ok();
    };
    let unsorted = |text: &str| {
        let value: CreateGroupRequest = serde_json::from_str(black_box(text)).unwrap();
        let mut report = desk_schema::Report::new();
        let ctx = desk_schema::create_group::DeskContext::default();
        value.validate_in(&ctx, &desk_schema::Path::Root, &mut report);
        black_box(report.len());
    };
    let typed_then_checked = |text: &str| {
        let value: CreateGroupRequest = serde_json::from_str(black_box(text)).unwrap();
        black_box(value.validate()).ok();
    };
    // An unknown property first: the typed parse refuses it at once.
    let walked = |text: &str, violations: usize| {
        let text = format!("{{\"_\":0,{}", &text[1..]);
        assert_eq!(
            from_json_str::<CreateGroupRequest>(&text)
                .unwrap_err()
                .len(),
            violations + 1
        );
        move || {
            black_box(from_json_str::<CreateGroupRequest>(black_box(&text))).ok();
        }
    };
    vec![
        (
            "from_json_str_sparse_valid",
            "serde_typed_then_validate",
            Box::new(move || typed_then_checked(&i.sparse_text)),
        ),
        (
            "from_json_str_sparse_valid",
            "desk_walk",
            Box::new(walked(&i.sparse_text, 0)),
        ),
        (
            "from_json_str_sparse_invalid",
            "desk_walk",
            Box::new(walked(&i.sparse_invalid_text, 150)),
        ),
        (
            "from_json_str_sparse_invalid",
            "serde_typed_checks_unsorted",
            Box::new(move || unsorted(&i.sparse_invalid_text)),
        ),
        (
            "from_json_str_sparse_invalid",
            "serde_typed",
            Box::new(move || typed(&i.sparse_invalid_text)),
        ),
        (
            "from_json_str_sparse_invalid",
            "serde_ignored_any",
            Box::new(move || skipped(&i.sparse_invalid_text)),
        ),
        (
            "from_json_str_invalid",
            "serde_typed",
            Box::new(move || typed(&i.invalid_text)),
        ),
        (
            "from_json_str_invalid",
            "serde_ignored_any",
            Box::new(move || skipped(&i.invalid_text)),
        ),
        (
            "from_json_str_invalid_shape",
            "serde_ignored_any",
            Box::new(move || skipped(&i.broken_text)),
        ),
    ]
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
