//! When do judgments agree, and what is the agreed label? Pure logic, no I/O.
//!
//! * pairwise: the same side (`a`, `b` or `tie`), the same both-bad flag, and the same
//!   strength band — *slight* (strength at most half the scale) or *strong* (above it);
//! * categorical: the same label; ordinal: the same score.
//!
//! The agreed label takes the common side/label/score, the lower median strength, and the
//! union of the cited clauses.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::taxonomy::label_schema::{LabelSchema, TypedLabel};

/// 0 for no strength (ties), 1 for slight, 2 for strong.
pub fn band(strength: Option<i64>, max: i64) -> u8 {
    match strength {
        None => 0,
        Some(s) if 2 * s > max => 2,
        Some(_) => 1,
    }
}

/// Does `label` agree with `reference` under the slice's schema?
pub fn matches(schema: &LabelSchema, label: &TypedLabel, reference: &TypedLabel) -> bool {
    match schema {
        LabelSchema::Pairwise(s) => {
            label.choice == reference.choice
                && label.both_bad == reference.both_bad
                && band(label.strength, s.max_strength) == band(reference.strength, s.max_strength)
        }
        LabelSchema::Categorical(_) => label.choice.is_some() && label.choice == reference.choice,
        LabelSchema::Ordinal(_) => label.score.is_some() && label.score == reference.score,
    }
}

/// The agreed label when every judgment agrees with the first; None otherwise.
pub fn agreed(schema: &LabelSchema, labels: &[TypedLabel]) -> Option<TypedLabel> {
    let first = labels.first()?;
    if !labels.iter().all(|l| matches(schema, l, first)) {
        return None;
    }
    let mut strengths: Vec<i64> = labels.iter().filter_map(|l| l.strength).collect();
    strengths.sort_unstable();
    let clauses: BTreeSet<String> = labels
        .iter()
        .flat_map(|l| l.cited_clauses.iter().cloned())
        .collect();
    Some(TypedLabel {
        choice: first.choice.clone(),
        strength: strengths
            .get(strengths.len().saturating_sub(1) / 2)
            .copied(),
        score: first.score,
        both_bad: first.both_bad,
        rationale: None,
        cited_clauses: clauses.into_iter().collect(),
    })
}

/// A typed label as the label JSON of its schema (without the rationale).
pub fn to_json(schema: &LabelSchema, l: &TypedLabel) -> Value {
    match schema {
        LabelSchema::Pairwise(_) => {
            let mut v = json!({ "preference": l.choice, "cited_clauses": l.cited_clauses });
            if let Some(s) = l.strength {
                v["strength"] = json!(s);
            }
            if l.both_bad {
                v["both_bad"] = json!(true);
            }
            v
        }
        LabelSchema::Categorical(_) => {
            json!({ "label": l.choice, "cited_clauses": l.cited_clauses })
        }
        LabelSchema::Ordinal(_) => json!({ "score": l.score, "cited_clauses": l.cited_clauses }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taxonomy::label_schema::PairwiseSchema;
    use proptest::prelude::*;

    fn pairwise() -> LabelSchema {
        serde_json::from_value(json!({"kind": "pairwise", "max_strength": 3})).unwrap()
    }

    fn pref(choice: &str, strength: Option<i64>) -> TypedLabel {
        TypedLabel {
            choice: Some(choice.into()),
            strength,
            score: None,
            both_bad: false,
            rationale: None,
            cited_clauses: vec![],
        }
    }

    #[test]
    fn bands_split_the_scale_at_its_midpoint() {
        assert_eq!(band(Some(1), 3), 1);
        assert_eq!(band(Some(2), 3), 2);
        assert_eq!(band(Some(3), 3), 2);
        assert_eq!(band(Some(2), 5), 1);
        assert_eq!(band(None, 3), 0);
    }

    #[test]
    fn preferences_agree_on_side_and_band() {
        let s = pairwise();
        assert!(agreed(&s, &[pref("a", Some(2)), pref("a", Some(3))]).is_some());
        assert!(agreed(&s, &[pref("a", Some(1)), pref("a", Some(3))]).is_none());
        assert!(agreed(&s, &[pref("a", Some(2)), pref("b", Some(2))]).is_none());
        assert!(agreed(&s, &[pref("tie", None), pref("tie", None)]).is_some());
        let mut bad = pref("a", Some(2));
        bad.both_bad = true;
        assert!(agreed(&s, &[pref("a", Some(2)), bad]).is_none());
    }

    #[test]
    fn the_agreed_label_takes_the_lower_median_and_all_clauses() {
        let s = pairwise();
        let mut x = pref("b", Some(3));
        x.cited_clauses = vec!["C2".into()];
        let mut y = pref("b", Some(2));
        y.cited_clauses = vec!["C1".into(), "C2".into()];
        let a = agreed(&s, &[x, y, pref("b", Some(3))]).unwrap();
        assert_eq!(a.strength, Some(3));
        assert_eq!(a.cited_clauses, ["C1", "C2"]);
        let a = agreed(&s, &[pref("b", Some(3)), pref("b", Some(2))]).unwrap();
        assert_eq!(a.strength, Some(2));
        assert_eq!(
            to_json(&s, &a),
            json!({"preference": "b", "strength": 2, "cited_clauses": []})
        );
    }

    #[test]
    fn categorical_and_ordinal_compare_the_value() {
        let c: LabelSchema =
            serde_json::from_value(json!({"kind": "categorical", "labels": ["safe", "unsafe"]}))
                .unwrap();
        let mut l = pref("safe", None);
        assert!(matches(&c, &l, &pref("safe", None)));
        assert!(!matches(&c, &l, &pref("unsafe", None)));
        let o: LabelSchema =
            serde_json::from_value(json!({"kind": "ordinal", "min": 1, "max": 5})).unwrap();
        l.choice = None;
        l.score = Some(4);
        let mut r = l.clone();
        assert!(matches(&o, &l, &r));
        r.score = Some(3);
        assert!(!matches(&o, &l, &r));
    }

    proptest! {
        #[test]
        fn agreement_does_not_depend_on_order(
            labels in proptest::collection::vec((prop_oneof![Just("a"), Just("b"), Just("tie")], 1i64..=3, any::<bool>()), 1..5)
        ) {
            let s = LabelSchema::Pairwise(PairwiseSchema {
                max_strength: 3, allow_tie: true, allow_both_bad: true,
                rationale_required: false, citations_required: false,
            });
            let typed: Vec<TypedLabel> = labels.iter().map(|(c, st, bb)| {
                let mut l = pref(c, (*c != "tie").then_some(*st));
                l.both_bad = *bb;
                l
            }).collect();
            let mut rev = typed.clone();
            rev.reverse();
            prop_assert_eq!(agreed(&s, &typed).is_some(), agreed(&s, &rev).is_some());
            prop_assert!(agreed(&s, &typed[..1]).is_some());
        }
    }
}
