//! Keeping score profiles current. [`record`] runs in the transaction that appends
//! outcomes: it turns them into observations, updates the tallies, sets the routing
//! posterior (Beta over decayed gold answers, which routing's Thompson sampling reads) and
//! applies the automatic status changes of the slice-status table. [`recompute`] rebuilds
//! the tallies from the outcomes table alone and gives the same numbers.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde_json::json;

use super::profile::{self, Fact, Metric, Observation, Tally};
use super::store::{self, ScoredOutcome};
use crate::audit::Actor;
use crate::config::Settings;
use crate::db::DbConn;
use crate::error::{AppError, AppResult};
use crate::standings::rules::SliceStatus;
use crate::taxonomy::SliceRow;

fn internal(what: &str) -> AppError {
    AppError::internal(anyhow::anyhow!("scoring: {what} vanished"))
}

/// Slices by id, loaded once per call.
#[derive(Default)]
struct Slices(BTreeMap<String, SliceRow>);

impl Slices {
    fn get(&mut self, conn: &mut DbConn, id: &str) -> AppResult<&SliceRow> {
        if !self.0.contains_key(id) {
            let row = crate::taxonomy::find_slice(conn, id)?.ok_or_else(|| internal("slice"))?;
            self.0.insert(id.to_owned(), row);
        }
        self.0.get(id).ok_or_else(|| internal("slice"))
    }
}

/// Gold items by id, loaded once per call.
#[derive(Default)]
struct Golds(BTreeMap<String, crate::gold::GoldRow>);

impl Golds {
    fn get(&mut self, conn: &mut DbConn, id: &str) -> AppResult<&crate::gold::GoldRow> {
        if !self.0.contains_key(id) {
            let row = crate::gold::find_gold(conn, id)?.ok_or_else(|| internal("gold item"))?;
            self.0.insert(id.to_owned(), row);
        }
        self.0.get(id).ok_or_else(|| internal("gold item"))
    }
}

/// The lab whose standing alone a gold verdict counts in (README, "Whose gold counts
/// where"), or None when it counts in the expert's standing in the slice (or is not a
/// routed gold verdict at all).
fn lab_scope(
    conn: &mut DbConn,
    slices: &mut Slices,
    golds: &mut Golds,
    row: &ScoredOutcome,
) -> AppResult<Option<String>> {
    // Corrections are read through the verdict they correct (see `recompute`).
    if row.event != "gold_checked" || row.role.as_deref() != Some("annotator") {
        return Ok(None);
    }
    let Some(g) = row.gold_item_id.as_deref() else {
        return Ok(None);
    };
    let slice_org = slices.get(conn, &row.slice_id)?.org_id.clone();
    let gold = golds.get(conn, g)?;
    Ok(
        match crate::gold::service::counts_in(
            gold,
            slice_org.as_deref(),
            crate::clock::utc(row.occurred_at),
        ) {
            crate::gold::service::Counts::Slice => None,
            crate::gold::service::Counts::Lab(org) => Some(org),
        },
    )
}

/// A gold verdict for a lab tally: (correct, weight, graded at).
type Verdict = (bool, f64, DateTime<Utc>);

/// A change to one expert's standing with a lab: verdicts `(correct, weight, at)` (weight
/// −1 withdraws one) applied to the lab tally and, when `statuses`, the lab status the
/// tally calls for (audited under the lab when it changes).
#[allow(clippy::too_many_arguments)]
fn lab_gold(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    slices: &mut Slices,
    org: &str,
    expert: &str,
    slice: &str,
    verdicts: &[Verdict],
    statuses: bool,
) -> AppResult<()> {
    let sc = &settings.scoring;
    let h = sc.half_life_secs();
    let row = crate::standings::lock_lab_standing(conn, now, expert, slice, org)?;
    let mut ev = super::beta::Evidence {
        successes: row.successes,
        failures: row.failures,
        n: row.n,
        as_of: row.as_of.map(crate::clock::utc),
    };
    for (ok, w, at) in verdicts {
        ev.add(*at, *ok, *w, h);
    }
    let tally = crate::standings::LabTally {
        successes: ev.successes,
        failures: ev.failures,
        n: ev.n,
        as_of: ev.as_of,
    };
    if !statuses {
        return Ok(crate::standings::save_lab_standing(
            conn, &row, &tally, None, now,
        )?);
    }
    let rule = sc.status_rule();
    let decayed = ev.at(now, h);
    let (to, lb) = profile::lab_status(&decayed, &rule);
    let key = slices.get(conn, slice)?.key.clone();
    let reason = if to == "suspended" {
        format!(
            "this lab's own gold in `{key}`: the {} % lower bound of gold accuracy is {lb:.2} after {} answers (below {:.2}); its projects offer you no more items in the slice, and nothing changes elsewhere",
            (rule.level * 100.0).round(),
            ev.n,
            rule.suspend_below
        )
    } else if row.status == "suspended" {
        format!(
            "this lab's own gold in `{key}` no longer bars you: the lower bound of gold accuracy is {lb:.2}"
        )
    } else {
        row.status_reason.clone()
    };
    crate::standings::save_lab_standing(conn, &row, &tally, Some((to, &reason)), now)?;
    if to != row.status {
        crate::audit::record(
            conn,
            now,
            &Actor::system(),
            crate::audit::Entry {
                action: "standing.lab_status_changed",
                org_id: Some(org),
                subject_type: "expert",
                subject_id: Some(expert),
                details: json!({
                    "slice_id": slice, "from": row.status, "to": to, "reason": reason,
                    "lower_bound": lb, "answers": ev.n, "decayed_answers": decayed.weight(),
                }),
            },
        )?;
    }
    Ok(())
}

fn facts(
    conn: &mut DbConn,
    slices: &mut Slices,
    rows: &[ScoredOutcome],
) -> AppResult<Vec<(String, Fact)>> {
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let pairwise = slices.get(conn, &r.slice_id)?.label_kind == "pairwise";
        out.push((r.slice_id.clone(), r.fact(pairwise)));
    }
    Ok(out)
}

/// The observations a batch of outcomes written together makes: each outcome's own, plus
/// the co-annotator pairs among the resolved judgments of each item in the batch.
fn observations_of(batch: &[(String, Fact)]) -> Vec<(String, Observation)> {
    let mut out: Vec<(String, Observation)> = batch
        .iter()
        .flat_map(|(slice, f)| {
            profile::observations(f)
                .into_iter()
                .map(move |o| (slice.clone(), o))
        })
        .collect();
    let mut by_item: BTreeMap<(&str, &str), Vec<Fact>> = BTreeMap::new();
    for (slice, f) in batch {
        if f.event == "resolved"
            && let Some(item) = f.item.as_deref()
        {
            by_item.entry((slice, item)).or_default().push(f.clone());
        }
    }
    for ((slice, _), group) in by_item {
        out.extend(
            profile::co_annotators(&group)
                .into_iter()
                .map(|o| (slice.to_owned(), o)),
        );
    }
    out
}

/// Applies observations to their tallies, one locked row per (expert, slice, metric), in
/// key order so that concurrent transactions lock rows in the same order. Returns the
/// (expert, slice) pairs whose gold accuracy changed.
fn apply(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    observations: Vec<(String, Observation)>,
) -> AppResult<BTreeSet<(String, String)>> {
    let h = settings.scoring.half_life_secs();
    let mut grouped: BTreeMap<(String, String, Metric), Vec<Observation>> = BTreeMap::new();
    for (slice, o) in observations {
        grouped
            .entry((o.expert.clone(), slice, o.metric))
            .or_default()
            .push(o);
    }
    let mut gold = BTreeSet::new();
    for ((expert, slice, metric), list) in grouped {
        let row = store::lock(conn, now, &expert, &slice, metric)?;
        let mut tally = row.tally()?;
        for o in &list {
            tally.apply(o, h);
        }
        store::save(conn, &row.id, &tally, now)?;
        if metric == Metric::GoldAccuracy {
            gold.insert((expert, slice));
        }
    }
    Ok(gold)
}

/// Feeds the outcomes with these ids (just appended in the caller's transaction) into
/// the score profiles, and lets the new gold accuracy move routing and slice status.
pub fn record(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    outcome_ids: &[String],
) -> AppResult<()> {
    if outcome_ids.is_empty() {
        return Ok(());
    }
    // One primary-key lookup per outcome (a handful), in id order. Not `id = ANY($1)`:
    // PostgreSQL cached a generic plan for that statement while `outcomes` was small and
    // kept scanning the whole table with it as the history grew (found with auto_explain
    // under the backlog benchmark: the submit path slowed with every resolved item).
    let mut ids: Vec<&String> = outcome_ids.iter().collect();
    ids.sort();
    ids.dedup();
    let mut rows: Vec<ScoredOutcome> = Vec::with_capacity(ids.len());
    for id in ids {
        rows.extend(store::find_outcome(conn, id)?);
    }
    let mut slices = Slices::default();
    let mut golds = Golds::default();
    // A lab's uncertified gold in a slice it does not own counts only with that lab.
    let mut shared = Vec::with_capacity(rows.len());
    let mut with_lab: BTreeMap<(String, String, String), Vec<Verdict>> = BTreeMap::new();
    for r in rows {
        match (
            lab_scope(conn, &mut slices, &mut golds, &r)?,
            r.correct,
            &r.expert_id,
        ) {
            (Some(org), Some(ok), Some(e)) => with_lab
                .entry((e.clone(), r.slice_id.clone(), org))
                .or_default()
                .push((ok, 1.0, crate::clock::utc(r.occurred_at))),
            (Some(_), _, _) => {}
            (None, _, _) => shared.push(r),
        }
    }
    let batch = facts(conn, &mut slices, &shared)?;
    let gold = apply(conn, now, settings, observations_of(&batch))?;
    for (expert, slice) in gold {
        gold_changed(conn, now, settings, &mut slices, &expert, &slice, true)?;
    }
    for ((expert, slice, org), verdicts) in with_lab {
        lab_gold(
            conn,
            now,
            settings,
            &mut slices,
            &org,
            &expert,
            &slice,
            &verdicts,
            true,
        )?;
    }
    Ok(())
}

/// The expert's gold accuracy in the slice changed: the routing posterior follows it and,
/// when `statuses`, the slice-status table is applied to it.
fn gold_changed(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    slices: &mut Slices,
    expert: &str,
    slice: &str,
    statuses: bool,
) -> AppResult<()> {
    let sc = &settings.scoring;
    let tally = store::lock(conn, now, expert, slice, Metric::GoldAccuracy)?.tally()?;
    let gold = tally.evidence.at(now, sc.half_life_secs());
    let post = gold.posterior(sc.prior);
    crate::standings::set_posterior(conn, expert, slice, post.alpha, post.beta)?;
    if !statuses {
        return Ok(());
    }
    let current = crate::standings::service::status_in(conn, expert, slice)?;
    let rule = sc.status_rule();
    let Some(change) = profile::status_from_gold(current, &gold, &rule) else {
        return adjudicator_floor(conn, now, settings, slices, expert, slice, &gold);
    };
    let slice_row = slices.get(conn, slice)?.clone();
    let expert_row =
        crate::experts::find_expert(conn, expert)?.ok_or_else(|| internal("expert"))?;
    let reason = profile::status_reason(&slice_row.key, &change, &rule);
    crate::standings::service::apply(
        conn,
        now,
        &Actor::system(),
        &expert_row,
        &slice_row,
        crate::standings::service::Change {
            status: Some(change.to),
            tier: None,
            reason: &reason,
            details: json!({
                "metric": "gold_accuracy",
                "lower_bound": change.lower_bound,
                "credible_level": rule.level,
                "mean": change.mean,
                "answers": change.answers,
                "decayed_answers": change.decayed_answers,
                "threshold": if change.to == SliceStatus::Qualified { rule.qualify_at } else { rule.suspend_below },
                "min_answers": rule.min_gold,
            }),
            notify: true,
        },
    )?;
    adjudicator_floor(conn, now, settings, slices, expert, slice, &gold)
}

/// An adjudicator whose gold accuracy fell below `scoring.adjudicator_demote_lower_bound`
/// (with enough decayed answers to say so) goes back to `senior`.
fn adjudicator_floor(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    slices: &mut Slices,
    expert: &str,
    slice: &str,
    gold: &super::beta::Evidence,
) -> AppResult<()> {
    let sc = &settings.scoring;
    let is_adjudicator = crate::standings::find_standing(conn, expert, slice)?
        .is_some_and(|r| r.tier == crate::standings::rules::Tier::Adjudicator.as_str());
    if !is_adjudicator || gold.weight() < sc.min_gold_answers {
        return Ok(());
    }
    let bound = gold.posterior(sc.prior).lower_bound(sc.credible_level);
    if bound >= sc.adjudicator_demote_lower_bound {
        return Ok(());
    }
    let slice_row = slices.get(conn, slice)?.clone();
    let expert_row =
        crate::experts::find_expert(conn, expert)?.ok_or_else(|| internal("expert"))?;
    let reason = format!(
        "gold-accuracy lower bound {bound:.3} in {} fell below {:.2}, where adjudicators go back to senior",
        slice_row.key, sc.adjudicator_demote_lower_bound
    );
    crate::standings::service::apply(
        conn,
        now,
        &Actor::system(),
        &expert_row,
        &slice_row,
        crate::standings::service::Change {
            status: None,
            tier: Some(crate::standings::rules::Tier::Senior),
            reason: &reason,
            details: json!({
                "metric": "gold_accuracy",
                "lower_bound": bound,
                "credible_level": sc.credible_level,
                "decayed_answers": gold.weight(),
                "demote_below": sc.adjudicator_demote_lower_bound,
            }),
            notify: true,
        },
    )?;
    Ok(())
}

/// What a recompute rewrote.
#[derive(Debug, Default, serde::Serialize)]
pub struct Recomputed {
    pub outcomes: usize,
    pub tallies: usize,
}

/// Rebuilds the tallies of one expert, one slice, both or everything from the outcomes
/// table: decay from each outcome's own time, corrected gold verdicts in place of the
/// originals, co-annotator pairs from each resolved item's judgments. Also resets the
/// routing posteriors it covers. Does not change statuses (those changes happened, were
/// audited and may be appealed); use it after changing scoring settings or to verify.
pub fn recompute(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    expert: Option<&str>,
    slice: Option<&str>,
) -> AppResult<Recomputed> {
    store::clear(conn, expert, slice)?;
    crate::standings::reset_posteriors(conn, expert, slice, settings.scoring.prior)?;
    crate::standings::reset_lab_tallies(conn, expert, slice)?;
    let mut slices = Slices::default();
    let mut golds = Golds::default();
    // A gold answer's latest verdict (after an overturned gold answer) replaces the original.
    let corrected: BTreeMap<String, bool> = super::queries::corrections(conn, expert, slice)?
        .into_iter()
        .filter_map(|o| Some((o.assignment_id?, o.correct?)))
        .collect();
    let mut done_items: BTreeSet<String> = BTreeSet::new();
    let (mut outcomes, mut keys, mut gold) = (0, BTreeSet::new(), BTreeSet::new());
    let mut after: Option<String> = None;
    loop {
        let page = super::queries::outcomes_page(conn, expert, slice, after.as_deref(), 1000)?;
        let Some(last) = page.last() else {
            break;
        };
        after = Some(last.id.clone());
        outcomes += page.len();
        let mut observations = Vec::new();
        for o in &page {
            let mut row = o.clone();
            if row.event == "gold_checked"
                && let Some(c) = row.assignment_id.as_ref().and_then(|a| corrected.get(a))
            {
                row.correct = Some(*c);
            }
            if let Some(org) = lab_scope(conn, &mut slices, &mut golds, &row)? {
                if let (Some(ok), Some(e)) = (row.correct, &row.expert_id) {
                    let at = crate::clock::utc(row.occurred_at);
                    lab_gold(
                        conn,
                        now,
                        settings,
                        &mut slices,
                        &org,
                        e,
                        &row.slice_id,
                        &[(ok, 1.0, at)],
                        false,
                    )?;
                }
                continue;
            }
            // Co-annotator pairs need every judgment of the item, other experts' too.
            if row.event == "resolved"
                && let Some(item) = &row.item_id
                && done_items.insert(item.clone())
            {
                let group = super::queries::resolved_of_item(conn, item)?;
                let pairs: Vec<Fact> = facts(conn, &mut slices, &group)?
                    .into_iter()
                    .map(|(_, f)| f)
                    .collect();
                for p in profile::co_annotators(&pairs) {
                    if expert.is_none_or(|e| e == p.expert) {
                        observations.push((row.slice_id.clone(), p));
                    }
                }
            }
            let pairwise = slices.get(conn, &row.slice_id)?.label_kind == "pairwise";
            for ob in profile::observations(&row.fact(pairwise)) {
                observations.push((row.slice_id.clone(), ob));
            }
        }
        keys.extend(
            observations
                .iter()
                .map(|(s, o)| (o.expert.clone(), s.clone(), o.metric)),
        );
        gold.extend(apply(conn, now, settings, observations)?);
    }
    for (e, s) in gold {
        gold_changed(conn, now, settings, &mut slices, &e, &s, false)?;
    }
    Ok(Recomputed {
        outcomes,
        tallies: keys.len(),
    })
}

/// The tallies of one expert as of now, by slice and metric.
pub fn tallies_of(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    expert: &str,
) -> AppResult<BTreeMap<String, BTreeMap<Metric, Tally>>> {
    let h = settings.scoring.half_life_secs();
    let mut out: BTreeMap<String, BTreeMap<Metric, Tally>> = BTreeMap::new();
    for row in store::of_expert(conn, expert)? {
        if let Some(m) = row.metric() {
            let t = row.tally()?.at(now, h);
            out.entry(row.slice_id.clone()).or_default().insert(m, t);
        }
    }
    Ok(out)
}

/// Regrades every graded answer on a gold item whose answer changed (an overturned gold
/// answer): each changed verdict appends a `gold_corrected` outcome, moves the expert's
/// tally (the old observation withdrawn and the new one added at the original time, so
/// decay is as if it had been right from the start), and — for routed gold — lets the new
/// gold accuracy move routing and status. Returns how many verdicts changed.
pub fn correct_gold(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    gold: &crate::gold::GoldRow,
    label_kind: &str,
) -> AppResult<usize> {
    let reference = gold.label()?;
    let h = settings.scoring.half_life_secs();
    let mut slices = Slices::default();
    let mut changed = 0;
    let mut gold_moved = BTreeSet::new();
    for a in crate::assignments::graded_on_gold(conn, &gold.id)? {
        let (Some(old), Some(typed)) = (a.correct, a.typed_label()?) else {
            continue;
        };
        let new = crate::assessments::grading::is_correct(label_kind, &reference, &typed);
        if new == old {
            continue;
        }
        let verdicts = super::queries::gold_verdicts(conn, &a.id)?;
        let Some(first) = verdicts.first() else {
            continue;
        };
        let at = crate::clock::utc(first.occurred_at);
        crate::assignments::regrade(conn, &a.id, new, now)?;
        crate::scoring::insert_outcome(
            conn,
            now,
            &crate::scoring::NewOutcome {
                event: "gold_corrected",
                org: a.org_id.as_deref(),
                project: a.project_id.as_deref(),
                slice: &a.slice_id,
                gold_item: Some(&gold.id),
                assignment: Some(&a),
                label: a.label.as_deref().map(|j| (j, &typed)),
                reference: Some((&gold.answer, &reference)),
                correct: Some(new),
                ..Default::default()
            },
        )?;
        // The verdict is corrected in whichever standing it counted in.
        let slice_org = slices.get(conn, &a.slice_id)?.org_id.clone();
        if a.role == "annotator"
            && let crate::gold::service::Counts::Lab(org) =
                crate::gold::service::counts_in(gold, slice_org.as_deref(), at)
        {
            lab_gold(
                conn,
                now,
                settings,
                &mut slices,
                &org,
                &a.expert_id,
                &a.slice_id,
                &[(old, -1.0, at), (new, 1.0, at)],
                true,
            )?;
            changed += 1;
            continue;
        }
        let metric = if a.role == "calibration" {
            Metric::Calibration
        } else {
            Metric::GoldAccuracy
        };
        let row = store::lock(conn, now, &a.expert_id, &a.slice_id, metric)?;
        let mut tally = row.tally()?;
        for (success, weight) in [(old, -1.0), (new, 1.0)] {
            tally.apply(
                &Observation {
                    expert: a.expert_id.clone(),
                    metric,
                    success,
                    weight,
                    at,
                    pair: None,
                },
                h,
            );
        }
        store::save(conn, &row.id, &tally, now)?;
        if a.role == "calibration" {
            crate::calibration::regrade_participant(conn, &a, new)?;
        } else {
            gold_moved.insert((a.expert_id.clone(), a.slice_id.clone()));
        }
        changed += 1;
    }
    for (e, s) in gold_moved {
        gold_changed(conn, now, settings, &mut slices, &e, &s, true)?;
    }
    Ok(changed)
}
