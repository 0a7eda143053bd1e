//! Dawid–Skene (1979): the true label of each item and each expert's confusion matrix,
//! estimated together by EM from overlapping judgments, with no reference answers. Cadre
//! uses it on slices with enough overlap to estimate the labels the experts' answers imply
//! and each expert's accuracy against them (shown in slice reliability).
//!
//! The procedure follows crowd-kit's `DawidSkene` step by step so that the results match
//! it (`tests/fixtures/irr_reference.json`): start from majority-vote shares; M-step sums
//! the task posteriors per (expert, observed label), clips at 1e-10 and normalises per
//! expert and true label over the labels that expert used; E-step in log2 with priors
//! clipped at 1e-10; stop when the evidence lower bound per answer gains less than `tol`.
//! Pure code.

use std::collections::BTreeMap;

const EPS: f64 = 1e-10;

/// One judgment: (item, expert, label).
pub type Answer<'a> = (&'a str, &'a str, &'a str);

#[derive(Debug, Clone, PartialEq)]
pub struct Estimate {
    /// The labels seen, sorted (the columns of `probas` and `priors`).
    pub classes: Vec<String>,
    /// Items in order of first appearance, with their label distribution and most likely
    /// label (ties go to the first class).
    pub items: Vec<ItemEstimate>,
    pub priors: Vec<f64>,
    /// Per expert: the estimated probability of answering correctly, Σ_c prior_c·e_w[c][c].
    pub accuracy: BTreeMap<String, f64>,
    pub iterations: usize,
    pub loss: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ItemEstimate {
    pub item: String,
    pub probas: Vec<f64>,
    pub label: String,
}

pub struct Params {
    pub max_iterations: usize,
    pub tol: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            max_iterations: 100,
            tol: 1e-5,
        }
    }
}

struct Indexed {
    /// (item index, (expert, label) cell index, label index) per answer.
    answers: Vec<(usize, usize, usize)>,
    items: Vec<String>,
    experts: Vec<String>,
    /// The expert of each (expert, label) cell.
    cell_expert: Vec<usize>,
    /// The label index of each cell.
    cell_label: Vec<usize>,
    classes: Vec<String>,
}

fn index(answers: &[Answer<'_>]) -> Indexed {
    let mut classes: Vec<String> = answers.iter().map(|a| a.2.to_owned()).collect();
    classes.sort();
    classes.dedup();
    let class_of: BTreeMap<&str, usize> = classes
        .iter()
        .enumerate()
        .map(|(i, c)| (c.as_str(), i))
        .collect();
    let (mut items, mut item_of) = (Vec::new(), BTreeMap::new());
    let (mut experts, mut expert_of) = (Vec::new(), BTreeMap::new());
    let (mut cell_expert, mut cell_label, mut cell_of) = (Vec::new(), Vec::new(), BTreeMap::new());
    let mut out = Vec::with_capacity(answers.len());
    for &(item, expert, label) in answers {
        let t = *item_of.entry(item).or_insert_with(|| {
            items.push(item.to_owned());
            items.len() - 1
        });
        let w = *expert_of.entry(expert).or_insert_with(|| {
            experts.push(expert.to_owned());
            experts.len() - 1
        });
        let l = class_of.get(label).copied().unwrap_or(0);
        let cell = *cell_of.entry((w, l)).or_insert_with(|| {
            cell_expert.push(w);
            cell_label.push(l);
            cell_expert.len() - 1
        });
        out.push((t, cell, l));
    }
    Indexed {
        answers: out,
        items,
        experts,
        cell_expert,
        cell_label,
        classes,
    }
}

fn m_step(ix: &Indexed, probas: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let k = ix.classes.len();
    let mut errors = vec![vec![0.0; k]; ix.cell_expert.len()];
    for &(t, cell, _) in &ix.answers {
        for c in 0..k {
            errors[cell][c] += probas[t][c];
        }
    }
    let mut totals = vec![vec![0.0; k]; ix.experts.len()];
    for (cell, row) in errors.iter_mut().enumerate() {
        for (c, v) in row.iter_mut().enumerate() {
            *v = v.max(EPS);
            totals[ix.cell_expert[cell]][c] += *v;
        }
    }
    for (cell, row) in errors.iter_mut().enumerate() {
        for (c, v) in row.iter_mut().enumerate() {
            *v /= totals[ix.cell_expert[cell]][c];
        }
    }
    errors
}

fn e_step(ix: &Indexed, priors: &mut [f64], errors: &[Vec<f64>]) -> Vec<Vec<f64>> {
    for p in priors.iter_mut() {
        *p = p.max(EPS);
    }
    let k = ix.classes.len();
    let mut ll: Vec<Vec<f64>> = vec![priors.iter().map(|p| p.log2()).collect(); ix.items.len()];
    for &(t, cell, _) in &ix.answers {
        for c in 0..k {
            ll[t][c] += errors[cell][c].log2();
        }
    }
    for row in &mut ll {
        let max = row.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        for v in row.iter_mut() {
            *v = (*v - max).exp2();
        }
        let sum: f64 = row.iter().sum();
        for v in row.iter_mut() {
            *v /= sum;
        }
    }
    ll
}

fn means(probas: &[Vec<f64>], k: usize) -> Vec<f64> {
    let mut m = vec![0.0; k];
    for row in probas {
        for (c, v) in row.iter().enumerate() {
            m[c] += v;
        }
    }
    let n = probas.len().max(1) as f64;
    m.iter().map(|v| v / n).collect()
}

/// The evidence lower bound; clips `priors` and then `probas` at 1e-10 in place, as
/// crowd-kit does (which is why its final posteriors show 1e-10 rather than 0).
fn elbo(ix: &Indexed, probas: &mut [Vec<f64>], priors: &mut [f64], errors: &[Vec<f64>]) -> f64 {
    for p in priors.iter_mut() {
        *p = p.max(EPS);
    }
    let k = ix.classes.len();
    let mut joint = 0.0;
    for &(t, cell, _) in &ix.answers {
        for c in 0..k {
            joint += probas[t][c] * (errors[cell][c].ln() + priors[c].ln());
        }
    }
    let mut entropy = 0.0;
    for row in probas.iter_mut() {
        for v in row.iter_mut() {
            *v = v.max(EPS);
            entropy -= v.ln() * *v;
        }
    }
    joint + entropy
}

/// Runs Dawid–Skene on `answers`. `None` when there are no answers.
pub fn estimate(answers: &[Answer<'_>], params: &Params) -> Option<Estimate> {
    if answers.is_empty() {
        return None;
    }
    let ix = index(answers);
    let k = ix.classes.len();
    // Majority-vote shares to start from.
    let mut probas = vec![vec![0.0; k]; ix.items.len()];
    let mut per_item = vec![0.0; ix.items.len()];
    for &(t, _, l) in &ix.answers {
        probas[t][l] += 1.0;
        per_item[t] += 1.0;
    }
    for (row, n) in probas.iter_mut().zip(&per_item) {
        for v in row.iter_mut() {
            *v /= n;
        }
    }
    let mut priors = means(&probas, k);
    let mut errors = m_step(&ix, &probas);
    let (mut loss, mut iterations, mut last) = (f64::NEG_INFINITY, 0, f64::NEG_INFINITY);
    for _ in 0..params.max_iterations {
        probas = e_step(&ix, &mut priors, &errors);
        priors = means(&probas, k);
        errors = m_step(&ix, &probas);
        let new_loss = elbo(&ix, &mut probas, &mut priors, &errors) / ix.answers.len() as f64;
        iterations += 1;
        last = new_loss;
        if new_loss - loss < params.tol {
            break;
        }
        loss = new_loss;
    }
    let items = ix
        .items
        .iter()
        .zip(&probas)
        .map(|(item, p)| {
            let best = p
                .iter()
                .enumerate()
                .fold(0, |best, (c, v)| if *v > p[best] { c } else { best });
            ItemEstimate {
                item: item.clone(),
                probas: p.clone(),
                label: ix.classes[best].clone(),
            }
        })
        .collect();
    let mut accuracy = BTreeMap::new();
    for (cell, row) in errors.iter().enumerate() {
        let l = ix.cell_label[cell];
        *accuracy
            .entry(ix.experts[ix.cell_expert[cell]].clone())
            .or_insert(0.0) += priors[l] * row[l];
    }
    Some(Estimate {
        classes: ix.classes,
        items,
        priors,
        accuracy,
        iterations,
        loss: last,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    const REFERENCE: &str = include_str!("../../tests/fixtures/irr_reference.json");

    fn case() -> Value {
        let all: Value = serde_json::from_str(REFERENCE).unwrap();
        all["cases"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["statistic"] == "dawid_skene")
            .cloned()
            .unwrap()
    }

    #[test]
    fn matches_crowd_kit_on_the_reference_case() {
        let case = case();
        let raw: Vec<(String, String, String)> = case["input"]["answers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                (
                    a[0].as_str().unwrap().to_owned(),
                    a[1].as_str().unwrap().to_owned(),
                    a[2].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        let answers: Vec<Answer<'_>> = raw
            .iter()
            .map(|(t, w, l)| (t.as_str(), w.as_str(), l.as_str()))
            .collect();
        let params = Params {
            max_iterations: case["params"]["n_iter"].as_u64().unwrap() as usize,
            tol: case["params"]["tol"].as_f64().unwrap(),
        };
        let got = estimate(&answers, &params).unwrap();
        let expected = &case["expected"];
        assert_eq!(got.items.len(), 10);
        for item in &got.items {
            assert_eq!(
                expected["labels"][&item.item].as_str().unwrap(),
                item.label,
                "label of {}",
                item.item
            );
            for (c, class) in got.classes.iter().enumerate() {
                let want = expected["probas"][&item.item][class].as_f64().unwrap();
                assert!(
                    (item.probas[c] - want).abs() < 1e-6,
                    "P({} = {class}) = {} vs {want}",
                    item.item,
                    item.probas[c]
                );
            }
        }
        for (c, class) in got.classes.iter().enumerate() {
            let want = expected["priors"][class].as_f64().unwrap();
            assert!((got.priors[c] - want).abs() < 1e-6, "prior {class}");
        }
        assert_eq!(
            got.iterations as u64,
            expected["iterations"].as_u64().unwrap()
        );
        assert!((got.loss - expected["final_loss"].as_f64().unwrap()).abs() < 1e-6);
        // The spammer who always answers `a` is the least accurate expert.
        let worst = got
            .accuracy
            .iter()
            .min_by(|a, b| a.1.total_cmp(b.1))
            .unwrap();
        assert_eq!(worst.0, "w4");
    }

    #[test]
    fn unanimous_answers_are_certain_and_nothing_is_undefined() {
        let answers = [
            ("i1", "x", "a"),
            ("i1", "y", "a"),
            ("i2", "x", "b"),
            ("i2", "y", "b"),
        ];
        let got = estimate(&answers, &Params::default()).unwrap();
        assert_eq!(got.items[0].label, "a");
        assert_eq!(got.items[1].label, "b");
        assert!(
            got.items
                .iter()
                .all(|i| i.probas.iter().all(|p| p.is_finite()))
        );
        assert!(estimate(&[], &Params::default()).is_none());
    }
}
