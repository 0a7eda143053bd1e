//! Grading an assessment against gold answers. Pure logic, no I/O.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::taxonomy::label_schema::TypedLabel;

/// Does an answer match the gold answer? What must match depends on the label kind:
/// pairwise — the preferred side (`a`/`b`/`tie`) and the both-bad flag (strength is a
/// matter of degree and is not graded); categorical — the label; ordinal — the score.
pub fn is_correct(label_kind: &str, gold: &TypedLabel, answer: &TypedLabel) -> bool {
    match label_kind {
        "pairwise" => gold.choice == answer.choice && gold.both_bad == answer.both_bad,
        "categorical" => gold.choice.is_some() && gold.choice == answer.choice,
        "ordinal" => gold.score.is_some() && gold.score == answer.score,
        _ => false,
    }
}

/// One item: its gold answer and the expert's answer, if they gave one.
pub struct GradedItem<'a> {
    pub gold: &'a TypedLabel,
    pub answer: Option<&'a TypedLabel>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct MissedClause {
    #[schema(example = "C2.1")]
    pub clause: String,
    /// How many wrongly answered items the gold answer based on this clause.
    pub items: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grade {
    /// Per item, in order: was it answered correctly? (Unanswered items are wrong.)
    pub correct: Vec<bool>,
    pub correct_count: i64,
    pub total: i64,
    pub passed: bool,
    /// Clauses cited by the gold answers of the wrongly answered items, most missed first.
    pub missed_clauses: Vec<MissedClause>,
}

/// Grades the items against a pass mark in basis points (8000 = 80 %), with integer
/// arithmetic so 8 of 10 passes 0.8 exactly.
pub fn grade(label_kind: &str, items: &[GradedItem<'_>], threshold_bp: i64) -> Grade {
    let correct: Vec<bool> = items
        .iter()
        .map(|i| i.answer.is_some_and(|a| is_correct(label_kind, i.gold, a)))
        .collect();
    let correct_count = correct.iter().filter(|c| **c).count() as i64;
    let total = items.len() as i64;
    let mut missed: BTreeMap<String, i64> = BTreeMap::new();
    for (item, ok) in items.iter().zip(&correct) {
        if !ok {
            for clause in &item.gold.cited_clauses {
                *missed.entry(clause.clone()).or_default() += 1;
            }
        }
    }
    let mut missed_clauses: Vec<MissedClause> = missed
        .into_iter()
        .map(|(clause, items)| MissedClause { clause, items })
        .collect();
    missed_clauses.sort_by(|a, b| b.items.cmp(&a.items).then(a.clause.cmp(&b.clause)));
    Grade {
        correct,
        correct_count,
        total,
        passed: total > 0 && correct_count * 10_000 >= threshold_bp * total,
        missed_clauses,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn pick(choice: &str, clauses: &[&str]) -> TypedLabel {
        TypedLabel {
            choice: Some(choice.into()),
            strength: Some(2),
            score: None,
            both_bad: false,
            rationale: None,
            cited_clauses: clauses.iter().map(|c| c.to_string()).collect(),
        }
    }

    #[test]
    fn pairwise_grades_side_and_both_bad_but_not_strength() {
        let gold = pick("a", &[]);
        let mut answer = pick("a", &[]);
        answer.strength = Some(3);
        assert!(is_correct("pairwise", &gold, &answer));
        answer.both_bad = true;
        assert!(!is_correct("pairwise", &gold, &answer));
        assert!(!is_correct("pairwise", &gold, &pick("b", &[])));
    }

    #[test]
    fn ordinal_needs_the_exact_score() {
        let label = |s| TypedLabel {
            choice: None,
            strength: None,
            score: Some(s),
            both_bad: false,
            rationale: None,
            cited_clauses: vec![],
        };
        assert!(is_correct("ordinal", &label(3), &label(3)));
        assert!(!is_correct("ordinal", &label(3), &label(4)));
    }

    #[test]
    fn eight_of_ten_passes_a_0_8_mark_and_seven_does_not() {
        let gold = pick("a", &["C1"]);
        let right = pick("a", &[]);
        let wrong = pick("b", &[]);
        let items = |n_right: usize| -> Vec<GradedItem<'_>> {
            (0..10)
                .map(|i| GradedItem {
                    gold: &gold,
                    answer: Some(if i < n_right { &right } else { &wrong }),
                })
                .collect()
        };
        let g = grade("pairwise", &items(8), 8000);
        assert!(g.passed);
        assert_eq!((g.correct_count, g.total), (8, 10));
        assert!(!grade("pairwise", &items(7), 8000).passed);
    }

    #[test]
    fn missed_clauses_count_only_wrong_or_unanswered_items() {
        let g1 = pick("a", &["C1", "C2"]);
        let g2 = pick("b", &["C2"]);
        let g3 = pick("tie", &["C3"]);
        let a_right = pick("a", &[]);
        let a_wrong = pick("a", &[]);
        let items = [
            GradedItem {
                gold: &g1,
                answer: Some(&a_right),
            },
            GradedItem {
                gold: &g2,
                answer: Some(&a_wrong),
            },
            GradedItem {
                gold: &g3,
                answer: None,
            },
        ];
        let g = grade("pairwise", &items, 8000);
        assert_eq!(g.correct, vec![true, false, false]);
        assert_eq!(
            g.missed_clauses,
            vec![
                MissedClause {
                    clause: "C2".into(),
                    items: 1
                },
                MissedClause {
                    clause: "C3".into(),
                    items: 1
                },
            ]
        );
    }

    #[test]
    fn an_empty_assessment_never_passes() {
        assert!(!grade("pairwise", &[], 1).passed);
    }

    proptest! {
        #[test]
        fn passing_is_monotone_in_correct_answers(n in 1usize..40, k in 0usize..40, bp in 1i64..=10_000) {
            let k = k.min(n);
            let gold = pick("a", &[]);
            let (right, wrong) = (pick("a", &[]), pick("b", &[]));
            let mk = |k: usize| -> Vec<GradedItem<'_>> {
                (0..n).map(|i| GradedItem { gold: &gold, answer: Some(if i < k { &right } else { &wrong }) }).collect()
            };
            let g = grade("pairwise", &mk(k), bp);
            prop_assert_eq!(g.correct_count, k as i64);
            if g.passed && k < n {
                prop_assert!(grade("pairwise", &mk(k + 1), bp).passed);
            }
            prop_assert_eq!(g.passed, (k as i64) * 10_000 >= bp * n as i64);
        }
    }
}
