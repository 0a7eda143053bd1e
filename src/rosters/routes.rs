//! `/v1/vendors/{vendor}/roster/…` (a vendor's admins: invitations and removals),
//! `/v1/roster-invitations/…` (the invited expert: accept or decline) and the expert's own
//! `/v1/experts/me/roster/leave` and `/v1/experts/{expert}/roster-history`.

use actix_web::{HttpResponse, delete, get, post, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::service::{self, Invite};
use super::store::{self, InvitationRow, MembershipRow};
use crate::audit::Actor;
use crate::auth::{Principal, is_plausible_email};
use crate::http::pagination::{Page, PageParams};
use crate::http::{ApiError, ApiResult, Checks, FieldError, Json, Query, Validate, path_id};
use crate::ids::{ExpertId, OrgId, RosterInvitationId, RosterMembershipId, UserId};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(create_invitation)
        .service(list_invitations)
        .service(revoke_invitation)
        .service(accept_invitation)
        .service(decline_invitation)
        .service(remove_expert)
        .service(leave_roster)
        .service(roster_history);
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RosterInvitationStatus {
    Pending,
    Accepted,
    Declined,
    Revoked,
    Expired,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RosterInvitationView {
    pub id: RosterInvitationId,
    pub vendor_id: OrgId,
    pub email: String,
    pub message: String,
    pub status: RosterInvitationStatus,
    pub invited_by: UserId,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub accepted_at: Option<DateTime<Utc>>,
    /// The expert who accepted (or applied with) it.
    pub accepted_by_expert: Option<ExpertId>,
}

impl RosterInvitationView {
    fn new(r: InvitationRow, now: DateTime<Utc>) -> Self {
        let expires_at = crate::clock::utc(r.expires_at);
        let status = if r.accepted_at.is_some() {
            RosterInvitationStatus::Accepted
        } else if r.declined_at.is_some() {
            RosterInvitationStatus::Declined
        } else if r.revoked_at.is_some() {
            RosterInvitationStatus::Revoked
        } else if expires_at <= now {
            RosterInvitationStatus::Expired
        } else {
            RosterInvitationStatus::Pending
        };
        Self {
            id: RosterInvitationId::from_db(r.id),
            vendor_id: OrgId::from_db(r.vendor_org_id),
            email: r.email,
            message: r.message,
            status,
            invited_by: UserId::from_db(r.invited_by),
            created_at: crate::clock::utc(r.created_at),
            expires_at,
            accepted_at: r.accepted_at.map(crate::clock::utc),
            accepted_by_expert: r.accepted_by_expert.map(ExpertId::from_db),
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateRosterInvitationRequest {
    #[schema(format = Email, min_length = 3, max_length = 254)]
    pub email: String,
    /// A note shown in the e-mail (optional, up to 2000 characters).
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub message: String,
}

impl Validate for CreateRosterInvitationRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        c.check(
            is_plausible_email(&self.email),
            "email",
            "is not a valid e-mail address",
        );
        // Line breaks are welcome in a note; other control characters are not.
        let single_line = self.message.replace(['\n', '\r', '\t'], " ");
        if !self.message.is_empty() {
            c.text(&single_line, "message", 0, 2000);
        }
        c.finish()
    }
}

/// Invite an expert into the roster
///
/// The vendor's admins (and platform admins). E-mails a single-use link that expires
/// (`auth.invitation_ttl_secs`). An existing expert accepts it
/// (`POST /v1/roster-invitations/accept`; moving from another vendor's roster needs their
/// consent); anyone else registers as an expert and applies with it
/// (`POST /v1/experts/me`, `roster_invitation`), going through the normal vetting.
#[utoipa::path(
    tag = "rosters",
    params(("vendor" = OrgId, Path, description = "Vendor organization id")),
    request_body = CreateRosterInvitationRequest,
    responses(
        (status = 201, description = "Invitation created and e-mail queued", body = RosterInvitationView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security(("bearer" = []))
)]
#[post("/vendors/{vendor}/roster/invitations")]
async fn create_invitation(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<CreateRosterInvitationRequest>,
) -> ApiResult<HttpResponse> {
    let vendor: OrgId = path_id("vendor", &path)?;
    let inviter = principal.org_admin(&vendor)?.clone();
    let b = body.into_inner();
    let now = state.now();
    let ttl = state.settings.auth.invitation_ttl_secs;
    let public_url = state.settings.http.public_url.clone();
    let row = state
        .db
        .write(move |conn| {
            let org = service::administered_vendor(conn, &principal, &vendor)?;
            service::invite(
                conn,
                now,
                &Invite {
                    vendor: &org,
                    email: &b.email,
                    message: &b.message,
                    inviter: &inviter,
                    ttl_secs: ttl,
                    public_url: &public_url,
                },
            )
        })
        .await?;
    Ok(HttpResponse::Created().json(RosterInvitationView::new(row, now)))
}

/// List the roster's invitations
#[utoipa::path(
    tag = "rosters",
    params(("vendor" = OrgId, Path, description = "Vendor organization id"), PageParams),
    responses(
        (status = 200, description = "One page of invitations, oldest first", body = Page<RosterInvitationView>),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/vendors/{vendor}/roster/invitations")]
async fn list_invitations(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    q: Query<PageParams>,
) -> ApiResult<HttpResponse> {
    let vendor: OrgId = path_id("vendor", &path)?;
    let page = q.0.resolve(RosterInvitationId::PREFIX)?;
    let p = page.clone();
    let rows = state
        .db
        .read(move |conn| -> ApiResult<_> {
            service::administered_vendor(conn, &principal, &vendor)?;
            Ok(store::list_invitations(conn, vendor.as_str(), &p)?)
        })
        .await?;
    let now = state.now();
    Ok(HttpResponse::Ok().json(Page::from_rows(
        rows,
        &page,
        |r| r.id.clone(),
        |r| RosterInvitationView::new(r, now),
    )))
}

/// Revoke a roster invitation
#[utoipa::path(
    tag = "rosters",
    params(
        ("vendor" = OrgId, Path, description = "Vendor organization id"),
        ("invitation" = RosterInvitationId, Path, description = "Roster invitation id"),
    ),
    responses(
        (status = 204, description = "Revoked"),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[delete("/vendors/{vendor}/roster/invitations/{invitation}")]
async fn revoke_invitation(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(String, String)>,
) -> ApiResult<HttpResponse> {
    let vendor: OrgId = path_id("vendor", &path.0)?;
    let id: RosterInvitationId = path_id("invitation", &path.1)?;
    let now = state.now();
    state
        .db
        .write(move |conn| -> ApiResult<()> {
            service::administered_vendor(conn, &principal, &vendor)?;
            let inv = store::find_invitation(conn, vendor.as_str(), id.as_str())?
                .ok_or_else(|| ApiError::not_found(format!("roster invitation {id} not found")))?;
            if !store::revoke_invitation(conn, vendor.as_str(), &inv.id, now)? {
                return Err(ApiError::conflict(
                    "the invitation was already accepted, declined or revoked",
                ));
            }
            crate::audit::record(
                conn,
                now,
                &Actor::of(&principal),
                crate::audit::Entry {
                    action: "roster.invitation_revoked",
                    org_id: Some(vendor.as_str()),
                    subject_type: "roster_invitation",
                    subject_id: Some(&inv.id),
                    details: serde_json::json!({}),
                },
            )?;
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AcceptRosterInvitationRequest {
    /// The token from the invitation e-mail.
    #[schema(min_length = 1, max_length = 512)]
    pub token: String,
    /// Your consent to leave the roster you are on now (required when you are on one;
    /// without it accepting is refused with 409 naming this field).
    #[serde(default)]
    pub leave_current_roster: bool,
}

impl Validate for AcceptRosterInvitationRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        Checks::new().text(&self.token, "token", 1, 512).finish()
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RosterChange {
    pub expert_id: ExpertId,
    /// The roster the expert is on now (null: independent).
    pub vendor_id: Option<OrgId>,
    /// The roster the expert was on before (a transfer), if any.
    pub previous_vendor_id: Option<OrgId>,
}

/// Accept a roster invitation
///
/// For an expert with a profile, logged in with the address the invitation was sent to.
/// On another vendor's roster, accepting moves you, and only with
/// `leave_current_roster: true` (your consent). Applicants without a profile apply with
/// the token instead (`POST /v1/experts/me`, `roster_invitation`).
#[utoipa::path(
    tag = "rosters",
    request_body = AcceptRosterInvitationRequest,
    responses(
        (status = 200, description = "You joined the roster", body = RosterChange),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 409, response = crate::http::Conflict),
        (status = 410, response = crate::http::Gone),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security(("bearer" = []))
)]
#[post("/roster-invitations/accept")]
async fn accept_invitation(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<AcceptRosterInvitationRequest>,
) -> ApiResult<HttpResponse> {
    let user = principal.user()?.clone();
    let b = body.into_inner();
    let now = state.now();
    let done = state
        .db
        .write(move |conn| service::accept(conn, now, &user, &b.token, b.leave_current_roster))
        .await?;
    Ok(HttpResponse::Ok().json(RosterChange {
        expert_id: ExpertId::from_db(done.expert.id),
        vendor_id: done.expert.vendor_id.map(OrgId::from_db),
        previous_vendor_id: done.previous_vendor.map(OrgId::from_db),
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeclineRosterInvitationRequest {
    #[schema(min_length = 1, max_length = 512)]
    pub token: String,
}

impl Validate for DeclineRosterInvitationRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        Checks::new().text(&self.token, "token", 1, 512).finish()
    }
}

/// Decline a roster invitation
///
/// Logged in with the address the invitation was sent to; the vendor sees it `declined`.
#[utoipa::path(
    tag = "rosters",
    request_body = DeclineRosterInvitationRequest,
    responses(
        (status = 204, description = "Declined"),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 409, response = crate::http::Conflict),
        (status = 410, response = crate::http::Gone),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security(("bearer" = []))
)]
#[post("/roster-invitations/decline")]
async fn decline_invitation(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<DeclineRosterInvitationRequest>,
) -> ApiResult<HttpResponse> {
    let user = principal.user()?.clone();
    let b = body.into_inner();
    let now = state.now();
    state
        .db
        .write(move |conn| service::decline(conn, now, &user, &b.token))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RosterExitRequest {
    /// Shown to the expert and kept in the membership history.
    #[schema(min_length = 1, max_length = 2000)]
    pub reason: String,
}

impl Validate for RosterExitRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        Checks::new().text(&self.reason, "reason", 1, 2000).finish()
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RosterMembershipView {
    pub id: RosterMembershipId,
    pub expert_id: ExpertId,
    pub vendor_id: OrgId,
    /// `applied` (applied with the vendor's invitation), `invitation` or `transfer`.
    pub joined_via: String,
    pub joined_at: DateTime<Utc>,
    /// Null while the expert is on this roster.
    pub left_at: Option<DateTime<Utc>>,
    /// `removed` (by the vendor), `left` (the expert) or `transferred`.
    pub left_reason: Option<String>,
    pub left_note: Option<String>,
}

impl From<MembershipRow> for RosterMembershipView {
    fn from(r: MembershipRow) -> Self {
        Self {
            id: RosterMembershipId::from_db(r.id),
            expert_id: ExpertId::from_db(r.expert_id),
            vendor_id: OrgId::from_db(r.vendor_org_id),
            joined_via: r.joined_via,
            joined_at: crate::clock::utc(r.joined_at),
            left_at: r.left_at.map(crate::clock::utc),
            left_reason: r.left_reason,
            left_note: r.left_note,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RosterHistory {
    pub data: Vec<RosterMembershipView>,
}

fn ended(conn: &mut crate::db::DbConn, expert: &str) -> ApiResult<RosterMembershipView> {
    store::history(conn, expert, None)?
        .into_iter()
        .next_back()
        .map(RosterMembershipView::from)
        .ok_or_else(|| ApiError::internal(anyhow::anyhow!("membership vanished")))
}

/// Remove an expert from the roster
///
/// The vendor's admins (and platform admins), with a reason the expert is e-mailed. The
/// expert becomes independent; their history, scores, timesheets and pay stay as they
/// were (sheets keep the roster the work was done on). 404 when the expert is not on this
/// roster.
#[utoipa::path(
    tag = "rosters",
    params(
        ("vendor" = OrgId, Path, description = "Vendor organization id"),
        ("expert" = ExpertId, Path, description = "Expert id"),
    ),
    request_body = RosterExitRequest,
    responses(
        (status = 200, description = "The membership that ended", body = RosterMembershipView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security(("bearer" = []))
)]
#[post("/vendors/{vendor}/roster/{expert}/remove")]
async fn remove_expert(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(String, String)>,
    body: Json<RosterExitRequest>,
) -> ApiResult<HttpResponse> {
    let vendor: OrgId = path_id("vendor", &path.0)?;
    let id: ExpertId = path_id("expert", &path.1)?;
    let b = body.into_inner();
    let now = state.now();
    let v = state
        .db
        .write(move |conn| {
            service::administered_vendor(conn, &principal, &vendor)?;
            let e = crate::experts::find_expert(conn, id.as_str())?
                .filter(|e| e.vendor_id.as_deref() == Some(vendor.as_str()))
                .ok_or_else(|| ApiError::not_found(format!("expert {id} is not on this roster")))?;
            let by = principal.user()?.user_id.clone();
            service::end_membership(
                conn,
                now,
                &Actor::of(&principal),
                Some(by.as_str()),
                &e,
                "removed",
                &b.reason,
            )?;
            ended(conn, &e.id)
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}

/// Leave your roster
///
/// You become an independent expert; your history, scores and pay stay as they were.
#[utoipa::path(
    tag = "rosters",
    request_body = RosterExitRequest,
    responses(
        (status = 200, description = "The membership that ended", body = RosterMembershipView),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
        (status = 422, response = crate::http::UnprocessableEntity),
    ),
    security(("bearer" = []))
)]
#[post("/experts/me/roster/leave")]
async fn leave_roster(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<RosterExitRequest>,
) -> ApiResult<HttpResponse> {
    let user = principal.user()?.clone();
    let b = body.into_inner();
    let now = state.now();
    let v = state
        .db
        .write(move |conn| {
            let e = crate::experts::service::own(conn, &user)?;
            service::end_membership(
                conn,
                now,
                &Actor::user(&user.user_id, user.request_id.clone()),
                Some(user.user_id.as_str()),
                &e,
                "left",
                &b.reason,
            )?;
            ended(conn, &e.id)
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}

/// An expert's roster history
///
/// Every stay on a roster, oldest first. The expert and platform admins see all of it;
/// a vendor's admins see the stays on their own roster (of an expert on it now).
#[utoipa::path(
    tag = "rosters",
    params(("expert" = ExpertId, Path, description = "Expert id")),
    responses(
        (status = 200, description = "Roster memberships", body = RosterHistory),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/experts/{expert}/roster-history")]
async fn roster_history(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: ExpertId = path_id("expert", &path)?;
    let data = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let e = crate::experts::service::visible_expert(conn, &principal, &id)?;
            let full = match &principal {
                Principal::User(u) => u.is_platform_admin || u.user_id.as_str() == e.user_id,
                Principal::ApiKey(_) => false,
            };
            let only = if full { None } else { e.vendor_id.clone() };
            Ok(store::history(conn, &e.id, only.as_deref())?
                .into_iter()
                .map(RosterMembershipView::from)
                .collect::<Vec<_>>())
        })
        .await?;
    Ok(HttpResponse::Ok().json(RosterHistory { data }))
}
