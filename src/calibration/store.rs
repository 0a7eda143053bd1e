//! Queries for calibration sessions, their participants and assignments.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::assignments::AssignmentRow;
use crate::db::DbConn;
use crate::db::schema::{calibration_participants, calibration_sessions};
use crate::ids::{CalibrationParticipantId, CalibrationSessionId};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = calibration_sessions)]
pub struct SessionRow {
    pub id: String,
    pub org_id: Option<String>,
    pub slice_id: String,
    pub title: String,
    pub set_key: String,
    pub gold_item_ids: String,
    pub pass_threshold: f64,
    pub opens_at: NaiveDateTime,
    pub closes_at: NaiveDateTime,
    pub status: String,
    pub origin: String,
    pub reason: String,
    pub repeat_of: Option<String>,
    pub created_by: Option<String>,
    pub created_at: NaiveDateTime,
    pub closed_at: Option<NaiveDateTime>,
}

impl SessionRow {
    pub fn gold_items(&self) -> Result<Vec<String>, crate::db::CorruptData> {
        crate::db::stored_json("calibration_sessions.gold_item_ids", &self.gold_item_ids)
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = calibration_participants)]
pub struct ParticipantRow {
    pub id: String,
    pub expert_id: String,
    pub status: String,
    pub answered: i32,
    pub correct: i32,
    pub total: i32,
    pub passed: Option<bool>,
}

pub struct NewSession<'a> {
    pub org: Option<&'a str>,
    pub slice: &'a str,
    pub title: &'a str,
    pub set_key: &'a str,
    pub gold_items: &'a [String],
    pub pass_threshold: f64,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub origin: &'a str,
    pub reason: &'a str,
    pub repeat_of: Option<&'a str>,
    pub created_by: Option<&'a str>,
}

pub fn insert_session(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    s: &NewSession<'_>,
) -> QueryResult<CalibrationSessionId> {
    let id = CalibrationSessionId::new(now);
    diesel::insert_into(calibration_sessions::table)
        .values((
            calibration_sessions::id.eq(id.as_str()),
            calibration_sessions::org_id.eq(s.org),
            calibration_sessions::slice_id.eq(s.slice),
            calibration_sessions::title.eq(s.title),
            calibration_sessions::set_key.eq(s.set_key),
            calibration_sessions::gold_item_ids
                .eq(serde_json::to_string(s.gold_items).unwrap_or_else(|_| "[]".into())),
            calibration_sessions::pass_threshold.eq(s.pass_threshold),
            calibration_sessions::opens_at.eq(s.opens_at.naive_utc()),
            calibration_sessions::closes_at.eq(s.closes_at.naive_utc()),
            calibration_sessions::status.eq("open"),
            calibration_sessions::origin.eq(s.origin),
            calibration_sessions::reason.eq(s.reason),
            calibration_sessions::repeat_of.eq(s.repeat_of),
            calibration_sessions::created_by.eq(s.created_by),
            calibration_sessions::created_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(id)
}

pub fn find_session(conn: &mut DbConn, id: &str) -> QueryResult<Option<SessionRow>> {
    calibration_sessions::table
        .find(id)
        .select(SessionRow::as_select())
        .first(conn)
        .optional()
}

/// Sessions visible to the caller: `orgs` None = all; otherwise those orgs' sessions;
/// `expert` adds the sessions the expert takes part in.
pub fn list_sessions(
    conn: &mut DbConn,
    orgs: Option<&[String]>,
    expert: Option<&str>,
    slice: Option<&str>,
    after: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<SessionRow>> {
    let mut q = calibration_sessions::table.into_boxed();
    match (orgs, expert) {
        (None, _) => {}
        (Some(orgs), Some(e)) => {
            q = q.filter(
                calibration_sessions::org_id
                    .eq_any(orgs.to_vec())
                    .or(calibration_sessions::id.eq_any(
                        calibration_participants::table
                            .filter(calibration_participants::expert_id.eq(e.to_owned()))
                            .select(calibration_participants::session_id),
                    )),
            );
        }
        (Some(orgs), None) => {
            q = q.filter(calibration_sessions::org_id.eq_any(orgs.to_vec()));
        }
    }
    if let Some(s) = slice {
        q = q.filter(calibration_sessions::slice_id.eq(s.to_owned()));
    }
    if let Some(a) = after {
        q = q.filter(calibration_sessions::id.gt(a.to_owned()));
    }
    q.order_by(calibration_sessions::id.asc())
        .limit(limit)
        .select(SessionRow::as_select())
        .load(conn)
}

/// The owner's sessions on the same set (for drift), oldest first: `org`'s, or the
/// platform's (None).
pub fn same_set(
    conn: &mut DbConn,
    set_key: &str,
    org: Option<&str>,
) -> QueryResult<Vec<SessionRow>> {
    let q = calibration_sessions::table
        .filter(calibration_sessions::set_key.eq(set_key))
        .order_by(calibration_sessions::id.asc())
        .select(SessionRow::as_select())
        .into_boxed();
    match org {
        Some(o) => q.filter(calibration_sessions::org_id.eq(o.to_owned())),
        None => q.filter(calibration_sessions::org_id.is_null()),
    }
    .load(conn)
}

pub fn due_sessions(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    limit: i64,
) -> QueryResult<Vec<SessionRow>> {
    calibration_sessions::table
        .filter(calibration_sessions::status.eq("open"))
        .filter(calibration_sessions::closes_at.le(now.naive_utc()))
        .order_by(calibration_sessions::closes_at.asc())
        .limit(limit)
        .select(SessionRow::as_select())
        .load(conn)
}

/// Marks the session closed if it is still open.
pub fn close_session(conn: &mut DbConn, id: &str, now: DateTime<Utc>) -> QueryResult<bool> {
    let n = diesel::update(
        calibration_sessions::table
            .find(id)
            .filter(calibration_sessions::status.eq("open")),
    )
    .set((
        calibration_sessions::status.eq("closed"),
        calibration_sessions::closed_at.eq(Some(now.naive_utc())),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn insert_participant(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    session: &str,
    expert: &str,
    total: i32,
) -> QueryResult<()> {
    diesel::insert_into(calibration_participants::table)
        .values((
            calibration_participants::id.eq(CalibrationParticipantId::new(now).into_string()),
            calibration_participants::session_id.eq(session),
            calibration_participants::expert_id.eq(expert),
            calibration_participants::status.eq("invited"),
            calibration_participants::total.eq(total),
            calibration_participants::created_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn participants(conn: &mut DbConn, session: &str) -> QueryResult<Vec<ParticipantRow>> {
    calibration_participants::table
        .filter(calibration_participants::session_id.eq(session))
        .order_by(calibration_participants::id.asc())
        .select(ParticipantRow::as_select())
        .load(conn)
}

pub fn participant(
    conn: &mut DbConn,
    session: &str,
    expert: &str,
) -> QueryResult<Option<ParticipantRow>> {
    calibration_participants::table
        .filter(calibration_participants::session_id.eq(session))
        .filter(calibration_participants::expert_id.eq(expert))
        .select(ParticipantRow::as_select())
        .first(conn)
        .optional()
}

/// Counts one answer (a conditional increment: never past the total).
pub fn count_answer(conn: &mut DbConn, id: &str, correct: bool) -> QueryResult<bool> {
    let n = diesel::update(
        calibration_participants::table
            .find(id)
            .filter(calibration_participants::status.eq("invited"))
            .filter(calibration_participants::answered.lt(calibration_participants::total)),
    )
    .set((
        calibration_participants::answered.eq(calibration_participants::answered + 1),
        calibration_participants::correct
            .eq(calibration_participants::correct + i32::from(correct)),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn finish_participant(
    conn: &mut DbConn,
    id: &str,
    status: &str,
    passed: bool,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let n = diesel::update(
        calibration_participants::table
            .find(id)
            .filter(calibration_participants::status.eq("invited")),
    )
    .set((
        calibration_participants::status.eq(status),
        calibration_participants::passed.eq(Some(passed)),
        calibration_participants::completed_at.eq(Some(now.naive_utc())),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Moves a participant's correct count after one of their answers was regraded.
pub fn regrade_participant(conn: &mut DbConn, a: &AssignmentRow, correct: bool) -> QueryResult<()> {
    let Some(session) = &a.calibration_session_id else {
        return Ok(());
    };
    let delta = if correct { 1 } else { -1 };
    diesel::update(
        calibration_participants::table
            .filter(calibration_participants::session_id.eq(session))
            .filter(calibration_participants::expert_id.eq(&a.expert_id)),
    )
    .set(calibration_participants::correct.eq(calibration_participants::correct + delta))
    .execute(conn)?;
    Ok(())
}
