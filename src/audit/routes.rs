//! `GET /v1/audit-events`: platform administrators read the audit log.

use actix_web::{HttpResponse, get, web};
use diesel::prelude::*;
use serde::Deserialize;
use utoipa::IntoParams;

use super::{AuditEventView, AuditRow};
use crate::auth::Principal;
use crate::db::schema::audit_events;
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
pub struct AuditFilter {
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
    params(AuditFilter),
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
    q: Query<AuditFilter>,
) -> ApiResult<HttpResponse> {
    principal.platform_admin()?;
    let f = q.0;
    let page = PageParams {
        limit: f.limit,
        cursor: f.cursor.clone(),
    }
    .resolve(AuditEventId::PREFIX)?;
    let p = page.clone();
    let rows = state
        .db
        .read(move |conn| {
            let mut query = audit_events::table
                .order_by(audit_events::id.asc())
                .limit(p.limit + 1)
                .select(AuditRow::as_select())
                .into_boxed();
            if let Some(a) = f.action {
                query = query.filter(audit_events::action.eq(a));
            }
            if let Some(a) = f.actor_id {
                query = query.filter(audit_events::actor_id.eq(a));
            }
            if let Some(o) = f.org_id {
                query = query.filter(audit_events::org_id.eq(o));
            }
            if let Some(s) = f.subject_id {
                query = query.filter(audit_events::subject_id.eq(s));
            }
            if let Some(after) = p.after {
                query = query.filter(audit_events::id.gt(after));
            }
            query.load(conn).map_err(ApiError::from)
        })
        .await?;
    Ok(HttpResponse::Ok().json(Page::from_rows(
        rows,
        &page,
        |r| r.id.clone(),
        AuditEventView::from,
    )))
}
