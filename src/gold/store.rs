//! Queries for gold items, always filtered by their owner's scope.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::PageRequest;
use crate::db::schema::gold_items;
use crate::ids::GoldItemId;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = gold_items)]
pub struct GoldRow {
    pub id: String,
    pub owner_kind: String,
    pub org_id: Option<String>,
    pub project_id: Option<String>,
    pub scope: String,
    pub slice_id: String,
    pub external_id: Option<String>,
    pub payload: String,
    pub answer: String,
    pub answer_choice: Option<String>,
    pub answer_strength: Option<i64>,
    pub answer_score: Option<i64>,
    pub answer_both_bad: bool,
    pub explanation: String,
    pub cited_clauses: String,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    /// When a platform admin certified this lab gold item to count in shared slices.
    pub certified_at: Option<NaiveDateTime>,
    pub certified_by: Option<String>,
}

impl GoldRow {
    /// The known answer in typed form (from its typed columns).
    pub fn label(
        &self,
    ) -> Result<crate::taxonomy::label_schema::TypedLabel, crate::db::CorruptData> {
        Ok(crate::taxonomy::label_schema::TypedLabel {
            choice: self.answer_choice.clone(),
            strength: self.answer_strength,
            score: self.answer_score,
            both_bad: self.answer_both_bad,
            rationale: None,
            cited_clauses: crate::db::stored_json("gold_items.cited_clauses", &self.cited_clauses)?,
        })
    }
}

pub struct NewGold<'a> {
    pub owner_kind: &'a str,
    pub org: Option<&'a str>,
    pub project: Option<&'a str>,
    pub scope: &'a str,
    pub slice: &'a str,
    pub external_id: Option<&'a str>,
    pub payload: &'a str,
    pub answer: &'a str,
    pub label: &'a crate::taxonomy::label_schema::TypedLabel,
    pub explanation: &'a str,
    pub created_by: &'a str,
}

pub fn insert(conn: &mut DbConn, now: DateTime<Utc>, g: &NewGold<'_>) -> QueryResult<GoldItemId> {
    let id = GoldItemId::new(now);
    diesel::insert_into(gold_items::table)
        .values((
            gold_items::id.eq(id.as_str()),
            gold_items::owner_kind.eq(g.owner_kind),
            gold_items::org_id.eq(g.org),
            gold_items::project_id.eq(g.project),
            gold_items::scope.eq(g.scope),
            gold_items::slice_id.eq(g.slice),
            gold_items::external_id.eq(g.external_id),
            gold_items::payload.eq(g.payload),
            gold_items::answer.eq(g.answer),
            gold_items::answer_choice.eq(g.label.choice.as_deref()),
            gold_items::answer_strength.eq(g.label.strength),
            gold_items::answer_score.eq(g.label.score),
            gold_items::answer_both_bad.eq(g.label.both_bad),
            gold_items::explanation.eq(g.explanation.trim()),
            gold_items::cited_clauses
                .eq(serde_json::to_string(&g.label.cited_clauses).unwrap_or_else(|_| "[]".into())),
            gold_items::created_by.eq(g.created_by),
            gold_items::created_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(id)
}

pub fn find_by_external_id(
    conn: &mut DbConn,
    scope: &str,
    external_id: &str,
) -> QueryResult<Option<String>> {
    gold_items::table
        .filter(gold_items::scope.eq(scope))
        .filter(gold_items::external_id.eq(external_id))
        .select(gold_items::id)
        .first(conn)
        .optional()
}

/// One page of a scope's gold items, optionally of one slice.
pub fn list(
    conn: &mut DbConn,
    scope: &str,
    slice: Option<&str>,
    page: &PageRequest,
) -> QueryResult<Vec<GoldRow>> {
    let mut q = gold_items::table
        .filter(gold_items::scope.eq(scope.to_owned()))
        .order_by(gold_items::id.asc())
        .limit(page.limit + 1)
        .select(GoldRow::as_select())
        .into_boxed();
    if let Some(s) = slice {
        q = q.filter(gold_items::slice_id.eq(s.to_owned()));
    }
    if let Some(after) = &page.after {
        q = q.filter(gold_items::id.gt(after.clone()));
    }
    q.load(conn)
}

/// The slice's gold items whose external id starts with `prefix` (no LIKE wildcards), in
/// external-id order.
pub fn with_external_prefix(
    conn: &mut DbConn,
    slice: &str,
    prefix: &str,
) -> QueryResult<Vec<GoldRow>> {
    gold_items::table
        .filter(gold_items::slice_id.eq(slice))
        .filter(gold_items::external_id.like(format!("{prefix}%")))
        .order_by(gold_items::external_id.asc())
        .select(GoldRow::as_select())
        .load(conn)
}

/// A gold item by id (routing; callers never hand its answer to experts).
pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<GoldRow>> {
    gold_items::table
        .find(id)
        .select(GoldRow::as_select())
        .first(conn)
        .optional()
}

/// Replaces a gold item's answer (an appeal overturned it); the caller regrades.
pub fn set_answer(
    conn: &mut DbConn,
    id: &str,
    answer_json: &str,
    l: &crate::taxonomy::label_schema::TypedLabel,
) -> QueryResult<()> {
    diesel::update(gold_items::table.find(id))
        .set((
            gold_items::answer.eq(answer_json),
            gold_items::answer_choice.eq(l.choice.as_deref()),
            gold_items::answer_strength.eq(l.strength),
            gold_items::answer_score.eq(l.score),
            gold_items::answer_both_bad.eq(l.both_bad),
            gold_items::cited_clauses
                .eq(serde_json::to_string(&l.cited_clauses).unwrap_or_else(|_| "[]".into())),
        ))
        .execute(conn)?;
    Ok(())
}

/// Certifies (`Some((when, by))`) or un-certifies (`None`) a gold item; false if the item
/// was already in that state.
pub fn set_certified(
    conn: &mut DbConn,
    id: &str,
    certified: Option<(DateTime<Utc>, &str)>,
) -> QueryResult<bool> {
    let target = gold_items::table.find(id);
    let n = match certified {
        Some((at, by)) => diesel::update(target.filter(gold_items::certified_at.is_null()))
            .set((
                gold_items::certified_at.eq(Some(at.naive_utc())),
                gold_items::certified_by.eq(Some(by)),
            ))
            .execute(conn)?,
        None => diesel::update(target.filter(gold_items::certified_at.is_not_null()))
            .set((
                gold_items::certified_at.eq(None::<NaiveDateTime>),
                gold_items::certified_by.eq(None::<String>),
            ))
            .execute(conn)?,
    };
    Ok(n == 1)
}
