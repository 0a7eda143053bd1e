//! Queries on the tables this feature owns: `jobs` and `job_schedules`.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::Queue;
use crate::db::DbConn;
use crate::db::schema::{job_schedules, jobs};
use crate::ids::JobId;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = jobs)]
pub struct JobRow {
    pub id: String,
    pub queue: String,
    pub kind: String,
    pub payload: String,
    pub status: String,
    pub attempts: i32,
    pub run_at: NaiveDateTime,
    pub locked_by: Option<String>,
    pub locked_until: Option<NaiveDateTime>,
    pub last_error: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub finished_at: Option<NaiveDateTime>,
}

pub fn insert(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    run_at: DateTime<Utc>,
    queue: Queue,
    kind: &str,
    payload: &str,
) -> QueryResult<JobId> {
    let id = JobId::new(now);
    let t = now.naive_utc();
    diesel::insert_into(jobs::table)
        .values((
            jobs::id.eq(id.as_str()),
            jobs::queue.eq(queue.as_str()),
            jobs::kind.eq(kind),
            jobs::payload.eq(payload),
            jobs::status.eq("queued"),
            jobs::attempts.eq(0),
            jobs::run_at.eq(run_at.naive_utc()),
            jobs::created_at.eq(t),
            jobs::updated_at.eq(t),
        ))
        .execute(conn)?;
    Ok(id)
}

/// Claims one due job of `queues` for `worker`, or `None` if none is due.
/// Due = queued with `run_at <= now`, or running with an expired lease (its worker died);
/// such a job that already used `max_attempts` is parked as dead instead.
pub fn claim(
    conn: &mut DbConn,
    queues: &[&str],
    worker: &str,
    now: DateTime<Utc>,
    lease: Duration,
    max_attempts: i32,
) -> QueryResult<Option<JobRow>> {
    let t = now.naive_utc();
    // A few rounds: losing a race to another worker just means trying the next candidate.
    for _ in 0..8 {
        let candidate: Option<(String, i32, String)> = jobs::table
            .filter(jobs::queue.eq_any(queues))
            .filter(
                jobs::status
                    .eq("queued")
                    .and(jobs::run_at.le(t))
                    .or(jobs::status.eq("running").and(jobs::locked_until.le(t))),
            )
            .order_by((jobs::run_at.asc(), jobs::id.asc()))
            .select((jobs::id, jobs::attempts, jobs::status))
            .first(conn)
            .optional()?;
        let Some((id, attempts, status)) = candidate else {
            return Ok(None);
        };
        let still_claimable = jobs::id
            .eq(&id)
            .and(jobs::attempts.eq(attempts))
            .and(jobs::status.eq(&status));
        if status == "running" && attempts >= max_attempts {
            // Its last attempt's worker died: park it instead of exceeding the limit.
            diesel::update(jobs::table.filter(still_claimable))
                .set((
                    jobs::status.eq("dead"),
                    jobs::locked_by.eq(None::<String>),
                    jobs::locked_until.eq(None::<NaiveDateTime>),
                    jobs::last_error.eq("the worker's lease expired during the final attempt"),
                    jobs::updated_at.eq(t),
                    jobs::finished_at.eq(Some(t)),
                ))
                .execute(conn)?;
            continue;
        }
        let claimed = diesel::update(jobs::table.filter(still_claimable))
            .set((
                jobs::status.eq("running"),
                jobs::attempts.eq(attempts + 1),
                jobs::locked_by.eq(Some(worker)),
                jobs::locked_until.eq(Some((now + lease).naive_utc())),
                jobs::updated_at.eq(t),
            ))
            .execute(conn)?;
        if claimed == 1 {
            return jobs::table
                .find(&id)
                .select(JobRow::as_select())
                .first(conn)
                .optional();
        }
    }
    Ok(None)
}

/// Marks a claimed job done. Returns false if the lease was lost to another worker.
pub fn succeed(conn: &mut DbConn, id: &str, worker: &str, now: DateTime<Utc>) -> QueryResult<bool> {
    let t = now.naive_utc();
    let n = diesel::update(
        jobs::table
            .filter(jobs::id.eq(id))
            .filter(jobs::locked_by.eq(worker))
            .filter(jobs::status.eq("running")),
    )
    .set((
        jobs::status.eq("succeeded"),
        jobs::locked_by.eq(None::<String>),
        jobs::locked_until.eq(None::<NaiveDateTime>),
        jobs::last_error.eq(None::<String>),
        jobs::updated_at.eq(t),
        jobs::finished_at.eq(Some(t)),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Records a failed attempt: back to `queued` at `retry_at`, or `dead` when `retry_at` is None.
pub fn fail(
    conn: &mut DbConn,
    id: &str,
    worker: &str,
    now: DateTime<Utc>,
    error: &str,
    retry_at: Option<DateTime<Utc>>,
) -> QueryResult<bool> {
    let t = now.naive_utc();
    let error: String = error.chars().take(2000).collect();
    let target = jobs::table
        .filter(jobs::id.eq(id))
        .filter(jobs::locked_by.eq(worker))
        .filter(jobs::status.eq("running"));
    let n = match retry_at {
        Some(at) => diesel::update(target)
            .set((
                jobs::status.eq("queued"),
                jobs::run_at.eq(at.naive_utc()),
                jobs::locked_by.eq(None::<String>),
                jobs::locked_until.eq(None::<NaiveDateTime>),
                jobs::last_error.eq(Some(error)),
                jobs::updated_at.eq(t),
            ))
            .execute(conn)?,
        None => diesel::update(target)
            .set((
                jobs::status.eq("dead"),
                jobs::locked_by.eq(None::<String>),
                jobs::locked_until.eq(None::<NaiveDateTime>),
                jobs::last_error.eq(Some(error)),
                jobs::updated_at.eq(t),
                jobs::finished_at.eq(Some(t)),
            ))
            .execute(conn)?,
    };
    Ok(n == 1)
}

/// Moves a running job's `locked_until` to `until` while it is still `worker`'s.
/// Returns false when the lease was lost (another worker claimed the job).
pub fn renew_lease(
    conn: &mut DbConn,
    id: &str,
    worker: &str,
    until: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        jobs::table
            .filter(jobs::id.eq(id))
            .filter(jobs::locked_by.eq(worker))
            .filter(jobs::status.eq("running")),
    )
    .set((jobs::locked_until.eq(Some(until)), jobs::updated_at.eq(now)))
    .execute(conn)?;
    Ok(n == 1)
}

/// How many jobs of `kind` are queued or running.
pub fn count_pending(conn: &mut DbConn, kind: &str) -> QueryResult<i64> {
    jobs::table
        .filter(jobs::kind.eq(kind))
        .filter(jobs::status.eq_any(["queued", "running"]))
        .count()
        .get_result(conn)
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<JobRow>> {
    jobs::table
        .find(id)
        .select(JobRow::as_select())
        .first(conn)
        .optional()
}

pub fn list_by_kind(conn: &mut DbConn, kind: &str) -> QueryResult<Vec<JobRow>> {
    jobs::table
        .filter(jobs::kind.eq(kind))
        .order_by(jobs::id.asc())
        .select(JobRow::as_select())
        .load(conn)
}

/// Parks queued jobs of `kind` whose payload matches the LIKE `pattern` (escape `\`) as
/// `dead` with `reason`, then replaces the payload of every job of `kind` that matches
/// with `redacted`: personal data leaves the queue (account deletion).
pub fn redact_matching(
    conn: &mut DbConn,
    kind: &str,
    pattern: &str,
    reason: &str,
    redacted: &str,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::update(
        jobs::table
            .filter(jobs::kind.eq(kind))
            .filter(jobs::status.eq("queued"))
            .filter(jobs::payload.like(pattern).escape('\\')),
    )
    .set((
        jobs::status.eq("dead"),
        jobs::last_error.eq(Some(reason)),
        jobs::finished_at.eq(Some(now.naive_utc())),
    ))
    .execute(conn)?;
    diesel::update(
        jobs::table
            .filter(jobs::kind.eq(kind))
            .filter(jobs::payload.like(pattern).escape('\\')),
    )
    .set(jobs::payload.eq(redacted))
    .execute(conn)?;
    Ok(())
}

/// The `next_run_at` of the schedule of `kind`, or `None` if it has no schedule.
pub fn schedule_next_run_at(conn: &mut DbConn, kind: &str) -> QueryResult<Option<NaiveDateTime>> {
    job_schedules::table
        .find(kind)
        .select(job_schedules::next_run_at)
        .first(conn)
        .optional()
}

/// Moves the schedule of `kind` from `expected_next` to `next_run_at`, recording
/// `last_run_at`, if nobody moved it first. Returns true when this call won the tick.
pub fn advance_schedule(
    conn: &mut DbConn,
    kind: &str,
    expected_next: NaiveDateTime,
    next_run_at: NaiveDateTime,
    last_run_at: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        job_schedules::table
            .find(kind)
            .filter(job_schedules::next_run_at.eq(expected_next)),
    )
    .set((
        job_schedules::next_run_at.eq(next_run_at),
        job_schedules::last_run_at.eq(Some(last_run_at)),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Creates the schedule of `kind` due at `next_run_at` unless it exists
/// (`INSERT … ON CONFLICT DO NOTHING`, which diesel offers per backend only).
/// Returns how many rows it created (0 or 1).
pub fn insert_schedule_if_missing(
    conn: &mut DbConn,
    kind: &str,
    queue: Queue,
    next_run_at: NaiveDateTime,
) -> QueryResult<usize> {
    let row = (
        job_schedules::kind.eq(kind),
        job_schedules::queue.eq(queue.as_str()),
        job_schedules::next_run_at.eq(next_run_at),
    );
    match conn {
        DbConn::Pg(c) => diesel::insert_into(job_schedules::table)
            .values(row)
            .on_conflict(job_schedules::kind)
            .do_nothing()
            .execute(c),
        DbConn::Sqlite(c) => diesel::insert_into(job_schedules::table)
            .values(row)
            .on_conflict(job_schedules::kind)
            .do_nothing()
            .execute(c),
    }
}
