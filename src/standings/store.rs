//! Queries for slice standings and their history.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::audit::Actor;
use crate::db::DbConn;
use crate::db::schema::{lab_standings, slice_standing_events, slice_standings};
use crate::ids::{LabStandingId, SliceStandingId, StandingEventId};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = slice_standings)]
pub struct StandingRow {
    pub id: String,
    pub expert_id: String,
    pub slice_id: String,
    pub status: String,
    pub status_reason: String,
    pub status_changed_at: NaiveDateTime,
    pub tier: String,
    pub tier_changed_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn find(conn: &mut DbConn, expert: &str, slice: &str) -> QueryResult<Option<StandingRow>> {
    slice_standings::table
        .filter(slice_standings::expert_id.eq(expert))
        .filter(slice_standings::slice_id.eq(slice))
        .select(StandingRow::as_select())
        .first(conn)
        .optional()
}

pub fn list_for_expert(conn: &mut DbConn, expert: &str) -> QueryResult<Vec<StandingRow>> {
    slice_standings::table
        .filter(slice_standings::expert_id.eq(expert))
        .order_by(slice_standings::id.asc())
        .select(StandingRow::as_select())
        .load(conn)
}

/// The standing row, created as `none` / `annotator` if the expert has none yet. A
/// concurrent creator makes the insert fail on the unique key (→ 409, retry).
pub fn ensure(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    expert: &str,
    slice: &str,
) -> QueryResult<StandingRow> {
    if let Some(row) = find(conn, expert, slice)? {
        return Ok(row);
    }
    let t = now.naive_utc();
    diesel::insert_into(slice_standings::table)
        .values((
            slice_standings::id.eq(SliceStandingId::new(now).into_string()),
            slice_standings::expert_id.eq(expert),
            slice_standings::slice_id.eq(slice),
            slice_standings::status.eq("none"),
            slice_standings::status_reason.eq(""),
            slice_standings::status_changed_at.eq(t),
            slice_standings::tier.eq("annotator"),
            slice_standings::tier_changed_at.eq(t),
            // No Thompson sample drawn yet: routing reads it first and draws one.
            slice_standings::score_bound.eq(UNDRAWN),
            slice_standings::created_at.eq(t),
            slice_standings::updated_at.eq(t),
        ))
        .execute(conn)?;
    find(conn, expert, slice)?.ok_or(diesel::result::Error::NotFound)
}

/// Sets status (and the tier that status allows) if the row is still as read.
pub fn update(
    conn: &mut DbConn,
    row: &StandingRow,
    status: &str,
    reason: &str,
    tier: &str,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let t = now.naive_utc();
    let n = diesel::update(
        slice_standings::table
            .find(&row.id)
            .filter(slice_standings::status.eq(&row.status))
            .filter(slice_standings::tier.eq(&row.tier)),
    )
    .set((
        slice_standings::status.eq(status),
        slice_standings::status_reason.eq(reason.trim()),
        slice_standings::status_changed_at.eq(if status == row.status {
            row.status_changed_at
        } else {
            t
        }),
        slice_standings::tier.eq(tier),
        slice_standings::tier_changed_at.eq(if tier == row.tier {
            row.tier_changed_at
        } else {
            t
        }),
        slice_standings::updated_at.eq(t),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = slice_standing_events)]
pub struct EventRow {
    pub id: String,
    pub expert_id: String,
    pub slice_id: String,
    pub aspect: String,
    pub from_value: String,
    pub to_value: String,
    pub reason: String,
    pub details: String,
    pub actor_type: String,
    pub actor_id: Option<String>,
    pub at: NaiveDateTime,
}

pub struct NewEvent<'a> {
    pub expert: &'a str,
    pub slice: &'a str,
    pub aspect: &'a str,
    pub from: &'a str,
    pub to: &'a str,
    pub reason: &'a str,
    pub details: &'a serde_json::Value,
}

pub fn insert_event(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    actor: &Actor,
    e: &NewEvent<'_>,
) -> QueryResult<()> {
    diesel::insert_into(slice_standing_events::table)
        .values((
            slice_standing_events::id.eq(StandingEventId::new(now).into_string()),
            slice_standing_events::expert_id.eq(e.expert),
            slice_standing_events::slice_id.eq(e.slice),
            slice_standing_events::aspect.eq(e.aspect),
            slice_standing_events::from_value.eq(e.from),
            slice_standing_events::to_value.eq(e.to),
            slice_standing_events::reason.eq(e.reason.trim()),
            slice_standing_events::details.eq(e.details.to_string()),
            slice_standing_events::actor_type.eq(actor.kind),
            slice_standing_events::actor_id.eq(actor.id.as_deref()),
            slice_standing_events::at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn events(conn: &mut DbConn, expert: &str, slice: &str) -> QueryResult<Vec<EventRow>> {
    slice_standing_events::table
        .filter(slice_standing_events::expert_id.eq(expert))
        .filter(slice_standing_events::slice_id.eq(slice))
        .order_by(slice_standing_events::id.asc())
        .select(EventRow::as_select())
        .load(conn)
}

pub fn find_event(conn: &mut DbConn, id: &str) -> QueryResult<Option<EventRow>> {
    slice_standing_events::table
        .find(id)
        .select(EventRow::as_select())
        .first(conn)
        .optional()
}

// ---------------------------------------------------------------------------------------
// Routing state kept on the standing: the posterior routing samples from, the drawn
// sample `theta` and the candidate key `score_bound` (routing computes both; this store
// only keeps them).

/// The key of a standing with no drawn sample: above every real key, so the routing
/// read finds undrawn candidates first and draws for them.
pub const UNDRAWN: f64 = 1e9;

/// Stores a drawn sample and its key.
pub fn set_sample(
    conn: &mut DbConn,
    expert: &str,
    slice: &str,
    theta: f64,
    key: f64,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    use crate::db::schema::slice_standings as ss;
    diesel::update(
        ss::table
            .filter(ss::expert_id.eq(expert))
            .filter(ss::slice_id.eq(slice)),
    )
    .set((
        ss::theta.eq(Some(theta)),
        ss::theta_drawn_at.eq(Some(now.naive_utc())),
        ss::score_bound.eq(key),
    ))
    .execute(conn)?;
    Ok(())
}

/// Sets `score_bound = perf·θ + offset` on the drawn standings of these experts.
pub fn rekey(conn: &mut DbConn, experts: &[&str], perf: f64, offset: f64) -> QueryResult<()> {
    use crate::db::schema::slice_standings as ss;
    for chunk in experts.chunks(500) {
        diesel::update(
            ss::table
                .filter(ss::expert_id.eq_any(chunk))
                .filter(ss::theta.is_not_null()),
        )
        .set(ss::score_bound.eq(ss::theta.assume_not_null() * perf + offset))
        .execute(conn)?;
    }
    Ok(())
}

/// Drops up to `limit` samples drawn before `before`, oldest first, so candidates that
/// are never chosen still get fresh draws; returns how many.
pub fn expire_samples(conn: &mut DbConn, before: DateTime<Utc>, limit: i64) -> QueryResult<usize> {
    use crate::db::schema::slice_standings as ss;
    let ids: Vec<String> = ss::table
        .filter(ss::theta.is_not_null())
        .filter(ss::theta_drawn_at.lt(before.naive_utc()))
        .order_by(ss::theta_drawn_at.asc())
        .limit(limit)
        .select(ss::id)
        .load(conn)?;
    if ids.is_empty() {
        return Ok(0);
    }
    diesel::update(ss::table.filter(ss::id.eq_any(&ids)))
        .set((ss::theta.eq(None::<f64>), ss::score_bound.eq(UNDRAWN)))
        .execute(conn)
}

/// Sets the routing posterior of the expert in the slice (scoring keeps it equal to the
/// Beta posterior of decayed gold accuracy) and drops the sample drawn from the old one.
pub fn set_posterior(
    conn: &mut DbConn,
    expert: &str,
    slice: &str,
    alpha: f64,
    beta: f64,
) -> QueryResult<()> {
    use crate::db::schema::slice_standings as ss;
    diesel::update(
        ss::table
            .filter(ss::expert_id.eq(expert))
            .filter(ss::slice_id.eq(slice)),
    )
    .set((
        ss::alpha.eq(alpha),
        ss::beta.eq(beta),
        // The sample came from the old posterior: the next decision draws a new one.
        ss::theta.eq(None::<f64>),
        ss::score_bound.eq(UNDRAWN),
    ))
    .execute(conn)?;
    Ok(())
}

/// Resets routing posteriors to the prior before a recompute rebuilds them.
pub fn reset_posteriors(
    conn: &mut DbConn,
    expert: Option<&str>,
    slice: Option<&str>,
    prior: f64,
) -> QueryResult<()> {
    use crate::db::schema::slice_standings as ss;
    let mut q = diesel::update(ss::table).into_boxed();
    if let Some(e) = expert {
        q = q.filter(ss::expert_id.eq(e.to_owned()));
    }
    if let Some(s) = slice {
        q = q.filter(ss::slice_id.eq(s.to_owned()));
    }
    q.set((
        ss::alpha.eq(prior),
        ss::beta.eq(prior),
        ss::theta.eq(None::<f64>),
        ss::score_bound.eq(UNDRAWN),
    ))
    .execute(conn)?;
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Lab standings: an expert's standing with one lab in a slice the lab does not own, from
// the lab's uncertified gold (see the module docs). Scoring computes the tally and the
// status; this store keeps them.

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = lab_standings)]
pub struct LabStandingRow {
    pub id: String,
    pub expert_id: String,
    pub slice_id: String,
    pub org_id: String,
    pub successes: f64,
    pub failures: f64,
    pub n: i64,
    pub as_of: Option<NaiveDateTime>,
    pub status: String,
    pub status_reason: String,
    pub status_changed_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn find_lab(
    conn: &mut DbConn,
    expert: &str,
    slice: &str,
    org: &str,
) -> QueryResult<Option<LabStandingRow>> {
    lab_standings::table
        .filter(lab_standings::expert_id.eq(expert))
        .filter(lab_standings::slice_id.eq(slice))
        .filter(lab_standings::org_id.eq(org))
        .select(LabStandingRow::as_select())
        .first(conn)
        .optional()
}

/// Locks the expert's standing with the lab in the slice (a no-op update takes the row
/// lock on PostgreSQL), creating it first if needed; a concurrent creator loses the insert
/// inside a savepoint and locks the winner's row.
pub fn lock_lab(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    expert: &str,
    slice: &str,
    org: &str,
) -> QueryResult<LabStandingRow> {
    use diesel::result::{DatabaseErrorKind, Error};
    let t = now.naive_utc();
    let touch = |conn: &mut DbConn| {
        diesel::update(
            lab_standings::table
                .filter(lab_standings::expert_id.eq(expert))
                .filter(lab_standings::slice_id.eq(slice))
                .filter(lab_standings::org_id.eq(org)),
        )
        .set(lab_standings::updated_at.eq(t))
        .execute(conn)
    };
    if touch(conn)? == 0 {
        let inserted = conn.transaction(|conn| {
            diesel::insert_into(lab_standings::table)
                .values((
                    lab_standings::id.eq(LabStandingId::new(now).into_string()),
                    lab_standings::expert_id.eq(expert),
                    lab_standings::slice_id.eq(slice),
                    lab_standings::org_id.eq(org),
                    lab_standings::status_changed_at.eq(t),
                    lab_standings::updated_at.eq(t),
                ))
                .execute(conn)
        });
        match inserted {
            Ok(_) | Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {}
            Err(e) => return Err(e),
        }
        touch(conn)?;
    }
    find_lab(conn, expert, slice, org)?.ok_or(Error::NotFound)
}

/// The tally of a lab standing, as scoring keeps it.
pub struct LabTally {
    pub successes: f64,
    pub failures: f64,
    pub n: i64,
    pub as_of: Option<DateTime<Utc>>,
}

/// Saves the tally and, when `status` is given, the status with its reason.
pub fn save_lab(
    conn: &mut DbConn,
    row: &LabStandingRow,
    tally: &LabTally,
    status: Option<(&str, &str)>,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    let t = now.naive_utc();
    let (to, reason) = status.unwrap_or((&row.status, &row.status_reason));
    let changed = if to == row.status {
        row.status_changed_at
    } else {
        t
    };
    diesel::update(lab_standings::table.find(&row.id))
        .set((
            lab_standings::successes.eq(tally.successes),
            lab_standings::failures.eq(tally.failures),
            lab_standings::n.eq(tally.n),
            lab_standings::as_of.eq(tally.as_of.map(|a| a.naive_utc())),
            lab_standings::status.eq(to),
            lab_standings::status_reason.eq(reason),
            lab_standings::status_changed_at.eq(changed),
            lab_standings::updated_at.eq(t),
        ))
        .execute(conn)?;
    Ok(())
}

/// Whether the lab's own gold bars the expert from the lab's projects in the slice.
pub fn lab_suspended(conn: &mut DbConn, expert: &str, slice: &str, org: &str) -> QueryResult<bool> {
    Ok(find_lab(conn, expert, slice, org)?.is_some_and(|r| r.status == "suspended"))
}

/// The expert's standings with labs, by slice then lab.
pub fn lab_standings_of(conn: &mut DbConn, expert: &str) -> QueryResult<Vec<LabStandingRow>> {
    lab_standings::table
        .filter(lab_standings::expert_id.eq(expert))
        .order_by((lab_standings::slice_id.asc(), lab_standings::org_id.asc()))
        .select(LabStandingRow::as_select())
        .load(conn)
}

/// Empties the lab tallies (not their statuses) of one expert, one slice, both or all,
/// before a recompute rebuilds them.
pub fn reset_lab_tallies(
    conn: &mut DbConn,
    expert: Option<&str>,
    slice: Option<&str>,
) -> QueryResult<usize> {
    let mut q = diesel::update(lab_standings::table).into_boxed();
    if let Some(e) = expert {
        q = q.filter(lab_standings::expert_id.eq(e.to_owned()));
    }
    if let Some(s) = slice {
        q = q.filter(lab_standings::slice_id.eq(s.to_owned()));
    }
    q.set((
        lab_standings::successes.eq(0.0),
        lab_standings::failures.eq(0.0),
        lab_standings::n.eq(0i64),
        lab_standings::as_of.eq(None::<NaiveDateTime>),
    ))
    .execute(conn)
}
