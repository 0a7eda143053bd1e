//! Queries for slice standings and their history.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::audit::Actor;
use crate::db::DbConn;
use crate::db::schema::{slice_standing_events, slice_standings};
use crate::ids::{SliceStandingId, StandingEventId};

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
            slice_standings::score_bound.eq(crate::routing::decide::UNDRAWN),
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
