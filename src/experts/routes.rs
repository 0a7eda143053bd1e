//! `/v1/experts/me` (the expert's own application and profile) and `/v1/experts` (roster
//! views and the vetting pipeline, for vendor and platform admins).

use actix_web::{HttpResponse, get, patch, post, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::service;
use super::store::{self, ExpertRow, Profile};
use super::vetting::{Mover, VettingStatus};
use crate::audit::Actor;
use crate::auth::{OrgKind, Principal};
use crate::db::DbConn;
use crate::error::AppResult;
use crate::http::pagination::{Page, PageParams};
use crate::http::{ApiError, ApiResult, Checks, FieldError, Json, Query, Validate, path_id};
use crate::ids::{DomainId, ExpertId, OrgId, UserId};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    // `/experts/me…` before `/experts/{expert}…`, which would otherwise match "me".
    cfg.service(apply)
        .service(get_me)
        .service(update_me)
        .service(withdraw)
        .service(reapply)
        .service(list_experts)
        .service(get_expert)
        .service(move_expert)
        .service(list_transitions);
    super::card::configure(cfg);
}

fn check_profile(c: &mut Checks, p: &ProfileInput) {
    c.text(&p.display_name, "display_name", 1, 100);
    if !p.headline.is_empty() {
        c.text(&p.headline, "headline", 0, 200);
    }
    if !p.bio.is_empty() {
        c.text(&p.bio, "bio", 0, 4000);
    }
    c.check(
        (1..=20).contains(&p.domain_ids.len()),
        "domain_ids",
        "must list 1 to 20 domains",
    );
    c.check(
        (1..=20).contains(&p.languages.len()),
        "languages",
        "must list 1 to 20 languages",
    );
    for (i, l) in p.languages.iter().enumerate() {
        c.check(
            crate::taxonomy::names::is_language_tag(l),
            &format!("languages[{i}]"),
            "must be a BCP 47 tag like `de` or `en-GB`",
        );
    }
    c.check(
        p.time_zone.parse::<chrono_tz::Tz>().is_ok(),
        "time_zone",
        "must be an IANA time zone like `Europe/Berlin`",
    );
    c.check(
        crate::country::is_country_code(&p.country),
        "country",
        "must be an ISO 3166-1 alpha-2 code like `DE`",
    );
    c.check(
        p.affiliations.len() <= 50,
        "affiliations",
        "may list at most 50 affiliations",
    );
    for (i, a) in p.affiliations.iter().enumerate() {
        c.text(&a.name, &format!("affiliations[{i}].name"), 2, 200);
    }
    c.check(
        (1..=1_000_000_000).contains(&p.desired_rate_minor),
        "desired_rate_minor",
        "must be a positive amount in minor units",
    );
    c.check(
        crate::money::is_currency_code(&p.desired_currency),
        "desired_currency",
        "must be an ISO 4217 code like EUR",
    );
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Affiliation {
    /// Employer or institution, matched against labs' conflict-of-interest keywords.
    #[schema(example = "Charité Berlin")]
    pub name: String,
    /// Current (true) or past (false).
    pub current: bool,
}

/// The full profile, as the expert, their vendor's admins and platform admins see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExpertView {
    pub id: ExpertId,
    pub user_id: UserId,
    /// Pseudonymous handle; the only identity labs see unless the expert consents.
    pub handle: String,
    pub vendor_id: Option<OrgId>,
    pub display_name: String,
    pub email: String,
    pub headline: String,
    pub bio: String,
    pub domain_ids: Vec<DomainId>,
    pub languages: Vec<String>,
    pub time_zone: String,
    pub country: String,
    pub affiliations: Vec<Affiliation>,
    pub desired_rate: crate::money::Money,
    /// May labs see the expert's name and contact details?
    pub contact_consent: bool,
    pub vetting_status: VettingStatus,
    pub status_changed_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

pub fn expert_view(conn: &mut DbConn, e: ExpertRow) -> AppResult<ExpertView> {
    let email = crate::auth::find_user(conn, &e.user_id)?
        .map(|u| u.email)
        .unwrap_or_default();
    Ok(ExpertView {
        id: ExpertId::from_db(e.id),
        user_id: UserId::from_db(e.user_id),
        handle: e.handle,
        vendor_id: e.vendor_id.map(OrgId::from_db),
        display_name: e.display_name,
        email,
        headline: e.headline,
        bio: e.bio,
        domain_ids: crate::db::stored_json("experts.domain_ids", &e.domain_ids)?,
        languages: crate::db::stored_json("experts.languages", &e.languages)?,
        time_zone: e.time_zone,
        country: e.country,
        affiliations: crate::db::stored_json("experts.affiliations", &e.affiliations)?,
        desired_rate: crate::money::Money {
            amount_minor: e.desired_rate_minor,
            currency: e.desired_currency,
        },
        contact_consent: e.contact_consent,
        vetting_status: VettingStatus::parse(&e.vetting_status).unwrap_or(VettingStatus::Applied),
        status_changed_at: crate::clock::utc(e.status_changed_at),
        created_at: crate::clock::utc(e.created_at),
        updated_at: crate::clock::utc(e.updated_at),
    })
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileInput {
    #[schema(min_length = 1, max_length = 100, example = "Dr. Wei Chen")]
    pub display_name: String,
    #[serde(default)]
    #[schema(max_length = 200, example = "Radiologist, 12 years of chest CT")]
    pub headline: String,
    #[serde(default)]
    #[schema(max_length = 4000)]
    pub bio: String,
    /// Rubric domains of expertise (1–20).
    #[schema(min_items = 1, max_items = 20)]
    pub domain_ids: Vec<DomainId>,
    /// BCP 47 tags (1–20).
    #[schema(min_items = 1, max_items = 20, example = json!(["de", "en"]))]
    pub languages: Vec<String>,
    /// IANA time zone.
    #[schema(example = "Europe/Berlin")]
    pub time_zone: String,
    /// Where the expert lives and is paid: an ISO 3166-1 alpha-2 code, upper case. A
    /// Stripe payout account is opened in this country (and cannot move later).
    #[schema(min_length = 2, max_length = 2, pattern = "^[A-Z]{2}$", example = "DE")]
    pub country: String,
    /// Current and past employers and institutions (used for conflict-of-interest checks).
    #[serde(default)]
    #[schema(max_items = 50)]
    pub affiliations: Vec<Affiliation>,
    #[schema(minimum = 1, maximum = 1000000000, example = 9000)]
    pub desired_rate_minor: i64,
    #[schema(example = "EUR")]
    pub desired_currency: String,
    /// Let labs see your name and contact details (default: no, they see your handle).
    #[serde(default)]
    pub contact_consent: bool,
    /// When applying: the token of a vendor's roster invitation sent to your address. You
    /// apply with that vendor set (their admins vet you); without one you apply
    /// independently. Not accepted when editing.
    #[schema(min_length = 1, max_length = 512)]
    pub roster_invitation: Option<String>,
}

impl ProfileInput {
    fn profile(&self) -> Profile {
        Profile {
            display_name: self.display_name.clone(),
            headline: self.headline.clone(),
            bio: self.bio.clone(),
            domain_ids: serde_json::to_string(&self.domain_ids).unwrap_or_else(|_| "[]".into()),
            languages: serde_json::to_string(&self.languages).unwrap_or_else(|_| "[]".into()),
            time_zone: self.time_zone.clone(),
            country: self.country.clone(),
            affiliations: serde_json::to_string(&self.affiliations).unwrap_or_else(|_| "[]".into()),
            desired_rate_minor: self.desired_rate_minor,
            desired_currency: self.desired_currency.clone(),
            contact_consent: self.contact_consent,
        }
    }
}

impl Validate for ProfileInput {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        check_profile(&mut c, self);
        c.finish()
    }
}

/// Apply as an expert
///
/// For accounts registered as `expert`. Starts the vetting pipeline at `applied`; you are
/// e-mailed at every step, with the reason.
#[utoipa::path(
    tag = "experts",
    request_body = ProfileInput,
    responses(
        (status = 201, description = "Application received", body = ExpertView),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[post("/experts/me")]
async fn apply(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<ProfileInput>,
) -> ApiResult<HttpResponse> {
    let user = principal.user()?.clone();
    let b = body.into_inner();
    let now = state.now();
    let view = state
        .db
        .write(move |conn| {
            let invitation = b
                .roster_invitation
                .as_deref()
                .map(|t| {
                    crate::rosters::service::usable_invitation(
                        conn,
                        t,
                        &user,
                        now,
                        "roster_invitation",
                    )
                })
                .transpose()?;
            let vendor = invitation
                .as_ref()
                .map(|i| OrgId::from_db(i.vendor_org_id.clone()));
            service::check_references(conn, &b.domain_ids)?;
            let row = service::apply(conn, now, &user, vendor.as_ref(), &b.profile())?;
            if let Some(inv) = &invitation {
                crate::rosters::service::joined_on_application(conn, now, inv, &row.id)?;
            }
            expert_view(conn, row)
        })
        .await?;
    Ok(HttpResponse::Created().json(view))
}

/// Your expert profile
#[utoipa::path(
    tag = "experts",
    responses(
        (status = 200, description = "Your profile and vetting status", body = ExpertView),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/experts/me")]
async fn get_me(state: web::Data<AppState>, principal: Principal) -> ApiResult<HttpResponse> {
    let user = principal.user()?.clone();
    let view = state
        .db
        .read(move |conn| {
            let row = service::own(conn, &user)?;
            expert_view(conn, row)
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}

/// Edit your expert profile
///
/// Replaces the profile (the vendor and vetting status are not changed here).
#[utoipa::path(
    tag = "experts",
    request_body = ProfileInput,
    responses(
        (status = 200, description = "Updated", body = ExpertView),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[patch("/experts/me")]
async fn update_me(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<ProfileInput>,
) -> ApiResult<HttpResponse> {
    let user = principal.user()?.clone();
    let b = body.into_inner();
    if b.roster_invitation.is_some() {
        return Err(ApiError::invalid_field(
            "roster_invitation",
            "is only used when applying; accept a roster invitation with POST /v1/roster-invitations/accept",
        ));
    }
    let now = state.now();
    let payments = state.settings.payments.clone();
    let view = state
        .db
        .write(move |conn| {
            let row = service::own(conn, &user)?;
            service::check_references(conn, &b.domain_ids)?;
            store::update_profile(conn, &row.id, now, &b.profile())?;
            if row.desired_rate_minor != b.desired_rate_minor
                || row.desired_currency != b.desired_currency
            {
                // Fixed project rates follow from the next timesheet week.
                crate::payments::rates::on_rate_change(conn, now, &payments, &row.id)?;
            }
            crate::audit::record(
                conn,
                now,
                &Actor::user(&user.user_id, user.request_id.clone()),
                crate::audit::Entry {
                    action: "expert.profile_updated",
                    org_id: row.vendor_id.as_deref(),
                    subject_type: "expert",
                    subject_id: Some(&row.id),
                    details: serde_json::json!({}),
                },
            )?;
            let row = service::own(conn, &user)?;
            expert_view(conn, row)
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReasonRequest {
    #[schema(
        min_length = 1,
        max_length = 2000,
        example = "Taking a new full-time position"
    )]
    pub reason: String,
}

impl Validate for ReasonRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        Checks::new().text(&self.reason, "reason", 1, 2000).finish()
    }
}

async fn move_self(
    state: &AppState,
    principal: Principal,
    to: VettingStatus,
    reason: String,
) -> ApiResult<HttpResponse> {
    let user = principal.user()?.clone();
    let now = state.now();
    let cooldown = state.settings.experts.reapply_cooldown_days;
    let view = state
        .db
        .write(move |conn| {
            let row = service::own(conn, &user)?;
            let actor = Actor::user(&user.user_id, user.request_id.clone());
            let row = service::transition(
                conn,
                now,
                &actor,
                &row,
                service::Step {
                    to,
                    mover: Mover::Expert,
                    reason: &reason,
                },
                cooldown,
            )?;
            expert_view(conn, row)
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}

/// Withdraw your application
#[utoipa::path(
    tag = "experts",
    request_body = ReasonRequest,
    responses(
        (status = 200, description = "Withdrawn", body = ExpertView),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[post("/experts/me/withdraw")]
async fn withdraw(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<ReasonRequest>,
) -> ApiResult<HttpResponse> {
    move_self(
        &state,
        principal,
        VettingStatus::Withdrawn,
        body.into_inner().reason,
    )
    .await
}

/// Reapply
///
/// After a withdrawal at any time; after a rejection once the cooldown
/// (`experts.reapply_cooldown_days`, default 90) has passed.
#[utoipa::path(
    tag = "experts",
    request_body = ReasonRequest,
    responses(
        (status = 200, description = "Back at `applied`", body = ExpertView),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[post("/experts/me/reapply")]
async fn reapply(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<ReasonRequest>,
) -> ApiResult<HttpResponse> {
    move_self(
        &state,
        principal,
        VettingStatus::Applied,
        body.into_inner().reason,
    )
    .await
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ExpertFilter {
    pub status: Option<VettingStatus>,
    /// Experts declaring this domain id.
    #[param(value_type = Option<crate::ids::DomainId>)]
    pub domain: Option<String>,
    /// Experts on this vendor's roster.
    #[param(value_type = Option<crate::ids::OrgId>)]
    pub vendor: Option<String>,
    /// Only experts in their current status for at least this many days.
    #[param(minimum = 0, maximum = 3650)]
    pub min_days_in_status: Option<i64>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// List experts (rosters and applicants)
///
/// Vendor admins see their roster; platform admins see everyone.
#[utoipa::path(
    tag = "experts",
    params(ExpertFilter),
    responses(
        (status = 200, description = "One page of experts", body = Page<ExpertView>),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
    ),
    security(("bearer" = []))
)]
#[get("/experts")]
async fn list_experts(
    state: web::Data<AppState>,
    principal: Principal,
    q: Query<ExpertFilter>,
) -> ApiResult<HttpResponse> {
    let user = principal.user()?;
    let vendors: Option<Vec<String>> = if user.is_platform_admin {
        None
    } else {
        let mine: Vec<String> = user
            .memberships
            .iter()
            .filter(|m| m.org_kind == OrgKind::Vendor && m.role.is_admin())
            .map(|m| m.org_id.to_string())
            .collect();
        if mine.is_empty() {
            return Err(ApiError::forbidden(
                "only vendor admins (their roster) and platform admins list experts",
            ));
        }
        Some(mine)
    };
    let f = q.0;
    let page = PageParams {
        limit: f.limit,
        cursor: f.cursor,
    }
    .resolve(ExpertId::PREFIX)?;
    let parse_id = |name: &str, v: Option<String>, prefix: &str| -> ApiResult<Option<String>> {
        match v {
            Some(s) if crate::ids::is_valid(prefix, &s) => Ok(Some(s)),
            Some(_) => Err(ApiError::bad_parameter(
                name,
                format!("must be an id ({prefix}_…)"),
            )),
            None => Ok(None),
        }
    };
    let filter = store::Filter {
        vendors,
        status: f.status.map(|s| s.as_str().to_owned()),
        domain: parse_id("domain", f.domain, DomainId::PREFIX)?,
        vendor: parse_id("vendor", f.vendor, OrgId::PREFIX)?,
        in_state_since: f
            .min_days_in_status
            .map(|d| (state.now() - chrono::Duration::days(d.clamp(0, 3650))).naive_utc()),
    };
    let p = page.clone();
    let page = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let rows = store::list(conn, &filter, &p)?;
            Ok(Page::try_from_rows(
                rows,
                &p,
                |r| r.id.clone(),
                |row| expert_view(conn, row),
            )?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

/// Get an expert
///
/// The expert themself, their vendor's admins and platform admins; 404 for everyone else.
#[utoipa::path(
    tag = "experts",
    params(("expert" = ExpertId, Path, description = "Expert id")),
    responses(
        (status = 200, description = "The expert", body = ExpertView),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/experts/{expert}")]
async fn get_expert(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: ExpertId = path_id("expert", &path)?;
    let view = state
        .db
        .read(move |conn| {
            let row = service::visible_expert(conn, &principal, &id)?;
            expert_view(conn, row)
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TransitionRequest {
    /// The next status: `screening`, `credential_review`, `assessment`, `approved`, `rejected` or `offboarded`.
    pub to: VettingStatus,
    /// Shown to the expert in the e-mail and the history.
    #[schema(min_length = 1, max_length = 2000)]
    pub reason: String,
}

impl Validate for TransitionRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        Checks::new().text(&self.reason, "reason", 1, 2000).finish()
    }
}

/// Move an expert through vetting
///
/// Vendor admins (their roster) and platform admins, with a reason. An illegal step answers
/// 409 naming the current status. The expert is e-mailed.
#[utoipa::path(
    tag = "experts",
    params(("expert" = ExpertId, Path, description = "Expert id")),
    request_body = TransitionRequest,
    responses(
        (status = 200, description = "The expert in the new status", body = ExpertView),
        (status = 401, response = crate::http::Unauthorized),
        (status = 403, response = crate::http::Forbidden),
        (status = 404, response = crate::http::NotFound),
        (status = 409, response = crate::http::Conflict),
    ),
    security(("bearer" = []))
)]
#[post("/experts/{expert}/vetting/transitions")]
async fn move_expert(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
    body: Json<TransitionRequest>,
) -> ApiResult<HttpResponse> {
    let id: ExpertId = path_id("expert", &path)?;
    let b = body.into_inner();
    let now = state.now();
    let cooldown = state.settings.experts.reapply_cooldown_days;
    let view = state
        .db
        .write(move |conn| {
            let row = service::visible_expert(conn, &principal, &id)?;
            service::vetter(&principal, &row, "vet experts")?;
            let row = service::transition(
                conn,
                now,
                &Actor::of(&principal),
                &row,
                service::Step {
                    to: b.to,
                    mover: Mover::Admin,
                    reason: &b.reason,
                },
                cooldown,
            )?;
            Ok::<_, ApiError>(expert_view(conn, row)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TransitionView {
    pub from: Option<VettingStatus>,
    pub to: VettingStatus,
    pub reason: String,
    /// `user` (an admin or the expert) or `system`.
    pub actor_type: String,
    pub at: chrono::DateTime<chrono::Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TransitionList {
    pub data: Vec<TransitionView>,
}

/// An expert's vetting history
///
/// Every step with its reason, oldest first. Visible to the expert, their vendor's admins
/// and platform admins.
#[utoipa::path(
    tag = "experts",
    params(("expert" = ExpertId, Path, description = "Expert id")),
    responses(
        (status = 200, description = "The history", body = TransitionList),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/experts/{expert}/vetting/transitions")]
async fn list_transitions(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: ExpertId = path_id("expert", &path)?;
    let data = state
        .db
        .read(move |conn| -> ApiResult<_> {
            let row = service::visible_expert(conn, &principal, &id)?;
            Ok(store::transitions(conn, &row.id)?
                .into_iter()
                .map(|t| TransitionView {
                    from: t.from_status.as_deref().and_then(VettingStatus::parse),
                    to: VettingStatus::parse(&t.to_status).unwrap_or(VettingStatus::Applied),
                    reason: t.reason,
                    actor_type: t.actor_type,
                    at: crate::clock::utc(t.at),
                })
                .collect::<Vec<_>>())
        })
        .await?;
    Ok(HttpResponse::Ok().json(TransitionList { data }))
}
