//! `/v1/experts/me/calendar-feed` and `/v1/experts/{expert}/calendar.ics`: an expert's
//! secret calendar feed URL and the iCalendar feed of their shifts.

use actix_web::{HttpResponse, delete, get, http::header, post, web};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::routes::{loaded, me};
use super::store;
use crate::audit::{self, Actor, Entry};
use crate::auth::Principal;
use crate::http::{ApiError, ApiResult, Query, path_id};
use crate::ids::ExpertId;
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(create_calendar_feed)
        .service(revoke_calendar_feed)
        .service(calendar_ics);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CalendarFeedView {
    /// Subscribe to this URL in a calendar client. It holds a secret: shown once; create
    /// a new one to replace it (the old URL stops working at once).
    pub url: String,
    pub created_at: DateTime<Utc>,
}

fn token_hash(token: &str) -> String {
    crate::auth::tokens::hash_secret(token)
}

/// Create or replace your calendar feed URL
///
/// Returns a new secret feed URL of your shifts (iCalendar); any earlier URL stops
/// working. Needs availability set first.
#[utoipa::path(
    tag = "scheduling",
    responses(
        (status = 201, description = "The feed URL", body = CalendarFeedView),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[post("/experts/me/calendar-feed")]
async fn create_calendar_feed(
    state: web::Data<AppState>,
    principal: Principal,
) -> ApiResult<HttpResponse> {
    let now = state.now();
    let public = state.settings.http.public_url.clone();
    let v = state
        .db
        .write(move |conn| -> ApiResult<_> {
            let e = me(conn, &principal)?;
            loaded(conn, &e)?;
            let token = crate::auth::tokens::random_secret();
            store::set_calendar_token(conn, &e, Some(&token_hash(&token)), now)?;
            audit::record(
                conn,
                now,
                &Actor::of(&principal),
                Entry {
                    action: "calendar_feed.created",
                    org_id: None,
                    subject_type: "expert",
                    subject_id: Some(&e),
                    details: serde_json::json!({}),
                },
            )?;
            Ok(CalendarFeedView {
                url: crate::state::public_link(
                    &public,
                    &format!("/v1/experts/{e}/calendar.ics?token={token}"),
                ),
                created_at: now,
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(v))
}

/// Revoke your calendar feed URL
#[utoipa::path(
    tag = "scheduling",
    responses(
        (status = 204, description = "Revoked (also when there was none)"),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
    ),
    security(("bearer" = []))
)]
#[delete("/experts/me/calendar-feed")]
async fn revoke_calendar_feed(
    state: web::Data<AppState>,
    principal: Principal,
) -> ApiResult<HttpResponse> {
    let now = state.now();
    state
        .db
        .write(move |conn| -> ApiResult<_> {
            let e = me(conn, &principal)?;
            if store::set_calendar_token(conn, &e, None, now)? {
                audit::record(
                    conn,
                    now,
                    &Actor::of(&principal),
                    Entry {
                        action: "calendar_feed.revoked",
                        org_id: None,
                        subject_type: "expert",
                        subject_id: Some(&e),
                        details: serde_json::json!({}),
                    },
                )?;
            }
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FeedParams {
    /// The secret from the feed URL.
    pub token: String,
}

/// An expert's shifts as iCalendar
///
/// The feed a calendar client subscribes to (RFC 5545): one event per shift with a
/// stable UID, UTC times, `TENTATIVE` while offered, `CONFIRMED`, and `CANCELLED` once
/// declined or cancelled. Authorised by the secret `token` in the URL, not by a login;
/// a wrong or revoked token answers 404.
#[utoipa::path(
    tag = "scheduling",
    params(("expert" = ExpertId, Path, description = "Expert id"), FeedParams),
    responses(
        (status = 200, description = "The calendar", content_type = "text/calendar", body = String),
        (status = 400, response = crate::http::BadRequest),
        (status = 404, response = crate::http::NotFound),
    )
)]
#[get("/experts/{expert}/calendar.ics")]
async fn calendar_ics(
    state: web::Data<AppState>,
    path: web::Path<String>,
    q: Query<FeedParams>,
) -> ApiResult<HttpResponse> {
    let id: ExpertId = path_id("expert", &path)?;
    let token = q.0.token;
    let now = state.now();
    let past = state.settings.scheduling.calendar_past_days;
    let host = url::Url::parse(&state.settings.http.public_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| "cadre".into());
    let body = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let not_found = || ApiError::not_found("no such calendar feed");
            let owner = store::expert_by_calendar_token(conn, &token_hash(&token))?;
            if owner.as_deref() != Some(id.as_str()) {
                return Err(not_found());
            }
            let l = loaded(conn, id.as_str())?;
            let rows = store::feed_shifts(conn, id.as_str(), now - Duration::days(past))?;
            let mut events = Vec::with_capacity(rows.len());
            let mut names = std::collections::HashMap::new();
            for s in rows {
                let key = (s.project_id.clone(), s.slice_id.clone());
                if !names.contains_key(&key) {
                    let project = crate::projects::find_project(conn, &s.project_id)?
                        .map(|p| p.name)
                        .unwrap_or_default();
                    let slice = crate::taxonomy::find_slice(conn, &s.slice_id)?
                        .map(|x| (x.key, x.name))
                        .unwrap_or_default();
                    names.insert(key.clone(), (project, slice));
                }
                let (project, (slice_key, slice_name)) = &names[&key];
                let mut description = format!(
                    "Cadre shift for project \"{project}\", slice {slice_key}. Status: {}.",
                    s.status
                );
                if !s.reason.is_empty() {
                    description.push_str(&format!(" Reason: {}.", s.reason));
                }
                description.push_str(&format!("\nShift id: {}", s.id));
                events.push(super::ical::FeedEvent {
                    uid: format!("{}@{host}", s.id),
                    start: crate::clock::utc(s.starts_at),
                    end: crate::clock::utc(s.ends_at),
                    summary: format!("Cadre shift: {slice_name} ({project})"),
                    description,
                    status: s.status,
                    sequence: s.sequence,
                    created: crate::clock::utc(s.created_at),
                    modified: crate::clock::utc(s.updated_at),
                });
            }
            Ok(super::ical::render(&super::ical::Feed {
                name: "Cadre shifts",
                time_zone: &l.row.time_zone,
                generated: now,
                events: &events,
            }))
        })
        .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "private, max-age=300"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            "inline; filename=\"cadre-shifts.ics\"",
        ))
        .body(body))
}
