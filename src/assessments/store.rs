//! Queries for assessments and their assignments.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::assessments;
use crate::ids::AssessmentId;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = assessments)]
pub struct AssessmentRow {
    pub id: String,
    pub expert_id: String,
    pub slice_id: String,
    pub status: String,
    pub item_count: i32,
    pub correct_count: Option<i32>,
    pub threshold_bp: i32,
    pub started_at: NaiveDateTime,
    pub due_at: NaiveDateTime,
    pub finished_at: Option<NaiveDateTime>,
    pub active_seconds: Option<i64>,
    pub missed_clauses: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<AssessmentRow>> {
    assessments::table
        .find(id)
        .select(AssessmentRow::as_select())
        .first(conn)
        .optional()
}

pub fn list_for_expert(conn: &mut DbConn, expert: &str) -> QueryResult<Vec<AssessmentRow>> {
    assessments::table
        .filter(assessments::expert_id.eq(expert))
        .order_by(assessments::id.desc())
        .select(AssessmentRow::as_select())
        .load(conn)
}

pub fn open_for(
    conn: &mut DbConn,
    expert: &str,
    slice: &str,
) -> QueryResult<Option<AssessmentRow>> {
    assessments::table
        .filter(assessments::expert_id.eq(expert))
        .filter(assessments::slice_id.eq(slice))
        .filter(assessments::status.eq("in_progress"))
        .select(AssessmentRow::as_select())
        .first(conn)
        .optional()
}

/// The most recent failed or timed-out attempt in the slice (the retake cooldown runs from it).
pub fn last_unsuccessful(
    conn: &mut DbConn,
    expert: &str,
    slice: &str,
) -> QueryResult<Option<AssessmentRow>> {
    assessments::table
        .filter(assessments::expert_id.eq(expert))
        .filter(assessments::slice_id.eq(slice))
        .filter(assessments::status.eq_any(["failed", "expired"]))
        .order_by(assessments::id.desc())
        .select(AssessmentRow::as_select())
        .first(conn)
        .optional()
}

/// Takes the open assessment's row lock (a no-op update) so that answering, submitting
/// and grading one assessment run one after another on PostgreSQL as on SQLite; false
/// if it is no longer open.
pub fn lock_open(conn: &mut DbConn, id: &str, now: DateTime<Utc>) -> QueryResult<bool> {
    let n = diesel::update(
        assessments::table
            .find(id)
            .filter(assessments::status.eq("in_progress")),
    )
    .set(assessments::updated_at.eq(now.naive_utc()))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn overdue(conn: &mut DbConn, now: DateTime<Utc>) -> QueryResult<Vec<AssessmentRow>> {
    assessments::table
        .filter(assessments::status.eq("in_progress"))
        .filter(assessments::due_at.le(now.naive_utc()))
        .order_by(assessments::id.asc())
        .select(AssessmentRow::as_select())
        .load(conn)
}

pub fn insert_assessment(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    expert: &str,
    slice: &str,
    items: i32,
    threshold_bp: i32,
    due_at: DateTime<Utc>,
) -> QueryResult<AssessmentId> {
    let id = AssessmentId::new(now);
    let t = now.naive_utc();
    diesel::insert_into(assessments::table)
        .values((
            assessments::id.eq(id.as_str()),
            assessments::expert_id.eq(expert),
            assessments::slice_id.eq(slice),
            assessments::status.eq("in_progress"),
            assessments::item_count.eq(items),
            assessments::threshold_bp.eq(threshold_bp),
            assessments::started_at.eq(t),
            assessments::due_at.eq(due_at.naive_utc()),
            assessments::created_at.eq(t),
            assessments::updated_at.eq(t),
        ))
        .execute(conn)?;
    Ok(id)
}

pub struct Closing<'a> {
    pub status: &'a str,
    pub correct_count: i32,
    pub active_seconds: i64,
    pub missed_clauses: &'a str,
}

/// Closes an open assessment once: false if it was already closed.
pub fn close(
    conn: &mut DbConn,
    id: &str,
    c: &Closing<'_>,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let t = now.naive_utc();
    let n = diesel::update(
        assessments::table
            .find(id)
            .filter(assessments::status.eq("in_progress")),
    )
    .set((
        assessments::status.eq(c.status),
        assessments::correct_count.eq(Some(c.correct_count)),
        assessments::finished_at.eq(Some(t)),
        assessments::active_seconds.eq(Some(c.active_seconds)),
        assessments::missed_clauses.eq(Some(c.missed_clauses)),
        assessments::updated_at.eq(t),
    ))
    .execute(conn)?;
    Ok(n == 1)
}
