//! Queries for the `assignments` and `work_sessions` tables (owned by this feature).

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::PageRequest;
use crate::db::schema::{assignments, work_sessions};
use crate::ids::{AssignmentId, WorkSessionId};
use crate::taxonomy::label_schema::TypedLabel;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = assignments)]
pub struct AssignmentRow {
    pub id: String,
    pub role: String,
    pub expert_id: String,
    pub slice_id: String,
    pub gold_item_id: Option<String>,
    pub assessment_id: Option<String>,
    pub position: i32,
    pub status: String,
    pub offered_at: NaiveDateTime,
    pub accepted_at: Option<NaiveDateTime>,
    pub submitted_at: Option<NaiveDateTime>,
    pub due_at: NaiveDateTime,
    pub label: Option<String>,
    pub label_choice: Option<String>,
    pub label_strength: Option<i64>,
    pub label_score: Option<i64>,
    pub label_both_bad: Option<bool>,
    pub cited_clauses: Option<String>,
    pub correct: Option<bool>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub item_id: Option<String>,
    pub org_id: Option<String>,
    pub project_id: Option<String>,
    pub constitution_version: Option<i32>,
    pub priority: i32,
    pub standing_at_offer: Option<String>,
    pub decline_reason: Option<String>,
    pub ended_at: Option<NaiveDateTime>,
    pub active_seconds: Option<i64>,
    pub calibration_session_id: Option<String>,
    /// JSON [`StandingAtSubmit`] (routed work submitted since Cadre keeps it).
    pub standing_at_submit: Option<String>,
}

impl AssignmentRow {
    /// The stored answer in typed form, if there is one.
    pub fn typed_label(&self) -> Result<Option<TypedLabel>, crate::db::CorruptData> {
        if self.label.is_none() {
            return Ok(None);
        }
        Ok(Some(TypedLabel {
            choice: self.label_choice.clone(),
            strength: self.label_strength,
            score: self.label_score,
            both_bad: self.label_both_bad.unwrap_or(false),
            rationale: None,
            cited_clauses: self
                .cited_clauses
                .as_deref()
                .map(|c| crate::db::stored_json("assignments.cited_clauses", c))
                .transpose()?
                .unwrap_or_default(),
        }))
    }
}

/// One question of an assessment: a gold item given to the expert taking it.
pub struct NewAssessmentQuestion<'a> {
    pub assessment: &'a str,
    pub expert: &'a str,
    pub slice: &'a str,
    pub gold: &'a str,
    pub position: i32,
    /// When the assessment is due.
    pub due_at: NaiveDateTime,
}

/// Gives the expert a gold item as an accepted `assessment` assignment.
pub fn insert_assessment_question(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    q: &NewAssessmentQuestion<'_>,
) -> QueryResult<AssignmentId> {
    insert_question(
        conn,
        now,
        &Question {
            role: "assessment",
            expert: q.expert,
            slice: q.slice,
            gold: q.gold,
            position: q.position,
            due_at: q.due_at,
            assessment: Some(q.assessment),
            session: None,
            org: None,
        },
    )
}

/// A gold item given as an accepted question (assessment or calibration): answered while
/// it is open, graded when it closes, never one of the expert's routing slots.
struct Question<'a> {
    role: &'a str,
    expert: &'a str,
    slice: &'a str,
    gold: &'a str,
    position: i32,
    due_at: NaiveDateTime,
    assessment: Option<&'a str>,
    session: Option<&'a str>,
    org: Option<&'a str>,
}

fn insert_question(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    q: &Question<'_>,
) -> QueryResult<AssignmentId> {
    let id = AssignmentId::new(now);
    let t = now.naive_utc();
    diesel::insert_into(assignments::table)
        .values((
            assignments::id.eq(id.as_str()),
            assignments::role.eq(q.role),
            assignments::expert_id.eq(q.expert),
            assignments::slice_id.eq(q.slice),
            assignments::gold_item_id.eq(Some(q.gold)),
            assignments::assessment_id.eq(q.assessment),
            assignments::calibration_session_id.eq(q.session),
            assignments::org_id.eq(q.org),
            assignments::position.eq(q.position),
            assignments::status.eq("accepted"),
            assignments::offered_at.eq(t),
            assignments::accepted_at.eq(Some(t)),
            assignments::due_at.eq(q.due_at),
            assignments::created_at.eq(t),
            assignments::updated_at.eq(t),
        ))
        .execute(conn)?;
    Ok(id)
}

/// Stores (or replaces) the answer to one item while the assessment is open.
pub fn save_assessment_answer(
    conn: &mut DbConn,
    assignment: &str,
    label_json: &str,
    l: &TypedLabel,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let t = now.naive_utc();
    let n = diesel::update(
        assignments::table
            .find(assignment)
            .filter(assignments::status.eq("accepted")),
    )
    .set((
        assignments::label.eq(Some(label_json)),
        assignments::label_choice.eq(l.choice.as_deref()),
        assignments::label_strength.eq(l.strength),
        assignments::label_score.eq(l.score),
        assignments::label_both_bad.eq(Some(l.both_bad)),
        assignments::cited_clauses.eq(Some(
            serde_json::to_string(&l.cited_clauses).unwrap_or_else(|_| "[]".into()),
        )),
        assignments::submitted_at.eq(Some(t)),
        assignments::updated_at.eq(t),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Closes one item: `submitted` with its grade if answered, `expired` if not.
pub fn close_assessment_question(
    conn: &mut DbConn,
    assignment: &AssignmentRow,
    correct: bool,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    let answered = assignment.label.is_some();
    diesel::update(assignments::table.find(&assignment.id))
        .set((
            assignments::status.eq(if answered { "submitted" } else { "expired" }),
            assignments::correct.eq(Some(correct)),
            assignments::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

pub struct NewCalibrationQuestion<'a> {
    pub session: &'a str,
    pub slice: &'a str,
    /// The lab whose session it is (None for a platform session).
    pub org: Option<&'a str>,
    /// When the session closes: the question is due then.
    pub closes_at: NaiveDateTime,
    pub expert: &'a str,
    pub gold: &'a str,
    pub position: i32,
}

/// A `calibration` assignment, accepted on enrolment (like assessment items), due when
/// the session closes. It does not take one of the expert's routing slots.
pub fn insert_calibration_question(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    a: &NewCalibrationQuestion<'_>,
) -> QueryResult<AssignmentId> {
    insert_question(
        conn,
        now,
        &Question {
            role: "calibration",
            expert: a.expert,
            slice: a.slice,
            gold: a.gold,
            position: a.position,
            due_at: a.closes_at,
            assessment: None,
            session: Some(a.session),
            org: a.org,
        },
    )
}

/// The session's calibration assignments, of one expert if given, in position order.
pub fn calibration_assignments_of(
    conn: &mut DbConn,
    session: &str,
    expert: Option<&str>,
) -> QueryResult<Vec<AssignmentRow>> {
    let mut q = assignments::table
        .filter(assignments::calibration_session_id.eq(session.to_owned()))
        .into_boxed();
    if let Some(e) = expert {
        q = q.filter(assignments::expert_id.eq(e.to_owned()));
    }
    q.order_by((assignments::expert_id.asc(), assignments::position.asc()))
        .select(AssignmentRow::as_select())
        .load(conn)
}

pub struct NewAssignment<'a> {
    pub role: &'a str,
    pub expert: &'a str,
    pub slice: &'a str,
    pub item: Option<&'a str>,
    pub gold_item: Option<&'a str>,
    pub org: &'a str,
    pub project: &'a str,
    pub constitution_version: Option<i32>,
    pub priority: i32,
    pub standing: &'a str,
    pub due_at: DateTime<Utc>,
}

pub fn insert_assignment(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    a: &NewAssignment<'_>,
) -> QueryResult<AssignmentId> {
    let id = AssignmentId::new(now);
    let t = now.naive_utc();
    diesel::insert_into(assignments::table)
        .values((
            assignments::id.eq(id.as_str()),
            assignments::role.eq(a.role),
            assignments::expert_id.eq(a.expert),
            assignments::slice_id.eq(a.slice),
            assignments::item_id.eq(a.item),
            assignments::gold_item_id.eq(a.gold_item),
            assignments::org_id.eq(Some(a.org)),
            assignments::project_id.eq(Some(a.project)),
            assignments::constitution_version.eq(a.constitution_version),
            assignments::priority.eq(a.priority),
            assignments::standing_at_offer.eq(Some(a.standing)),
            assignments::position.eq(0),
            assignments::status.eq("offered"),
            assignments::offered_at.eq(t),
            assignments::due_at.eq(a.due_at.naive_utc()),
            assignments::created_at.eq(t),
            assignments::updated_at.eq(t),
        ))
        .execute(conn)?;
    Ok(id)
}

pub fn find_assignment(conn: &mut DbConn, id: &str) -> QueryResult<Option<AssignmentRow>> {
    assignments::table
        .find(id)
        .filter(assignments::role.eq_any(["annotator", "adjudicator"]))
        .select(AssignmentRow::as_select())
        .first(conn)
        .optional()
}

pub fn of_item(conn: &mut DbConn, item: &str) -> QueryResult<Vec<AssignmentRow>> {
    assignments::table
        .filter(assignments::item_id.eq(item))
        .order_by(assignments::id.asc())
        .select(AssignmentRow::as_select())
        .load(conn)
}

/// Moves an assignment from one of `from` to `to` (conditional; false if it had moved on).
pub fn transition(
    conn: &mut DbConn,
    id: &str,
    from: &[&str],
    to: &str,
    now: DateTime<Utc>,
    reason: Option<&str>,
) -> QueryResult<bool> {
    let t = now.naive_utc();
    let q = diesel::update(
        assignments::table
            .find(id)
            .filter(assignments::status.eq_any(from.to_vec())),
    );
    let n = match to {
        "accepted" => q
            .set((
                assignments::status.eq(to),
                assignments::accepted_at.eq(Some(t)),
                assignments::updated_at.eq(t),
            ))
            .execute(conn)?,
        _ => q
            .set((
                assignments::status.eq(to),
                assignments::decline_reason.eq(reason),
                assignments::ended_at.eq(Some(t)),
                assignments::updated_at.eq(t),
            ))
            .execute(conn)?,
    };
    Ok(n == 1)
}

/// Moves the item's open (offered or accepted) assignments to the item's new priority, so
/// the experts' `next` orders them by it; returns how many moved.
pub fn reprioritise_open(
    conn: &mut DbConn,
    item: &str,
    priority: i32,
    now: DateTime<Utc>,
) -> QueryResult<usize> {
    diesel::update(
        assignments::table
            .filter(assignments::item_id.eq(item))
            .filter(assignments::status.eq_any(["offered", "accepted"])),
    )
    .set((
        assignments::priority.eq(priority),
        assignments::updated_at.eq(now.naive_utc()),
    ))
    .execute(conn)
}

/// The expert's standing in the slice when they submitted a judgment (its provenance),
/// stored as JSON in `assignments.standing_at_submit`.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct StandingAtSubmit {
    pub status: String,
    pub tier: String,
    /// Gold-accuracy lower bound (decayed posterior, configured credible level); None
    /// before any gold answer.
    pub gold_lower_bound: Option<f64>,
    /// Decayed number of gold answers behind the bound.
    pub gold_answers: f64,
}

impl AssignmentRow {
    /// The stored standing at submission, if the judgment has one.
    pub fn standing_at_submit(&self) -> Result<Option<StandingAtSubmit>, crate::db::CorruptData> {
        self.standing_at_submit
            .as_deref()
            .map(|s| crate::db::stored_json("assignments.standing_at_submit", s))
            .transpose()
    }
}

/// Records the submitted label of an accepted assignment (conditional), with the
/// expert's standing at the time when the caller has it (routed work; not calibration).
#[allow(clippy::too_many_arguments)]
pub fn submit(
    conn: &mut DbConn,
    id: &str,
    label_json: &str,
    l: &TypedLabel,
    correct: Option<bool>,
    active_seconds: i64,
    standing: Option<&StandingAtSubmit>,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let t = now.naive_utc();
    let n = diesel::update(
        assignments::table
            .find(id)
            .filter(assignments::status.eq("accepted")),
    )
    .set((
        assignments::status.eq("submitted"),
        assignments::label.eq(Some(label_json)),
        assignments::label_choice.eq(l.choice.as_deref()),
        assignments::label_strength.eq(l.strength),
        assignments::label_score.eq(l.score),
        assignments::label_both_bad.eq(Some(l.both_bad)),
        assignments::cited_clauses.eq(Some(
            serde_json::to_string(&l.cited_clauses).unwrap_or_else(|_| "[]".into()),
        )),
        assignments::correct.eq(correct),
        assignments::active_seconds.eq(Some(active_seconds)),
        assignments::submitted_at.eq(Some(t)),
        assignments::updated_at.eq(t),
        assignments::standing_at_submit.eq(standing
            .map(serde_json::to_string)
            .transpose()
            .map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))?),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// The expert's open item work, most urgent first (priority, then due time).
pub fn open_for_expert(conn: &mut DbConn, expert: &str) -> QueryResult<Vec<AssignmentRow>> {
    assignments::table
        .filter(assignments::expert_id.eq(expert))
        .filter(assignments::role.eq_any(["annotator", "adjudicator"]))
        .filter(assignments::status.eq_any(["offered", "accepted"]))
        .order_by((
            assignments::priority.desc(),
            assignments::due_at.asc(),
            assignments::id.asc(),
        ))
        .select(AssignmentRow::as_select())
        .load(conn)
}

pub fn list_for_expert(
    conn: &mut DbConn,
    expert: &str,
    status: Option<&str>,
    page: &PageRequest,
) -> QueryResult<Vec<AssignmentRow>> {
    let mut q = assignments::table
        .filter(assignments::expert_id.eq(expert))
        .filter(assignments::role.eq_any(["annotator", "adjudicator"]))
        .order_by(assignments::id.desc())
        .limit(page.limit + 1)
        .select(AssignmentRow::as_select())
        .into_boxed();
    if let Some(s) = status {
        q = q.filter(assignments::status.eq(s.to_owned()));
    }
    if let Some(after) = &page.after {
        q = q.filter(assignments::id.lt(after.clone()));
    }
    q.load(conn)
}

/// Offered or accepted item work past its due time.
pub fn overdue(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    limit: i64,
) -> QueryResult<Vec<AssignmentRow>> {
    assignments::table
        .filter(assignments::status.eq_any(["offered", "accepted"]))
        .filter(assignments::role.eq_any(["annotator", "adjudicator"]))
        .filter(assignments::due_at.le(now.naive_utc()))
        .order_by(assignments::due_at.asc())
        .limit(limit)
        .select(AssignmentRow::as_select())
        .load(conn)
}

/// How many of a project slice's most recent annotator offers the probation share is
/// measured over (with `routing.probation_window_days` as the time bound): a bounded read
/// of `assignments_project_idx`, whatever the project's history.
pub const RECENT_OFFERS: i64 = 200;

/// The project slice's latest annotator offers since `since` (at most [`RECENT_OFFERS`]):
/// (all, to probation experts).
pub fn recent_offers(
    conn: &mut DbConn,
    project: &str,
    slice: &str,
    since: DateTime<Utc>,
) -> QueryResult<(i64, i64)> {
    let standings: Vec<Option<String>> = assignments::table
        .filter(assignments::project_id.eq(project))
        .filter(assignments::slice_id.eq(slice))
        .filter(assignments::offered_at.ge(since.naive_utc()))
        .filter(assignments::role.eq("annotator"))
        .order_by(assignments::offered_at.desc())
        .limit(RECENT_OFFERS)
        .select(assignments::standing_at_offer)
        .load(conn)?;
    let probation = standings
        .iter()
        .filter(|s| s.as_deref() == Some("probation"))
        .count();
    Ok((standings.len() as i64, probation as i64))
}

pub fn latest_session(
    conn: &mut DbConn,
    assignment: &str,
) -> QueryResult<Option<(String, NaiveDateTime, NaiveDateTime)>> {
    work_sessions::table
        .filter(work_sessions::assignment_id.eq(assignment))
        .order_by(work_sessions::started_at.desc())
        .select((
            work_sessions::id,
            work_sessions::started_at,
            work_sessions::last_beat_at,
        ))
        .first(conn)
        .optional()
}

pub fn start_session(
    conn: &mut DbConn,
    assignment: &str,
    expert: &str,
    at: DateTime<Utc>,
) -> QueryResult<()> {
    let t = at.naive_utc();
    diesel::insert_into(work_sessions::table)
        .values((
            work_sessions::id.eq(WorkSessionId::new(at).as_str()),
            work_sessions::assignment_id.eq(assignment),
            work_sessions::expert_id.eq(expert),
            work_sessions::started_at.eq(t),
            work_sessions::last_beat_at.eq(t),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn extend_session(conn: &mut DbConn, id: &str, at: DateTime<Utc>) -> QueryResult<()> {
    diesel::update(work_sessions::table.find(id))
        .set(work_sessions::last_beat_at.eq(at.naive_utc()))
        .execute(conn)?;
    Ok(())
}

pub fn sessions_of(
    conn: &mut DbConn,
    assignment: &str,
) -> QueryResult<Vec<(DateTime<Utc>, DateTime<Utc>)>> {
    Ok(work_sessions::table
        .filter(work_sessions::assignment_id.eq(assignment))
        .order_by(work_sessions::started_at.asc())
        .select((work_sessions::started_at, work_sessions::last_beat_at))
        .load::<(NaiveDateTime, NaiveDateTime)>(conn)?
        .into_iter()
        .map(|(a, b)| (crate::clock::utc(a), crate::clock::utc(b)))
        .collect())
}

/// The assignments of several items (for a page of item views), in id order.
pub fn of_items(conn: &mut DbConn, items_: &[String]) -> QueryResult<Vec<AssignmentRow>> {
    if items_.is_empty() {
        return Ok(Vec::new());
    }
    assignments::table
        .filter(assignments::item_id.eq_any(items_.iter().map(|i| Some(i.as_str()))))
        .order_by(assignments::id.asc())
        .select(AssignmentRow::as_select())
        .load(conn)
}

/// Submitted, graded assignments on a gold item (routed and calibration work), oldest first.
pub fn graded_on_gold(conn: &mut DbConn, gold: &str) -> QueryResult<Vec<AssignmentRow>> {
    assignments::table
        .filter(assignments::gold_item_id.eq(gold))
        .filter(assignments::role.eq_any(["annotator", "calibration"]))
        .filter(assignments::status.eq("submitted"))
        .filter(assignments::correct.is_not_null())
        .order_by(assignments::id.asc())
        .select(AssignmentRow::as_select())
        .load(conn)
}

/// A graded assignment by id, whatever its role (gold answers' appeals).
pub fn find_graded(conn: &mut DbConn, id: &str) -> QueryResult<Option<AssignmentRow>> {
    assignments::table
        .find(id)
        .filter(assignments::correct.is_not_null())
        .select(AssignmentRow::as_select())
        .first(conn)
        .optional()
}

/// Sets the verdict of a graded assignment after its gold answer was corrected.
pub fn regrade(conn: &mut DbConn, id: &str, correct: bool, now: DateTime<Utc>) -> QueryResult<()> {
    diesel::update(assignments::table.find(id))
        .set((
            assignments::correct.eq(Some(correct)),
            assignments::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

/// The expert's graded answers on routed gold submitted after `since` (newest first).
pub fn graded_gold_since(
    conn: &mut DbConn,
    expert: &str,
    since: DateTime<Utc>,
) -> QueryResult<Vec<AssignmentRow>> {
    assignments::table
        .filter(assignments::expert_id.eq(expert))
        .filter(assignments::submitted_at.gt(since.naive_utc()))
        .filter(assignments::gold_item_id.is_not_null())
        .filter(assignments::role.eq("annotator"))
        .filter(assignments::correct.is_not_null())
        .order_by(assignments::id.desc())
        .select(AssignmentRow::as_select())
        .load(conn)
}

/// The expert's answers marked wrong against a gold answer and submitted at or
/// before `submitted_before`, newest first (what they may appeal; the gold answers themselves
/// stay hidden).
pub fn failed_gold(
    conn: &mut DbConn,
    expert: &str,
    limit: i64,
    submitted_before: DateTime<Utc>,
) -> QueryResult<Vec<AssignmentRow>> {
    assignments::table
        .filter(assignments::expert_id.eq(expert))
        .filter(assignments::submitted_at.le(submitted_before.naive_utc()))
        .filter(assignments::gold_item_id.is_not_null())
        .filter(assignments::role.eq_any(["annotator", "calibration"]))
        .filter(assignments::correct.eq(false))
        .order_by(assignments::id.desc())
        .limit(limit)
        .select(AssignmentRow::as_select())
        .load(conn)
}
