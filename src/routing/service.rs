//! Routing, expert work and resolution (docs/adr/0003-routing-thompson-sampling.md,
//! docs/adr/0004-outcomes-are-the-contract.md). Every function runs
//! inside the caller's write transaction and takes the item's lock before changing it, so
//! the item, its assignments, the experts' open-assignment counters and the outcomes move
//! together or not at all.
//!
//! **Lock order.** Every transaction here takes its locks in one order: **one item** (its
//! row, [`store::lock_item`]), then **experts** rows (`experts.open_assignments`, in expert
//! id order), then **slice standings** (routing keys and samples, in expert id order),
//! then score profiles (by expert, slice, metric), and last the project's row when a
//! capped project's budget state or event flags change ([`crate::projects::budget`]).
//! No transaction locks a second item or goes back to an expert after touching
//! standings: what follows from a change (routing
//! the item an expert declined, offering waiting work to an expert whose capacity freed,
//! routing an item that went to adjudication) runs afterwards in transactions of its own
//! ([`after_end`], [`after_submit`], [`take_work`]). On PostgreSQL a deadlock or
//! serialization failure that still happens is retried by [`crate::db::Db::write`].
//!
//! **Expert pull and events.** An expert's `next` takes the best waiting item they are
//! eligible for ([`take_work`]): the same filters, overlap, vendor independence,
//! probation share and gold insertion as push routing ([`route_item`]), decided from the
//! expert's side. Freed capacity (submit, decline, expiry) offers waiting work to that
//! expert at once; the periodic [`sweep`] only repairs: it expires overdue work and offers
//! waiting items to experts who have capacity, and never reads or writes an item nobody
//! can take.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet, VecDeque};

use chrono::{DateTime, Duration, Utc};
use rand::rngs::SmallRng;
use rand::{Rng, SeedableRng};
use serde_json::{Value, json};

use super::agreement;
use super::decide::{self, Candidate, Decision, Filter};
use super::store::{self, ItemRow};
use crate::assignments::AssignmentRow;
use crate::assignments::NewAssignment;
use crate::assignments::sessions::{self, Beat};
use crate::config::Settings;
use crate::db::{CorruptData, DbConn, write_tx};
use crate::error::{AppError, AppResult, FieldError};
use crate::projects::ProjectRow;
use crate::scoring::NewOutcome;
use crate::standings::rules::{SliceStatus, Tier};
use crate::taxonomy::SliceRow;
use crate::taxonomy::label_schema::{LabelSchema, TypedLabel};
use crate::webhooks::EventType;

/// Candidates read from the table per query.
const PAGE: i64 = 128;

fn internal(what: &str) -> AppError {
    AppError::internal(anyhow::anyhow!("{what} vanished"))
}

/// What routing needs to know about an item's project and slice.
pub struct Setting {
    pub project: ProjectRow,
    pub slice: SliceRow,
    pub schema: LabelSchema,
    pub min_qualification: String,
}

pub fn setting(conn: &mut DbConn, project: &str, slice: &str) -> AppResult<Setting> {
    let project =
        crate::projects::find_project(conn, project)?.ok_or_else(|| internal("project"))?;
    let slice_row = crate::taxonomy::find_slice(conn, slice)?.ok_or_else(|| internal("slice"))?;
    let schema = crate::taxonomy::service::slice_schema(&slice_row)?;
    let min_qualification = crate::projects::project_slices(conn, &project.org_id, &project.id)?
        .into_iter()
        .find(|ps| ps.slice_id == slice_row.id)
        .map(|ps| ps.min_qualification)
        .unwrap_or_else(|| "qualified".into());
    Ok(Setting {
        project,
        slice: slice_row,
        schema,
        min_qualification,
    })
}

fn is_open(a: &AssignmentRow) -> bool {
    a.status == "offered" || a.status == "accepted"
}

/// Streams the slice's candidate table, one page at a time, in routing-key order.
struct Pages<'a, 'c> {
    conn: &'a RefCell<&'c mut DbConn>,
    error: &'a RefCell<Option<AppError>>,
    slice: String,
    after: Option<(f64, String)>,
    buffer: VecDeque<super::queries::CandidateRow>,
    exhausted: bool,
    handles: &'a RefCell<HashMap<String, String>>,
    /// Experts already read (those on shift, read before the table).
    skip: &'a HashSet<String>,
}

/// A candidate-table row as the decision sees it.
fn candidate_of(r: super::queries::CandidateRow, on_shift: bool) -> Result<Candidate, CorruptData> {
    Ok(Candidate {
        approved: r.may_work(),
        status: SliceStatus::parse(&r.status).unwrap_or(SliceStatus::None),
        tier: Tier::parse(&r.tier).unwrap_or(Tier::Annotator),
        languages: crate::db::stored_json("experts.languages", &r.languages)?,
        // Stored as [{name, current}]; current and past affiliations both count.
        affiliations: crate::db::stored_json::<Vec<Value>>(
            "experts.affiliations",
            &r.affiliations,
        )?
        .iter()
        .filter_map(|a| a.get("name").and_then(Value::as_str).map(str::to_owned))
        .collect(),
        open: i64::from(r.open_assignments),
        rate_minor: r.desired_rate_minor,
        currency: r.desired_currency,
        alpha: r.alpha,
        beta: r.beta,
        theta: r.theta,
        on_shift,
        key: r.score_bound,
        vendor_id: r.vendor_id,
        expert_id: r.expert_id,
    })
}

impl Pages<'_, '_> {
    /// Reads the next page into the buffer.
    fn fill(&mut self) {
        let page = {
            let mut conn = self.conn.borrow_mut();
            super::queries::candidates_page(&mut conn, &self.slice, self.after.as_ref(), PAGE)
        };
        match page {
            Ok(rows) => {
                self.exhausted = (rows.len() as i64) < PAGE;
                if let Some(last) = rows.last() {
                    self.after = Some((last.score_bound, last.expert_id.clone()));
                }
                self.buffer.extend(rows);
            }
            Err(e) => {
                *self.error.borrow_mut() = Some(e.into());
                self.exhausted = true;
            }
        }
    }
}

impl Iterator for Pages<'_, '_> {
    type Item = Candidate;

    fn next(&mut self) -> Option<Candidate> {
        loop {
            if self.buffer.is_empty() && !self.exhausted {
                self.fill();
            }
            let r = self.buffer.pop_front()?;
            if self.skip.contains(&r.expert_id) {
                continue;
            }
            self.handles
                .borrow_mut()
                .insert(r.expert_id.clone(), r.handle.clone());
            match candidate_of(r, false) {
                Ok(c) => return Some(c),
                Err(e) => {
                    *self.error.borrow_mut() = Some(e.into());
                    self.buffer.clear();
                    self.exhausted = true;
                    return None;
                }
            }
        }
    }
}

/// Which experts a decision wants.
struct Want {
    role: &'static str,
    wanted: usize,
    allowed: Vec<SliceStatus>,
    tier: Option<Tier>,
    probation_slots: usize,
}

/// The project's exclusions, as the filters read them.
struct Exclusions {
    vendors: HashSet<String>,
    experts: HashSet<String>,
    keywords: Vec<String>,
}

impl Exclusions {
    fn of(p: &ProjectRow) -> Result<Self, CorruptData> {
        Ok(Self {
            vendors: crate::db::stored_json::<Vec<String>>(
                "projects.excluded_vendor_ids",
                &p.excluded_vendor_ids,
            )?
            .into_iter()
            .collect(),
            experts: crate::db::stored_json::<Vec<String>>(
                "projects.excluded_expert_ids",
                &p.excluded_expert_ids,
            )?
            .into_iter()
            .collect(),
            keywords: crate::db::stored_json::<Vec<String>>(
                "projects.affiliation_keywords",
                &p.affiliation_keywords,
            )?
            .into_iter()
            .map(|k| k.to_lowercase())
            .collect(),
        })
    }
}

/// The slice statuses a project slice accepts (its minimum qualification).
fn allowed_statuses(st: &Setting) -> Vec<SliceStatus> {
    if st.min_qualification == "probation" {
        vec![SliceStatus::Probation, SliceStatus::Qualified]
    } else {
        vec![SliceStatus::Qualified]
    }
}

/// The decision's request for one item of the project slice: the hard filters' inputs.
fn request<'a>(
    settings: &Settings,
    st: &'a Setting,
    ex: &'a Exclusions,
    want: &'a Want,
    on_item: &'a HashSet<String>,
) -> decide::Request<'a> {
    decide::Request {
        wanted: want.wanted,
        allowed: &want.allowed,
        tier: want.tier,
        language: st.slice.language.as_deref(),
        excluded_vendors: &ex.vendors,
        excluded_experts: &ex.experts,
        affiliation_keywords: &ex.keywords,
        on_item,
        cap: settings.routing.max_open_assignments,
        bill_rate_minor: st.project.bill_rate_minor,
        currency: &st.project.currency,
        probation_slots: want.probation_slots,
    }
}

/// What an adjudicating item wants: one qualified adjudicator.
fn adjudicator_want() -> Want {
    Want {
        role: "adjudicator",
        wanted: 1,
        allowed: vec![SliceStatus::Qualified],
        tier: Some(Tier::Adjudicator),
        probation_slots: 0,
    }
}

/// What a queued item wants: `wanted` annotators, probation experts within the project
/// slice's probation share of its recent offers.
fn annotator_want(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    st: &Setting,
    wanted: usize,
) -> AppResult<Want> {
    let since = now - Duration::days(settings.routing.probation_window_days);
    let (total, probation) =
        crate::assignments::recent_offers(conn, &st.project.id, &st.slice.id, since)?;
    Ok(Want {
        role: "annotator",
        wanted,
        allowed: allowed_statuses(st),
        tier: None,
        probation_slots: decide::probation_slots(
            settings.routing.probation_share,
            total,
            probation,
            wanted,
        ),
    })
}

/// Annotators on the item that count towards its overlap (open or submitted).
fn active_annotators(existing: &[AssignmentRow]) -> usize {
    existing
        .iter()
        .filter(|a| a.role == "annotator" && (is_open(a) || a.status == "submitted"))
        .count()
}

/// Whether the item already has its adjudicator (open or submitted).
fn has_adjudicator(existing: &[AssignmentRow]) -> bool {
    existing
        .iter()
        .any(|a| a.role == "adjudicator" && (is_open(a) || a.status == "submitted"))
}

/// What a decision read besides the decision: the handles of the candidates, and when each
/// expert who passed the schedule filter can first work (experts on shift: now).
#[derive(Default)]
struct Read {
    handles: HashMap<String, String>,
    available_from: HashMap<String, DateTime<Utc>>,
}

/// Runs one decision: experts on shift for the project's slice first, then the candidate
/// table (lazily).
#[allow(clippy::too_many_arguments)]
fn run_decision(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    st: &Setting,
    want: &Want,
    on_item: &HashSet<String>,
    deadline: DateTime<Utc>,
    seed: u64,
) -> AppResult<(Decision, Read)> {
    let p = &st.project;
    let ex = Exclusions::of(p)?;
    let req = request(settings, st, &ex, want, on_item);
    let weights = super::keys::weights(&settings.routing);
    let on_shift_ids = crate::scheduling::service::on_shift(conn, &p.id, &st.slice.id, now)?;
    let on_shift_rows = super::queries::candidates_for(conn, &st.slice.id, &on_shift_ids)?;
    let skip: HashSet<String> = on_shift_rows.iter().map(|r| r.expert_id.clone()).collect();
    let handles = RefCell::new(
        on_shift_rows
            .iter()
            .map(|r| (r.expert_id.clone(), r.handle.clone()))
            .collect::<HashMap<_, _>>(),
    );
    let first: Vec<Candidate> = on_shift_rows
        .into_iter()
        .map(|r| candidate_of(r, true))
        .collect::<Result<_, _>>()?;
    let domain = st.slice.domain_id.clone();
    let cell = RefCell::new(conn);
    let error = RefCell::new(None);
    let mut check_error: Option<AppError> = None;
    let mut available_from: HashMap<String, DateTime<Utc>> = HashMap::new();
    let decision = {
        let pages = Pages {
            conn: &cell,
            error: &error,
            slice: st.slice.id.clone(),
            after: None,
            buffer: VecDeque::new(),
            exhausted: false,
            handles: &handles,
            skip: &skip,
        };
        // The filters that read the database: credentials, then the schedule.
        let check = |c: &Candidate| {
            let mut conn = cell.borrow_mut();
            match db_filters(
                &mut conn,
                c,
                &domain,
                &p.org_id,
                &p.id,
                &st.slice.id,
                now,
                deadline,
            ) {
                Ok(Ok(from)) => {
                    available_from.insert(c.expert_id.clone(), from);
                    None
                }
                Ok(Err(f)) => Some(f),
                Err(e) => {
                    check_error.get_or_insert(e);
                    Some(Filter::Credentials)
                }
            }
        };
        decide::decide(&req, weights, seed, first.into_iter().chain(pages), check)
    };
    if let Some(e) = error.into_inner() {
        return Err(e);
    }
    if let Some(e) = check_error {
        return Err(e);
    }
    Ok((
        decision,
        Read {
            handles: handles.into_inner(),
            available_from,
        },
    ))
}

/// The filters that read the database, for a candidate that passed the others: the
/// standing with the project's lab (`lab`), the domain's credentials (verified, unexpired
/// now), then the schedule. `Ok(Ok(t))`: the candidate passes and can first work at `t`.
#[allow(clippy::too_many_arguments)]
fn db_filters(
    conn: &mut DbConn,
    c: &Candidate,
    domain: &str,
    lab: &str,
    project: &str,
    slice: &str,
    now: DateTime<Utc>,
    deadline: DateTime<Utc>,
) -> AppResult<Result<DateTime<Utc>, Filter>> {
    // The project's lab barred the expert with its own (uncertified) gold: none of its
    // items in the slice (README, "Whose gold counts where"); other labs are unaffected.
    if crate::standings::lab_suspended(conn, &c.expert_id, slice, lab)? {
        return Ok(Err(Filter::SliceStatus));
    }
    if !crate::credentials::eligibility::eligible_for(conn, &c.expert_id, domain, now)? {
        return Ok(Err(Filter::Credentials));
    }
    if c.on_shift {
        return Ok(Ok(now));
    }
    let first = crate::scheduling::service::next_available(
        conn,
        &c.expert_id,
        project,
        slice,
        now,
        deadline,
    )?;
    Ok(first.ok_or(Filter::Schedule))
}

/// Which of `experts` capacity planning may book for the project's slice: the experts
/// routing would consider for its items (approved, a slice status the project accepts,
/// the slice's language, not excluded, no conflicting affiliation, the domain's
/// credentials valid now), each with their gold-accuracy lower bound in the slice.
pub fn plannable(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    project: &str,
    slice: &str,
    experts: &[String],
) -> AppResult<Vec<(String, f64)>> {
    let st = setting(conn, project, slice)?;
    let ex = Exclusions::of(&st.project)?;
    let allowed = allowed_statuses(&st);
    let none = HashSet::new();
    let req = decide::Request {
        wanted: 1,
        allowed: &allowed,
        tier: None,
        language: st.slice.language.as_deref(),
        excluded_vendors: &ex.vendors,
        excluded_experts: &ex.experts,
        affiliation_keywords: &ex.keywords,
        on_item: &none,
        // Load does not matter for planning hours ahead.
        cap: i64::MAX,
        bill_rate_minor: st.project.bill_rate_minor,
        currency: &st.project.currency,
        probation_slots: 0,
    };
    let mut out = Vec::new();
    for r in super::queries::candidates_for(conn, slice, experts)? {
        let c = candidate_of(r, false)?;
        if decide::failing_filter(&c, &req).is_some()
            || crate::standings::lab_suspended(conn, &c.expert_id, slice, &st.project.org_id)?
            || !crate::credentials::eligibility::eligible_for(
                conn,
                &c.expert_id,
                &st.slice.domain_id,
                now,
            )?
        {
            continue;
        }
        let level = settings.scoring.credible_level;
        let lower = crate::scoring::beta::Posterior {
            alpha: c.alpha,
            beta: c.beta,
        }
        .lower_bound(level);
        out.push((c.expert_id, lower));
    }
    Ok(out)
}

fn seed_for(settings: &Settings, item: &str, round: usize) -> u64 {
    let base = settings.routing.seed.unwrap_or_else(rand::random);
    base ^ decide::fnv1a(item) ^ (round as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

fn filter_phrase(f: Filter) -> &'static str {
    match f {
        Filter::NotApproved => "not approved (vetting, or their vendor is not approved)",
        Filter::SliceStatus => "slice status not accepted by the project",
        Filter::Tier => "not an adjudicator",
        Filter::Language => "not speaking the slice's language",
        Filter::ExcludedVendor => "vendor excluded by the project",
        Filter::ExcludedExpert => "excluded by the project",
        Filter::Affiliation => "conflicting affiliation",
        Filter::AlreadyOnItem => "already on the item",
        Filter::AtCapacity => "at capacity",
        Filter::Credentials => "missing required credentials",
        Filter::Schedule => "not available before the deadline",
    }
}

fn removed_summary(d: &Decision) -> String {
    if d.removed.is_empty() {
        return format!("{} candidates in the slice", d.scanned);
    }
    let parts: Vec<String> = d
        .removed
        .iter()
        .map(|(f, n)| format!("{n} {}", filter_phrase(*f)))
        .collect();
    format!("of {} candidates: {}", d.scanned, parts.join(", "))
}

/// The time an assignment offered now is due: the assignment time from when the expert
/// can first work on it (now, or the start of their next available time), never past the
/// item's deadline unless the deadline is (nearly) gone.
fn due_at(
    settings: &Settings,
    item: &ItemRow,
    now: DateTime<Utc>,
    available_from: DateTime<Utc>,
) -> DateTime<Utc> {
    let by_time = now.max(available_from) + Duration::minutes(settings.routing.assignment_minutes);
    let deadline = crate::clock::utc(item.deadline_at);
    if deadline > now + Duration::minutes(5) {
        by_time.min(deadline)
    } else {
        by_time
    }
}

/// Routes a locked item: offers it to as many annotators as it still needs, or to an
/// adjudicator while it is adjudicating. Items that cannot be filled wait with the reason.
fn route_locked(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    item: &ItemRow,
) -> AppResult<usize> {
    let st = setting(conn, &item.project_id, &item.slice_id)?;
    let adjudicating = match item.status.as_str() {
        "queued" | "assigned" => false,
        "adjudicating" => true,
        _ => return Ok(0),
    };
    if st.project.status != "active" {
        store::set_status(
            conn,
            &item.id,
            &item.status,
            &format!(
                "the project is {}; routing resumes when it is active",
                st.project.status
            ),
            now,
        )?;
        return Ok(0);
    }
    let existing = crate::assignments::of_item(conn, &item.id)?;
    let mut on_item: HashSet<String> = existing.iter().map(|a| a.expert_id.clone()).collect();
    let want = if adjudicating {
        if has_adjudicator(&existing) {
            return Ok(0);
        }
        adjudicator_want()
    } else {
        let active = active_annotators(&existing);
        let wanted = (st.project.overlap.max(1) as usize).saturating_sub(active);
        if wanted == 0 {
            if item.status != "assigned" {
                store::set_status(
                    conn,
                    &item.id,
                    "assigned",
                    &format!("offered to {active} experts"),
                    now,
                )?;
            }
            return Ok(0);
        }
        annotator_want(conn, now, settings, &st, wanted)?
    };
    // The project's budget (README "Budget"): no new offer once its projected spend
    // reached the cap, and only as many as fit below it (the last may cross it by one
    // offer's expected bill). Projects without a cap read nothing here.
    let full = want.wanted;
    let mut want = want;
    if st.project.budget_cap_minor.is_some() {
        let spend = crate::projects::budget::measure(conn, settings, &st.project)?;
        want.wanted = crate::projects::budget::offers_allowed(
            spend.projected_minor,
            spend.cap_minor,
            spend.per_offer_minor,
            full,
        );
        if want.wanted == 0 {
            let status = if adjudicating {
                "adjudicating"
            } else {
                "queued"
            };
            let reason = crate::projects::budget::waiting_reason(&spend);
            store::set_status(conn, &item.id, status, &reason, now)?;
            crate::projects::budget::refresh_row(conn, now, settings, &st.project)?;
            return Ok(0);
        }
    }
    let mut placed: Vec<decide::Scored> = Vec::new();
    let mut gold_to: Vec<String> = Vec::new();
    let gold_p = gold_share(&st, want.role);
    let mut last = Decision::default();
    let mut read = Read::default();
    // A candidate can fill up concurrently between the decision and its reservation;
    // such a candidate is skipped and the decision re-run without them.
    for round in 0..3 {
        let probation_placed = placed
            .iter()
            .filter(|s| s.candidate.status == SliceStatus::Probation)
            .count();
        let need = Want {
            wanted: want.wanted - placed.len(),
            allowed: want.allowed.clone(),
            probation_slots: want.probation_slots.saturating_sub(probation_placed),
            ..want
        };
        let seed = seed_for(settings, &item.id, existing.len() + round);
        let deadline = crate::clock::utc(item.deadline_at);
        let (mut d, r) = run_decision(conn, now, settings, &st, &need, &on_item, deadline, seed)?;
        read.handles.extend(r.handles);
        read.available_from.extend(r.available_from);
        let mut chosen = std::mem::take(&mut d.chosen);
        // Reserve in id order so concurrent transactions lock experts in one order.
        chosen.sort_by(|a, b| a.candidate.expert_id.cmp(&b.candidate.expert_id));
        let mut lost = false;
        for s in chosen {
            on_item.insert(s.candidate.expert_id.clone());
            if !super::keys::reserve(conn, &s.candidate.expert_id, &settings.routing)? {
                lost = true;
                continue;
            }
            // The expert's slot may go to gold instead (an offer of its own, see
            // [`gold_instead`]); the item is then decided again without them.
            let from = read
                .available_from
                .get(&s.candidate.expert_id)
                .copied()
                .unwrap_or(now);
            let due = due_at(settings, item, now, from);
            let salt = existing.len() + round;
            if gold_instead(
                conn,
                now,
                settings,
                item,
                &st,
                &s.candidate,
                due,
                gold_p,
                salt,
            )?
            .is_some()
            {
                gold_to.push(s.candidate.expert_id.clone());
                lost = true;
            } else {
                placed.push(s);
            }
        }
        last = d;
        if !lost || placed.len() == want.wanted {
            break;
        }
    }
    let drawn = std::mem::take(&mut last.drawn);
    placed.sort_by(|a, b| b.terms.score.total_cmp(&a.terms.score));
    let mut chosen_json = Vec::new();
    for s in &placed {
        let c = &s.candidate;
        let from = read
            .available_from
            .get(&c.expert_id)
            .copied()
            .unwrap_or(now);
        let due = due_at(settings, item, now, from);
        offer_item(conn, now, settings, item, &st.slice.id, want.role, c, due)?;
        chosen_json.push(json!({
            "expert": read.handles.get(&c.expert_id).cloned().unwrap_or_default(),
            "vendor_id": c.vendor_id,
            "slice_status": c.status.as_str(),
            "tier": c.tier.as_str(),
            "on_shift": c.on_shift,
            // When the expert can first work on it (their schedule); the offer is due
            // `routing.assignment_minutes` after that.
            "available_from": from,
            "terms": s.terms,
        }));
    }
    // Standings last (the lock order): the decision's new samples (first draws, and fresh
    // ones for every compared candidate) and the routing keys of the experts whose load
    // changed, in expert-id order.
    let mut touched: std::collections::BTreeMap<&str, Option<f64>> = placed
        .iter()
        .map(|s| (s.candidate.expert_id.as_str(), None))
        .collect();
    for expert in &gold_to {
        touched.insert(expert.as_str(), None);
    }
    for (expert, theta) in &drawn {
        touched.insert(expert.as_str(), Some(*theta));
    }
    let placed_ids: HashSet<&str> = placed
        .iter()
        .map(|s| s.candidate.expert_id.as_str())
        .chain(gold_to.iter().map(String::as_str))
        .collect();
    let ids: Vec<&str> = touched.keys().copied().collect();
    let opens = super::keys::opens_of(conn, &ids)?;
    for (expert, theta) in touched {
        let open = opens.get(expert).copied().unwrap_or(0);
        if placed_ids.contains(expert) {
            super::keys::refresh_keys_at(conn, expert, open, &settings.routing)?;
        }
        if let Some(theta) = theta {
            super::keys::set_theta_at(
                conn,
                expert,
                &st.slice.id,
                theta,
                open,
                now,
                &settings.routing,
            )?;
        }
    }
    let missing = full - placed.len();
    // Offers change a capped project's projection: its state and budget events follow in
    // this transaction (the project's row is its last lock).
    let spend = if placed.is_empty() && gold_to.is_empty() {
        None
    } else {
        crate::projects::budget::refresh_row(conn, now, settings, &st.project)?
    };
    let budget_limited = want.wanted < full && missing > 0;
    let mut note = removed_summary(&last);
    if last.probation_over_share > 0 {
        note.push_str(&format!(
            "; {} probation expert(s) beyond the probation share (no qualified expert was eligible)",
            last.probation_over_share
        ));
    }
    // A retry that changes nothing (still no one eligible, for the same reasons) is not
    // recorded again, so an item waiting for days does not pile up identical decisions.
    let unchanged = placed.is_empty()
        && store::last_decision(conn, &item.org_id, &item.id)?
            .is_some_and(|d| d.chosen == "[]" && d.note == note && d.role == want.role);
    if !unchanged {
        store::insert_decision(
            conn,
            now,
            &store::NewDecision {
                item: &item.id,
                org: &item.org_id,
                role: want.role,
                wanted: want.wanted as i32,
                chosen: &Value::Array(chosen_json).to_string(),
                removed: &serde_json::to_string(&last.removed).unwrap_or_else(|_| "{}".into()),
                scanned: last.scanned as i32,
                sampled: last.sampled as i32,
                note: &note,
            },
        )?;
    }
    let (status, reason) = match (adjudicating, missing) {
        (false, n) if budget_limited => (
            "queued",
            match &spend {
                Some(s) => crate::projects::budget::waiting_reason(s),
                None => format!("waiting for {n} more eligible expert(s)"),
            },
        ),
        (false, 0) => (
            "assigned",
            format!("offered to {} experts", st.project.overlap),
        ),
        (false, n) => (
            "queued",
            format!("waiting for {n} more eligible expert(s); {note}"),
        ),
        (true, 0) => (
            "adjudicating",
            "the judgments disagree; offered to an adjudicator".to_owned(),
        ),
        (true, _) => (
            "adjudicating",
            format!("the judgments disagree; waiting for an eligible adjudicator; {note}"),
        ),
    };
    store::set_status(conn, &item.id, status, &reason, now)?;
    let placed_n = placed.len() + gold_to.len();
    // An item that starts waiting for experts (or an adjudicator) tells the lab once; the
    // sweep's retries do not repeat it, and it is re-armed when the item gets its experts.
    let why = match (missing > 0, adjudicating) {
        // Waiting for the budget, not for experts: the project's budget event tells the lab.
        (true, false) if budget_limited => return Ok(placed_n),
        (false, _) => None,
        (true, false) => Some("waiting_for_experts"),
        (true, true) => Some("waiting_for_adjudicator"),
    };
    if store::set_attention(conn, &item.id, why)?
        && let Some(why) = why
    {
        notify(
            conn,
            now,
            settings,
            &item.id,
            EventType::ItemNeedsAttention,
            Some(why),
        )?;
    }
    Ok(placed_n)
}

/// Offers the (locked, reserved) item to the expert in a role, and fixes the expert's pay
/// rate for the project on their first routing to it: the one way push and pull routing
/// create item work.
#[allow(clippy::too_many_arguments)]
fn offer_item(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    item: &ItemRow,
    slice: &str,
    role: &'static str,
    c: &Candidate,
    due: DateTime<Utc>,
) -> AppResult<crate::ids::AssignmentId> {
    let id = crate::assignments::insert_assignment(
        conn,
        now,
        &NewAssignment {
            role,
            expert: &c.expert_id,
            slice,
            item: Some(&item.id),
            gold_item: None,
            org: &item.org_id,
            project: &item.project_id,
            constitution_version: item.constitution_version,
            priority: item.effective_priority,
            standing: c.status.as_str(),
            due_at: due,
        },
    )?;
    crate::payments::rates::fix_on_routing(
        conn,
        now,
        &settings.payments,
        &c.expert_id,
        &item.project_id,
    )?;
    Ok(id)
}

/// How many of a project slice's latest real offers a gold offer may borrow its looks from.
const GOLD_LOOKS: i64 = 200;

/// The share of a project's annotator offer slots that go to gold: its gold rate (at most
/// 0.5); none for adjudication.
fn gold_share(st: &Setting, role: &str) -> f64 {
    if role == "annotator" && st.project.gold_rate > 0.0 {
        st.project.gold_rate.min(0.5)
    } else {
        0.0
    }
}

/// Gold that looks like work (docs/adr/0007-gold-is-blind-and-certified.md: "Gold is
/// indistinguishable from real work in everything the expert sees"). Called when routing (push
/// or pull) is about to offer `item` to the expert, whose slot is already reserved: with
/// probability `p` the slot goes to one of the project's gold items of the slice the expert has
/// not seen instead, and the real item is not offered to them now. The gold offer is the only
/// offer the expert gets from this decision, so it is never paired with a real one. It is made
/// now and looks like a real offer drawn at random from the project slice's latest
/// [`GOLD_LOOKS`] real offers to other experts, on items this expert was never offered: that
/// offer's priority, its item's judge confidence (shown where the project shows confidences)
/// and its time from offer to due. Not the displaced item's own: the expert may be offered that
/// item next, and two offers with the same confidence and priority in a row would mark the
/// first as gold. With no such offer yet, the displaced item's values are used. Returns the
/// gold assignment, or None (then offer the real item). With the whole pool seen, the lab hears
/// once (see [`alert_pool_exhausted`]).
#[allow(clippy::too_many_arguments)]
fn gold_instead(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    item: &ItemRow,
    st: &Setting,
    c: &Candidate,
    due: DateTime<Utc>,
    p: f64,
    salt: usize,
) -> AppResult<Option<crate::ids::AssignmentId>> {
    if p <= 0.0 {
        return Ok(None);
    }
    let pool = super::queries::unseen_gold(conn, &st.project.id, &st.slice.id, &c.expert_id)?;
    if pool.is_empty() {
        alert_pool_exhausted(conn, now, settings, st, &c.expert_id)?;
        return Ok(None);
    }
    // The pool shrinks with every gold offer, so the same item and expert draw afresh.
    let seed = seed_for(settings, &item.id, salt)
        ^ decide::fnv1a(&c.expert_id)
        ^ (pool.len() as u64).wrapping_mul(0xc2b2_ae3d_27d4_eb4f);
    let mut rng = SmallRng::seed_from_u64(seed ^ 0x5bd1_e995);
    if rng.random::<f64>() >= p {
        return Ok(None);
    }
    let gold = &pool[rng.random_range(0..pool.len())];
    let looks = super::queries::recent_real_offers(
        conn,
        &st.project.id,
        &st.slice.id,
        &c.expert_id,
        GOLD_LOOKS,
    )?;
    let (priority, confidence, due) = if looks.is_empty() {
        (item.effective_priority, item.judge_confidence, due)
    } else {
        let l = &looks[rng.random_range(0..looks.len())];
        (
            l.priority,
            l.judge_confidence,
            now + (crate::clock::utc(l.due_at) - crate::clock::utc(l.offered_at)),
        )
    };
    let id = crate::assignments::insert_assignment(
        conn,
        now,
        &NewAssignment {
            role: "annotator",
            expert: &c.expert_id,
            slice: &st.slice.id,
            item: None,
            gold_item: Some(gold),
            org: &item.org_id,
            project: &item.project_id,
            constitution_version: item.constitution_version,
            priority,
            standing: c.status.as_str(),
            due_at: due,
        },
    )?;
    store::insert_gold_offer(
        conn,
        now,
        id.as_str(),
        &item.project_id,
        Some(&item.id),
        confidence,
    )?;
    crate::payments::rates::fix_on_routing(
        conn,
        now,
        &settings.payments,
        &c.expert_id,
        &item.project_id,
    )?;
    Ok(Some(id))
}

/// An expert has been offered every gold item of the project slice: gold stops reaching
/// them there. The lab hears it once per (expert, project slice) until the pool grows: a
/// `gold.pool_exhausted` webhook event and an e-mail to the lab's admins.
fn alert_pool_exhausted(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    st: &Setting,
    expert: &str,
) -> AppResult<()> {
    let total = super::queries::gold_pool_size(conn, &st.project.id, &st.slice.id)?;
    if total == 0 {
        return Ok(());
    }
    let pool = i32::try_from(total).unwrap_or(i32::MAX);
    if store::gold_alerted_pool(conn, expert, &st.project.id, &st.slice.id)?
        .is_some_and(|at| at >= pool)
    {
        return Ok(());
    }
    store::set_gold_alerted_pool(conn, now, expert, &st.project.id, &st.slice.id, pool)?;
    let handle = crate::experts::find_expert(conn, expert)?
        .map(|e| e.handle)
        .unwrap_or_default();
    let org = st.project.org_id.clone();
    crate::webhooks::emit(
        conn,
        now,
        settings,
        &org,
        EventType::GoldPoolExhausted,
        |_| {
            Ok(json!({
                "project_id": st.project.id,
                "slice_id": st.slice.id,
                "expert": handle,
                "pool_size": total,
            }))
        },
    )
    .map_err(AppError::internal)?;
    for to in super::queries::lab_admin_emails(conn, &org)? {
        crate::mail::enqueue(
            conn,
            now,
            &crate::mail::templates::gold_pool_exhausted(
                &to,
                &st.project.name,
                &st.slice.key,
                &handle,
                total,
            ),
        )
        .map_err(AppError::internal)?;
    }
    Ok(())
}

/// Routes one item (after ingestion, or when the sweep retries it); returns how many
/// experts it was offered to.
pub fn route_item(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    item: &str,
) -> AppResult<usize> {
    let Some(item) = store::lock_item(conn, item, now)? else {
        return Ok(0);
    };
    route_locked(conn, now, settings, &item)
}

/// Routes a batch of new items of one project slice, outside a transaction. While an
/// eligible expert has free capacity, item by item (each its own transaction, as
/// [`route_item`]); once nobody in the slice can take more (or an item found no one),
/// the rest simply stay `queued`, with no write and no decision each: routing from the
/// experts' side takes them as capacity frees up. Only when the slice has no eligible
/// expert at all does every item get its own decision, reason and attention event.
pub fn route_new(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    project: &str,
    slice: &str,
    ids: &[String],
) -> AppResult<()> {
    let st = setting(conn, project, slice)?;
    let allowed: Vec<&str> = allowed_statuses(&st).iter().map(|s| s.as_str()).collect();
    let cap = settings.routing.max_open_assignments;
    let mut rest = ids;
    while let Some((first, tail)) = rest.split_first() {
        if !super::queries::slice_has_capacity(conn, slice, &allowed, cap)? {
            break;
        }
        let placed = crate::db::retrying(conn, |conn| {
            write_tx(conn, |conn| route_item(conn, now, settings, first))
        })?;
        rest = tail;
        if placed == 0 {
            break;
        }
    }
    if !rest.is_empty()
        && let Some(p) = crate::projects::find_project(conn, project)?
        && p.budget_state == "reached"
    {
        // The project is at its budget cap: the rest of the batch waits with the reason,
        // in one statement (no decision, no event each: `project.budget_reached` told the
        // lab).
        let spend = crate::projects::budget::measure(conn, settings, &p)?;
        let reason = crate::projects::budget::waiting_reason(&spend);
        crate::db::retrying(conn, |conn| {
            write_tx(conn, |conn| {
                Ok::<_, AppError>(store::set_waiting_reason(conn, rest, &reason, now)?)
            })
        })?;
        return Ok(());
    }
    if rest.is_empty() || super::queries::slice_has_candidates(conn, slice, &allowed)? {
        return Ok(());
    }
    for id in rest {
        crate::db::retrying(conn, |conn| {
            write_tx(conn, |conn| route_item(conn, now, settings, id))
        })?;
    }
    Ok(())
}

/// Experts the routing sweep offers waiting work to, at most, per run.
const SWEEP_EXPERTS: i64 = 200;
/// Overdue assignments one sweep expires, at most.
const SWEEP_OVERDUE: i64 = 500;
/// Capped projects one sweep re-measures, at most.
const SWEEP_BUDGETS: i64 = 100;

/// The recurring sweep (a repair: events do the routing). Runs outside a transaction and
/// commits each unit of work on its own: drops stale samples, expires overdue assignments
/// (each followed by [`after_end`]), and offers waiting items to experts who have free
/// capacity and a standing that can take them ([`offer_waiting`]). Items nobody can take
/// are not read at all, so a backlog costs nothing while every expert is busy.
pub fn sweep(conn: &mut DbConn, now: DateTime<Utc>, settings: &Settings) -> anyhow::Result<usize> {
    let r = &settings.routing;
    // Old samples of candidates nobody chose are dropped, to be drawn afresh.
    let mut changed = write_tx(conn, |conn| {
        super::keys::expire_draws(
            conn,
            now - Duration::minutes(r.redraw_after_minutes),
            r.redraws_per_sweep,
        )
    })?;
    for a in crate::assignments::overdue(conn, now, SWEEP_OVERDUE)? {
        let ended = crate::db::retrying(conn, |conn| {
            write_tx(conn, |conn| end(conn, now, settings, &a, "expired", None))
        });
        match ended {
            Ok(true) => {
                changed += 1;
                if let Err(e) = after_end(conn, now, settings, &a) {
                    tracing::error!(assignment = %a.id, error = %e, "routing after an expiry failed");
                }
            }
            Ok(false) => {}
            Err(e) => {
                tracing::error!(assignment = %a.id, error = %e, "expiring an assignment failed")
            }
        }
    }
    // Capped projects at or near their cap are re-measured: a change outside routing (a
    // resolved timesheet dispute) may have moved their spend.
    for project in crate::projects::budget::to_repair(conn, SWEEP_BUDGETS)? {
        let refreshed = crate::db::retrying(conn, |conn| {
            write_tx(conn, |conn| {
                crate::projects::budget::refresh(conn, now, settings, &project)
            })
        });
        if let Err(e) = refreshed {
            tracing::error!(project = %project, error = %e, "re-measuring a budget failed");
        }
    }
    for expert in super::queries::experts_with_capacity_for_waiting(
        conn,
        r.max_open_assignments,
        SWEEP_EXPERTS,
    )? {
        match offer_waiting(conn, now, settings, &expert) {
            Ok(n) => changed += n,
            Err(e) => tracing::error!(expert = %expert, error = %e, "offering waiting work failed"),
        }
    }
    Ok(changed)
}

/// How [`take_work`] hands the item over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Take {
    /// Offered and accepted at once (the expert asked for work: `next`).
    Accept,
    /// Offered (freed capacity, the sweep); the expert accepts it later.
    Offer,
}

/// What one attempt of [`take_once`] ended with.
#[derive(Debug)]
enum Taken {
    Assignment(String),
    Nothing,
    /// The chosen item changed between the read and its lock: try again in a new transaction.
    Retry,
}

/// Waiting items read per attempt.
const TAKE_WINDOW: i64 = 32;
/// Attempts of [`take_work`] (a lost race for an item's last slot costs one).
const TAKE_ATTEMPTS: usize = 4;
/// Items offered to one expert per event (freed capacity) at most.
const OFFERS_PER_EVENT: usize = 2;

/// Takes the best waiting item the expert is eligible for and still needs someone like
/// them, and offers it (accepted at once with [`Take::Accept`]); `None` when nothing fits
/// or the expert is at capacity. Each attempt is one short transaction of its own (so call
/// it outside a transaction): it reads the candidates, locks the one chosen item and checks
/// again under the lock; two experts pulling at once never take the same last slot.
pub fn take_work(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    expert: &str,
    take: Take,
) -> AppResult<Option<String>> {
    for _ in 0..TAKE_ATTEMPTS {
        let taken = crate::db::retrying(conn, |conn| {
            write_tx(conn, |conn| take_once(conn, now, settings, expert, take))
        })?;
        match taken {
            Taken::Assignment(id) => return Ok(Some(id)),
            Taken::Nothing => return Ok(None),
            Taken::Retry => continue,
        }
    }
    Ok(None)
}

/// Offers waiting work to an expert whose capacity freed (at most [`OFFERS_PER_EVENT`]
/// items, each in its own transaction); returns how many were offered.
pub fn offer_waiting(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    expert: &str,
) -> AppResult<usize> {
    let mut n = 0;
    while n < OFFERS_PER_EVENT && take_work(conn, now, settings, expert, Take::Offer)?.is_some() {
        n += 1;
    }
    Ok(n)
}

/// One expert-side routing decision for one item: the item's setting, the expert's
/// candidate row, what the item wants, and when the expert can first work on it.
struct Fit {
    st: std::rc::Rc<Setting>,
    want: Want,
    from: DateTime<Utc>,
    terms: decide::Terms,
}

/// Checks the expert against one waiting item with the same filters as push routing.
fn fit(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    settings_of: &mut HashMap<(String, String), std::rc::Rc<Setting>>,
    c: &Candidate,
    item: &ItemRow,
    existing: &[AssignmentRow],
) -> AppResult<Option<Fit>> {
    let key = (item.project_id.clone(), item.slice_id.clone());
    let st = match settings_of.get(&key) {
        Some(st) => st.clone(),
        None => {
            let st = std::rc::Rc::new(setting(conn, &item.project_id, &item.slice_id)?);
            settings_of.insert(key, st.clone());
            st
        }
    };
    // Paused projects, and projects at their budget cap (README "Budget"), take no work.
    if st.project.status != "active" || st.project.budget_state == "reached" {
        return Ok(None);
    }
    let adjudicating = item.status == "adjudicating";
    let want = if adjudicating {
        if has_adjudicator(existing) {
            return Ok(None);
        }
        adjudicator_want()
    } else {
        let active = active_annotators(existing);
        if active >= st.project.overlap.max(1) as usize {
            return Ok(None);
        }
        annotator_want(conn, now, settings, &st, 1)?
    };
    let mut c = c.clone();
    c.on_shift = crate::scheduling::service::on_shift(conn, &st.project.id, &st.slice.id, now)?
        .contains(&c.expert_id);
    let ex = Exclusions::of(&st.project)?;
    let on_item: HashSet<String> = existing.iter().map(|a| a.expert_id.clone()).collect();
    let req = request(settings, &st, &ex, &want, &on_item);
    if decide::failing_filter(&c, &req).is_some() {
        return Ok(None);
    }
    if c.status == SliceStatus::Probation
        && req.probation_slots == 0
        && super::queries::slice_has_capacity(
            conn,
            &st.slice.id,
            &["qualified"],
            settings.routing.max_open_assignments,
        )?
    {
        // Beyond the probation share while a qualified expert could take it.
        return Ok(None);
    }
    let deadline = crate::clock::utc(item.deadline_at);
    let from = match db_filters(
        conn,
        &c,
        &st.slice.domain_id,
        &st.project.org_id,
        &st.project.id,
        &st.slice.id,
        now,
        deadline,
    )? {
        Ok(t) => t,
        Err(_) => return Ok(None),
    };
    let w = super::keys::weights(&settings.routing);
    let mean = c.alpha / (c.alpha + c.beta);
    let sample = c.theta.unwrap_or(mean);
    let cap = settings.routing.max_open_assignments;
    let load = if cap > 0 {
        (c.open as f64 / cap as f64).clamp(0.0, 1.0)
    } else {
        1.0
    };
    let cost = decide::cost_term(&c, &req);
    let shift = if c.on_shift { w.shift } else { 0.0 };
    let terms = decide::Terms {
        sample,
        mean,
        alpha: c.alpha,
        beta: c.beta,
        bound: decide::score_bound(c.alpha, c.beta),
        load,
        cost,
        shift,
        score: w.perf * sample - w.load * load - w.cost * cost + shift,
    };
    Ok(Some(Fit {
        st,
        want,
        from,
        terms,
    }))
}

fn take_once(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    expert: &str,
    take: Take,
) -> AppResult<Taken> {
    let cap = settings.routing.max_open_assignments;
    let rows = super::queries::candidate_slices_of(conn, expert)?;
    let Some((_, first)) = rows.first() else {
        return Ok(Taken::Nothing);
    };
    if !first.may_work() || i64::from(first.open_assignments) >= cap {
        return Ok(Taken::Nothing);
    }
    let handle = first.handle.clone();
    let mut settings_of = HashMap::new();
    let mut annotate = Vec::new();
    let mut adjudicate = Vec::new();
    let mut by_slice: HashMap<String, Candidate> = HashMap::new();
    for (slice, row) in rows {
        let c = candidate_of(row, false)?;
        if matches!(c.status, SliceStatus::Probation | SliceStatus::Qualified) {
            annotate.push(slice.clone());
        }
        if c.status == SliceStatus::Qualified && c.tier == Tier::Adjudicator {
            adjudicate.push(slice.clone());
        }
        by_slice.insert(slice, c);
    }
    let waiting =
        super::queries::waiting_for_expert(conn, expert, &annotate, &adjudicate, TAKE_WINDOW)?;
    // Dual pass wants independent experts: an item where the expert's vendor is already
    // working waits for the others unless nothing else fits.
    let mut same_vendor: Vec<(ItemRow, Fit)> = Vec::new();
    let mut busy = false;
    for item in waiting {
        let Some(c) = by_slice.get(&item.slice_id) else {
            continue;
        };
        let existing = crate::assignments::of_item(conn, &item.id)?;
        let Some(f) = fit(conn, now, settings, &mut settings_of, c, &item, &existing)? else {
            continue;
        };
        let mut shared = false;
        if let Some(v) = &c.vendor_id
            && f.want.role == "annotator"
        {
            for a in existing
                .iter()
                .filter(|a| a.role == "annotator" && (is_open(a) || a.status == "submitted"))
            {
                shared |= vendor_of(conn, &a.expert_id)?.as_ref() == Some(v);
            }
        }
        if shared {
            same_vendor.push((item, f));
            continue;
        }
        match place(conn, now, settings, take, &item, c, &handle, f)? {
            Placed::Assignment(id) => return Ok(Taken::Assignment(id)),
            Placed::Busy => busy = true,
            Placed::AtCapacity => return Ok(Taken::Nothing),
        }
    }
    for (item, f) in same_vendor {
        let Some(c) = by_slice.get(&item.slice_id) else {
            continue;
        };
        match place(conn, now, settings, take, &item, c, &handle, f)? {
            Placed::Assignment(id) => return Ok(Taken::Assignment(id)),
            Placed::Busy => busy = true,
            Placed::AtCapacity => return Ok(Taken::Nothing),
        }
    }
    Ok(if busy { Taken::Retry } else { Taken::Nothing })
}

/// What [`place`] did.
enum Placed {
    Assignment(String),
    /// Another transaction holds the item, or filled it meanwhile: try the next one.
    Busy,
    /// The expert reached the cap meanwhile.
    AtCapacity,
}

fn vendor_of(conn: &mut DbConn, expert: &str) -> AppResult<Option<String>> {
    Ok(crate::experts::find_expert(conn, expert)?.and_then(|e| e.vendor_id))
}

/// Locks the item (without waiting: an item another transaction holds is skipped, so a
/// pull that looks at several items never waits on one while holding another), checks
/// again that it still needs the expert, and offers it.
#[allow(clippy::too_many_arguments)]
fn place(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    take: Take,
    seen: &ItemRow,
    c: &Candidate,
    handle: &str,
    f: Fit,
) -> AppResult<Placed> {
    let Some(item) = store::try_lock_item(conn, &seen.id, now)? else {
        return Ok(Placed::Busy);
    };
    let existing = crate::assignments::of_item(conn, &item.id)?;
    let adjudicating = f.want.role == "adjudicator";
    let still = item.status == seen.status
        && !existing.iter().any(|a| a.expert_id == c.expert_id)
        && if adjudicating {
            !has_adjudicator(&existing)
        } else {
            active_annotators(&existing) < f.st.project.overlap.max(1) as usize
        };
    if !still {
        return Ok(Placed::Busy);
    }
    if !super::keys::reserve(conn, &c.expert_id, &settings.routing)? {
        return Ok(Placed::AtCapacity);
    }
    let due = due_at(settings, &item, now, f.from);
    // The slot may go to gold instead (see [`gold_instead`]); the item keeps waiting.
    let p = gold_share(&f.st, f.want.role);
    if let Some(gold) = gold_instead(conn, now, settings, &item, &f.st, c, due, p, existing.len())?
    {
        if take == Take::Accept {
            crate::assignments::transition(
                conn,
                gold.as_str(),
                &["offered"],
                "accepted",
                now,
                None,
            )?;
            crate::assignments::start_session(conn, gold.as_str(), &c.expert_id, now)?;
        }
        super::keys::refresh_keys(conn, &c.expert_id, &settings.routing)?;
        crate::projects::budget::refresh_row(conn, now, settings, &f.st.project)?;
        return Ok(Placed::Assignment(gold.into_string()));
    }
    let id = offer_item(
        conn,
        now,
        settings,
        &item,
        &f.st.slice.id,
        f.want.role,
        c,
        due,
    )?;
    if take == Take::Accept {
        crate::assignments::transition(conn, id.as_str(), &["offered"], "accepted", now, None)?;
        crate::assignments::start_session(conn, id.as_str(), &c.expert_id, now)?;
    }
    let how = match take {
        Take::Accept => "taken by the expert (next)",
        Take::Offer => "offered when the expert's capacity freed",
    };
    let chosen = json!([{
        "expert": handle,
        "vendor_id": c.vendor_id,
        "slice_status": c.status.as_str(),
        "tier": c.tier.as_str(),
        "on_shift": c.on_shift,
        "available_from": f.from,
        "terms": f.terms,
    }]);
    store::insert_decision(
        conn,
        now,
        &store::NewDecision {
            item: &item.id,
            org: &item.org_id,
            role: f.want.role,
            wanted: 1,
            chosen: &chosen.to_string(),
            removed: "{}",
            scanned: 1,
            sampled: 1,
            note: how,
        },
    )?;
    let (status, reason) = if adjudicating {
        (
            "adjudicating",
            "the judgments disagree; offered to an adjudicator".to_owned(),
        )
    } else {
        let overlap = f.st.project.overlap.max(1) as usize;
        let missing = overlap.saturating_sub(active_annotators(&existing) + 1);
        if missing == 0 {
            ("assigned", format!("offered to {overlap} experts"))
        } else {
            (
                "queued",
                format!("waiting for {missing} more eligible expert(s)"),
            )
        }
    };
    store::set_status(conn, &item.id, status, &reason, now)?;
    store::set_attention(conn, &item.id, None)?;
    super::keys::refresh_keys(conn, &c.expert_id, &settings.routing)?;
    // The offer moves a capped project's projection (the project's row is the last lock).
    crate::projects::budget::refresh_row(conn, now, settings, &f.st.project)?;
    Ok(Placed::Assignment(id.into_string()))
}

fn seconds_worked(conn: &mut DbConn, a: &AssignmentRow, settings: &Settings) -> AppResult<i64> {
    Ok(sessions::active_seconds(
        &crate::assignments::sessions_of(conn, &a.id)?,
        settings.routing.max_item_seconds,
    ))
}

/// Ends an offered or accepted assignment as `expired` or `declined`, records the
/// outcome, frees the expert's slot and re-routes the item. False if it had already ended.
pub fn end(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    a: &AssignmentRow,
    to: &str,
    reason: Option<&str>,
) -> AppResult<bool> {
    let item = match &a.item_id {
        Some(id) => Some(store::lock_item(conn, id, now)?.ok_or_else(|| internal("item"))?),
        None => None,
    };
    if !crate::assignments::transition(conn, &a.id, &["offered", "accepted"], to, now, reason)? {
        return Ok(false);
    }
    super::keys::release(conn, &a.expert_id, &settings.routing)?;
    let secs = seconds_worked(conn, a, settings)?;
    let outcome = crate::scoring::insert_outcome(
        conn,
        now,
        &NewOutcome {
            event: to,
            org: a.org_id.as_deref(),
            project: a.project_id.as_deref(),
            slice: &a.slice_id,
            item: a.item_id.as_deref(),
            gold_item: a.gold_item_id.as_deref(),
            assignment: Some(a),
            active_seconds: secs,
            ..Default::default()
        },
    )?;
    crate::scoring::service::record(conn, now, settings, &[outcome])?;
    if let Some(item) = item
        && item.status == "assigned"
        && a.role == "annotator"
    {
        store::set_status(
            conn,
            &item.id,
            "queued",
            "re-routing a declined or expired offer",
            now,
        )?;
    }
    // Open work ended: a capped project's projection drops (the project's row last).
    if let Some(p) = &a.project_id {
        crate::projects::budget::refresh(conn, now, settings, p)?;
    }
    Ok(true)
}

/// What follows an assignment that ended (declined or expired), each step in its own
/// transaction after the one that ended it: its item is routed again (to someone else),
/// and the expert's freed slot is offered waiting work. Runs outside a transaction.
pub fn after_end(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    a: &AssignmentRow,
) -> AppResult<()> {
    if let Some(item) = &a.item_id {
        crate::db::retrying(conn, |conn| {
            write_tx(conn, |conn| route_item(conn, now, settings, item))
        })?;
    }
    offer_waiting(conn, now, settings, &a.expert_id)?;
    Ok(())
}

/// What follows a submitted judgment, after its transaction: an item that went to
/// adjudication is routed to an adjudicator, and the expert's freed slot is offered
/// waiting work. Runs outside a transaction.
pub fn after_submit(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    a: &AssignmentRow,
) -> AppResult<()> {
    if let Some(item) = &a.item_id
        && store::find(conn, item)?.is_some_and(|i| i.status == "adjudicating")
    {
        crate::db::retrying(conn, |conn| {
            write_tx(conn, |conn| route_item(conn, now, settings, item))
        })?;
    }
    offer_waiting(conn, now, settings, &a.expert_id)?;
    Ok(())
}

/// Accepts an offered assignment and starts its first work session.
pub fn accept(conn: &mut DbConn, now: DateTime<Utc>, a: &AssignmentRow) -> AppResult<()> {
    if a.status == "accepted" {
        return Ok(());
    }
    if !crate::assignments::transition(conn, &a.id, &["offered"], "accepted", now, None)? {
        return Err(AppError::conflict(format!(
            "the assignment is {}; only offered assignments can be accepted",
            a.status
        )));
    }
    crate::assignments::start_session(conn, &a.id, &a.expert_id, now)?;
    Ok(())
}

/// Records a heartbeat of an accepted assignment; returns the seconds measured so far.
pub fn heartbeat(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    a: &AssignmentRow,
) -> AppResult<i64> {
    if a.status != "accepted" {
        return Err(AppError::conflict(format!(
            "the assignment is {}; heartbeats are for accepted work",
            a.status
        )));
    }
    beat(conn, now, settings, a)?;
    seconds_worked(conn, a, settings)
}

fn beat(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    a: &AssignmentRow,
) -> AppResult<()> {
    let latest = crate::assignments::latest_session(conn, &a.id)?;
    let idle = Duration::seconds(settings.routing.idle_limit_secs);
    let span = latest
        .as_ref()
        .map(|(_, s, e)| (crate::clock::utc(*s), crate::clock::utc(*e)));
    match sessions::beat(span, now, idle) {
        Beat::Start => crate::assignments::start_session(conn, &a.id, &a.expert_id, now)?,
        Beat::Extend => {
            if let Some((id, _, _)) = latest {
                crate::assignments::extend_session(conn, &id, now)?;
            }
        }
        Beat::Ignore => {}
    }
    Ok(())
}

/// Checks that every cited clause exists in the pinned constitution version.
fn check_clauses(conn: &mut DbConn, a: &AssignmentRow, typed: &TypedLabel) -> AppResult<()> {
    let (Some(org), Some(project), Some(version)) =
        (&a.org_id, &a.project_id, a.constitution_version)
    else {
        return Ok(());
    };
    let Some(c) = crate::projects::find_constitution(conn, org, project, version)? else {
        return Ok(());
    };
    let known: HashSet<String> = crate::projects::clauses_of(conn, org, &c.id)?
        .into_iter()
        .map(|c| c.clause_id)
        .collect();
    let errors: Vec<FieldError> = typed
        .cited_clauses
        .iter()
        .enumerate()
        .filter(|(_, id)| !known.contains(*id))
        .map(|(i, _)| {
            FieldError::new(
                format!("label.cited_clauses[{i}]"),
                format!("is not a clause of constitution version {version}"),
            )
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::validation(errors))
    }
}

/// Submits the judgment of an accepted assignment: validated against the slice's label
/// schema and the pinned constitution; a gold item is checked against its answer; an item
/// whose judgments are all in resolves (or goes to adjudication).
pub fn submit(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    a: &AssignmentRow,
    label: &Value,
) -> AppResult<()> {
    match a.status.as_str() {
        "accepted" => {}
        "offered" => {
            return Err(AppError::conflict(
                "accept the assignment before submitting",
            ));
        }
        s => return Err(AppError::conflict(format!("the assignment is already {s}"))),
    }
    let slice = crate::taxonomy::find_slice(conn, &a.slice_id)?.ok_or_else(|| internal("slice"))?;
    let schema = crate::taxonomy::service::slice_schema(&slice)?;
    let typed = schema
        .validate(label, "label")
        .map_err(AppError::validation)?;
    check_clauses(conn, a, &typed)?;
    let item = match &a.item_id {
        Some(id) => Some(store::lock_item(conn, id, now)?.ok_or_else(|| internal("item"))?),
        None => None,
    };
    beat(conn, now, settings, a)?;
    let secs = seconds_worked(conn, a, settings)?;
    let gold = match &a.gold_item_id {
        Some(g) => Some(crate::gold::find_gold(conn, g)?.ok_or_else(|| internal("gold item"))?),
        None => None,
    };
    let reference = gold.as_ref().map(crate::gold::GoldRow::label).transpose()?;
    let correct = reference
        .as_ref()
        .map(|r| crate::assessments::grading::is_correct(&slice.label_kind, r, &typed));
    let label_json = label.to_string();
    let standing = standing_at_submit(conn, now, settings, a)?;
    if !crate::assignments::submit(
        conn,
        &a.id,
        &label_json,
        &typed,
        correct,
        secs,
        Some(&standing),
        now,
    )? {
        return Err(AppError::conflict(
            "the assignment changed meanwhile; reload it",
        ));
    }
    super::keys::release(conn, &a.expert_id, &settings.routing)?;
    let submitted =
        crate::assignments::find_assignment(conn, &a.id)?.ok_or_else(|| internal("assignment"))?;
    if submitted.project_id.is_some() {
        // The paid time, from the sessions this submission closed.
        let sessions = crate::assignments::sessions_of(conn, &a.id)?;
        crate::payments::time_entries::record_assignment(
            conn,
            now,
            &submitted,
            &crate::payments::time_entries::Measured {
                sessions: &sessions,
                cap_seconds: settings.routing.max_item_seconds,
                idle_limit_secs: settings.routing.idle_limit_secs,
            },
        )?;
    }
    let base = NewOutcome {
        org: a.org_id.as_deref(),
        project: a.project_id.as_deref(),
        slice: &a.slice_id,
        item: a.item_id.as_deref(),
        gold_item: a.gold_item_id.as_deref(),
        assignment: Some(&submitted),
        label: Some((&label_json, &typed)),
        active_seconds: secs,
        ..Default::default()
    };
    let mut written = vec![crate::scoring::insert_outcome(
        conn,
        now,
        &NewOutcome {
            event: "submitted",
            ..base
        },
    )?];
    if let (Some(g), Some(r), Some(ok)) = (&gold, &reference, correct) {
        written.push(crate::scoring::insert_outcome(
            conn,
            now,
            &NewOutcome {
                event: "gold_checked",
                reference: Some((&g.answer, r)),
                correct: Some(ok),
                ..base
            },
        )?);
    }
    crate::scoring::service::record(conn, now, settings, &written)?;
    if let Some(item) = item {
        resolve_if_complete(conn, now, settings, &item, &schema)?;
    }
    // The measured time replaced the estimate in a capped project's projection (the
    // project's row is the last lock).
    if let Some(p) = &a.project_id {
        crate::projects::budget::refresh(conn, now, settings, p)?;
    }
    Ok(())
}

/// The expert's standing in the slice as the judgment is submitted (its provenance in
/// the results): status and tier as held, and the gold-accuracy lower bound with the
/// decayed answers behind it, read before this submission's own outcome is recorded.
fn standing_at_submit(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    a: &AssignmentRow,
) -> AppResult<crate::assignments::StandingAtSubmit> {
    let row = crate::standings::find_standing(conn, &a.expert_id, &a.slice_id)?;
    let (gold_bound, gold_answers) = crate::standings::service::gold_lower_bound(
        conn,
        now,
        &settings.scoring,
        &a.expert_id,
        &a.slice_id,
    )?;
    Ok(crate::assignments::StandingAtSubmit {
        status: row
            .as_ref()
            .map_or_else(|| "none".into(), |r| r.status.clone()),
        tier: row.map_or_else(|| "annotator".into(), |r| r.tier),
        // As the score profile shows it: no bound before any gold answer.
        gold_lower_bound: (gold_answers > 0.0).then_some(gold_bound),
        gold_answers,
    })
}

fn resolve_if_complete(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    item: &ItemRow,
    schema: &LabelSchema,
) -> AppResult<()> {
    let all = crate::assignments::of_item(conn, &item.id)?;
    let annotators: Vec<&AssignmentRow> = all
        .iter()
        .filter(|a| a.role == "annotator" && a.status == "submitted")
        .collect();
    let project = crate::projects::find_project(conn, &item.project_id)?
        .ok_or_else(|| internal("project"))?;
    match item.status.as_str() {
        "queued" | "assigned" => {
            if annotators.len() < project.overlap.max(1) as usize {
                return Ok(());
            }
            let labels: Vec<TypedLabel> = annotators
                .iter()
                .map(|a| a.typed_label())
                .collect::<Result<Vec<_>, _>>()?
                .into_iter()
                .flatten()
                .collect();
            if let Some(agreed) = agreement::agreed(schema, &labels) {
                let final_json = agreement::to_json(schema, &agreed).to_string();
                finish(
                    conn,
                    now,
                    settings,
                    item,
                    &annotators,
                    None,
                    "agreement",
                    Some((&final_json, &agreed)),
                    schema,
                )
            } else if project.adjudication {
                // The adjudicator is chosen in a transaction of its own ([`after_submit`]):
                // this one holds the submitting expert's row and standings already.
                store::set_status(
                    conn,
                    &item.id,
                    "adjudicating",
                    "the judgments disagree; waiting for an adjudicator",
                    now,
                )?;
                Ok(())
            } else {
                finish(
                    conn,
                    now,
                    settings,
                    item,
                    &annotators,
                    None,
                    "disagreement",
                    None,
                    schema,
                )
            }
        }
        "adjudicating" => {
            let Some(adj) = all
                .iter()
                .find(|a| a.role == "adjudicator" && a.status == "submitted")
            else {
                return Ok(());
            };
            let Some(decided) = adj.typed_label()? else {
                return Ok(());
            };
            let final_json = agreement::to_json(schema, &decided).to_string();
            finish(
                conn,
                now,
                settings,
                item,
                &annotators,
                Some(adj),
                "adjudication",
                Some((&final_json, &decided)),
                schema,
            )
        }
        _ => Ok(()),
    }
}

/// Resolves the item and appends one `resolved` outcome per judgment.
#[allow(clippy::too_many_arguments)]
fn finish(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    item: &ItemRow,
    annotators: &[&AssignmentRow],
    adjudicator: Option<&AssignmentRow>,
    resolution: &str,
    final_label: Option<(&str, &TypedLabel)>,
    schema: &LabelSchema,
) -> AppResult<()> {
    let reason = match resolution {
        "agreement" => "resolved: the experts agree",
        "adjudication" => "resolved by an adjudicator",
        _ => "resolved without agreement (adjudication is off)",
    };
    if !store::resolve(
        conn,
        &item.id,
        resolution,
        final_label.map(|f| f.0),
        reason,
        now,
    )? {
        return Ok(());
    }
    let mut written = Vec::new();
    for a in annotators.iter().copied().chain(adjudicator) {
        let Some(typed) = a.typed_label()? else {
            continue;
        };
        let json = a.label.clone().unwrap_or_default();
        let agreed = match (a.role.as_str(), final_label) {
            ("annotator", Some((_, f))) => Some(agreement::matches(schema, &typed, f)),
            ("annotator", None) => Some(false),
            _ => None,
        };
        written.push(crate::scoring::insert_outcome(
            conn,
            now,
            &NewOutcome {
                event: "resolved",
                org: Some(&item.org_id),
                project: Some(&item.project_id),
                slice: &item.slice_id,
                item: Some(&item.id),
                assignment: Some(a),
                label: Some((&json, &typed)),
                reference: final_label,
                agreed,
                resolution: Some(resolution),
                active_seconds: a.active_seconds.unwrap_or(0),
                ..Default::default()
            },
        )?);
    }
    crate::scoring::service::record(conn, now, settings, &written)?;
    notify(conn, now, settings, &item.id, EventType::ItemResolved, None)?;
    if resolution == "disagreement" {
        notify(
            conn,
            now,
            settings,
            &item.id,
            EventType::ItemNeedsAttention,
            Some("disagreement"),
        )?;
    }
    Ok(())
}

/// Emits a webhook event about the item to its lab (inside the caller's transaction);
/// `data.item` is the item as the lab reads it, with `data.reason` for attention and
/// cancellation events.
pub(super) fn notify(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    item: &str,
    kind: EventType,
    reason: Option<&str>,
) -> AppResult<()> {
    let Some(row) = store::find(conn, item)? else {
        return Ok(());
    };
    let org = row.org_id.clone();
    crate::webhooks::emit(conn, now, settings, &org, kind, |conn| {
        let item = super::detail::item_detail(conn, row).map_err(|e| anyhow::anyhow!("{e}"))?;
        let mut data = json!({ "item": item });
        if let Some(r) = reason {
            data["reason"] = json!(r);
        }
        Ok(data)
    })
    .map_err(AppError::internal)?;
    Ok(())
}

/// Items routed, at most, when a project's budget allows new work again (the rest are
/// taken by the experts' pulls and the sweep, in priority order).
const RESUME_ITEMS: i64 = 500;

/// A project reached its budget cap ([`crate::projects::budget::BUDGET_REACHED_JOB`]): its
/// waiting items get the reason, in batches of one statement each. Runs outside a
/// transaction; stops if the budget allows work again meanwhile.
pub fn mark_budget_waiting(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    project: &str,
) -> AppResult<usize> {
    let mut after: Option<String> = None;
    let mut n = 0;
    loop {
        let Some(p) = crate::projects::find_project(conn, project)? else {
            return Ok(n);
        };
        if p.budget_state != "reached" {
            return Ok(n);
        }
        let ids = super::queries::waiting_in_project(conn, project, after.as_deref(), 500)?;
        let Some(last) = ids.last().cloned() else {
            return Ok(n);
        };
        let spend = crate::projects::budget::measure(conn, settings, &p)?;
        let reason = crate::projects::budget::waiting_reason(&spend);
        n += crate::db::retrying(conn, |conn| {
            write_tx(conn, |conn| {
                Ok::<_, AppError>(store::set_waiting_reason(conn, &ids, &reason, now)?)
            })
        })?;
        after = Some(last);
    }
}

/// A project's budget allows new work again ([`crate::projects::budget::BUDGET_RESUMED_JOB`]:
/// the cap was raised or removed, or open work ended): the budget reason leaves its
/// waiting items, and its best waiting items (at most [`RESUME_ITEMS`]) are routed at
/// once, slice by slice as a new batch is ([`route_new`]). Runs outside a transaction.
pub fn resume_budget(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    settings: &Settings,
    project: &str,
) -> AppResult<()> {
    let Some(p) = crate::projects::find_project(conn, project)? else {
        return Ok(());
    };
    if p.budget_state == "reached" {
        return Ok(());
    }
    crate::db::retrying(conn, |conn| {
        write_tx(conn, |conn| {
            Ok::<_, AppError>(store::clear_budget_reason(
                conn,
                project,
                "waiting for routing: the project's budget allows new work again",
                now,
            )?)
        })
    })?;
    let mut by_slice: Vec<(String, Vec<String>)> = Vec::new();
    for (item, slice) in super::queries::waiting_by_priority(conn, project, RESUME_ITEMS)? {
        match by_slice.iter_mut().find(|(s, _)| *s == slice) {
            Some((_, ids)) => ids.push(item),
            None => by_slice.push((slice, vec![item])),
        }
    }
    for (slice, ids) in by_slice {
        route_new(conn, now, settings, project, &slice, &ids)?;
    }
    Ok(())
}
