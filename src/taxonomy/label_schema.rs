//! What a judgment in a slice looks like, and the one validator every label goes
//! through (gold answers now, expert judgments later). Pure logic, no I/O.
//!
//! Three kinds of label:
//! * `pairwise`: preference `a` / `b` / `tie` between two responses, with a strength
//!   `1..=max_strength` for a non-tie preference and an optional `both_bad` flag;
//! * `categorical`: one of a listed set of labels;
//! * `ordinal`: an integer score in `min..=max`.
//!
//! Every label may carry a `rationale` and `cited_clauses` (constitution clause ids);
//! the schema says whether each is required.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use crate::error::FieldError;

/// The reliability statistic's measurement level for the slice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MeasurementLevel {
    Nominal,
    Ordinal,
    Interval,
}

impl MeasurementLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            MeasurementLevel::Nominal => "nominal",
            MeasurementLevel::Ordinal => "ordinal",
            MeasurementLevel::Interval => "interval",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "nominal" => Some(Self::Nominal),
            "ordinal" => Some(Self::Ordinal),
            "interval" => Some(Self::Interval),
            _ => None,
        }
    }
}

fn yes() -> bool {
    true
}

fn three() -> i64 {
    3
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairwiseSchema {
    /// Strength scale of a non-tie preference, `1..=max_strength` (1–5, default 3).
    #[serde(default = "three")]
    pub max_strength: i64,
    #[serde(default = "yes")]
    pub allow_tie: bool,
    #[serde(default = "yes")]
    pub allow_both_bad: bool,
    #[serde(default = "yes")]
    pub rationale_required: bool,
    #[serde(default)]
    pub citations_required: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoricalSchema {
    /// 2–50 distinct labels, in order (the order matters for ordinal reliability).
    pub labels: Vec<String>,
    #[serde(default = "yes")]
    pub rationale_required: bool,
    #[serde(default)]
    pub citations_required: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrdinalSchema {
    pub min: i64,
    pub max: i64,
    #[serde(default = "yes")]
    pub rationale_required: bool,
    #[serde(default)]
    pub citations_required: bool,
}

/// A slice's label schema. Its OpenAPI schema is written by hand (below): the derived one
/// combined `deny_unknown_fields` with the `kind` tag into a schema nothing satisfies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LabelSchema {
    Pairwise(PairwiseSchema),
    Categorical(CategoricalSchema),
    Ordinal(OrdinalSchema),
}

impl utoipa::PartialSchema for LabelSchema {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        let common = serde_json::json!({
            "rationale_required": {"type": "boolean", "default": true, "description": "Every label must carry a rationale."},
            "citations_required": {"type": "boolean", "default": false, "description": "Every label must cite at least one constitution clause."}
        });
        let branch = |kind: &str, description: &str, mut props: Value, required: Vec<&str>| {
            if let (Some(p), Some(c)) = (props.as_object_mut(), common.as_object()) {
                p.insert(
                    "kind".into(),
                    serde_json::json!({"type": "string", "enum": [kind]}),
                );
                p.extend(c.clone());
            }
            let mut req = vec!["kind"];
            req.extend(required);
            serde_json::json!({"type": "object", "description": description, "properties": props, "required": req, "additionalProperties": false})
        };
        let doc = serde_json::json!({
            "description": "What a judgment in the slice looks like. Labels are validated against it.",
            "oneOf": [
                branch("pairwise", "Preference a / b / tie between two responses, with a strength for a non-tie and an optional both-bad flag.",
                    serde_json::json!({
                        "max_strength": {"type": "integer", "minimum": 1, "maximum": 5, "default": 3},
                        "allow_tie": {"type": "boolean", "default": true},
                        "allow_both_bad": {"type": "boolean", "default": true}
                    }), vec![]),
                branch("categorical", "One of a listed set of labels (their order matters for ordinal reliability).",
                    serde_json::json!({"labels": {"type": "array", "items": {"type": "string", "minLength": 1, "maxLength": 100}, "minItems": 2, "maxItems": 50}}),
                    vec!["labels"]),
                branch("ordinal", "An integer score from min to max (at most 100 steps).",
                    serde_json::json!({"min": {"type": "integer"}, "max": {"type": "integer"}}), vec!["min", "max"])
            ],
            "discriminator": {"propertyName": "kind"}
        });
        serde_json::from_value(doc).unwrap_or_else(|_| {
            utoipa::openapi::RefOr::T(utoipa::openapi::schema::Schema::default())
        })
    }
}

impl utoipa::ToSchema for LabelSchema {}

/// A validated label in the typed form stored alongside its JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypedLabel {
    /// `a` / `b` / `tie` (pairwise) or the chosen label (categorical); None for ordinal.
    pub choice: Option<String>,
    /// Pairwise strength (None for ties).
    pub strength: Option<i64>,
    /// Ordinal score.
    pub score: Option<i64>,
    pub both_bad: bool,
    pub rationale: Option<String>,
    pub cited_clauses: Vec<String>,
}

impl LabelSchema {
    pub fn kind(&self) -> &'static str {
        match self {
            LabelSchema::Pairwise(_) => "pairwise",
            LabelSchema::Categorical(_) => "categorical",
            LabelSchema::Ordinal(_) => "ordinal",
        }
    }

    fn requirements(&self) -> (bool, bool) {
        match self {
            LabelSchema::Pairwise(s) => (s.rationale_required, s.citations_required),
            LabelSchema::Categorical(s) => (s.rationale_required, s.citations_required),
            LabelSchema::Ordinal(s) => (s.rationale_required, s.citations_required),
        }
    }

    /// Checks the schema itself (`field` is its JSON path, e.g. `label_schema`).
    pub fn check(&self, field: &str, level: MeasurementLevel) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut err = |f: &str, m: &str| errors.push(FieldError::new(format!("{field}.{f}"), m));
        match self {
            LabelSchema::Pairwise(s) => {
                if !(1..=5).contains(&s.max_strength) {
                    err("max_strength", "must be between 1 and 5");
                }
            }
            LabelSchema::Categorical(s) => {
                if !(2..=50).contains(&s.labels.len()) {
                    err("labels", "must list 2 to 50 labels");
                }
                let mut seen = std::collections::HashSet::new();
                for (i, l) in s.labels.iter().enumerate() {
                    let n = l.trim().chars().count();
                    if n == 0 || n > 100 || l.chars().any(char::is_control) {
                        errors.push(FieldError::new(
                            format!("{field}.labels[{i}]"),
                            "must be 1 to 100 printable characters",
                        ));
                    } else if !seen.insert(l.trim().to_lowercase()) {
                        errors.push(FieldError::new(
                            format!("{field}.labels[{i}]"),
                            "is listed twice",
                        ));
                    }
                }
                if level == MeasurementLevel::Interval {
                    errors.push(FieldError::new(
                        "measurement_level",
                        "categorical labels cannot be measured at the interval level",
                    ));
                }
            }
            LabelSchema::Ordinal(s) => {
                if s.min >= s.max {
                    err("max", "must be greater than min");
                } else if i128::from(s.max) - i128::from(s.min) > 100 {
                    err("max", "the scale may span at most 100 steps");
                }
                if level == MeasurementLevel::Nominal {
                    errors.push(FieldError::new(
                        "measurement_level",
                        "an ordinal score is measured at the ordinal or interval level",
                    ));
                }
            }
        }
        errors
    }

    /// Validates a label (`field` is its JSON path, e.g. `items[3].answer`).
    pub fn validate(&self, label: &Value, field: &str) -> Result<TypedLabel, Vec<FieldError>> {
        let mut errors = Vec::new();
        let at = |f: &str| format!("{field}.{f}");
        let Some(obj) = label.as_object() else {
            return Err(vec![FieldError::new(field, "must be an object")]);
        };
        let allowed: &[&str] = match self {
            LabelSchema::Pairwise(_) => &[
                "preference",
                "strength",
                "both_bad",
                "rationale",
                "cited_clauses",
            ],
            LabelSchema::Categorical(_) => &["label", "rationale", "cited_clauses"],
            LabelSchema::Ordinal(_) => &["score", "rationale", "cited_clauses"],
        };
        for key in obj.keys() {
            if !allowed.contains(&key.as_str()) {
                errors.push(FieldError::new(
                    at(key),
                    format!(
                        "is not part of {} {} label",
                        if self.kind() == "ordinal" { "an" } else { "a" },
                        self.kind()
                    ),
                ));
            }
        }
        let mut typed = TypedLabel {
            choice: None,
            strength: None,
            score: None,
            both_bad: false,
            rationale: None,
            cited_clauses: Vec::new(),
        };
        match self {
            LabelSchema::Pairwise(s) => {
                match obj.get("preference").and_then(Value::as_str) {
                    Some(p @ ("a" | "b")) => {
                        typed.choice = Some(p.to_owned());
                        match obj.get("strength").map(Value::as_i64) {
                            Some(Some(n)) if (1..=s.max_strength).contains(&n) => {
                                typed.strength = Some(n)
                            }
                            Some(_) => errors.push(FieldError::new(
                                at("strength"),
                                format!("must be an integer from 1 to {}", s.max_strength),
                            )),
                            None => errors.push(FieldError::new(
                                at("strength"),
                                "is required for a preference of a or b",
                            )),
                        }
                    }
                    Some("tie") if s.allow_tie => {
                        typed.choice = Some("tie".into());
                        if obj.get("strength").is_some_and(|v| !v.is_null()) {
                            errors
                                .push(FieldError::new(at("strength"), "must be omitted for a tie"));
                        }
                    }
                    Some("tie") => errors.push(FieldError::new(
                        at("preference"),
                        "ties are not allowed in this slice",
                    )),
                    _ => errors.push(FieldError::new(
                        at("preference"),
                        if s.allow_tie {
                            "must be \"a\", \"b\" or \"tie\""
                        } else {
                            "must be \"a\" or \"b\""
                        },
                    )),
                }
                match obj.get("both_bad") {
                    None | Some(Value::Null) => {}
                    Some(Value::Bool(b)) if !*b || s.allow_both_bad => typed.both_bad = *b,
                    Some(Value::Bool(_)) => errors.push(FieldError::new(
                        at("both_bad"),
                        "is not allowed in this slice",
                    )),
                    Some(_) => errors.push(FieldError::new(at("both_bad"), "must be a boolean")),
                }
            }
            LabelSchema::Categorical(s) => match obj.get("label").and_then(Value::as_str) {
                Some(l) if s.labels.iter().any(|x| x == l) => typed.choice = Some(l.to_owned()),
                _ => errors.push(FieldError::new(
                    at("label"),
                    format!("must be one of: {}", s.labels.join(", ")),
                )),
            },
            LabelSchema::Ordinal(s) => match obj.get("score").map(Value::as_i64) {
                Some(Some(n)) if (s.min..=s.max).contains(&n) => typed.score = Some(n),
                _ => errors.push(FieldError::new(
                    at("score"),
                    format!("must be an integer from {} to {}", s.min, s.max),
                )),
            },
        }
        let (rationale_required, citations_required) = self.requirements();
        match obj.get("rationale") {
            Some(Value::String(r)) if !r.trim().is_empty() && r.chars().count() <= 10_000 => {
                typed.rationale = Some(r.clone())
            }
            Some(Value::String(r)) if !r.trim().is_empty() => errors.push(FieldError::new(
                at("rationale"),
                "must be at most 10000 characters",
            )),
            None | Some(Value::Null) | Some(Value::String(_)) if rationale_required => errors.push(
                FieldError::new(at("rationale"), "is required in this slice"),
            ),
            None | Some(Value::Null) | Some(Value::String(_)) => {}
            Some(_) => errors.push(FieldError::new(at("rationale"), "must be a string")),
        }
        match obj.get("cited_clauses") {
            None | Some(Value::Null) => {}
            Some(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    match item.as_str() {
                        Some(id) if is_clause_id(id) => typed.cited_clauses.push(id.to_owned()),
                        _ => errors.push(FieldError::new(
                            format!("{field}.cited_clauses[{i}]"),
                            "must be a clause id like C1.2",
                        )),
                    }
                }
            }
            Some(_) => errors.push(FieldError::new(
                at("cited_clauses"),
                "must be a list of clause ids",
            )),
        }
        if citations_required
            && typed.cited_clauses.is_empty()
            && !errors
                .iter()
                .any(|e| e.field.starts_with(&at("cited_clauses")))
        {
            errors.push(FieldError::new(
                at("cited_clauses"),
                "must cite at least one clause in this slice",
            ));
        }
        if errors.is_empty() {
            Ok(typed)
        } else {
            Err(errors)
        }
    }
}

/// Clause ids are `C` followed by dot-separated numbers: `C1`, `C1.2`, `C3.10.1`.
pub fn is_clause_id(s: &str) -> bool {
    s.strip_prefix('C').is_some_and(|rest| {
        !rest.is_empty()
            && rest.len() <= 30
            && rest
                .split('.')
                .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn schema(v: Value) -> LabelSchema {
        serde_json::from_value(v).unwrap()
    }

    fn fields(r: Result<TypedLabel, Vec<FieldError>>) -> Vec<String> {
        r.err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| e.field)
            .collect()
    }

    #[test]
    fn schemas_deserialize_with_defaults_and_reject_unknown_fields() {
        let p = schema(json!({"kind": "pairwise"}));
        assert_eq!(
            p,
            LabelSchema::Pairwise(PairwiseSchema {
                max_strength: 3,
                allow_tie: true,
                allow_both_bad: true,
                rationale_required: true,
                citations_required: false
            })
        );
        assert!(
            serde_json::from_value::<LabelSchema>(json!({"kind": "pairwise", "alow_tie": false}))
                .is_err()
        );
        assert!(serde_json::from_value::<LabelSchema>(json!({"kind": "likert"})).is_err());
    }

    #[test]
    fn schema_checks() {
        let bad = schema(json!({"kind": "categorical", "labels": ["safe", "Safe "]}));
        assert_eq!(
            bad.check("label_schema", MeasurementLevel::Nominal)[0].field,
            "label_schema.labels[1]"
        );
        let ordinal = schema(json!({"kind": "ordinal", "min": 5, "max": 1}));
        assert_eq!(
            ordinal.check("label_schema", MeasurementLevel::Ordinal)[0].field,
            "label_schema.max"
        );
        let ordinal = schema(json!({"kind": "ordinal", "min": 1, "max": 5}));
        assert_eq!(
            ordinal.check("label_schema", MeasurementLevel::Nominal)[0].field,
            "measurement_level"
        );
        assert!(
            ordinal
                .check("label_schema", MeasurementLevel::Interval)
                .is_empty()
        );
    }

    #[test]
    fn extreme_scales_are_refused_without_overflow() {
        let s = schema(json!({"kind": "ordinal", "min": i64::MIN, "max": 0}));
        assert_eq!(
            s.check("label_schema", MeasurementLevel::Ordinal)[0].field,
            "label_schema.max"
        );
        let s = schema(json!({"kind": "ordinal", "min": 0, "max": i64::MAX}));
        assert_eq!(
            s.check("label_schema", MeasurementLevel::Ordinal)[0].field,
            "label_schema.max"
        );
    }

    #[test]
    fn pairwise_labels() {
        let s = schema(json!({"kind": "pairwise", "max_strength": 3}));
        let ok = s
            .validate(
                &json!({"preference": "a", "strength": 2, "rationale": "A cites the guideline"}),
                "answer",
            )
            .unwrap();
        assert_eq!(
            (ok.choice.as_deref(), ok.strength, ok.both_bad),
            (Some("a"), Some(2), false)
        );
        let tie = s
            .validate(
                &json!({"preference": "tie", "both_bad": true, "rationale": "both wrong"}),
                "answer",
            )
            .unwrap();
        assert_eq!(
            (tie.choice.as_deref(), tie.strength, tie.both_bad),
            (Some("tie"), None, true)
        );
        assert_eq!(
            fields(s.validate(&json!({"preference": "a", "rationale": "x"}), "answer")),
            ["answer.strength"]
        );
        assert_eq!(
            fields(s.validate(
                &json!({"preference": "a", "strength": 4, "rationale": "x"}),
                "answer"
            )),
            ["answer.strength"]
        );
        assert_eq!(
            fields(s.validate(&json!({"preference": "c", "rationale": "x"}), "answer")),
            ["answer.preference"]
        );
        assert_eq!(
            fields(s.validate(
                &json!({"preference": "tie", "strength": 1, "rationale": "x"}),
                "answer"
            )),
            ["answer.strength"]
        );
        assert_eq!(
            fields(s.validate(&json!({"preference": "b", "strength": 1}), "answer")),
            ["answer.rationale"]
        );
        let strict = schema(
            json!({"kind": "pairwise", "allow_tie": false, "allow_both_bad": false, "rationale_required": false}),
        );
        assert_eq!(
            fields(strict.validate(&json!({"preference": "tie"}), "a")),
            ["a.preference"]
        );
        assert_eq!(
            fields(strict.validate(
                &json!({"preference": "a", "strength": 1, "both_bad": true}),
                "a"
            )),
            ["a.both_bad"]
        );
    }

    #[test]
    fn categorical_and_ordinal_labels() {
        let c = schema(
            json!({"kind": "categorical", "labels": ["safe", "unsafe"], "rationale_required": false, "citations_required": true}),
        );
        let ok = c
            .validate(&json!({"label": "unsafe", "cited_clauses": ["C2.1"]}), "x")
            .unwrap();
        assert_eq!(
            (ok.choice.as_deref(), ok.cited_clauses.clone()),
            (Some("unsafe"), vec!["C2.1".to_owned()])
        );
        assert_eq!(
            fields(c.validate(&json!({"label": "maybe", "cited_clauses": ["C2"]}), "x")),
            ["x.label"]
        );
        assert_eq!(
            fields(c.validate(&json!({"label": "safe"}), "x")),
            ["x.cited_clauses"]
        );
        assert_eq!(
            fields(c.validate(&json!({"label": "safe", "cited_clauses": ["2.1"]}), "x")),
            ["x.cited_clauses[0]"]
        );
        let o = schema(json!({"kind": "ordinal", "min": 1, "max": 5, "rationale_required": false}));
        assert_eq!(
            o.validate(&json!({"score": 5}), "x").unwrap().score,
            Some(5)
        );
        assert_eq!(fields(o.validate(&json!({"score": 6}), "x")), ["x.score"]);
        assert_eq!(fields(o.validate(&json!({"score": 2.5}), "x")), ["x.score"]);
        assert_eq!(
            fields(o.validate(&json!({"score": 3, "label": "x"}), "x")),
            ["x.label"]
        );
        assert_eq!(fields(o.validate(&json!("5"), "x")), ["x"]);
    }

    #[test]
    fn clause_ids() {
        for ok in ["C1", "C1.2", "C10.3.1"] {
            assert!(is_clause_id(ok), "{ok}");
        }
        for bad in ["C", "1.2", "C1.", "C1..2", "Cx", "c1"] {
            assert!(!is_clause_id(bad), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn every_score_inside_the_scale_is_accepted_and_outside_refused(min in -50i64..50, span in 1i64..100, score in -200i64..200) {
            let s = LabelSchema::Ordinal(OrdinalSchema { min, max: min + span, rationale_required: false, citations_required: false });
            let r = s.validate(&json!({"score": score}), "x");
            prop_assert_eq!(r.is_ok(), (min..=min + span).contains(&score));
        }
    }
}
