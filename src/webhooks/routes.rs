//! `/v1/orgs/{org}/webhook-endpoints` (register, list, change, delete, rotate the secret,
//! send a test event, list deliveries) and `/v1/orgs/{org}/webhook-deliveries/{delivery}`
//! (one delivery with its attempts; redeliver). Organisation administrators only.

use actix_web::{HttpResponse, delete, get, patch, post, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::{IntoParams, ToSchema};

use super::store::{self, AttemptRow, DeliveryRow, EndpointRow};
use super::{EventType, deliver::Deliverer};
use crate::audit::{self, Actor, Entry};
use crate::auth::Principal;
use crate::http::pagination::{Page, PageParams};
use crate::http::{ApiError, ApiResult, Checks, FieldError, Json, Query, Validate, path_id};
use crate::ids::{EventId, OrgId, WebhookDeliveryId, WebhookEndpointId};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(create_endpoint)
        .service(list_endpoints)
        .service(get_endpoint)
        .service(update_endpoint)
        .service(delete_endpoint)
        .service(rotate_secret)
        .service(send_test)
        .service(list_deliveries)
        .service(get_delivery)
        .service(redeliver);
}

/// A webhook endpoint (its secret is shown only when created or rotated).
#[derive(Debug, Serialize, ToSchema)]
pub struct EndpointView {
    pub id: WebhookEndpointId,
    pub org_id: OrgId,
    #[schema(example = "https://hooks.example-lab.com/cadre")]
    pub url: String,
    pub description: String,
    pub events: Vec<EventType>,
    /// Disabled endpoints receive nothing; their pending deliveries fail.
    pub enabled: bool,
    /// Until when the previous secret also signs, after a rotation.
    pub previous_secret_expires_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl TryFrom<&EndpointRow> for EndpointView {
    type Error = crate::db::CorruptData;

    fn try_from(e: &EndpointRow) -> Result<Self, Self::Error> {
        Ok(Self {
            id: WebhookEndpointId::from_db(e.id.clone()),
            org_id: OrgId::from_db(e.org_id.clone()),
            url: e.url.clone(),
            description: e.description.clone(),
            events: e.events()?,
            enabled: e.enabled,
            previous_secret_expires_at: e.previous_secret_expires_at.map(crate::clock::utc),
            created_at: crate::clock::utc(e.created_at),
            updated_at: crate::clock::utc(e.updated_at),
        })
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EndpointWithSecret {
    #[serde(flatten)]
    pub endpoint: EndpointView,
    /// The signing secret, shown only in this response: verify `Cadre-Signature` with it.
    #[schema(example = "whsec_3q2-7wSVtB0aS…")]
    pub secret: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateEndpoint {
    /// `https://` URL on a public address (checked now, and again at every delivery).
    #[schema(min_length = 1, max_length = 2048)]
    pub url: String,
    /// Event types to receive (at least one).
    #[schema(min_items = 1)]
    pub events: Vec<EventType>,
    #[serde(default)]
    #[schema(max_length = 500)]
    pub description: String,
}

fn check_events(c: &mut Checks, events: &[EventType]) {
    c.check(
        !events.is_empty(),
        "events",
        "must list at least one event type",
    );
    for (i, e) in events.iter().enumerate() {
        if !EventType::SUBSCRIBABLE.contains(e) {
            c.push(
                format!("events[{i}]"),
                format!("`{}` cannot be subscribed to", e.as_str()),
            );
        }
    }
}

impl Validate for CreateEndpoint {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        c.text(&self.url, "url", 1, 2048);
        c.text(&self.description, "description", 0, 500);
        check_events(&mut c, &self.events);
        c.finish()
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateEndpoint {
    #[schema(min_length = 1, max_length = 2048)]
    pub url: Option<String>,
    #[schema(min_items = 1)]
    pub events: Option<Vec<EventType>>,
    #[schema(max_length = 500)]
    pub description: Option<String>,
    pub enabled: Option<bool>,
}

impl Validate for UpdateEndpoint {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        if let Some(u) = &self.url {
            c.text(u, "url", 1, 2048);
        }
        if let Some(d) = &self.description {
            c.text(d, "description", 0, 500);
        }
        if let Some(e) = &self.events {
            check_events(&mut c, e);
        }
        c.finish()
    }
}

/// The event types once each, in a stable order.
fn distinct(events: &[EventType]) -> Vec<EventType> {
    let mut e = events.to_vec();
    e.sort_by_key(|e| e.as_str());
    e.dedup();
    e
}

/// Endpoints per organisation: every event fans out to each, so the number is bounded.
pub const MAX_ENDPOINTS: i64 = 20;

fn new_secret() -> String {
    format!("whsec_{}", crate::auth::tokens::random_secret())
}

/// Checks a URL as the delivery client will see it; 422 naming `url` when refused.
async fn checked_url(deliverer: &Deliverer, url: &str) -> ApiResult<String> {
    deliverer
        .check_registration(url)
        .await
        .map_err(|e| ApiError::invalid_field("url", e))
}

fn endpoint_not_found(id: &WebhookEndpointId) -> ApiError {
    ApiError::not_found(format!("webhook endpoint {id} not found"))
}

/// Register a webhook endpoint
///
/// Organisation administrators. The URL must be `https://` and every address its host
/// resolves to must be public (loopback, private, link-local and other internal addresses
/// are refused, unless `webhooks.allow_private_addresses` is on). At most 20 per
/// organization (409 beyond). The response carries the signing secret, shown only now.
#[utoipa::path(
    tag = "webhooks",
    params(("org" = OrgId, Path, description = "Organization id")),
    request_body = CreateEndpoint,
    responses(
        (status = 201, description = "Registered; `secret` is shown only now", body = EndpointWithSecret),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security(("bearer" = []))
)]
#[post("/orgs/{org}/webhook-endpoints")]
async fn create_endpoint(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<CreateEndpoint>,
) -> ApiResult<HttpResponse> {
    let org: OrgId = path_id("org", &path)?;
    let admin = principal.org_admin(&org)?.clone();
    let b = body.into_inner();
    let url = checked_url(&state.webhooks, &b.url).await?;
    let secret = new_secret();
    let now = state.clock.now();
    let row = state
        .db
        .write(move |conn| {
            crate::db::write_tx(conn, |conn| {
                if store::count_endpoints(conn, org.as_str())? >= MAX_ENDPOINTS {
                    return Err(ApiError::conflict(format!(
                        "an organization may have at most {MAX_ENDPOINTS} webhook endpoints; delete one first"
                    )));
                }
                let events = distinct(&b.events);
                let row = store::insert_endpoint(
                    conn,
                    now,
                    &store::NewEndpoint {
                        org: org.as_str(),
                        url: &url,
                        description: &b.description,
                        events: &events,
                        secret: &secret,
                        created_by: admin.user_id.as_str(),
                    },
                )?;
                audit::record(
                    conn,
                    now,
                    &Actor::of(&principal),
                    Entry {
                        action: "webhook_endpoint.created",
                        org_id: Some(org.as_str()),
                        subject_type: "webhook_endpoint",
                        subject_id: Some(&row.id),
                        details: json!({ "url": row.url, "events": events }),
                    },
                )?;
                Ok::<_, ApiError>(row)
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(EndpointWithSecret {
        endpoint: EndpointView::try_from(&row)?,
        secret: row.secret,
    }))
}

/// List webhook endpoints
///
/// Organisation administrators; secrets are never listed.
#[utoipa::path(
    tag = "webhooks",
    params(("org" = OrgId, Path, description = "Organization id"), PageParams),
    responses(
        (status = 200, description = "One page of endpoints", body = Page<EndpointView>),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/orgs/{org}/webhook-endpoints")]
async fn list_endpoints(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    q: Query<PageParams>,
) -> ApiResult<HttpResponse> {
    let org: OrgId = path_id("org", &path)?;
    principal.org_admin(&org)?;
    let page = q.0.resolve(WebhookEndpointId::PREFIX)?;
    let p = page.clone();
    let rows = state
        .db
        .read(move |conn| store::list_endpoints(conn, org.as_str(), &p).map_err(ApiError::from))
        .await?;
    Ok(HttpResponse::Ok().json(Page::try_from_rows(
        rows,
        &page,
        |r| r.id.clone(),
        |r| EndpointView::try_from(&r),
    )?))
}

/// The endpoint, if the caller administers its organisation.
async fn endpoint(
    state: &AppState,
    principal: &Principal,
    org: &str,
    id: &str,
) -> ApiResult<(OrgId, WebhookEndpointId, EndpointRow)> {
    let org: OrgId = path_id("org", org)?;
    let id: WebhookEndpointId = path_id("endpoint", id)?;
    principal.org_admin(&org)?;
    let (o, i) = (org.clone(), id.clone());
    let row = state
        .db
        .read(move |conn| {
            store::find_endpoint(conn, o.as_str(), i.as_str()).map_err(ApiError::from)
        })
        .await?
        .ok_or_else(|| endpoint_not_found(&id))?;
    Ok((org, id, row))
}

/// Get a webhook endpoint
#[utoipa::path(
    tag = "webhooks",
    params(("org" = OrgId, Path, description = "Organization id"),
        ("endpoint" = WebhookEndpointId, Path, description = "Endpoint id")),
    responses(
        (status = 200, description = "The endpoint", body = EndpointView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/orgs/{org}/webhook-endpoints/{endpoint}")]
async fn get_endpoint(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(String, String)>,
) -> ApiResult<HttpResponse> {
    let (_, _, row) = endpoint(&state, &principal, &path.0, &path.1).await?;
    Ok(HttpResponse::Ok().json(EndpointView::try_from(&row)?))
}

/// Change a webhook endpoint
///
/// Its URL (checked as at registration), event types, description, or `enabled`.
#[utoipa::path(
    tag = "webhooks",
    params(("org" = OrgId, Path, description = "Organization id"),
        ("endpoint" = WebhookEndpointId, Path, description = "Endpoint id")),
    request_body = UpdateEndpoint,
    responses(
        (status = 200, description = "The changed endpoint", body = EndpointView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security(("bearer" = []))
)]
#[patch("/orgs/{org}/webhook-endpoints/{endpoint}")]
async fn update_endpoint(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(String, String)>,
    body: Json<UpdateEndpoint>,
) -> ApiResult<HttpResponse> {
    let (org, id, _) = endpoint(&state, &principal, &path.0, &path.1).await?;
    let b = body.into_inner();
    let url = match &b.url {
        Some(u) => Some(checked_url(&state.webhooks, u).await?),
        None => None,
    };
    let now = state.clock.now();
    let row = state
        .db
        .write(move |conn| {
            crate::db::write_tx(conn, |conn| {
                let events = b.events.as_deref().map(distinct);
                store::update_endpoint(
                    conn,
                    id.as_str(),
                    &store::EndpointChange {
                        url: url.as_deref(),
                        description: b.description.as_deref(),
                        events: events
                            .as_ref()
                            .map(|e| serde_json::to_string(e).unwrap_or_default()),
                        enabled: b.enabled,
                        updated_at: now.naive_utc(),
                    },
                )?;
                audit::record(
                    conn,
                    now,
                    &Actor::of(&principal),
                    Entry {
                        action: "webhook_endpoint.updated",
                        org_id: Some(org.as_str()),
                        subject_type: "webhook_endpoint",
                        subject_id: Some(id.as_str()),
                        details: json!({ "url": url, "events": events, "enabled": b.enabled }),
                    },
                )?;
                store::find_endpoint(conn, org.as_str(), id.as_str())?
                    .ok_or_else(|| endpoint_not_found(&id))
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(EndpointView::try_from(&row)?))
}

/// Delete a webhook endpoint
///
/// It receives nothing more; its delivery log stays readable through the deliveries.
#[utoipa::path(
    tag = "webhooks",
    params(("org" = OrgId, Path, description = "Organization id"),
        ("endpoint" = WebhookEndpointId, Path, description = "Endpoint id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[delete("/orgs/{org}/webhook-endpoints/{endpoint}")]
async fn delete_endpoint(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(String, String)>,
) -> ApiResult<HttpResponse> {
    let (org, id, _) = endpoint(&state, &principal, &path.0, &path.1).await?;
    let now = state.clock.now();
    state
        .db
        .write(move |conn| {
            crate::db::write_tx(conn, |conn| {
                if !store::delete_endpoint(conn, now, id.as_str())? {
                    return Err(endpoint_not_found(&id));
                }
                audit::record(
                    conn,
                    now,
                    &Actor::of(&principal),
                    Entry {
                        action: "webhook_endpoint.deleted",
                        org_id: Some(org.as_str()),
                        subject_type: "webhook_endpoint",
                        subject_id: Some(id.as_str()),
                        details: json!({}),
                    },
                )?;
                Ok(())
            })
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Rotate an endpoint's signing secret
///
/// Returns the new secret (shown only now). The previous secret keeps signing, as a second
/// `v1` in `Cadre-Signature`, for `webhooks.rotation_overlap_secs` (default 24 h), so
/// receivers can switch without dropping events.
#[utoipa::path(
    tag = "webhooks",
    params(("org" = OrgId, Path, description = "Organization id"),
        ("endpoint" = WebhookEndpointId, Path, description = "Endpoint id")),
    responses(
        (status = 200, description = "The endpoint with its new secret", body = EndpointWithSecret),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[post("/orgs/{org}/webhook-endpoints/{endpoint}/rotate-secret")]
async fn rotate_secret(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(String, String)>,
) -> ApiResult<HttpResponse> {
    let (org, id, row) = endpoint(&state, &principal, &path.0, &path.1).await?;
    let now = state.clock.now();
    let until = now + chrono::Duration::seconds(state.settings.webhooks.rotation_overlap_secs);
    let secret = new_secret();
    let s = secret.clone();
    let row = state
        .db
        .write(move |conn| {
            crate::db::write_tx(conn, |conn| {
                if !store::rotate_secret(conn, now, &row, &s, until)? {
                    return Err(ApiError::conflict(
                        "the secret was rotated concurrently; read the endpoint and try again",
                    ));
                }
                audit::record(
                    conn,
                    now,
                    &Actor::of(&principal),
                    Entry {
                        action: "webhook_endpoint.secret_rotated",
                        org_id: Some(org.as_str()),
                        subject_type: "webhook_endpoint",
                        subject_id: Some(id.as_str()),
                        details: json!({ "previous_valid_until": until }),
                    },
                )?;
                store::find_endpoint(conn, org.as_str(), id.as_str())?
                    .ok_or_else(|| endpoint_not_found(&id))
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(EndpointWithSecret {
        endpoint: EndpointView::try_from(&row)?,
        secret,
    }))
}

/// A delivery of one event to one endpoint.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryView {
    pub id: WebhookDeliveryId,
    pub endpoint_id: WebhookEndpointId,
    pub event_id: EventId,
    pub event_type: String,
    /// `pending` (an attempt is due at `next_attempt_at`), `succeeded` (a 2xx answer) or
    /// `failed` (out of attempts, or the endpoint was disabled or deleted).
    #[schema(example = "succeeded")]
    pub status: String,
    pub attempts: i32,
    /// Attempts allowed before it fails.
    pub attempt_limit: i32,
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub last_status_code: Option<i32>,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub delivered_at: Option<DateTime<Utc>>,
}

impl From<&DeliveryRow> for DeliveryView {
    fn from(d: &DeliveryRow) -> Self {
        Self {
            id: WebhookDeliveryId::from_db(d.id.clone()),
            endpoint_id: WebhookEndpointId::from_db(d.endpoint_id.clone()),
            event_id: EventId::from_db(d.event_id.clone()),
            event_type: d.event_type.clone(),
            status: d.status.clone(),
            attempts: d.attempts,
            attempt_limit: d.attempt_limit,
            next_attempt_at: d.next_attempt_at.map(crate::clock::utc),
            last_status_code: d.last_status_code,
            last_error: d.last_error.clone(),
            created_at: crate::clock::utc(d.created_at),
            delivered_at: d.delivered_at.map(crate::clock::utc),
        }
    }
}

/// One attempt, with the start of the response body.
#[derive(Debug, Serialize, ToSchema)]
pub struct AttemptView {
    pub attempted_at: DateTime<Utc>,
    /// The HTTP status of the answer; null when none came (refused, connection error,
    /// timeout).
    pub status_code: Option<i32>,
    pub error: Option<String>,
    /// At most `webhooks.max_response_bytes` of the body, marked `[truncated]` if cut.
    pub response_body: Option<String>,
    pub duration_ms: i64,
}

impl From<AttemptRow> for AttemptView {
    fn from(a: AttemptRow) -> Self {
        Self {
            attempted_at: crate::clock::utc(a.attempted_at),
            status_code: a.status_code,
            error: a.error,
            response_body: a.response_body,
            duration_ms: a.duration_ms,
        }
    }
}

/// A delivery with the exact body sent and every attempt.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryDetail {
    #[serde(flatten)]
    pub delivery: DeliveryView,
    /// The event as sent.
    #[schema(value_type = Object)]
    pub payload: Value,
    pub attempt_log: Vec<AttemptView>,
}

/// Send a test event
///
/// Queues a `webhook.test` event to this endpoint (whatever it subscribes to), to check the
/// receiver and its signature verification; returns the delivery.
#[utoipa::path(
    tag = "webhooks",
    params(("org" = OrgId, Path, description = "Organization id"),
        ("endpoint" = WebhookEndpointId, Path, description = "Endpoint id")),
    responses(
        (status = 202, description = "Queued", body = DeliveryView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 429, response = crate::http::TooManyRequests),
    ),
    security(("bearer" = []))
)]
#[post("/orgs/{org}/webhook-endpoints/{endpoint}/test")]
async fn send_test(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(String, String)>,
) -> ApiResult<HttpResponse> {
    let (org, id, _) = endpoint(&state, &principal, &path.0, &path.1).await?;
    let now = state.clock.now();
    let max = state.settings.webhooks.max_attempts;
    let limit = crate::auth::ratelimit::Limit {
        bucket: "webhook_test_endpoint",
        max: state.settings.webhooks.test_sends_per_hour,
        window_secs: 3600,
        what: "test deliveries to this endpoint",
    };
    let row = state
        .db
        .write(move |conn| {
            crate::db::write_tx(conn, |conn| -> ApiResult<_> {
                crate::auth::ratelimit::hit(conn, &limit, id.as_str(), now)?;
                let event = EventId::new(now);
                let body = super::event_body(
                    &event,
                    EventType::WebhookTest,
                    now,
                    json!({ "endpoint_id": id }),
                );
                let d = super::schedule(
                    conn,
                    now,
                    &store::NewDelivery {
                        org: org.as_str(),
                        endpoint: id.as_str(),
                        event_id: event.as_str(),
                        event_type: EventType::WebhookTest.as_str(),
                        payload: &body,
                        attempt_limit: max,
                    },
                )
                .map_err(ApiError::internal)?;
                store::find_delivery(conn, d.as_str())?
                    .ok_or_else(|| ApiError::not_found("delivery vanished"))
            })
        })
        .await?;
    Ok(HttpResponse::Accepted().json(DeliveryView::from(&row)))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct DeliveryFilter {
    /// `pending`, `succeeded` or `failed`.
    #[param(pattern = "^(pending|succeeded|failed)$")]
    pub status: Option<String>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    /// `next_cursor` from the previous page.
    pub cursor: Option<String>,
}

/// List an endpoint's deliveries
///
/// Newest first: the delivery log.
#[utoipa::path(
    tag = "webhooks",
    params(("org" = OrgId, Path, description = "Organization id"),
        ("endpoint" = WebhookEndpointId, Path, description = "Endpoint id"), DeliveryFilter),
    responses(
        (status = 200, description = "One page of deliveries", body = Page<DeliveryView>),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/orgs/{org}/webhook-endpoints/{endpoint}/deliveries")]
async fn list_deliveries(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(String, String)>,
    q: Query<DeliveryFilter>,
) -> ApiResult<HttpResponse> {
    let f = q.0;
    if let Some(s) = &f.status
        && !["pending", "succeeded", "failed"].contains(&s.as_str())
    {
        return Err(ApiError::bad_parameter(
            "status",
            "must be pending, succeeded or failed",
        ));
    }
    let page = PageParams {
        limit: f.limit,
        cursor: f.cursor,
    }
    .resolve(WebhookDeliveryId::PREFIX)?;
    let (org, id, _) = endpoint(&state, &principal, &path.0, &path.1).await?;
    let p = page.clone();
    let rows = state
        .db
        .read(move |conn| {
            store::list_deliveries(conn, org.as_str(), id.as_str(), f.status.as_deref(), &p)
                .map_err(ApiError::from)
        })
        .await?;
    Ok(HttpResponse::Ok().json(Page::from_rows(
        rows,
        &page,
        |r| r.id.clone(),
        |r| DeliveryView::from(&r),
    )))
}

async fn delivery(
    state: &AppState,
    principal: &Principal,
    org: &str,
    id: &str,
) -> ApiResult<(OrgId, DeliveryRow)> {
    let org: OrgId = path_id("org", org)?;
    let id: WebhookDeliveryId = path_id("delivery", id)?;
    principal.org_admin(&org)?;
    let (o, i) = (org.clone(), id.clone());
    let row = state
        .db
        .read(move |conn| store::delivery_of(conn, o.as_str(), i.as_str()).map_err(ApiError::from))
        .await?
        .ok_or_else(|| ApiError::not_found(format!("webhook delivery {id} not found")))?;
    Ok((org, row))
}

/// Get a delivery with its attempts
#[utoipa::path(
    tag = "webhooks",
    params(("org" = OrgId, Path, description = "Organization id"),
        ("delivery" = WebhookDeliveryId, Path, description = "Delivery id")),
    responses(
        (status = 200, description = "The delivery, its body and its attempts", body = DeliveryDetail),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/orgs/{org}/webhook-deliveries/{delivery}")]
async fn get_delivery(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(String, String)>,
) -> ApiResult<HttpResponse> {
    let (_, row) = delivery(&state, &principal, &path.0, &path.1).await?;
    let id = row.id.clone();
    let attempts = state
        .db
        .read(move |conn| store::attempts_of(conn, &id).map_err(ApiError::from))
        .await?;
    Ok(HttpResponse::Ok().json(DeliveryDetail {
        payload: crate::db::stored_json::<Value>("webhook_deliveries.payload", &row.payload)?,
        delivery: DeliveryView::from(&row),
        attempt_log: attempts.into_iter().map(AttemptView::from).collect(),
    }))
}

/// Redeliver
///
/// Sends a finished delivery (succeeded or failed) again: the same event and body, newly
/// signed, with a fresh allowance of `webhooks.max_attempts` attempts. 409 while an attempt
/// is still scheduled.
#[utoipa::path(
    tag = "webhooks",
    params(("org" = OrgId, Path, description = "Organization id"),
        ("delivery" = WebhookDeliveryId, Path, description = "Delivery id")),
    responses(
        (status = 202, description = "Queued", body = DeliveryView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[post("/orgs/{org}/webhook-deliveries/{delivery}/redeliver")]
async fn redeliver(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(String, String)>,
) -> ApiResult<HttpResponse> {
    let (org, row) = delivery(&state, &principal, &path.0, &path.1).await?;
    let now = state.clock.now();
    let max = state.settings.webhooks.max_attempts;
    // A pending delivery whose attempt is this overdue has lost its job (it died after
    // `jobs.max_attempts` tries to record it): let it be redelivered.
    let stale_before = now - chrono::Duration::seconds(state.settings.jobs.backoff_max_secs * 2);
    let row = state
        .db
        .write(move |conn| {
            crate::db::write_tx(conn, |conn| {
                if !store::reopen(conn, now, &row, max, stale_before)? {
                    return Err(ApiError::conflict(
                        "an attempt of this delivery is already scheduled",
                    ));
                }
                crate::jobs::enqueue(
                    conn,
                    now,
                    crate::jobs::Queue::Webhooks,
                    super::deliver::DELIVER,
                    &super::deliver::DeliverJob {
                        delivery: row.id.clone(),
                        attempt: row.attempts,
                    },
                )
                .map_err(ApiError::internal)?;
                audit::record(
                    conn,
                    now,
                    &Actor::of(&principal),
                    Entry {
                        action: "webhook_delivery.redelivered",
                        org_id: Some(org.as_str()),
                        subject_type: "webhook_delivery",
                        subject_id: Some(&row.id),
                        details: json!({ "event_id": row.event_id }),
                    },
                )?;
                store::find_delivery(conn, &row.id)?
                    .ok_or_else(|| ApiError::not_found("delivery vanished"))
            })
        })
        .await?;
    Ok(HttpResponse::Accepted().json(DeliveryView::from(&row)))
}
