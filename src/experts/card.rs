//! The pseudonymous expert card: what a lab sees of an expert (docs/architecture.md,
//! "Who owns and sees shared data"). A handle instead of a name; a summary of verified, unexpired
//! credentials (kind, field, jurisdiction, expiry — no issuer or licence number); the
//! domains the expert is eligible for; slice statuses and tiers. Name and e-mail only if
//! the expert consented (`contact_consent`).
//!
//! Labs (any member of a lab organisation) see cards of **approved** experts; the expert,
//! their vendor's admins and platform admins see any card (a preview of what labs see).

use actix_web::{HttpResponse, get, web};
use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

use super::store::{self, ExpertRow};
use crate::auth::{OrgKind, Principal};
use crate::credentials::eligibility;
use crate::db::DbConn;
use crate::error::AppResult;
use crate::http::{ApiResult, path_id};
use crate::ids::ExpertId;
use crate::standings::rules::{SliceStatus, Tier};
use crate::state::AppState;
use crate::taxonomy::CredentialKind;

#[derive(Debug, Serialize, ToSchema)]
pub struct CredentialSummary {
    pub kind: CredentialKind,
    #[schema(example = "medicine")]
    pub field: String,
    pub jurisdiction: Option<String>,
    pub expires_on: Option<NaiveDate>,
}

/// An expert's status and tier in one slice, as labs see it (no admin reasons).
#[derive(Debug, Serialize, ToSchema)]
pub struct CardStanding {
    pub slice_id: crate::ids::SliceId,
    #[schema(example = "code/rust-review")]
    pub slice_key: String,
    pub status: SliceStatus,
    pub tier: Tier,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Contact {
    pub display_name: String,
    pub email: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ExpertCard {
    pub id: ExpertId,
    #[schema(example = "expert-7f3k9q2m")]
    pub handle: String,
    pub languages: Vec<String>,
    pub time_zone: String,
    /// Verified credentials that count today.
    pub verified_credentials: Vec<CredentialSummary>,
    /// Slugs of the domains whose credential requirements the expert meets today.
    pub eligible_domains: Vec<String>,
    /// Shared slices, and the viewing lab's own private slices.
    pub slices: Vec<CardStanding>,
    /// Only when the expert consented to share contact details with labs.
    pub contact: Option<Contact>,
}

fn card(
    conn: &mut DbConn,
    principal: &Principal,
    e: ExpertRow,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<ExpertCard> {
    let today = now.date_naive();
    let verified_credentials = crate::credentials::credentials_of_expert(conn, &e.id)?
        .iter()
        .filter(|c| eligibility::counts_on(&eligibility::Held::from(*c), today))
        .map(|c| CredentialSummary {
            kind: CredentialKind::parse(&c.kind).unwrap_or(CredentialKind::Certification),
            field: c.field.clone(),
            jurisdiction: c.jurisdiction.clone(),
            expires_on: c.expires_on,
        })
        .collect();
    let eligible_domains = eligibility::for_expert(conn, &e.id, now)?
        .domains
        .into_iter()
        .filter(|d| d.eligible)
        .map(|d| d.slug)
        .collect();
    let mut slices = Vec::new();
    for s in crate::standings::standings_of_expert(conn, &e.id)? {
        let slice_id = crate::ids::SliceId::from_db(s.slice_id.clone());
        // Another lab's private slice stays invisible, as everywhere else.
        let Ok(slice) = crate::taxonomy::service::visible_slice(conn, principal, &slice_id) else {
            continue;
        };
        slices.push(CardStanding {
            slice_id,
            slice_key: slice.key,
            status: SliceStatus::parse(&s.status).unwrap_or(SliceStatus::None),
            tier: Tier::parse(&s.tier).unwrap_or(Tier::Annotator),
        });
    }
    let contact = if e.contact_consent {
        crate::experts::service::contact(conn, &e.id)?.map(|(email, display_name)| Contact {
            display_name,
            email,
        })
    } else {
        None
    };
    Ok(ExpertCard {
        id: ExpertId::from_db(e.id),
        handle: e.handle,
        languages: crate::db::stored_json("experts.languages", &e.languages)?,
        time_zone: e.time_zone,
        verified_credentials,
        eligible_domains,
        slices,
        contact,
    })
}

/// An expert's pseudonymous card
///
/// What labs see: handle, verified credentials summary, eligible domains, slice statuses;
/// name and e-mail only with the expert's consent. Lab members see approved experts; the
/// expert, their vendor's admins and platform admins see any card. 404 otherwise.
#[utoipa::path(
    tag = "experts",
    params(("expert" = ExpertId, Path, description = "Expert id")),
    responses(
        (status = 200, description = "The card", body = ExpertCard),
        (status = 400, response = crate::http::BadRequest),
        (status = 401, response = crate::http::Unauthorized),
        (status = 404, response = crate::http::NotFound),
    ),
    security(("bearer" = []))
)]
#[get("/experts/{expert}/card")]
async fn get_card(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id: ExpertId = path_id("expert", &path)?;
    let now = state.now();
    let v = state
        .db
        .read(move |conn| {
            let e = match super::service::visible_expert(conn, &principal, &id) {
                Ok(e) => e,
                Err(not_found) => {
                    let in_lab = matches!(&principal, Principal::User(u)
                        if u.memberships.iter().any(|m| m.org_kind == OrgKind::Lab));
                    match store::find(conn, id.as_str())? {
                        Some(e) if in_lab && e.vetting_status == "approved" => e,
                        _ => return Err(not_found),
                    }
                }
            };
            card(conn, &principal, e, now)
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(get_card);
}
