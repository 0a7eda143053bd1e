//! `GET /v1/audit-events`: platform administrators read the audit log.

use actix_web::{HttpResponse, get, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{AuditFilter, AuditRow};
use crate::auth::Principal;
use crate::db::CorruptData;
use crate::http::pagination::{Page, PageParams};
use crate::http::{ApiError, ApiResult, Query};
use crate::ids::AuditEventId;
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_audit_events);
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    /// Exact action, e.g. `auth.login`.
    pub action: Option<String>,
    pub actor_id: Option<String>,
    pub org_id: Option<String>,
    pub subject_id: Option<String>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    /// `next_cursor` from the previous page.
    pub cursor: Option<String>,
}

/// Read the audit log
///
/// Platform administrators only. Oldest first; filter by action, actor, organization or subject.
#[utoipa::path(
    tag = "audit",
    params(AuditQuery),
    responses(
        (status = 200, description = "One page of audit events", body = Page<AuditEventView>),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
    ),
    security(("bearer" = []))
)]
#[get("/audit-events")]
async fn list_audit_events(
    state: web::Data<AppState>,
    principal: Principal,
    q: Query<AuditQuery>,
) -> ApiResult<HttpResponse> {
    principal.platform_admin()?;
    let f = q.0;
    let page = PageParams {
        limit: f.limit,
        cursor: f.cursor.clone(),
    }
    .resolve(AuditEventId::PREFIX)?;
    let filter = AuditFilter {
        action: f.action,
        actor_id: f.actor_id,
        org_id: f.org_id,
        subject_id: f.subject_id,
    };
    let p = page.clone();
    let rows = state
        .db
        .read(move |conn| super::list_events(conn, filter, &p).map_err(ApiError::from))
        .await?;
    Ok(HttpResponse::Ok().json(Page::try_from_rows(
        rows,
        &page,
        |r| r.id.clone(),
        AuditEventView::try_from,
    )?))
}

/// An audit event as platform admins read it.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditEventView {
    pub id: crate::ids::AuditEventId,
    pub at: DateTime<Utc>,
    /// `user`, `api_key`, `system` or `anonymous`.
    pub actor_type: String,
    pub actor_id: Option<String>,
    pub org_id: Option<String>,
    /// Dotted action name, e.g. `auth.login`, `org.member_role_changed`, `api_key.revoked`.
    pub action: String,
    pub subject_type: String,
    pub subject_id: Option<String>,
    pub details: serde_json::Value,
    pub request_id: Option<String>,
}

impl TryFrom<AuditRow> for AuditEventView {
    type Error = CorruptData;

    fn try_from(r: AuditRow) -> Result<Self, CorruptData> {
        Ok(Self {
            id: crate::ids::AuditEventId::from_db(r.id),
            at: crate::clock::utc(r.at),
            actor_type: r.actor_type,
            actor_id: r.actor_id,
            org_id: r.org_id,
            action: r.action,
            subject_type: r.subject_type,
            subject_id: r.subject_id,
            details: crate::db::stored_json("audit_events.details", &r.details)?,
            request_id: r.request_id,
        })
    }
}
