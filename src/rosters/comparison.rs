//! Comparing vendors on shared gold: accuracy with Wilson 95 % intervals, cross-vendor
//! agreement and cost per correct label, counting only the gold items every compared
//! vendor answered. Pure code.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use utoipa::ToSchema;

/// z for a two-sided 95 % interval.
pub const Z95: f64 = 1.959_963_984_540_054;

/// Wilson score interval of `k` successes in `n` trials (None for n = 0).
pub fn wilson(k: usize, n: usize, z: f64) -> Option<(f64, f64)> {
    if n == 0 {
        return None;
    }
    let (k, n) = (k as f64, n as f64);
    let p = k / n;
    let d = 1.0 + z * z / n;
    let centre = (p + z * z / (2.0 * n)) / d;
    let half = z / d * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt();
    Some(((centre - half).max(0.0), (centre + half).min(1.0)))
}

/// One graded answer on a gold item by an expert of a vendor.
#[derive(Debug, Clone)]
pub struct GoldAnswer {
    pub vendor: String,
    pub expert: String,
    pub gold_item: String,
    /// The answer's label class (what agreement compares).
    pub class: String,
    pub correct: bool,
    /// What the lab was billed for the answer's measured time (routed gold only):
    /// (currency, minor units, fractional).
    pub billed: Option<(String, f64)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct CostPerCorrect {
    pub currency: String,
    /// Billed for the vendor's answers on the common items in this currency (minor units).
    pub billed_minor: i64,
    /// Correct answers among those billed in this currency.
    pub correct: usize,
    /// `billed_minor / correct`, rounded; null without a correct answer.
    pub per_correct_minor: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct VendorResult {
    pub vendor_id: String,
    /// The vendor's name (filled in by the caller).
    pub name: String,
    /// Experts whose answers count.
    pub experts: usize,
    /// Answers on the common items.
    pub answers: usize,
    pub correct: usize,
    pub accuracy: Option<f64>,
    /// Wilson 95 % interval of the accuracy (answers treated as independent).
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    /// Routed gold only (calibration answers are not billed to a lab).
    pub cost: Vec<CostPerCorrect>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct PairAgreement {
    pub vendor_a: String,
    pub vendor_b: String,
    /// Cross-vendor answer pairs on the same common item (one answer of each vendor).
    pub pairs: usize,
    /// Share of those pairs with the same label; null without pairs.
    pub rate: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Comparison {
    /// Gold items answered by every compared vendor: the only ones that count.
    pub common_items: usize,
    /// Gold items answered by some but not all of the vendors (left out).
    pub excluded_items: usize,
    pub vendors: Vec<VendorResult>,
    pub agreement: Vec<PairAgreement>,
}

/// Compares `vendors` (in this order) on the gold items all of them answered.
pub fn compare(answers: &[GoldAnswer], vendors: &[String]) -> Comparison {
    let mut items_of: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for a in answers {
        items_of
            .entry(a.vendor.as_str())
            .or_default()
            .insert(a.gold_item.as_str());
    }
    let all: BTreeSet<&str> = answers.iter().map(|a| a.gold_item.as_str()).collect();
    let common: BTreeSet<&str> = if vendors.is_empty() {
        BTreeSet::new()
    } else {
        all.iter()
            .copied()
            .filter(|i| {
                vendors
                    .iter()
                    .all(|v| items_of.get(v.as_str()).is_some_and(|s| s.contains(i)))
            })
            .collect()
    };
    let counted: Vec<&GoldAnswer> = answers
        .iter()
        .filter(|a| common.contains(a.gold_item.as_str()))
        .collect();
    let results = vendors
        .iter()
        .map(|v| {
            let mine: Vec<&&GoldAnswer> = counted.iter().filter(|a| a.vendor == *v).collect();
            let correct = mine.iter().filter(|a| a.correct).count();
            let experts: BTreeSet<&str> = mine.iter().map(|a| a.expert.as_str()).collect();
            let mut billed: BTreeMap<&str, (f64, usize)> = BTreeMap::new();
            for a in &mine {
                if let Some((currency, minor)) = &a.billed {
                    let e = billed.entry(currency.as_str()).or_default();
                    e.0 += minor;
                    if a.correct {
                        e.1 += 1;
                    }
                }
            }
            let ci = wilson(correct, mine.len(), Z95);
            VendorResult {
                vendor_id: v.clone(),
                name: String::new(),
                experts: experts.len(),
                answers: mine.len(),
                correct,
                accuracy: (!mine.is_empty()).then(|| correct as f64 / mine.len() as f64),
                ci_low: ci.map(|c| c.0),
                ci_high: ci.map(|c| c.1),
                cost: billed
                    .into_iter()
                    .map(|(currency, (minor, correct))| CostPerCorrect {
                        currency: currency.to_owned(),
                        billed_minor: minor.round() as i64,
                        correct,
                        per_correct_minor: (correct > 0)
                            .then(|| (minor / correct as f64).round() as i64),
                    })
                    .collect(),
            }
        })
        .collect();
    // Labels per (item, vendor), grouped once.
    let mut labels: BTreeMap<(&str, &str), Vec<&str>> = BTreeMap::new();
    for a in &counted {
        labels
            .entry((a.gold_item.as_str(), a.vendor.as_str()))
            .or_default()
            .push(a.class.as_str());
    }
    let mut agreement = Vec::new();
    for (i, a) in vendors.iter().enumerate() {
        for b in vendors.iter().skip(i + 1) {
            let (mut pairs, mut same) = (0usize, 0usize);
            for item in &common {
                let (Some(la), Some(lb)) = (
                    labels.get(&(*item, a.as_str())),
                    labels.get(&(*item, b.as_str())),
                ) else {
                    continue;
                };
                // Classes of b counted once, then each of a's labels paired with all of them.
                let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
                for y in lb {
                    *counts.entry(y).or_default() += 1;
                }
                pairs += la.len() * lb.len();
                same += la
                    .iter()
                    .map(|x| counts.get(x).copied().unwrap_or(0))
                    .sum::<usize>();
            }
            agreement.push(PairAgreement {
                vendor_a: a.clone(),
                vendor_b: b.clone(),
                pairs,
                rate: (pairs > 0).then(|| same as f64 / pairs as f64),
            });
        }
    }
    Comparison {
        common_items: common.len(),
        excluded_items: all.len() - common.len(),
        vendors: results,
        agreement,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ans(
        v: &str,
        e: &str,
        item: &str,
        class: &str,
        correct: bool,
        billed: Option<f64>,
    ) -> GoldAnswer {
        GoldAnswer {
            vendor: v.into(),
            expert: e.into(),
            gold_item: item.into(),
            class: class.into(),
            correct,
            billed: billed.map(|m| ("USD".to_owned(), m)),
        }
    }

    #[test]
    fn wilson_matches_the_textbook_values() {
        // statsmodels proportion_confint(8, 10, method="wilson").
        let (lo, hi) = wilson(8, 10, Z95).unwrap();
        assert!((lo - 0.490_162_471_5).abs() < 1e-9 && (hi - 0.943_317_848_5).abs() < 1e-9);
        let (lo, hi) = wilson(0, 4, Z95).unwrap();
        assert!(lo == 0.0 && (hi - 0.489_890_836_5).abs() < 1e-9);
        assert_eq!(wilson(0, 0, Z95), None);
    }

    #[test]
    fn only_items_every_vendor_answered_count() {
        let answers = vec![
            // g1 and g2 are common; g0 only v, g3 only w.
            ans("v", "x", "g0", "a", true, Some(500.0)),
            ans("v", "x", "g1", "a", true, Some(250.0)),
            ans("v", "y", "g1", "b", false, Some(250.0)),
            ans("v", "x", "g2", "a", true, Some(250.0)),
            ans("w", "z", "g1", "a", true, None),
            ans("w", "z", "g2", "b", false, None),
            ans("w", "z", "g3", "a", true, None),
        ];
        let c = compare(&answers, &["v".into(), "w".into()]);
        assert_eq!((c.common_items, c.excluded_items), (2, 2));
        let v = &c.vendors[0];
        assert_eq!((v.answers, v.correct, v.experts), (3, 2, 2));
        assert_eq!(
            v.cost,
            vec![CostPerCorrect {
                currency: "USD".into(),
                billed_minor: 750,
                correct: 2,
                per_correct_minor: Some(375)
            }]
        );
        let w = &c.vendors[1];
        assert_eq!((w.answers, w.correct), (2, 1));
        assert!(w.cost.is_empty());
        // Pairs on g1: (a,a) (b,a); on g2: (a,b) → 1 of 3 the same.
        assert_eq!(c.agreement[0].pairs, 3);
        assert!((c.agreement[0].rate.unwrap() - 1.0 / 3.0).abs() < 1e-12);
        // A vendor with no answers leaves nothing in common.
        let none = compare(&answers, &["v".into(), "w".into(), "u".into()]);
        assert_eq!(none.common_items, 0);
        assert_eq!(none.vendors[2].accuracy, None);
    }
}
