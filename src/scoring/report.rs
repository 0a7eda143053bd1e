//! The reliability report of a slice over a window (slice-wide, one project's items, or
//! one vendor's experts): agreement, health, adjudication rate, informativeness, gold
//! accuracy and a Dawid–Skene check. Built from outcomes; the routes and the scoring sweep
//! both read it.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use super::beta::Evidence;
use super::reliability::{self, Agreement, Distribution, Health, Judgment};
use super::stats::Level;
use super::store::Window;
use crate::config::Settings;
use crate::db::DbConn;
use crate::error::AppResult;
use crate::ids::{OrgId, ProjectId, SliceId};
use crate::taxonomy::SliceRow;

/// A rate with its sample size; `rate` is null when `n` is 0.
#[derive(Debug, Serialize, ToSchema)]
pub struct Rate {
    pub n: usize,
    pub rate: Option<f64>,
}

fn rate(hits: usize, n: usize) -> Rate {
    Rate {
        n,
        rate: (n > 0).then(|| hits as f64 / n as f64),
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct GoldSummary {
    /// Gold answers in the window, pooled over the experts in scope.
    pub answers: usize,
    pub correct: usize,
    /// Posterior mean and lower bound of the pooled accuracy; null without answers.
    pub mean: Option<f64>,
    pub lower_bound: Option<f64>,
    /// The distribution of the experts' own gold-accuracy lower bounds (decayed, all time),
    /// over experts with at least one gold answer. Absent in lab reports.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expert_lower_bounds: Option<Distribution>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DawidSkeneSummary {
    /// Items the model was fitted on (two or more judgments).
    pub items: usize,
    /// Share of those items whose most likely label (from the experts' confusion matrices)
    /// equals the label Cadre resolved; null when none had a final label.
    pub agreement_with_final_labels: Option<f64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Thresholds {
    pub healthy: f64,
    pub corrective: f64,
    pub min_items: usize,
}

/// A slice's reliability over a window.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReliabilityReport {
    pub slice_id: SliceId,
    pub slice_key: String,
    /// The level alpha is computed at (`nominal` for pairwise and categorical slices).
    pub measurement_level: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<ProjectId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vendor_id: Option<OrgId>,
    pub window_days: i64,
    pub since: DateTime<Utc>,
    pub agreement: Agreement,
    pub health: Health,
    pub thresholds: Thresholds,
    /// Items resolved in the window and the share that needed an adjudicator.
    pub adjudication_rate: Rate,
    /// Pairwise slices: share of judgments with a material preference (A or B, not tie,
    /// not both bad); below about 0.6 the pairs carry little training signal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub informativeness: Option<Rate>,
    pub gold_accuracy: GoldSummary,
    /// Dawid–Skene over the window's overlapping judgments, when there are enough.
    pub dawid_skene: Option<DawidSkeneSummary>,
}

pub fn level_of(slice: &SliceRow) -> Level {
    match slice.measurement_level.as_str() {
        "ordinal" => Level::Ordinal,
        "interval" | "ratio" => Level::Interval,
        _ => Level::Nominal,
    }
}

/// Builds the report for the window (the caller has authorised it).
#[allow(clippy::too_many_arguments)]
pub fn report(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    slice: &SliceRow,
    project: Option<&str>,
    vendor: Option<&str>,
    window_days: i64,
    with_experts: bool,
) -> AppResult<ReliabilityReport> {
    let sc = &settings.scoring;
    let since = now - Duration::days(window_days);
    let w = Window {
        slice: &slice.id,
        since,
        project,
        vendor,
    };
    let resolved = super::queries::window(conn, &w, &["resolved"])?;
    let judgments: Vec<Judgment> = resolved
        .iter()
        .filter(|o| o.role.as_deref() == Some("annotator"))
        .filter_map(|o| {
            let f = o.fact(false);
            Some(Judgment {
                item: o.item_id.clone()?,
                expert: o.expert_id.clone()?,
                class: f.class?,
                score: if slice.label_kind == "pairwise" {
                    super::profile::signed_preference(
                        o.label_choice.as_deref(),
                        o.label_strength,
                        o.label_both_bad,
                    )
                } else {
                    o.label_score
                },
            })
        })
        .collect();
    let agreement = reliability::agreement(&judgments, level_of(slice));
    let health = reliability::health(
        &agreement,
        sc.reliability_min_items,
        sc.reliability_healthy,
        sc.reliability_corrective,
    );
    // Items and how they resolved.
    let mut items: BTreeMap<&str, &str> = BTreeMap::new();
    for o in &resolved {
        if let (Some(i), Some(r)) = (o.item_id.as_deref(), o.resolution.as_deref()) {
            items.insert(i, r);
        }
    }
    let adjudicated = items.values().filter(|r| **r == "adjudication").count();
    let informativeness = if slice.label_kind == "pairwise" {
        let submitted = super::queries::window(conn, &w, &["submitted"])?;
        let real: Vec<bool> = submitted
            .iter()
            .filter(|o| o.role.as_deref() == Some("annotator") && o.gold_item_id.is_none())
            .filter_map(|o| o.fact(true).material)
            .collect();
        Some(rate(real.iter().filter(|m| **m).count(), real.len()))
    } else {
        None
    };
    let gold_rows = super::queries::window(conn, &w, &["gold_checked"])?;
    let verdicts: Vec<bool> = gold_rows
        .iter()
        .filter(|o| o.role.as_deref() == Some("annotator"))
        .filter_map(|o| o.correct)
        .collect();
    let correct = verdicts.iter().filter(|c| **c).count();
    let pooled = Evidence {
        successes: correct as f64,
        failures: (verdicts.len() - correct) as f64,
        n: verdicts.len() as i64,
        as_of: None,
    }
    .posterior(sc.prior);
    let expert_lower_bounds = if with_experts {
        let bounds: Vec<f64> = super::queries::gold_tallies(conn, &slice.id, vendor)?
            .iter()
            .map(|r| r.evidence().at(now, sc.half_life_secs()))
            .filter(|e| e.n > 0)
            .map(|e| e.posterior(sc.prior).lower_bound(sc.credible_level))
            .collect();
        Some(reliability::distribution(&bounds))
    } else {
        None
    };
    let dawid_skene = (agreement.items >= sc.reliability_min_items).then(|| {
        // Fitted on the items with overlapping judgments only (as the agreement is).
        let mut per_item: BTreeMap<&str, usize> = BTreeMap::new();
        for j in &judgments {
            *per_item.entry(j.item.as_str()).or_default() += 1;
        }
        let answers: Vec<super::dawid_skene::Answer<'_>> = judgments
            .iter()
            .filter(|j| per_item[j.item.as_str()] >= 2)
            .map(|j| (j.item.as_str(), j.expert.as_str(), j.class.as_str()))
            .collect();
        let finals: BTreeMap<&str, String> = resolved
            .iter()
            .filter_map(|o| {
                let item = o.item_id.as_deref()?;
                let class = super::profile::class_of(
                    o.reference_choice.as_deref(),
                    o.reference_score,
                    o.reference_both_bad,
                )?;
                Some((item, class))
            })
            .collect();
        let est = super::dawid_skene::estimate(&answers, &super::dawid_skene::Params::default());
        let fitted: &[super::dawid_skene::ItemEstimate] =
            est.as_ref().map(|e| e.items.as_slice()).unwrap_or_default();
        let compared: Vec<bool> = fitted
            .iter()
            .filter_map(|i| finals.get(i.item.as_str()).map(|f| *f == i.label))
            .collect();
        DawidSkeneSummary {
            items: fitted.len(),
            agreement_with_final_labels: (!compared.is_empty())
                .then(|| compared.iter().filter(|x| **x).count() as f64 / compared.len() as f64),
        }
    });
    Ok(ReliabilityReport {
        slice_id: SliceId::from_db(slice.id.clone()),
        slice_key: slice.key.clone(),
        measurement_level: match level_of(slice) {
            Level::Nominal => "nominal",
            Level::Ordinal => "ordinal",
            Level::Interval => "interval",
        }
        .into(),
        project_id: project.map(|p| ProjectId::from_db(p.to_owned())),
        vendor_id: vendor.map(|v| OrgId::from_db(v.to_owned())),
        window_days,
        since,
        agreement,
        health,
        thresholds: Thresholds {
            healthy: sc.reliability_healthy,
            corrective: sc.reliability_corrective,
            min_items: sc.reliability_min_items,
        },
        adjudication_rate: rate(adjudicated, items.len()),
        informativeness,
        gold_accuracy: GoldSummary {
            answers: verdicts.len(),
            correct,
            mean: (!verdicts.is_empty()).then(|| pooled.mean()),
            lower_bound: (!verdicts.is_empty()).then(|| pooled.lower_bound(sc.credible_level)),
            expert_lower_bounds,
        },
        dawid_skene,
    })
}
