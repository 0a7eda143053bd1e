//! Queries on `webhook_endpoints`, `webhook_deliveries` and `webhook_attempts`. Every read
//! a lab can reach filters by its organisation.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::EventType;
use crate::db::DbConn;
use crate::db::PageRequest;
use crate::db::schema::{webhook_attempts, webhook_deliveries, webhook_endpoints};
use crate::ids::{WebhookAttemptId, WebhookDeliveryId, WebhookEndpointId};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = webhook_endpoints)]
pub struct EndpointRow {
    pub id: String,
    pub org_id: String,
    pub url: String,
    pub description: String,
    pub events: String,
    pub secret: String,
    pub previous_secret: Option<String>,
    pub previous_secret_expires_at: Option<NaiveDateTime>,
    pub enabled: bool,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub deleted_at: Option<NaiveDateTime>,
}

impl EndpointRow {
    pub fn events(&self) -> Result<Vec<EventType>, crate::db::CorruptData> {
        crate::db::stored_json("webhook_endpoints.events", &self.events)
    }

    /// The secrets that sign now: the current one, and the previous one until it expires.
    pub fn signing_secrets(&self, now: DateTime<Utc>) -> Vec<&str> {
        let mut s = vec![self.secret.as_str()];
        if let (Some(prev), Some(until)) = (&self.previous_secret, self.previous_secret_expires_at)
            && now.naive_utc() < until
        {
            s.push(prev);
        }
        s
    }
}

pub struct NewEndpoint<'a> {
    pub org: &'a str,
    pub url: &'a str,
    pub description: &'a str,
    pub events: &'a [EventType],
    pub secret: &'a str,
    pub created_by: &'a str,
}

pub fn insert_endpoint(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    e: &NewEndpoint<'_>,
) -> QueryResult<EndpointRow> {
    let id = WebhookEndpointId::new(now);
    let t = now.naive_utc();
    diesel::insert_into(webhook_endpoints::table)
        .values((
            webhook_endpoints::id.eq(id.as_str()),
            webhook_endpoints::org_id.eq(e.org),
            webhook_endpoints::url.eq(e.url),
            webhook_endpoints::description.eq(e.description),
            webhook_endpoints::events.eq(serde_json::to_string(e.events).unwrap_or_default()),
            webhook_endpoints::secret.eq(e.secret),
            webhook_endpoints::enabled.eq(true),
            webhook_endpoints::created_by.eq(e.created_by),
            webhook_endpoints::created_at.eq(t),
            webhook_endpoints::updated_at.eq(t),
        ))
        .execute(conn)?;
    find_endpoint(conn, e.org, id.as_str()).map(|r| r.ok_or(diesel::result::Error::NotFound))?
}

/// A live (not deleted) endpoint of the organisation.
pub fn find_endpoint(conn: &mut DbConn, org: &str, id: &str) -> QueryResult<Option<EndpointRow>> {
    webhook_endpoints::table
        .filter(webhook_endpoints::id.eq(id))
        .filter(webhook_endpoints::org_id.eq(org))
        .filter(webhook_endpoints::deleted_at.is_null())
        .select(EndpointRow::as_select())
        .first(conn)
        .optional()
}

/// An endpoint by id, deleted or not (deliveries of a deleted endpoint are not sent).
pub fn endpoint_by_id(conn: &mut DbConn, id: &str) -> QueryResult<Option<EndpointRow>> {
    webhook_endpoints::table
        .find(id)
        .select(EndpointRow::as_select())
        .first(conn)
        .optional()
}

pub fn list_endpoints(
    conn: &mut DbConn,
    org: &str,
    page: &PageRequest,
) -> QueryResult<Vec<EndpointRow>> {
    let mut q = webhook_endpoints::table
        .filter(webhook_endpoints::org_id.eq(org))
        .filter(webhook_endpoints::deleted_at.is_null())
        .order_by(webhook_endpoints::id.asc())
        .limit(page.limit + 1)
        .select(EndpointRow::as_select())
        .into_boxed();
    if let Some(after) = &page.after {
        q = q.filter(webhook_endpoints::id.gt(after.clone()));
    }
    q.load(conn)
}

/// Live, enabled endpoints of the organisation (the caller filters by subscription).
pub fn enabled_endpoints(conn: &mut DbConn, org: &str) -> QueryResult<Vec<EndpointRow>> {
    webhook_endpoints::table
        .filter(webhook_endpoints::org_id.eq(org))
        .filter(webhook_endpoints::deleted_at.is_null())
        .filter(webhook_endpoints::enabled.eq(true))
        .order_by(webhook_endpoints::id.asc())
        .select(EndpointRow::as_select())
        .load(conn)
}

/// The fields a PATCH changes; `None` leaves a column as it is.
#[derive(AsChangeset)]
#[diesel(table_name = webhook_endpoints)]
pub struct EndpointChange<'a> {
    pub url: Option<&'a str>,
    pub description: Option<&'a str>,
    /// JSON array of event types.
    pub events: Option<String>,
    pub enabled: Option<bool>,
    pub updated_at: NaiveDateTime,
}

pub fn update_endpoint(conn: &mut DbConn, id: &str, c: &EndpointChange<'_>) -> QueryResult<()> {
    diesel::update(webhook_endpoints::table.find(id))
        .set(c)
        .execute(conn)?;
    Ok(())
}

/// Replaces the secret if it is still the one `row` holds (a concurrent rotation wins
/// otherwise); returns whether it did.
pub fn rotate_secret(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    row: &EndpointRow,
    new_secret: &str,
    overlap_until: DateTime<Utc>,
) -> QueryResult<bool> {
    let n = diesel::update(
        webhook_endpoints::table
            .find(&row.id)
            .filter(webhook_endpoints::secret.eq(&row.secret)),
    )
    .set((
        webhook_endpoints::secret.eq(new_secret),
        webhook_endpoints::previous_secret.eq(Some(&row.secret)),
        webhook_endpoints::previous_secret_expires_at.eq(Some(overlap_until.naive_utc())),
        webhook_endpoints::updated_at.eq(now.naive_utc()),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Live endpoints of the organisation.
pub fn count_endpoints(conn: &mut DbConn, org: &str) -> QueryResult<i64> {
    webhook_endpoints::table
        .filter(webhook_endpoints::org_id.eq(org))
        .filter(webhook_endpoints::deleted_at.is_null())
        .count()
        .get_result(conn)
}

pub fn delete_endpoint(conn: &mut DbConn, now: DateTime<Utc>, id: &str) -> QueryResult<bool> {
    let t = now.naive_utc();
    let n = diesel::update(
        webhook_endpoints::table
            .find(id)
            .filter(webhook_endpoints::deleted_at.is_null()),
    )
    .set((
        webhook_endpoints::deleted_at.eq(Some(t)),
        webhook_endpoints::enabled.eq(false),
        webhook_endpoints::updated_at.eq(t),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

// ---------------------------------------------------------------------------------------
// Deliveries

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = webhook_deliveries)]
pub struct DeliveryRow {
    pub id: String,
    pub org_id: String,
    pub endpoint_id: String,
    pub event_id: String,
    pub event_type: String,
    pub payload: String,
    pub status: String,
    pub attempts: i32,
    pub attempt_limit: i32,
    pub next_attempt_at: Option<NaiveDateTime>,
    pub last_status_code: Option<i32>,
    pub last_error: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub delivered_at: Option<NaiveDateTime>,
}

pub struct NewDelivery<'a> {
    pub org: &'a str,
    pub endpoint: &'a str,
    pub event_id: &'a str,
    pub event_type: &'a str,
    pub payload: &'a str,
    pub attempt_limit: i32,
}

pub fn insert_delivery(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    d: &NewDelivery<'_>,
) -> QueryResult<WebhookDeliveryId> {
    let id = WebhookDeliveryId::new(now);
    let t = now.naive_utc();
    diesel::insert_into(webhook_deliveries::table)
        .values((
            webhook_deliveries::id.eq(id.as_str()),
            webhook_deliveries::org_id.eq(d.org),
            webhook_deliveries::endpoint_id.eq(d.endpoint),
            webhook_deliveries::event_id.eq(d.event_id),
            webhook_deliveries::event_type.eq(d.event_type),
            webhook_deliveries::payload.eq(d.payload),
            webhook_deliveries::status.eq("pending"),
            webhook_deliveries::attempts.eq(0),
            webhook_deliveries::attempt_limit.eq(d.attempt_limit),
            webhook_deliveries::next_attempt_at.eq(Some(t)),
            webhook_deliveries::created_at.eq(t),
            webhook_deliveries::updated_at.eq(t),
        ))
        .execute(conn)?;
    Ok(id)
}

pub fn find_delivery(conn: &mut DbConn, id: &str) -> QueryResult<Option<DeliveryRow>> {
    webhook_deliveries::table
        .find(id)
        .select(DeliveryRow::as_select())
        .first(conn)
        .optional()
}

/// A delivery of the organisation.
pub fn delivery_of(conn: &mut DbConn, org: &str, id: &str) -> QueryResult<Option<DeliveryRow>> {
    webhook_deliveries::table
        .filter(webhook_deliveries::id.eq(id))
        .filter(webhook_deliveries::org_id.eq(org))
        .select(DeliveryRow::as_select())
        .first(conn)
        .optional()
}

pub fn list_deliveries(
    conn: &mut DbConn,
    org: &str,
    endpoint: &str,
    status: Option<&str>,
    page: &PageRequest,
) -> QueryResult<Vec<DeliveryRow>> {
    let mut q = webhook_deliveries::table
        .filter(webhook_deliveries::org_id.eq(org))
        .filter(webhook_deliveries::endpoint_id.eq(endpoint))
        .order_by(webhook_deliveries::id.desc())
        .limit(page.limit + 1)
        .select(DeliveryRow::as_select())
        .into_boxed();
    if let Some(s) = status {
        q = q.filter(webhook_deliveries::status.eq(s.to_string()));
    }
    if let Some(before) = &page.after {
        q = q.filter(webhook_deliveries::id.lt(before.clone()));
    }
    q.load(conn)
}

/// How an attempt ended, as recorded.
pub struct AttemptRecord<'a> {
    pub status_code: Option<i32>,
    pub error: Option<&'a str>,
    pub response_body: Option<&'a str>,
    pub duration_ms: i64,
    pub succeeded: bool,
    /// No point retrying (the endpoint was disabled or deleted): fail now.
    pub give_up: bool,
}

/// Records attempt number `d.attempts + 1` if the delivery is still pending at that count
/// (no other worker recorded it first); returns whether it did. The delivery becomes
/// `succeeded`, `failed` (out of attempts) or stays `pending` until `retry_at`.
pub fn record_attempt(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    d: &DeliveryRow,
    a: &AttemptRecord<'_>,
    retry_at: Option<DateTime<Utc>>,
) -> QueryResult<bool> {
    let t = now.naive_utc();
    let attempts = d.attempts + 1;
    let (status, next) = if a.succeeded {
        ("succeeded", None)
    } else if a.give_up || attempts >= d.attempt_limit {
        ("failed", None)
    } else {
        ("pending", retry_at.map(|r| r.naive_utc()))
    };
    let n = diesel::update(
        webhook_deliveries::table
            .find(&d.id)
            .filter(webhook_deliveries::status.eq("pending"))
            .filter(webhook_deliveries::attempts.eq(d.attempts)),
    )
    .set((
        webhook_deliveries::status.eq(status),
        webhook_deliveries::attempts.eq(attempts),
        webhook_deliveries::next_attempt_at.eq(next),
        webhook_deliveries::last_status_code.eq(a.status_code),
        webhook_deliveries::last_error.eq(a.error),
        webhook_deliveries::updated_at.eq(t),
        webhook_deliveries::delivered_at.eq(a.succeeded.then_some(t)),
    ))
    .execute(conn)?;
    if n == 0 {
        return Ok(false);
    }
    diesel::insert_into(webhook_attempts::table)
        .values((
            webhook_attempts::id.eq(WebhookAttemptId::new(now).as_str()),
            webhook_attempts::delivery_id.eq(&d.id),
            webhook_attempts::attempted_at.eq(t),
            webhook_attempts::status_code.eq(a.status_code),
            webhook_attempts::error.eq(a.error),
            webhook_attempts::response_body.eq(a.response_body),
            webhook_attempts::duration_ms.eq(a.duration_ms),
        ))
        .execute(conn)?;
    Ok(true)
}

/// Makes a delivery pending again with a fresh allowance of attempts: a finished one, or a
/// pending one whose attempt is overdue by more than `stale_before` allows (its job died).
pub fn reopen(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    d: &DeliveryRow,
    max_attempts: i32,
    stale_before: DateTime<Utc>,
) -> QueryResult<bool> {
    let t = now.naive_utc();
    let n = diesel::update(
        webhook_deliveries::table
            .find(&d.id)
            .filter(
                webhook_deliveries::status
                    .ne("pending")
                    .or(webhook_deliveries::next_attempt_at.lt(stale_before.naive_utc())),
            )
            .filter(webhook_deliveries::attempts.eq(d.attempts)),
    )
    .set((
        webhook_deliveries::status.eq("pending"),
        webhook_deliveries::attempt_limit.eq(d.attempts + max_attempts),
        webhook_deliveries::next_attempt_at.eq(Some(t)),
        webhook_deliveries::updated_at.eq(t),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = webhook_attempts)]
pub struct AttemptRow {
    pub id: String,
    pub delivery_id: String,
    pub attempted_at: NaiveDateTime,
    pub status_code: Option<i32>,
    pub error: Option<String>,
    pub response_body: Option<String>,
    pub duration_ms: i64,
}

pub fn attempts_of(conn: &mut DbConn, delivery: &str) -> QueryResult<Vec<AttemptRow>> {
    webhook_attempts::table
        .filter(webhook_attempts::delivery_id.eq(delivery))
        .order_by(webhook_attempts::id.asc())
        .select(AttemptRow::as_select())
        .load(conn)
}
