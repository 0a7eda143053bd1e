//! Cancel and update items: `POST /v1/items/{item}/cancel`, `PATCH /v1/items/{item}`, and
//! the bulk forms `POST /v1/projects/{project}/items/cancel` and
//! `POST /v1/projects/{project}/items/update` (by ids or by external ids, up to 1000,
//! answered row by row). Authorised exactly as item ingestion ([`super::routes`]'s
//! `items_writer`); the rules are in [`super::lifecycle`].

use std::collections::{HashMap, HashSet};

use actix_web::{HttpResponse, patch, post, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::lifecycle::{self, Cancel, MAX_BULK_ITEMS, Reschedule, Update};
use super::routes::{item_view, items_writer};
use super::store::{self, ItemRow};
use crate::audit::Actor;
use crate::auth::Principal;
use crate::db::DbConn;
use crate::error::{AppError, Kind};
use crate::http::{ApiError, ApiResult, Checks, FieldError, Json, Validate, path_id};
use crate::ids::{ItemId, ProjectId, PublicId};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(cancel_item)
        .service(update_item)
        .service(cancel_items)
        .service(update_items);
}

/// The item, if the caller may write its project's items (404 for anyone outside its lab).
fn item_writer(conn: &mut DbConn, principal: &Principal, id: &ItemId) -> ApiResult<ItemRow> {
    let not_found = || ApiError::not_found(format!("item {id} not found"));
    let row = store::find(conn, id.as_str())?.ok_or_else(not_found)?;
    items_writer(conn, principal, &ProjectId::from_db(row.project_id.clone())).map_err(|e| {
        if e.status() == actix_web::http::StatusCode::NOT_FOUND {
            not_found()
        } else {
            e
        }
    })?;
    Ok(row)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CancelItemRequest {
    /// Why the lab cancels the item (1–500 characters); kept in the item's
    /// `status_reason`, the audit log and the `item.cancelled` event.
    #[schema(example = "the upstream conversation was deleted")]
    pub reason: String,
}

impl Validate for CancelItemRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        lifecycle::check_reason(&self.reason, &mut errors);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// Cancel an item
///
/// The lab's members, and its API keys with `items:write`. The item becomes `cancelled`
/// and is never routed again; its open assignments (offered or accepted) end as
/// `cancelled`, and the time experts already worked on them (heartbeat-covered sessions)
/// is paid and billed through their timesheets. Sends `item.cancelled`. Idempotent:
/// cancelling a cancelled item answers 200 with the item unchanged. A resolved or
/// expired item cannot be cancelled (409).
#[utoipa::path(
    tag = "items",
    params(("item" = ItemId, Path, description = "Item id")),
    request_body = CancelItemRequest,
    responses(
        (status = 200, description = "The cancelled item", body = super::routes::ItemView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security(("bearer" = []))
)]
#[post("/items/{item}/cancel")]
async fn cancel_item(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<CancelItemRequest>,
) -> ApiResult<HttpResponse> {
    let id: ItemId = path_id("item", &path)?;
    let reason = body.into_inner().reason;
    let actor = Actor::of(&principal);
    let now = state.now();
    let settings = state.settings.clone();
    let view = state
        .db
        .read(move |conn| {
            item_writer(conn, &principal, &id)?;
            lifecycle::cancel_now(conn, now, &settings, &actor, id.as_str(), &reason)?;
            let row = store::find(conn, id.as_str())?
                .ok_or_else(|| ApiError::not_found(format!("item {id} not found")))?;
            item_view(conn, row)
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateItemRequest {
    /// 0 (lowest) to 100 (highest).
    #[schema(minimum = 0, maximum = 100)]
    pub priority: Option<i32>,
    /// When the lab needs the result: at least 5 minutes and at most 90 days ahead.
    pub deadline: Option<DateTime<Utc>>,
}

impl Validate for UpdateItemRequest {}

fn reschedule_of(priority: Option<i32>, deadline: Option<DateTime<Utc>>) -> Reschedule {
    Reschedule { priority, deadline }
}

/// Change an item's priority or deadline
///
/// The lab's members, and its API keys with `items:write`. Either or both fields, checked
/// as on ingestion; the item's open assignments take the new effective priority (README
/// "Deadlines"); a new deadline makes an overdue item current again. Only open items
/// (queued, assigned, adjudicating, also when overdue): a resolved, cancelled or expired
/// item answers 409.
#[utoipa::path(
    tag = "items",
    params(("item" = ItemId, Path, description = "Item id")),
    request_body = UpdateItemRequest,
    responses(
        (status = 200, description = "The updated item", body = super::routes::ItemView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security(("bearer" = []))
)]
#[patch("/items/{item}")]
async fn update_item(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<UpdateItemRequest>,
) -> ApiResult<HttpResponse> {
    let id: ItemId = path_id("item", &path)?;
    let b = body.into_inner();
    let change = reschedule_of(b.priority, b.deadline);
    let now = state.now();
    let errors = lifecycle::check_reschedule(&change, now);
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let actor = Actor::of(&principal);
    let view = state
        .db
        .write(move |conn| {
            item_writer(conn, &principal, &id)?;
            lifecycle::update(conn, now, &actor, id.as_str(), &change)?;
            let row = store::find(conn, id.as_str())?
                .ok_or_else(|| ApiError::not_found(format!("item {id} not found")))?;
            item_view(conn, row)
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}

// ---------------------------------------------------------------------------------------
// Bulk forms

/// Which items a bulk request names: `ids` or `external_ids`, not both.
fn check_selector(c: &mut Checks, ids: &Option<Vec<String>>, external_ids: &Option<Vec<String>>) {
    match (ids, external_ids) {
        (Some(_), Some(_)) => {
            c.push("ids", "send ids or external_ids, not both");
            c.push("external_ids", "send ids or external_ids, not both");
        }
        (None, None) => {
            c.push("ids", "send ids or external_ids");
            c.push("external_ids", "send ids or external_ids");
        }
        (Some(list), None) | (None, Some(list)) => {
            let field = if ids.is_some() { "ids" } else { "external_ids" };
            if list.is_empty() || list.len() > MAX_BULK_ITEMS {
                c.push(
                    field,
                    format!("must list 1 to {MAX_BULK_ITEMS} items per request"),
                );
            }
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CancelItemsRequest {
    /// Item ids (`itm_…`), up to 1000; or use `external_ids`.
    #[schema(max_items = 1000)]
    pub ids: Option<Vec<String>>,
    /// Your external ids, up to 1000; or use `ids`.
    #[schema(max_items = 1000)]
    pub external_ids: Option<Vec<String>>,
    /// Why the lab cancels the items (1–500 characters).
    pub reason: String,
}

impl Validate for CancelItemsRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        check_selector(&mut c, &self.ids, &self.external_ids);
        let mut errors = Vec::new();
        lifecycle::check_reason(&self.reason, &mut errors);
        for e in errors {
            c.push(e.field, e.message);
        }
        c.finish()
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateItemsRequest {
    /// Item ids (`itm_…`), up to 1000; or use `external_ids`.
    #[schema(max_items = 1000)]
    pub ids: Option<Vec<String>>,
    /// Your external ids, up to 1000; or use `ids`.
    #[schema(max_items = 1000)]
    pub external_ids: Option<Vec<String>>,
    /// The new priority of every named item, 0 (lowest) to 100 (highest).
    #[schema(minimum = 0, maximum = 100)]
    pub priority: Option<i32>,
    /// The new deadline of every named item: at least 5 minutes and at most 90 days ahead.
    pub deadline: Option<DateTime<Utc>>,
}

impl Validate for UpdateItemsRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        check_selector(&mut c, &self.ids, &self.external_ids);
        c.finish()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChangeStatus {
    /// Cancelled by this request.
    Cancelled,
    /// Updated by this request.
    Updated,
    /// Already so (cancelled already; the same priority and deadline): nothing written.
    Unchanged,
    /// The item's status forbids the change (`errors` says why): a resolved or expired
    /// item cannot be cancelled; a resolved, cancelled or expired item cannot be updated.
    Conflict,
    /// No item of this project has this id or external id.
    NotFound,
    /// The id cannot be an item id, or appears twice in the request.
    Invalid,
}

/// One named item's outcome.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChangeRow {
    /// Position in `ids` or `external_ids`, from 0.
    pub row: usize,
    /// The item's id (when it was found).
    pub id: Option<String>,
    /// The item's external id (when it was found, or named so).
    pub external_id: Option<String>,
    pub status: ChangeStatus,
    /// Why a row is a conflict or invalid.
    pub errors: Vec<FieldError>,
}

/// The per-row answer of a bulk cancel or update.
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct BulkChangeResult {
    /// Items cancelled or updated by this request.
    pub changed: usize,
    pub unchanged: usize,
    pub conflicts: usize,
    pub not_found: usize,
    pub invalid: usize,
    /// One per named item, in request order.
    pub results: Vec<ChangeRow>,
}

impl BulkChangeResult {
    fn push(&mut self, r: ChangeRow) {
        match r.status {
            ChangeStatus::Cancelled | ChangeStatus::Updated => self.changed += 1,
            ChangeStatus::Unchanged => self.unchanged += 1,
            ChangeStatus::Conflict => self.conflicts += 1,
            ChangeStatus::NotFound => self.not_found += 1,
            ChangeStatus::Invalid => self.invalid += 1,
        }
        self.results.push(r);
    }
}

/// A named item: found, or the row's outcome already decided.
enum Target {
    Found(Box<ItemRow>),
    Done(ChangeRow),
}

/// Resolves the named ids (or external ids) to the project's items, in request order.
fn targets(
    conn: &mut DbConn,
    project: &crate::projects::ProjectRow,
    ids: Option<Vec<String>>,
    external_ids: Option<Vec<String>>,
) -> ApiResult<Vec<(usize, Target)>> {
    let by_external = external_ids.is_some();
    let names = ids.or(external_ids).unwrap_or_default();
    let field = if by_external { "external_id" } else { "id" };
    let mut seen = HashSet::new();
    let mut valid: Vec<&str> = Vec::new();
    let mut invalid: HashMap<usize, String> = HashMap::new();
    for (row, name) in names.iter().enumerate() {
        let bad = if by_external {
            let mut errors = Vec::new();
            crate::bulk::check_external_id(name, &mut errors);
            errors.pop().map(|e| e.message)
        } else {
            ItemId::parse_id(name).err().map(|e| e.to_string())
        };
        if let Some(message) = bad {
            invalid.insert(row, message);
        } else if !seen.insert(name.as_str()) {
            invalid.insert(row, "appears twice in this request".into());
        } else {
            valid.push(name.as_str());
        }
    }
    let found = if by_external {
        store::in_project_by_external_ids(conn, &project.org_id, &project.id, &valid)?
    } else {
        store::in_project_by_ids(conn, &project.org_id, &project.id, &valid)?
    };
    let mut found: HashMap<String, ItemRow> = found
        .into_iter()
        .map(|r| {
            let key = if by_external {
                r.external_id.clone()
            } else {
                r.id.clone()
            };
            (key, r)
        })
        .collect();
    let mut out = Vec::with_capacity(names.len());
    for (row, name) in names.into_iter().enumerate() {
        let named = |status, errors| ChangeRow {
            row,
            id: (!by_external).then(|| name.clone()),
            external_id: by_external.then(|| name.clone()),
            status,
            errors,
        };
        let target = if let Some(message) = invalid.remove(&row) {
            Target::Done(named(
                ChangeStatus::Invalid,
                vec![FieldError::new(field, message)],
            ))
        } else if let Some(item) = found.remove(&name) {
            Target::Found(Box::new(item))
        } else {
            Target::Done(named(ChangeStatus::NotFound, vec![]))
        };
        out.push((row, target));
    }
    Ok(out)
}

/// Applies `change` to each named item in its own transaction and reports each row.
fn apply_each(
    conn: &mut DbConn,
    named: Vec<(usize, Target)>,
    done: ChangeStatus,
    mut change: impl FnMut(&mut DbConn, &ItemRow) -> Result<bool, AppError>,
) -> ApiResult<BulkChangeResult> {
    let mut result = BulkChangeResult::default();
    for (row, target) in named {
        let item = match target {
            Target::Done(r) => {
                result.push(r);
                continue;
            }
            Target::Found(item) => *item,
        };
        let (status, errors) = match change(conn, &item) {
            Ok(true) => (done, vec![]),
            Ok(false) => (ChangeStatus::Unchanged, vec![]),
            Err(e) if e.kind() == Kind::Conflict => (
                ChangeStatus::Conflict,
                vec![FieldError::new("status", e.detail())],
            ),
            Err(e) if e.kind() == Kind::NotFound => (ChangeStatus::NotFound, vec![]),
            Err(e) => return Err(e.into()),
        };
        result.push(ChangeRow {
            row,
            id: Some(item.id),
            external_id: Some(item.external_id),
            status,
            errors,
        });
    }
    Ok(result)
}

/// Cancel items in bulk
///
/// The lab's members, and its API keys with `items:write`. Names up to 1000 items of the
/// project by `ids` or by `external_ids`, with one `reason`; each is cancelled as by
/// `POST /v1/items/{item}/cancel`, in a transaction of its own, and reported per row:
/// `cancelled`, `unchanged` (cancelled already), `conflict` (resolved), `not_found` or
/// `invalid`.
#[utoipa::path(
    tag = "items",
    params(("project" = ProjectId, Path, description = "Project id")),
    request_body = CancelItemsRequest,
    responses(
        (status = 200, description = "Per-row results", body = BulkChangeResult),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security(("bearer" = []))
)]
#[post("/projects/{project}/items/cancel")]
async fn cancel_items(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<CancelItemsRequest>,
) -> ApiResult<HttpResponse> {
    let id: ProjectId = path_id("project", &path)?;
    let b = body.into_inner();
    let actor = Actor::of(&principal);
    let now = state.now();
    let settings = state.settings.clone();
    let result = state
        .db
        .read(move |conn| {
            let project = items_writer(conn, &principal, &id)?;
            let named = targets(conn, &project, b.ids.clone(), b.external_ids.clone())?;
            apply_each(conn, named, ChangeStatus::Cancelled, |conn, item| {
                lifecycle::cancel_now(conn, now, &settings, &actor, &item.id, &b.reason)
                    .map(|c| matches!(c, Cancel::Cancelled { .. }))
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(result))
}

/// Change items' priority or deadline in bulk
///
/// The lab's members, and its API keys with `items:write`. Names up to 1000 items of the
/// project by `ids` or by `external_ids` and gives them one new `priority`, `deadline` or
/// both (checked as on ingestion: a bad value fails the whole request with 422). Each item
/// is updated as by `PATCH /v1/items/{item}`, in a transaction of its own, and reported per
/// row: `updated`, `unchanged`, `conflict` (resolved or cancelled), `not_found` or
/// `invalid`.
#[utoipa::path(
    tag = "items",
    params(("project" = ProjectId, Path, description = "Project id")),
    request_body = UpdateItemsRequest,
    responses(
        (status = 200, description = "Per-row results", body = BulkChangeResult),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security(("bearer" = []))
)]
#[post("/projects/{project}/items/update")]
async fn update_items(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<UpdateItemsRequest>,
) -> ApiResult<HttpResponse> {
    let id: ProjectId = path_id("project", &path)?;
    let b = body.into_inner();
    let change = reschedule_of(b.priority, b.deadline);
    let now = state.now();
    let errors = lifecycle::check_reschedule(&change, now);
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let actor = Actor::of(&principal);
    let result = state
        .db
        .read(move |conn| {
            let project = items_writer(conn, &principal, &id)?;
            let named = targets(conn, &project, b.ids.clone(), b.external_ids.clone())?;
            apply_each(conn, named, ChangeStatus::Updated, |conn, item| {
                lifecycle::update_now(conn, now, &actor, &item.id, &change)
                    .map(|u| matches!(u, Update::Updated))
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(result))
}
