//! Queries for appeals.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::appeals;
use crate::ids::AppealId;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = appeals)]
pub struct AppealRow {
    pub id: String,
    pub expert_id: String,
    pub slice_id: String,
    pub kind: String,
    pub subject_id: String,
    pub gold_item_id: Option<String>,
    pub decider_org_id: Option<String>,
    pub explanation: String,
    pub status: String,
    pub decision_reason: Option<String>,
    pub decided_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

pub struct NewAppeal<'a> {
    pub expert: &'a str,
    pub slice: &'a str,
    pub kind: &'a str,
    pub subject: &'a str,
    pub gold_item: Option<&'a str>,
    pub decider_org: Option<&'a str>,
    pub explanation: &'a str,
}

/// Inserts an open appeal; `None` when the subject already has one open (unique index).
pub fn insert(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    a: &NewAppeal<'_>,
) -> QueryResult<Option<AppealId>> {
    let id = AppealId::new(now);
    let r = conn.transaction(|conn| {
        diesel::insert_into(appeals::table)
            .values((
                appeals::id.eq(id.as_str()),
                appeals::expert_id.eq(a.expert),
                appeals::slice_id.eq(a.slice),
                appeals::kind.eq(a.kind),
                appeals::subject_id.eq(a.subject),
                appeals::gold_item_id.eq(a.gold_item),
                appeals::decider_org_id.eq(a.decider_org),
                appeals::explanation.eq(a.explanation),
                appeals::status.eq("open"),
                appeals::created_at.eq(now.naive_utc()),
            ))
            .execute(conn)
    });
    match r {
        Ok(_) => Ok(Some(id)),
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => Ok(None),
        Err(e) => Err(e),
    }
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<AppealRow>> {
    appeals::table
        .find(id)
        .select(AppealRow::as_select())
        .first(conn)
        .optional()
}

/// Who a list shows: everything, or the union of one expert's own appeals, appeals a set
/// of orgs decide, and appeals by experts on those vendors' rosters.
pub struct Scope<'a> {
    pub all: bool,
    pub expert: Option<&'a str>,
    pub orgs: &'a [String],
}

/// Records the decision if the appeal is still open.
pub fn decide(
    conn: &mut DbConn,
    id: &str,
    status: &str,
    reason: &str,
    by: &str,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let n = diesel::update(appeals::table.find(id).filter(appeals::status.eq("open")))
        .set((
            appeals::status.eq(status),
            appeals::decision_reason.eq(Some(reason)),
            appeals::decided_by.eq(Some(by)),
            appeals::decided_at.eq(Some(now.naive_utc())),
        ))
        .execute(conn)?;
    Ok(n == 1)
}
