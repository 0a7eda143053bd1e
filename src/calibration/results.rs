//! What a calibration session shows: each participant's agreement with the reference,
//! the participants' agreement with each other (Krippendorff's alpha), and which items
//! split the group — the material for sharpening the constitution. Pure code.

use std::collections::BTreeMap;

use serde::Serialize;
use utoipa::ToSchema;

use crate::scoring::stats::{self, Level};

/// One submitted calibration answer.
#[derive(Debug, Clone)]
pub struct Answer {
    pub expert: String,
    pub gold_item: String,
    /// The label's class (`scoring::profile::class_of`).
    pub class: String,
    pub correct: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct ItemSplit {
    pub gold_item_id: String,
    /// The reference answer's class.
    pub reference: String,
    pub answers: usize,
    /// Share of answers matching the reference; null without answers.
    pub agreement_with_reference: Option<f64>,
    /// Answers per class.
    pub classes: BTreeMap<String, usize>,
    /// 1 − the largest class's share: 0 when everyone agrees, higher when the group splits.
    pub split: f64,
}

/// Items ordered by how much they split the group (most first), then by how few matched
/// the reference.
pub fn item_splits(items: &[(String, String)], answers: &[Answer]) -> Vec<ItemSplit> {
    let mut out: Vec<ItemSplit> = items
        .iter()
        .map(|(gold, reference)| {
            let mine: Vec<&Answer> = answers.iter().filter(|a| &a.gold_item == gold).collect();
            let mut classes: BTreeMap<String, usize> = BTreeMap::new();
            for a in &mine {
                *classes.entry(a.class.clone()).or_default() += 1;
            }
            let n = mine.len();
            let top = classes.values().copied().max().unwrap_or(0);
            ItemSplit {
                gold_item_id: gold.clone(),
                reference: reference.clone(),
                answers: n,
                agreement_with_reference: (n > 0)
                    .then(|| mine.iter().filter(|a| a.correct).count() as f64 / n as f64),
                classes,
                split: if n == 0 {
                    0.0
                } else {
                    1.0 - top as f64 / n as f64
                },
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.split.total_cmp(&a.split).then(
            a.agreement_with_reference
                .unwrap_or(1.0)
                .total_cmp(&b.agreement_with_reference.unwrap_or(1.0)),
        )
    });
    out
}

/// Krippendorff's alpha (nominal) of the participants over the session's items.
pub fn group_alpha(answers: &[Answer]) -> Option<f64> {
    let mut experts: Vec<&str> = answers.iter().map(|a| a.expert.as_str()).collect();
    experts.sort_unstable();
    experts.dedup();
    let mut items: Vec<&str> = answers.iter().map(|a| a.gold_item.as_str()).collect();
    items.sort_unstable();
    items.dedup();
    let mut classes: Vec<&str> = answers.iter().map(|a| a.class.as_str()).collect();
    classes.sort_unstable();
    classes.dedup();
    let mut data = vec![vec![None; items.len()]; experts.len()];
    for a in answers {
        let (Ok(r), Ok(c), Ok(v)) = (
            experts.binary_search(&a.expert.as_str()),
            items.binary_search(&a.gold_item.as_str()),
            classes.binary_search(&a.class.as_str()),
        ) else {
            continue;
        };
        data[r][c] = Some(v as f64);
    }
    stats::krippendorff_alpha(&data, Level::Nominal)
}

/// Whether a participant passed: every item answered and accuracy at the threshold.
pub fn passed(correct: i32, answered: i32, total: i32, threshold: f64) -> bool {
    total > 0 && answered >= total && f64::from(correct) / f64::from(total) >= threshold - 1e-12
}

/// The set key of a list of gold items: the same items in any order give the same key.
pub fn set_key(gold_items: &[String]) -> String {
    use sha2::{Digest, Sha256};
    let mut sorted = gold_items.to_vec();
    sorted.sort();
    sorted.dedup();
    let digest = Sha256::digest(sorted.join("\n").as_bytes());
    format!("set_{}", &hex::encode(digest)[..24])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn a(expert: &str, gold: &str, class: &str, reference: &str) -> Answer {
        Answer {
            expert: expert.into(),
            gold_item: gold.into(),
            class: class.into(),
            correct: class == reference,
        }
    }

    #[test]
    fn the_item_that_splits_the_group_comes_first() {
        let items = vec![
            ("g1".to_owned(), "a".to_owned()),
            ("g2".to_owned(), "b".to_owned()),
        ];
        let answers = vec![
            a("x", "g1", "a", "a"),
            a("y", "g1", "a", "a"),
            a("z", "g1", "a", "a"),
            a("x", "g2", "b", "b"),
            a("y", "g2", "a", "b"),
            a("z", "g2", "tie", "b"),
        ];
        let s = item_splits(&items, &answers);
        assert_eq!(s[0].gold_item_id, "g2");
        assert!((s[0].split - 2.0 / 3.0).abs() < 1e-12);
        assert!((s[0].agreement_with_reference.unwrap() - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(s[1].split, 0.0);
        assert_eq!(s[0].classes["tie"], 1);
    }

    #[test]
    fn alpha_of_a_unanimous_group_is_undefined_or_one() {
        let answers = vec![
            a("x", "g1", "a", "a"),
            a("y", "g1", "a", "a"),
            a("x", "g2", "b", "b"),
            a("y", "g2", "b", "b"),
        ];
        assert!((group_alpha(&answers).unwrap() - 1.0).abs() < 1e-12);
        let one_class = vec![a("x", "g1", "a", "a"), a("y", "g1", "a", "a")];
        assert_eq!(group_alpha(&one_class), None);
    }

    #[test]
    fn passing_needs_every_item_and_the_threshold() {
        assert!(passed(40, 50, 50, 0.8));
        assert!(!passed(39, 50, 50, 0.8));
        assert!(!passed(45, 49, 50, 0.8));
        assert!(!passed(0, 0, 0, 0.8));
    }

    proptest! {
        #[test]
        fn the_set_key_ignores_order(mut ids in proptest::collection::vec("[a-z]{4}", 1..20)) {
            let k = set_key(&ids);
            ids.reverse();
            prop_assert_eq!(set_key(&ids), k);
        }
    }
}
