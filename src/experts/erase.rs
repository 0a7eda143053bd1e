//! The expert's own part of account deletion (the whole of it is ordered by
//! [`crate::privacy`]): the profile is anonymised and the expert offboarded, with the
//! vetting transition recorded.

use chrono::{DateTime, Utc};
use diesel::QueryResult;

use crate::audit::Actor;
use crate::db::DbConn;

/// Anonymises the expert's profile and moves them to `offboarded`.
pub fn erase_expert_profile(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    expert: &str,
    actor: &Actor,
) -> QueryResult<()> {
    if let Some(row) = super::store::find(conn, expert)?
        && row.vetting_status != "offboarded"
    {
        super::store::insert_transition(
            conn,
            now,
            expert,
            Some(&row.vetting_status),
            "offboarded",
            "account deleted by the expert",
            actor,
        )?;
    }
    super::store::erase_profile(conn, expert, now)
}
