//! The `stripe_events` table: every Stripe event processed, with its outcome, so a
//! redelivered event has no second effect.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::stripe_events;

/// The outcome of an event processed before.
pub fn outcome_of(conn: &mut DbConn, id: &str) -> QueryResult<Option<String>> {
    stripe_events::table
        .find(id)
        .select(stripe_events::outcome)
        .first(conn)
        .optional()
}

pub fn insert(
    conn: &mut DbConn,
    id: &str,
    type_: &str,
    outcome: &str,
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(stripe_events::table)
        .values((
            stripe_events::id.eq(id),
            stripe_events::type_.eq(type_),
            stripe_events::outcome.eq(outcome),
            stripe_events::received_at.eq(at),
        ))
        .execute(conn)?;
    Ok(())
}
