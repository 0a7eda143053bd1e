//! Checking one pushed item. Pure logic, no I/O: the caller supplies the project's slices,
//! its default deadline and the clock.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

/// Why a new item waits: routing assigns experts from the queue.
pub const QUEUED_REASON: &str = "waiting in the queue for eligible experts";

use crate::error::FieldError;
use crate::ids::SliceId;

/// How much is riding on the item (routing and the lab's reports use it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum Stakes {
    Low,
    #[default]
    Medium,
    High,
    Critical,
}

impl Stakes {
    pub fn as_str(self) -> &'static str {
        match self {
            Stakes::Low => "low",
            Stakes::Medium => "medium",
            Stakes::High => "high",
            Stakes::Critical => "critical",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Stakes::Low, Stakes::Medium, Stakes::High, Stakes::Critical]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

fn default_priority() -> i32 {
    50
}

/// One pushed item.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemInput {
    /// Your id for the item, unique per project; re-sending it with the same slice, payload
    /// and stakes returns the existing item (`exists`), with a different one a `conflict`
    /// naming the differing fields.
    #[schema(example = "conv-88121-turn-4")]
    pub external_id: String,
    /// The slice; optional when the project has exactly one.
    pub slice_id: Option<SliceId>,
    /// The item as experts will see it (e.g. prompt and responses A/B), at most 64 KiB.
    #[schema(value_type = Object, example = json!({"prompt": "Is this dosage safe?", "a": "…", "b": "…"}))]
    pub payload: Value,
    /// Your AI judge's confidence in [0, 1]; experts do not see it.
    pub judge_confidence: Option<f64>,
    #[serde(default)]
    pub stakes: Stakes,
    /// When the lab needs the result; default: now + the project's default deadline.
    /// At least 5 minutes and at most 90 days ahead.
    pub deadline: Option<DateTime<Utc>>,
    /// 0 (lowest) to 100 (highest), default 50.
    #[serde(default = "default_priority")]
    pub priority: i32,
}

/// A checked item: its input, the index of its slice, and its deadline.
#[derive(Debug, Clone)]
pub struct Checked {
    pub input: ItemInput,
    pub slice: usize,
    pub deadline: DateTime<Utc>,
}

pub struct Context<'a> {
    /// The project's slice ids, in order.
    pub slices: &'a [String],
    pub default_deadline_secs: i64,
    pub now: DateTime<Utc>,
}

/// An item's priority: 0 (lowest) to 100 (highest), on create and on update.
pub fn check_priority(priority: i32, errors: &mut Vec<FieldError>) {
    if !(0..=100).contains(&priority) {
        errors.push(FieldError::new("priority", "must be from 0 to 100"));
    }
}

/// An item's deadline: at least 5 minutes and at most 90 days after `now`, on create and
/// on update.
pub fn check_deadline(deadline: DateTime<Utc>, now: DateTime<Utc>, errors: &mut Vec<FieldError>) {
    if deadline < now + Duration::minutes(5) {
        errors.push(FieldError::new(
            "deadline",
            "must be at least 5 minutes in the future",
        ));
    } else if deadline > now + Duration::days(90) {
        errors.push(FieldError::new(
            "deadline",
            "must be at most 90 days in the future",
        ));
    }
}

/// What identifies an item's content, as stored: a re-sent `external_id` must carry the
/// same, or it is a conflict.
pub struct Stored<'a> {
    pub slice_id: &'a str,
    pub payload: &'a Value,
    pub stakes: &'a str,
}

/// The fields in which a re-sent row differs from the item stored under its `external_id`
/// (`slice_id`, `payload`, `stakes`; empty: the same item, `exists`). Priority, deadline
/// and the judge's confidence may change over time and are not compared: priority and
/// deadline change through `PATCH /v1/items/{item}`. Payloads compare as JSON values, so
/// key order and whitespace do not matter.
pub fn differing_fields(stored: &Stored<'_>, slice_id: &str, row: &ItemInput) -> Vec<FieldError> {
    let mut out = Vec::new();
    if stored.slice_id != slice_id {
        out.push(FieldError::new(
            "slice_id",
            format!(
                "differs from the existing item with this external_id (slice {})",
                stored.slice_id
            ),
        ));
    }
    if stored.payload != &row.payload {
        out.push(FieldError::new(
            "payload",
            "differs from the existing item with this external_id",
        ));
    }
    if stored.stakes != row.stakes.as_str() {
        out.push(FieldError::new(
            "stakes",
            format!(
                "differs from the existing item with this external_id ({})",
                stored.stakes
            ),
        ));
    }
    out
}

/// Checks one row (as read from the body), reporting every problem at once (paths
/// relative to the row).
pub fn check(ctx: &Context<'_>, value: Result<Value, String>) -> Result<Checked, Vec<FieldError>> {
    let input: ItemInput = crate::bulk::parse_row(value)?;
    let mut errors = Vec::new();
    crate::bulk::check_external_id(&input.external_id, &mut errors);
    let slice = match &input.slice_id {
        Some(id) => ctx.slices.iter().position(|s| s == id.as_str()),
        None if ctx.slices.len() == 1 => Some(0),
        None => None,
    };
    if slice.is_none() {
        errors.push(FieldError::new(
            "slice_id",
            if input.slice_id.is_some() {
                "is not a slice of this project"
            } else {
                "is required (the project has several slices)"
            },
        ));
    }
    if !input.payload.is_object() {
        errors.push(FieldError::new("payload", "must be an object"));
    } else if input.payload.to_string().len() > 64 * 1024 {
        errors.push(FieldError::new("payload", "must be at most 64 KiB"));
    }
    if let Some(c) = input.judge_confidence
        && !(0.0..=1.0).contains(&c)
    {
        errors.push(FieldError::new(
            "judge_confidence",
            "must be between 0 and 1",
        ));
    }
    check_priority(input.priority, &mut errors);
    let deadline = input
        .deadline
        .unwrap_or(ctx.now + Duration::seconds(ctx.default_deadline_secs));
    if let Some(d) = input.deadline {
        check_deadline(d, ctx.now, &mut errors);
    }
    match slice {
        Some(slice) if errors.is_empty() => Ok(Checked {
            input,
            slice,
            deadline: crate::clock::truncate_micros(deadline),
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use serde_json::json;

    fn ctx(slices: &[String]) -> Context<'_> {
        Context {
            slices,
            default_deadline_secs: 86_400,
            now: Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap(),
        }
    }

    fn fields(r: Result<Checked, Vec<FieldError>>) -> Vec<String> {
        r.err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| e.field)
            .collect()
    }

    #[test]
    fn defaults_apply_and_the_only_slice_is_implied() {
        let slices = vec!["slc_a".to_owned()];
        let c = check(
            &ctx(&slices),
            Ok(json!({"external_id": "x", "payload": {"p": 1}})),
        )
        .unwrap();
        assert_eq!(c.slice, 0);
        assert_eq!(c.input.priority, 50);
        assert_eq!(c.input.stakes, Stakes::Medium);
        assert_eq!(
            c.deadline,
            Utc.with_ymd_and_hms(2026, 3, 3, 9, 0, 0).unwrap()
        );
    }

    #[test]
    fn every_problem_is_named() {
        let slices = vec!["slc_a".to_owned(), "slc_b".to_owned()];
        let got = fields(check(
            &ctx(&slices),
            Ok(
                json!({"external_id": " ", "payload": [1], "judge_confidence": 1.5, "priority": 101,
                "deadline": "2026-03-02T09:01:00Z"}),
            ),
        ));
        assert_eq!(
            got,
            [
                "external_id",
                "slice_id",
                "payload",
                "judge_confidence",
                "priority",
                "deadline"
            ]
        );
    }

    #[test]
    fn a_resend_differs_only_in_slice_payload_or_stakes() {
        let slices = vec!["slc_a".to_owned()];
        let c = check(
            &ctx(&slices),
            Ok(
                json!({"external_id": "x", "payload": {"p": 1, "q": [1, 2]}, "stakes": "high",
                "priority": 90, "judge_confidence": 0.2}),
            ),
        )
        .unwrap();
        let payload = json!({"q": [1, 2], "p": 1});
        let same = Stored {
            slice_id: "slc_a",
            payload: &payload,
            stakes: "high",
        };
        assert!(differing_fields(&same, "slc_a", &c.input).is_empty());
        let other = json!({"p": 2, "q": [1, 2]});
        let changed = Stored {
            slice_id: "slc_b",
            payload: &other,
            stakes: "low",
        };
        let names: Vec<String> = differing_fields(&changed, "slc_a", &c.input)
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(names, ["slice_id", "payload", "stakes"]);
    }

    #[test]
    fn unknown_fields_and_wrong_types_name_their_path() {
        let slices = vec!["slc_a".to_owned()];
        assert_eq!(
            fields(check(
                &ctx(&slices),
                Ok(json!({"external_id": "x", "payload": {}, "stake": "high"}))
            )),
            ["stake"]
        );
        assert_eq!(
            fields(check(
                &ctx(&slices),
                Ok(json!({"external_id": "x", "payload": {}, "priority": "hi"}))
            )),
            ["priority"]
        );
    }
}
