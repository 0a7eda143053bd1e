//! Queries for items, always filtered by their lab (`org_id`).

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::PageRequest;
use crate::db::schema::items;
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
    pub constitution_version: Option<i32>,
    pub resolution: Option<String>,
    pub final_label: Option<String>,
    pub attention_reason: Option<String>,
    /// The priority routing orders by: `priority` plus the deadline curve's boost
    /// ([`super::deadlines`]).
    pub effective_priority: i32,
    /// The step of the deadline curve the item has reached (0–4; 4: overdue).
    pub urgency: i32,
    /// When the deadline job found the item past its deadline, unresolved.
    pub overdue_at: Option<NaiveDateTime>,
}

/// The statuses of an item still being worked (neither resolved, cancelled nor expired).
pub const OPEN: [&str; 3] = ["queued", "assigned", "adjudicating"];

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
    pub constitution_version: Option<i32>,
}

pub fn insert(conn: &mut DbConn, now: DateTime<Utc>, i: &NewItem<'_>) -> QueryResult<ItemId> {
    insert_many(conn, now, std::slice::from_ref(i))?
        .pop()
        .ok_or(diesel::result::Error::NotFound)
}

/// Stores a batch of new items with multi-row inserts (the engines differ only in the
/// connection type, so the statement is built once per backend); returns their ids in
/// order.
pub fn insert_many(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    batch: &[NewItem<'_>],
) -> QueryResult<Vec<ItemId>> {
    /// Rows per statement: 19 bound values each stays far below both engines' limits.
    const CHUNK: usize = 500;
    let t = now.naive_utc();
    let ids: Vec<ItemId> = batch.iter().map(|_| ItemId::new(now)).collect();
    for (chunk, chunk_ids) in batch.chunks(CHUNK).zip(ids.chunks(CHUNK)) {
        let rows: Vec<_> = chunk
            .iter()
            .zip(chunk_ids)
            .map(|(i, id)| {
                // A new item starts on the curve's step its deadline is in (never overdue:
                // only the deadline job marks that, sending the event).
                let urgency = super::deadlines::urgency(i.deadline_at, now)
                    .min(super::deadlines::OVERDUE - 1);
                (
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
                    (
                        items::created_by_key.eq(i.created_by_key),
                        items::created_by_user.eq(i.created_by_user),
                        items::constitution_version.eq(i.constitution_version),
                        items::created_at.eq(t),
                        items::updated_at.eq(t),
                        items::urgency.eq(urgency),
                        items::effective_priority
                            .eq(super::deadlines::effective(i.priority, urgency)),
                    ),
                )
            })
            .collect();
        let q = diesel::insert_into(items::table).values(rows);
        match conn {
            DbConn::Pg(c) => q.execute(c)?,
            DbConn::Sqlite(c) => q.execute(c)?,
        };
    }
    Ok(ids)
}

/// What ingestion compares a re-sent row with: the stored item's id and content.
#[derive(Debug, Clone, Queryable)]
pub struct KnownItem {
    pub external_id: String,
    pub id: String,
    pub slice_id: String,
    pub payload: String,
    pub stakes: String,
}

/// The project's items with these external ids, by external id.
pub fn known_by_external_id<'a>(
    conn: &mut DbConn,
    org: &str,
    project: &str,
    external_ids: impl Iterator<Item = &'a str>,
) -> QueryResult<std::collections::HashMap<String, KnownItem>> {
    let mut out = std::collections::HashMap::new();
    let all: Vec<&str> = external_ids.collect();
    for chunk in all.chunks(500) {
        let rows: Vec<KnownItem> = items::table
            .filter(items::org_id.eq(org))
            .filter(items::project_id.eq(project))
            .filter(items::external_id.eq_any(chunk))
            .select((
                items::external_id,
                items::id,
                items::slice_id,
                items::payload,
                items::stakes,
            ))
            .load(conn)?;
        out.extend(rows.into_iter().map(|k| (k.external_id.clone(), k)));
    }
    Ok(out)
}

/// The project's items with these ids (unknown ids, and another project's, are left out).
pub fn in_project_by_ids(
    conn: &mut DbConn,
    org: &str,
    project: &str,
    ids: &[&str],
) -> QueryResult<Vec<ItemRow>> {
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        out.extend(
            items::table
                .filter(items::org_id.eq(org))
                .filter(items::project_id.eq(project))
                .filter(items::id.eq_any(chunk))
                .select(ItemRow::as_select())
                .load(conn)?,
        );
    }
    Ok(out)
}

/// The project's items with these external ids (unknown ones are left out).
pub fn in_project_by_external_ids(
    conn: &mut DbConn,
    org: &str,
    project: &str,
    external_ids: &[&str],
) -> QueryResult<Vec<ItemRow>> {
    let mut out = Vec::with_capacity(external_ids.len());
    for chunk in external_ids.chunks(500) {
        out.extend(
            items::table
                .filter(items::org_id.eq(org))
                .filter(items::project_id.eq(project))
                .filter(items::external_id.eq_any(chunk))
                .select(ItemRow::as_select())
                .load(conn)?,
        );
    }
    Ok(out)
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<ItemRow>> {
    items::table
        .find(id)
        .select(ItemRow::as_select())
        .first(conn)
        .optional()
}

/// The ids of every item, in id order (the demo seed routes them all).
pub fn all_ids(conn: &mut DbConn) -> QueryResult<Vec<String>> {
    items::table
        .select(items::id)
        .order_by(items::id.asc())
        .load(conn)
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
    // `overdue` is an open item past its deadline; an open status names the items of that
    // stage not (yet) overdue, as the item view shows them.
    match f.status.as_deref() {
        Some("overdue") => {
            q = q
                .filter(items::status.eq_any(OPEN))
                .filter(items::overdue_at.is_not_null())
        }
        Some(s) if OPEN.contains(&s) => {
            q = q
                .filter(items::status.eq(s.to_owned()))
                .filter(items::overdue_at.is_null())
        }
        Some(s) => q = q.filter(items::status.eq(s.to_owned())),
        None => {}
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

// ---------------------------------------------------------------------------------------
// Item state

/// Records the reason the lab was last notified that the item needs attention; returns
/// whether it changed (`None` clears it, once the item has its experts).
pub fn set_attention(conn: &mut DbConn, id: &str, reason: Option<&str>) -> QueryResult<bool> {
    let current: Option<String> = items::table
        .find(id)
        .select(items::attention_reason)
        .first(conn)?;
    if current.as_deref() == reason {
        return Ok(false);
    }
    diesel::update(items::table.find(id))
        .set(items::attention_reason.eq(reason))
        .execute(conn)?;
    Ok(true)
}

/// Takes the item's row lock (PostgreSQL) for the rest of the transaction, so routing and
/// resolution of one item never interleave; SQLite's write lock already serialises them.
pub fn lock_item(conn: &mut DbConn, id: &str, now: DateTime<Utc>) -> QueryResult<Option<ItemRow>> {
    // On PostgreSQL a row lock without a new row version (an UPDATE would leave a dead
    // tuple behind on every touch of a hot queue).
    let n = match conn {
        DbConn::Pg(c) => diesel::sql_query("SELECT id FROM items WHERE id = $1 FOR UPDATE")
            .bind::<diesel::sql_types::Text, _>(id)
            .execute(c)?,
        DbConn::Sqlite(_) => diesel::update(items::table.find(id))
            .set(items::updated_at.eq(now.naive_utc()))
            .execute(conn)?,
    };
    if n == 0 {
        return Ok(None);
    }
    find(conn, id)
}

/// [`lock_item`] without waiting: on PostgreSQL an item whose row another transaction
/// holds is skipped (`FOR UPDATE SKIP LOCKED`, `None`); SQLite's write transaction holds
/// the database already, so there it is [`lock_item`].
pub fn try_lock_item(
    conn: &mut DbConn,
    id: &str,
    now: DateTime<Utc>,
) -> QueryResult<Option<ItemRow>> {
    match conn {
        DbConn::Pg(c) => {
            let n = diesel::sql_query("SELECT id FROM items WHERE id = $1 FOR UPDATE SKIP LOCKED")
                .bind::<diesel::sql_types::Text, _>(id)
                .execute(c)?;
            if n == 0 {
                return Ok(None);
            }
            find(conn, id)
        }
        DbConn::Sqlite(_) => lock_item(conn, id, now),
    }
}

pub fn set_status(
    conn: &mut DbConn,
    id: &str,
    status: &str,
    reason: &str,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::update(items::table.find(id))
        .set((
            items::status.eq(status),
            items::status_reason.eq(reason),
            items::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Cancels an open item (queued, assigned or adjudicating); false if it had resolved or
/// been cancelled meanwhile.
pub fn cancel(conn: &mut DbConn, id: &str, reason: &str, now: DateTime<Utc>) -> QueryResult<bool> {
    let n = diesel::update(items::table.find(id).filter(items::status.eq_any(OPEN)))
        .set((
            items::status.eq("cancelled"),
            items::status_reason.eq(reason),
            items::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(n == 1)
}

/// An open item's new schedule: its priority and deadline, the curve step and effective
/// priority they give, and whether it is still overdue.
pub struct Schedule {
    pub priority: i32,
    pub deadline: DateTime<Utc>,
    pub urgency: i32,
    pub effective_priority: i32,
    pub overdue_at: Option<NaiveDateTime>,
}

/// Sets an open item's schedule; false if it had resolved or ended meanwhile.
pub fn reschedule(
    conn: &mut DbConn,
    id: &str,
    s: &Schedule,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let n = diesel::update(items::table.find(id).filter(items::status.eq_any(OPEN)))
        .set((
            items::priority.eq(s.priority),
            items::deadline_at.eq(s.deadline.naive_utc()),
            items::urgency.eq(s.urgency),
            items::effective_priority.eq(s.effective_priority),
            items::overdue_at.eq(s.overdue_at),
            items::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(n == 1)
}

/// Open items below curve step `urgency` whose deadline is at or before `cutoff` (the
/// items crossing into that step), oldest deadline first; at most `limit`. Served by
/// `items_deadline_idx`.
pub fn crossing(
    conn: &mut DbConn,
    urgency: i32,
    cutoff: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<String>> {
    items::table
        .filter(items::status.eq_any(OPEN))
        .filter(items::urgency.lt(urgency))
        .filter(items::deadline_at.le(cutoff))
        .order_by((items::deadline_at.asc(), items::id.asc()))
        .limit(limit)
        .select(items::id)
        .load(conn)
}

/// Raises an open item to curve step `urgency` if it is below it and its deadline is at or
/// before `cutoff` (a conditional update: of two nodes, exactly one raises it); `overdue`
/// also records when it was found overdue. Returns whether this call raised it.
pub fn raise_urgency(
    conn: &mut DbConn,
    id: &str,
    urgency: i32,
    boost: i32,
    cutoff: NaiveDateTime,
    overdue: bool,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let t = now.naive_utc();
    let q = items::table
        .find(id)
        .filter(items::status.eq_any(OPEN))
        .filter(items::urgency.lt(urgency))
        .filter(items::deadline_at.le(cutoff));
    let n = if overdue {
        diesel::update(q)
            .set((
                items::urgency.eq(urgency),
                items::effective_priority.eq(items::priority + boost),
                items::overdue_at.eq(Some(t)),
                items::updated_at.eq(t),
            ))
            .execute(conn)?
    } else {
        diesel::update(q)
            .set((
                items::urgency.eq(urgency),
                items::effective_priority.eq(items::priority + boost),
                items::updated_at.eq(t),
            ))
            .execute(conn)?
    };
    Ok(n == 1)
}

/// Overdue open items of the project whose deadline is at or before `cutoff` (expiry
/// candidates), oldest deadline first; at most `limit`.
pub fn expirable(
    conn: &mut DbConn,
    project: &str,
    cutoff: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<String>> {
    items::table
        .filter(items::status.eq_any(OPEN))
        .filter(items::urgency.eq(super::deadlines::OVERDUE))
        .filter(items::deadline_at.le(cutoff))
        .filter(items::project_id.eq(project))
        .order_by((items::deadline_at.asc(), items::id.asc()))
        .limit(limit)
        .select(items::id)
        .load(conn)
}

/// Ends an overdue open item as `expired`; false if it had resolved or ended meanwhile.
pub fn expire(conn: &mut DbConn, id: &str, reason: &str, now: DateTime<Utc>) -> QueryResult<bool> {
    let n = diesel::update(
        items::table
            .find(id)
            .filter(items::status.eq_any(OPEN))
            .filter(items::overdue_at.is_not_null()),
    )
    .set((
        items::status.eq("expired"),
        items::status_reason.eq(reason),
        items::updated_at.eq(now.naive_utc()),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn resolve(
    conn: &mut DbConn,
    id: &str,
    resolution: &str,
    final_label: Option<&str>,
    reason: &str,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let t = now.naive_utc();
    let n = diesel::update(items::table.find(id).filter(items::status.eq_any(OPEN)))
        .set((
            items::status.eq("resolved"),
            items::status_reason.eq(reason),
            items::resolution.eq(Some(resolution)),
            items::final_label.eq(final_label),
            items::resolved_at.eq(Some(t)),
            items::updated_at.eq(t),
        ))
        .execute(conn)?;
    Ok(n == 1)
}

use crate::db::schema::routing_decisions;
use crate::ids::RoutingDecisionId;

// ---------------------------------------------------------------------------------------
// Outcomes (append-only) and routing decisions

pub struct NewDecision<'a> {
    pub item: &'a str,
    pub org: &'a str,
    pub role: &'a str,
    pub wanted: i32,
    pub chosen: &'a str,
    pub removed: &'a str,
    pub scanned: i32,
    pub sampled: i32,
    pub note: &'a str,
}

pub fn insert_decision(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    d: &NewDecision<'_>,
) -> QueryResult<()> {
    diesel::insert_into(routing_decisions::table)
        .values((
            routing_decisions::id.eq(RoutingDecisionId::new(now).as_str()),
            routing_decisions::item_id.eq(d.item),
            routing_decisions::org_id.eq(d.org),
            routing_decisions::role.eq(d.role),
            routing_decisions::wanted.eq(d.wanted),
            routing_decisions::chosen.eq(d.chosen),
            routing_decisions::removed.eq(d.removed),
            routing_decisions::scanned.eq(d.scanned),
            routing_decisions::sampled.eq(d.sampled),
            routing_decisions::note.eq(d.note),
            routing_decisions::at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = routing_decisions)]
pub struct DecisionRow {
    pub role: String,
    pub wanted: i32,
    pub chosen: String,
    pub removed: String,
    pub scanned: i32,
    pub sampled: i32,
    pub note: String,
    pub at: NaiveDateTime,
}

pub fn decisions_of(conn: &mut DbConn, org: &str, item: &str) -> QueryResult<Vec<DecisionRow>> {
    routing_decisions::table
        .filter(routing_decisions::org_id.eq(org))
        .filter(routing_decisions::item_id.eq(item))
        .order_by(routing_decisions::id.asc())
        .select(DecisionRow::as_select())
        .load(conn)
}

/// The item's latest routing decision.
pub fn last_decision(conn: &mut DbConn, org: &str, item: &str) -> QueryResult<Option<DecisionRow>> {
    routing_decisions::table
        .filter(routing_decisions::org_id.eq(org))
        .filter(routing_decisions::item_id.eq(item))
        .order_by(routing_decisions::id.desc())
        .select(DecisionRow::as_select())
        .first(conn)
        .optional()
}

// ---------------------------------------------------------------------------------------
// The results feed

/// Where the feed continues: after the result resolved at `at` with item id `item`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedCursor {
    pub at: NaiveDateTime,
    pub item: String,
}

impl FeedCursor {
    /// `<microseconds since the epoch>.<item id>`; opaque to clients.
    pub fn encode(&self) -> String {
        format!("{}.{}", self.at.and_utc().timestamp_micros(), self.item)
    }

    pub fn decode(s: &str) -> Option<Self> {
        let (micros, item) = s.split_once('.')?;
        let at = DateTime::<Utc>::from_timestamp_micros(micros.parse().ok()?)?.naive_utc();
        crate::ids::is_valid(ItemId::PREFIX, item).then(|| Self {
            at,
            item: item.to_string(),
        })
    }
}

/// Resolved items of a project (optionally one slice), in resolution order, resolved no
/// later than `until`, after `cursor`; at most `limit` rows.
pub fn resolved_page(
    conn: &mut DbConn,
    org: &str,
    project: &str,
    slice: Option<&str>,
    until: NaiveDateTime,
    after: Option<&FeedCursor>,
    limit: i64,
) -> QueryResult<Vec<ItemRow>> {
    let mut q = items::table
        .filter(items::project_id.eq(project))
        .filter(items::org_id.eq(org))
        .filter(items::status.eq("resolved"))
        .filter(items::resolved_at.le(until))
        .order_by((items::resolved_at.asc(), items::id.asc()))
        .limit(limit)
        .select(ItemRow::as_select())
        .into_boxed();
    if let Some(s) = slice {
        q = q.filter(items::slice_id.eq(s.to_string()));
    }
    if let Some(c) = after {
        q = q.filter(
            items::resolved_at.gt(c.at).or(items::resolved_at
                .eq(c.at)
                .and(items::id.gt(c.item.clone()))),
        );
    }
    q.load(conn)
}

// ---------------------------------------------------------------------------------------
// Gold offers: what a gold assignment shows in place of the real item it displaced, and
// the once-per-(expert, project slice) alert that the expert has seen the whole gold pool.

/// Records a gold assignment's borrowed appearance (the displaced real item's confidence).
pub fn insert_gold_offer(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    assignment: &str,
    project: &str,
    displaced_item: Option<&str>,
    shown_confidence: Option<f64>,
) -> QueryResult<()> {
    use crate::db::schema::gold_offers;
    diesel::insert_into(gold_offers::table)
        .values((
            gold_offers::assignment_id.eq(assignment),
            gold_offers::project_id.eq(project),
            gold_offers::displaced_item_id.eq(displaced_item),
            gold_offers::shown_confidence.eq(shown_confidence),
            gold_offers::created_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

/// The confidence a gold assignment shows (None: no record, e.g. gold offered before
/// gold offers borrowed a real item's appearance).
pub fn gold_shown_confidence(
    conn: &mut DbConn,
    assignment: &str,
) -> QueryResult<Option<Option<f64>>> {
    use crate::db::schema::gold_offers;
    gold_offers::table
        .find(assignment)
        .select(gold_offers::shown_confidence)
        .first::<Option<f64>>(conn)
        .optional()
}

/// The pool size at the last "gold pool exhausted" alert for the expert in the project
/// slice, if one was sent.
pub fn gold_alerted_pool(
    conn: &mut DbConn,
    expert: &str,
    project: &str,
    slice: &str,
) -> QueryResult<Option<i32>> {
    use crate::db::schema::gold_pool_alerts as g;
    g::table
        .filter(g::expert_id.eq(expert))
        .filter(g::project_id.eq(project))
        .filter(g::slice_id.eq(slice))
        .select(g::pool_size)
        .first(conn)
        .optional()
}

/// Records (or moves up) the pool size the expert was last alerted at.
pub fn set_gold_alerted_pool(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    expert: &str,
    project: &str,
    slice: &str,
    pool: i32,
) -> QueryResult<()> {
    use crate::db::schema::gold_pool_alerts as g;
    let t = now.naive_utc();
    let n = diesel::update(
        g::table
            .filter(g::expert_id.eq(expert))
            .filter(g::project_id.eq(project))
            .filter(g::slice_id.eq(slice)),
    )
    .set((g::pool_size.eq(pool), g::alerted_at.eq(t)))
    .execute(conn)?;
    if n == 0 {
        diesel::insert_into(g::table)
            .values((
                g::id.eq(format!("gpa_{}", crate::ids::new_body(now))),
                g::expert_id.eq(expert),
                g::project_id.eq(project),
                g::slice_id.eq(slice),
                g::pool_size.eq(pool),
                g::alerted_at.eq(t),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Sets the reason of the waiting items among `ids` (still queued or adjudicating), in
/// one statement: a project at its budget cap, whose items wait (README "Budget").
pub fn set_waiting_reason(
    conn: &mut DbConn,
    ids: &[String],
    reason: &str,
    now: DateTime<Utc>,
) -> QueryResult<usize> {
    let mut n = 0;
    for chunk in ids.chunks(500) {
        n += diesel::update(
            items::table
                .filter(items::id.eq_any(chunk))
                .filter(items::status.eq_any(["queued", "adjudicating"])),
        )
        .set((
            items::status_reason.eq(reason),
            items::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    }
    Ok(n)
}

/// Replaces the budget reason of the project's waiting items (the budget allows new work
/// again), in one statement.
pub fn clear_budget_reason(
    conn: &mut DbConn,
    project: &str,
    reason: &str,
    now: DateTime<Utc>,
) -> QueryResult<usize> {
    diesel::update(
        items::table
            .filter(items::project_id.eq(project))
            .filter(items::status.eq_any(["queued", "adjudicating"]))
            .filter(items::status_reason.like("budget_reached:%")),
    )
    .set((
        items::status_reason.eq(reason),
        items::updated_at.eq(now.naive_utc()),
    ))
    .execute(conn)
}
