//! Agreement statistics: Cohen's kappa (unweighted, linear, quadratic), Fleiss' and
//! Randolph's kappa, and Krippendorff's alpha (nominal, ordinal, interval, with missing
//! values). Pure functions; `None` means the statistic is undefined for the data (say, no
//! expected disagreement), never NaN. Checked against scikit-learn, statsmodels and the
//! krippendorff package (`tests/fixtures/irr_reference.json`) to 1e-9.

/// How Cohen's kappa weighs a disagreement between categories `i` and `j` — by their
/// positions in the label list, as scikit-learn and statsmodels do, not by their values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weights {
    /// Every disagreement counts 1.
    None,
    /// `|i − j|`.
    Linear,
    /// `(i − j)²`.
    Quadratic,
}

fn weight(w: Weights, i: usize, j: usize) -> f64 {
    let d = i.abs_diff(j) as f64;
    match w {
        Weights::None => {
            if i == j {
                0.0
            } else {
                1.0
            }
        }
        Weights::Linear => d,
        Weights::Quadratic => d * d,
    }
}

/// Cohen's kappa of two raters who labelled the same items. Labels are positions in the
/// label list `0..categories` (the list's order is what weighted kappa measures distance
/// by). `None` when undefined: no items, mismatched lengths, a position outside the list,
/// or no expected disagreement (both raters used one and the same label throughout).
pub fn cohen_kappa(a: &[usize], b: &[usize], categories: usize, w: Weights) -> Option<f64> {
    if a.len() != b.len() || a.is_empty() || categories == 0 {
        return None;
    }
    if a.iter().chain(b).any(|&x| x >= categories) {
        return None;
    }
    let k = categories;
    let mut observed = vec![0.0; k * k];
    let mut rows = vec![0.0; k];
    let mut cols = vec![0.0; k];
    for (&x, &y) in a.iter().zip(b) {
        observed[x * k + y] += 1.0;
        rows[x] += 1.0;
        cols[y] += 1.0;
    }
    let n = a.len() as f64;
    let (mut disagreement, mut expected) = (0.0, 0.0);
    for i in 0..k {
        for j in 0..k {
            let wij = weight(w, i, j);
            disagreement += wij * observed[i * k + j];
            expected += wij * rows[i] * cols[j] / n;
        }
    }
    (expected > 0.0).then(|| 1.0 - disagreement / expected)
}

/// Fleiss' kappa from a subjects × categories table of counts (every subject rated by the
/// same number of raters, at least 2). `None` when undefined: an empty or ragged table, or
/// no expected disagreement (every rating in one category).
pub fn fleiss_kappa(table: &[Vec<u32>]) -> Option<f64> {
    multirater_kappa(table, |p| p.iter().map(|x| x * x).sum())
}

/// Randolph's free-marginal multirater kappa (chance agreement `1/categories`), from the
/// same table as [`fleiss_kappa`].
pub fn randolph_kappa(table: &[Vec<u32>]) -> Option<f64> {
    multirater_kappa(table, |p| 1.0 / p.len() as f64)
}

fn multirater_kappa(table: &[Vec<u32>], chance: impl Fn(&[f64]) -> f64) -> Option<f64> {
    let categories = table.first()?.len();
    if categories == 0 || table.iter().any(|r| r.len() != categories) {
        return None;
    }
    let raters = table[0].iter().sum::<u32>();
    if raters < 2 || table.iter().any(|r| r.iter().sum::<u32>() != raters) {
        return None;
    }
    let (subjects, n) = (table.len() as f64, f64::from(raters));
    let mut shares = vec![0.0; categories];
    let mut agreement = 0.0;
    for row in table {
        for (j, &c) in row.iter().enumerate() {
            shares[j] += f64::from(c);
        }
        let same: f64 = row.iter().map(|&c| f64::from(c) * f64::from(c)).sum();
        agreement += (same - n) / (n * (n - 1.0));
    }
    for s in &mut shares {
        *s /= subjects * n;
    }
    let p = agreement / subjects;
    let pe = chance(&shares);
    (pe < 1.0).then(|| (p - pe) / (1.0 - pe))
}

/// Krippendorff's measurement level: how far apart two values are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Nominal,
    Ordinal,
    Interval,
}

/// Krippendorff's alpha of reliability data: one row per coder, one column per unit,
/// `None` where a coder did not rate a unit. Units with fewer than two ratings are not
/// pairable and are ignored. `None` when undefined: fewer than two pairable values, or
/// no expected disagreement (one value throughout).
pub fn krippendorff_alpha(data: &[Vec<Option<f64>>], level: Level) -> Option<f64> {
    let units = data.iter().map(Vec::len).max().unwrap_or(0);
    // The distinct values, in order, and the coincidence matrix over them.
    let mut values: Vec<f64> = data
        .iter()
        .flatten()
        .flatten()
        .copied()
        .filter(|v| v.is_finite())
        .collect();
    values.sort_by(f64::total_cmp);
    values.dedup();
    let v = values.len();
    let index = |x: f64| values.binary_search_by(|p| p.total_cmp(&x)).ok();
    let mut coincidence = vec![0.0; v * v];
    for u in 0..units {
        let present: Vec<usize> = data
            .iter()
            .filter_map(|row| row.get(u).copied().flatten())
            .filter_map(index)
            .collect();
        let m = present.len();
        if m < 2 {
            continue;
        }
        for (i, &c) in present.iter().enumerate() {
            for (j, &k) in present.iter().enumerate() {
                if i != j {
                    coincidence[c * v + k] += 1.0 / (m as f64 - 1.0);
                }
            }
        }
    }
    let marginals: Vec<f64> = (0..v)
        .map(|c| (0..v).map(|k| coincidence[c * v + k]).sum())
        .collect();
    let n: f64 = marginals.iter().sum();
    if n < 2.0 {
        return None;
    }
    let distance = |c: usize, k: usize| -> f64 {
        match level {
            Level::Nominal => {
                if c == k {
                    0.0
                } else {
                    1.0
                }
            }
            Level::Interval => (values[c] - values[k]).powi(2),
            Level::Ordinal => {
                let (lo, hi) = (c.min(k), c.max(k));
                let between: f64 = marginals[lo..=hi].iter().sum();
                (between - (marginals[c] + marginals[k]) / 2.0).powi(2)
            }
        }
    };
    let (mut observed, mut expected) = (0.0, 0.0);
    for c in 0..v {
        for k in 0..v {
            let d = distance(c, k);
            observed += coincidence[c * v + k] * d;
            expected += marginals[c] * marginals[k] * d;
        }
    }
    (expected > 0.0).then(|| 1.0 - (n - 1.0) * observed / expected)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;

    const REFERENCE: &str = include_str!("../../tests/fixtures/irr_reference.json");

    fn cases(statistic: &str) -> Vec<Value> {
        let all: Value = serde_json::from_str(REFERENCE).unwrap();
        let found: Vec<Value> = all["cases"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["statistic"] == statistic)
            .cloned()
            .collect();
        assert!(!found.is_empty(), "no {statistic} cases");
        found
    }

    fn check(id: &str, got: Option<f64>, expected: &Value) {
        match expected.as_f64() {
            // The reference is rounded to 10 decimals.
            Some(e) => {
                let g = got.unwrap_or_else(|| panic!("{id}: undefined, expected {e}"));
                assert!((g - e).abs() < 1e-9, "{id}: {g} vs {e}");
            }
            None => assert_eq!(got, None, "{id}: expected undefined"),
        }
    }

    /// Labels as positions in the case's label list (or the sorted union of the values).
    fn positions(case: &Value) -> (Vec<usize>, Vec<usize>, usize) {
        let y1 = case["input"]["y1"].as_array().unwrap();
        let y2 = case["input"]["y2"].as_array().unwrap();
        let mut labels: Vec<Value> = match case["input"]["labels"].as_array() {
            Some(l) => l.clone(),
            None => {
                let mut u: Vec<Value> = y1.iter().chain(y2).cloned().collect();
                u.sort_by(|a, b| match (a.as_f64(), b.as_f64()) {
                    (Some(x), Some(y)) => x.total_cmp(&y),
                    _ => a.to_string().cmp(&b.to_string()),
                });
                u.dedup();
                u
            }
        };
        labels.dedup();
        let pos = |v: &Value| labels.iter().position(|l| l == v).unwrap();
        (
            y1.iter().map(pos).collect(),
            y2.iter().map(pos).collect(),
            labels.len(),
        )
    }

    #[test]
    fn cohen_matches_scikit_learn() {
        for case in cases("cohen_kappa") {
            let w = match case["weights"].as_str().unwrap() {
                "linear" => Weights::Linear,
                "quadratic" => Weights::Quadratic,
                _ => Weights::None,
            };
            let (a, b, k) = positions(&case);
            check(
                case["id"].as_str().unwrap(),
                cohen_kappa(&a, &b, k, w),
                &case["expected"],
            );
        }
    }

    fn table(case: &Value) -> Vec<Vec<u32>> {
        case["input"]["table"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                r.as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c.as_u64().unwrap() as u32)
                    .collect()
            })
            .collect()
    }

    #[test]
    fn fleiss_and_randolph_match_statsmodels() {
        for case in cases("fleiss_kappa") {
            check(
                case["id"].as_str().unwrap(),
                fleiss_kappa(&table(&case)),
                &case["expected"],
            );
        }
        for case in cases("randolph_kappa") {
            check(
                case["id"].as_str().unwrap(),
                randolph_kappa(&table(&case)),
                &case["expected"],
            );
        }
    }

    #[test]
    fn krippendorff_matches_the_krippendorff_package() {
        for case in cases("krippendorff_alpha") {
            let level = match case["level_of_measurement"].as_str().unwrap() {
                "ordinal" => Level::Ordinal,
                "interval" => Level::Interval,
                _ => Level::Nominal,
            };
            let data: Vec<Vec<Option<f64>>> = case["input"]["reliability_data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_array().unwrap().iter().map(Value::as_f64).collect())
                .collect();
            check(
                case["id"].as_str().unwrap(),
                krippendorff_alpha(&data, level),
                &case["expected"],
            );
        }
    }

    #[test]
    fn degenerate_inputs_are_undefined_not_nan() {
        assert_eq!(cohen_kappa(&[], &[], 2, Weights::None), None);
        assert_eq!(cohen_kappa(&[0, 1], &[0], 2, Weights::None), None);
        assert_eq!(cohen_kappa(&[0, 2], &[0, 1], 2, Weights::None), None);
        assert_eq!(fleiss_kappa(&[]), None);
        assert_eq!(fleiss_kappa(&[vec![2, 0], vec![1]]), None);
        assert_eq!(fleiss_kappa(&[vec![3, 0], vec![3, 0]]), None);
        assert_eq!(
            krippendorff_alpha(&[vec![Some(1.0), None]], Level::Nominal),
            None
        );
        assert_eq!(krippendorff_alpha(&[], Level::Interval), None);
    }

    proptest! {
        #[test]
        fn identical_raters_have_kappa_one(
            labels in proptest::collection::vec(0usize..4, 2..60),
        ) {
            let distinct = labels.iter().collect::<std::collections::HashSet<_>>().len();
            for w in [Weights::None, Weights::Linear, Weights::Quadratic] {
                let k = cohen_kappa(&labels, &labels, 4, w);
                if distinct > 1 {
                    prop_assert!((k.unwrap() - 1.0).abs() < 1e-12);
                } else {
                    prop_assert_eq!(k, None);
                }
            }
        }

        #[test]
        fn nominal_alpha_does_not_depend_on_the_label_values(
            data in proptest::collection::vec(proptest::collection::vec(proptest::option::of(0u8..4), 6), 2..5),
        ) {
            let as_f64 = |f: &dyn Fn(u8) -> f64| -> Vec<Vec<Option<f64>>> {
                data.iter().map(|r| r.iter().map(|v| v.map(f)).collect()).collect()
            };
            let plain = krippendorff_alpha(&as_f64(&|v| f64::from(v)), Level::Nominal);
            // A relabelling that changes order and spacing.
            let relabelled = krippendorff_alpha(&as_f64(&|v| [7.0, -3.0, 100.0, 0.5][v as usize]), Level::Nominal);
            match (plain, relabelled) {
                (Some(a), Some(b)) => prop_assert!((a - b).abs() < 1e-12),
                (a, b) => prop_assert_eq!(a, b),
            }
        }
    }
}
