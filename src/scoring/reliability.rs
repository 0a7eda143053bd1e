//! Slice reliability: how much the experts of a slice (or of one project or vendor in it) agree
//! with each other over a window of resolved items. It is the health signal of the slice and
//! its constitution (docs/adr/0005-two-kinds-of-status.md): ≥ 0.80 healthy, below 0.80 the
//! owners are warned, below 0.75 a corrective calibration session opens. It never suspends
//! anyone by itself. Pure code.

use std::collections::BTreeMap;

use serde::Serialize;
use utoipa::ToSchema;

use super::stats::{self, Level};

/// One annotator judgment on a resolved item.
#[derive(Debug, Clone)]
pub struct Judgment {
    pub item: String,
    pub expert: String,
    /// The label's class (see `profile::class_of`).
    pub class: String,
    /// Ordinal slices: the score.
    pub score: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Agreement {
    /// Resolved items in the window with at least two judgments.
    pub items: usize,
    pub judgments: usize,
    pub experts: usize,
    /// Krippendorff's alpha at the slice's measurement level; null when undefined (fewer
    /// than two pairable judgments, or one class throughout).
    pub krippendorff_alpha: Option<f64>,
    /// Fleiss' kappa over the items with the most common number of judgments (Fleiss needs
    /// the same number per item); null when undefined.
    pub fleiss_kappa: Option<f64>,
    /// Items Fleiss' kappa was computed over.
    pub fleiss_items: usize,
}

/// Alpha and Fleiss' kappa of the judgments. `ordinal`: use the scores at `level`
/// (ordinal or interval); otherwise classes are nominal codes.
pub fn agreement(judgments: &[Judgment], level: Level) -> Agreement {
    let mut by_item: BTreeMap<&str, Vec<&Judgment>> = BTreeMap::new();
    for j in judgments {
        by_item.entry(&j.item).or_default().push(j);
    }
    by_item.retain(|_, v| v.len() >= 2);
    let mut experts: Vec<&str> = by_item
        .values()
        .flatten()
        .map(|j| j.expert.as_str())
        .collect();
    experts.sort_unstable();
    experts.dedup();
    let mut classes: Vec<&str> = by_item
        .values()
        .flatten()
        .map(|j| j.class.as_str())
        .collect();
    classes.sort_unstable();
    classes.dedup();
    let code = |j: &Judgment| -> Option<f64> {
        match level {
            Level::Nominal => classes.iter().position(|c| *c == j.class).map(|p| p as f64),
            Level::Ordinal | Level::Interval => j.score.map(|s| s as f64),
        }
    };
    // Reliability data: one row per expert, one column per item.
    let column: BTreeMap<&str, usize> = by_item.keys().enumerate().map(|(i, k)| (*k, i)).collect();
    let row: BTreeMap<&str, usize> = experts.iter().enumerate().map(|(i, e)| (*e, i)).collect();
    let mut data = vec![vec![None; column.len()]; experts.len()];
    for (item, list) in &by_item {
        for j in list {
            data[row[j.expert.as_str()]][column[item]] = code(j);
        }
    }
    let alpha = stats::krippendorff_alpha(&data, level);
    // Fleiss: the most common number of judgments per item.
    let mut sizes: BTreeMap<usize, usize> = BTreeMap::new();
    for list in by_item.values() {
        *sizes.entry(list.len()).or_default() += 1;
    }
    let modal = sizes
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(k, _)| *k);
    let table: Vec<Vec<u32>> = by_item
        .values()
        .filter(|l| Some(l.len()) == modal)
        .map(|l| {
            let mut counts = vec![0u32; classes.len()];
            for j in l {
                if let Some(p) = classes.iter().position(|c| *c == j.class) {
                    counts[p] += 1;
                }
            }
            counts
        })
        .collect();
    Agreement {
        items: by_item.len(),
        judgments: by_item.values().map(Vec::len).sum(),
        experts: experts.len(),
        krippendorff_alpha: alpha,
        fleiss_kappa: stats::fleiss_kappa(&table),
        fleiss_items: table.len(),
    }
}

/// The slice's health from its alpha.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = ReliabilityHealth)]
pub enum Health {
    /// Alpha at or above the healthy threshold (0.80).
    Healthy,
    /// Below 0.80: the slice's owners are warned.
    Warning,
    /// Below 0.75: a corrective calibration session opens for the slice's active experts.
    Corrective,
    /// Too few items with overlapping judgments to say, or alpha undefined.
    InsufficientData,
}

impl Health {
    pub fn as_str(self) -> &'static str {
        match self {
            Health::Healthy => "healthy",
            Health::Warning => "warning",
            Health::Corrective => "corrective",
            Health::InsufficientData => "insufficient_data",
        }
    }
}

pub fn health(a: &Agreement, min_items: usize, healthy: f64, corrective: f64) -> Health {
    match a.krippendorff_alpha {
        Some(_) if a.items < min_items => Health::InsufficientData,
        None => Health::InsufficientData,
        Some(x) if x >= healthy => Health::Healthy,
        Some(x) if x >= corrective => Health::Warning,
        Some(_) => Health::Corrective,
    }
}

/// Five-number summary of a distribution (e.g. experts' gold-accuracy lower bounds).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Distribution {
    pub count: usize,
    pub min: Option<f64>,
    pub p25: Option<f64>,
    pub median: Option<f64>,
    pub p75: Option<f64>,
    pub max: Option<f64>,
}

/// Linear-interpolated quantiles (numpy's default), `None` for an empty list.
pub fn distribution(values: &[f64]) -> Distribution {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    v.sort_by(f64::total_cmp);
    let q = |p: f64| -> Option<f64> {
        if v.is_empty() {
            return None;
        }
        let pos = p * (v.len() - 1) as f64;
        let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
        Some(v[lo] + (v[hi] - v[lo]) * (pos - lo as f64))
    };
    Distribution {
        count: v.len(),
        min: q(0.0),
        p25: q(0.25),
        median: q(0.5),
        p75: q(0.75),
        max: q(1.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn j(item: &str, expert: &str, class: &str) -> Judgment {
        Judgment {
            item: item.into(),
            expert: expert.into(),
            class: class.into(),
            score: class.parse().ok(),
        }
    }

    #[test]
    fn perfect_agreement_is_one_and_healthy() {
        let mut list = Vec::new();
        for i in 0..30 {
            let c = ["a", "b", "tie"][i % 3];
            list.push(j(&format!("i{i}"), "x", c));
            list.push(j(&format!("i{i}"), "y", c));
        }
        let a = agreement(&list, Level::Nominal);
        assert_eq!(a.items, 30);
        assert!((a.krippendorff_alpha.unwrap() - 1.0).abs() < 1e-12);
        assert!((a.fleiss_kappa.unwrap() - 1.0).abs() < 1e-12);
        assert_eq!(health(&a, 20, 0.8, 0.75), Health::Healthy);
        assert_eq!(health(&a, 31, 0.8, 0.75), Health::InsufficientData);
    }

    #[test]
    fn matches_the_statistics_on_the_same_table() {
        // The Krippendorff 2011 nominal example, rebuilt as judgments: same alpha.
        let data = [
            [
                Some(1),
                Some(2),
                Some(3),
                Some(3),
                Some(2),
                Some(1),
                Some(4),
                Some(1),
                Some(2),
                None,
                None,
                None,
            ],
            [
                Some(1),
                Some(2),
                Some(3),
                Some(3),
                Some(2),
                Some(2),
                Some(4),
                Some(1),
                Some(2),
                Some(5),
                None,
                Some(3),
            ],
            [
                None,
                Some(3),
                Some(3),
                Some(3),
                Some(2),
                Some(3),
                Some(4),
                Some(2),
                Some(2),
                Some(5),
                Some(1),
                None,
            ],
            [
                Some(1),
                Some(2),
                Some(3),
                Some(3),
                Some(2),
                Some(4),
                Some(4),
                Some(1),
                Some(2),
                Some(5),
                Some(1),
                None,
            ],
        ];
        let mut list = Vec::new();
        for (coder, row) in data.iter().enumerate() {
            for (unit, v) in row.iter().enumerate() {
                if let Some(v) = v {
                    list.push(j(
                        &format!("u{unit:02}"),
                        &format!("c{coder}"),
                        &v.to_string(),
                    ));
                }
            }
        }
        let a = agreement(&list, Level::Nominal);
        assert!((a.krippendorff_alpha.unwrap() - 0.7434210526).abs() < 1e-9);
        // Unit 12 has one rating: not pairable, not counted.
        assert_eq!(a.items, 11);
    }

    #[test]
    fn one_class_throughout_is_undefined_not_nan() {
        let list: Vec<Judgment> = (0..25)
            .flat_map(|i| [j(&format!("i{i}"), "x", "a"), j(&format!("i{i}"), "y", "a")])
            .collect();
        let a = agreement(&list, Level::Nominal);
        assert_eq!(a.krippendorff_alpha, None);
        assert_eq!(a.fleiss_kappa, None);
        assert_eq!(health(&a, 20, 0.8, 0.75), Health::InsufficientData);
        let json = serde_json::to_string(&a).unwrap();
        assert!(json.contains("\"krippendorff_alpha\":null") && !json.contains("NaN"));
    }

    #[test]
    fn thresholds() {
        let mut a = agreement(&[], Level::Nominal);
        a.items = 50;
        for (x, h) in [
            (0.8, Health::Healthy),
            (0.79, Health::Warning),
            (0.75, Health::Warning),
            (0.7499, Health::Corrective),
        ] {
            a.krippendorff_alpha = Some(x);
            assert_eq!(health(&a, 20, 0.8, 0.75), h, "{x}");
        }
    }

    #[test]
    fn quantiles_interpolate_like_numpy() {
        let d = distribution(&[0.5, 0.9, 0.7, 0.8]);
        assert_eq!(d.count, 4);
        assert_eq!(d.min, Some(0.5));
        assert!((d.median.unwrap() - 0.75).abs() < 1e-12);
        assert!((d.p25.unwrap() - 0.65).abs() < 1e-12);
        assert_eq!(distribution(&[]).median, None);
    }
}
