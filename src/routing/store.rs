//! Queries for items, always filtered by their lab (`org_id`).

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::items;
use crate::http::pagination::PageRequest;
use crate::ids::ItemId;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = items)]
pub struct ItemRow {
    pub id: String,
    pub org_id: String,
    pub project_id: String,
    pub slice_id: String,
    pub external_id: String,
    pub payload: String,
    pub judge_confidence: Option<f64>,
    pub stakes: String,
    pub priority: i32,
    pub deadline_at: NaiveDateTime,
    pub status: String,
    pub status_reason: String,
    pub created_by_key: Option<String>,
    pub created_by_user: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub resolved_at: Option<NaiveDateTime>,
}

pub struct NewItem<'a> {
    pub org: &'a str,
    pub project: &'a str,
    pub slice: &'a str,
    pub external_id: &'a str,
    pub payload: &'a str,
    pub judge_confidence: Option<f64>,
    pub stakes: &'a str,
    pub priority: i32,
    pub deadline_at: DateTime<Utc>,
    pub status_reason: &'a str,
    pub created_by_key: Option<&'a str>,
    pub created_by_user: Option<&'a str>,
}

pub fn insert(conn: &mut DbConn, now: DateTime<Utc>, i: &NewItem<'_>) -> QueryResult<ItemId> {
    let id = ItemId::new(now);
    let t = now.naive_utc();
    diesel::insert_into(items::table)
        .values((
            items::id.eq(id.as_str()),
            items::org_id.eq(i.org),
            items::project_id.eq(i.project),
            items::slice_id.eq(i.slice),
            items::external_id.eq(i.external_id),
            items::payload.eq(i.payload),
            items::judge_confidence.eq(i.judge_confidence),
            items::stakes.eq(i.stakes),
            items::priority.eq(i.priority),
            items::deadline_at.eq(i.deadline_at.naive_utc()),
            items::status.eq("queued"),
            items::status_reason.eq(i.status_reason),
            items::created_by_key.eq(i.created_by_key),
            items::created_by_user.eq(i.created_by_user),
            items::created_at.eq(t),
            items::updated_at.eq(t),
        ))
        .execute(conn)?;
    Ok(id)
}

pub fn find_by_external_id(
    conn: &mut DbConn,
    org: &str,
    project: &str,
    external_id: &str,
) -> QueryResult<Option<String>> {
    items::table
        .filter(items::org_id.eq(org))
        .filter(items::project_id.eq(project))
        .filter(items::external_id.eq(external_id))
        .select(items::id)
        .first(conn)
        .optional()
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<ItemRow>> {
    items::table
        .find(id)
        .select(ItemRow::as_select())
        .first(conn)
        .optional()
}

pub struct Filter {
    pub status: Option<String>,
    pub slice: Option<String>,
    pub external_id: Option<String>,
}

pub fn list(
    conn: &mut DbConn,
    org: &str,
    project: &str,
    f: &Filter,
    page: &PageRequest,
) -> QueryResult<Vec<ItemRow>> {
    let mut q = items::table
        .filter(items::org_id.eq(org))
        .filter(items::project_id.eq(project))
        .order_by(items::id.asc())
        .limit(page.limit + 1)
        .select(ItemRow::as_select())
        .into_boxed();
    if let Some(s) = &f.status {
        q = q.filter(items::status.eq(s.clone()));
    }
    if let Some(s) = &f.slice {
        q = q.filter(items::slice_id.eq(s.clone()));
    }
    if let Some(x) = &f.external_id {
        q = q.filter(items::external_id.eq(x.clone()));
    }
    if let Some(after) = &page.after {
        q = q.filter(items::id.gt(after.clone()));
    }
    q.load(conn)
}
