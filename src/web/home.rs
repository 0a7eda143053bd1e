//! `/app/`: who you are and the state of your account.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::csrf::read_form;
use super::errors::PageError;
use super::page::{Chrome, PageUser, ok, see_other};
use crate::auth::service;
use crate::error::AppError;
use crate::state::AppState;

struct OrgLine {
    name: String,
    kind: &'static str,
    role: &'static str,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    chrome: Chrome,
    display_name: String,
    email: String,
    email_verified: bool,
    is_platform_admin: bool,
    is_expert: bool,
    /// The expert's vetting status, once they applied.
    vetting_status: Option<String>,
    orgs: Vec<OrgLine>,
    verification_sent: bool,
}

#[derive(serde::Deserialize)]
pub struct HomeQuery {
    sent: Option<String>,
}

pub async fn home(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: PageUser,
    q: web::Query<HomeQuery>,
) -> Result<HttpResponse, PageError> {
    let u = user.0;
    let vetting_status = if u.is_expert {
        let id = u.user_id.clone();
        state
            .db
            .read(move |conn| -> Result<_, AppError> {
                Ok(crate::experts::find_expert_by_user(conn, id.as_str())?
                    .map(|e| e.vetting_status))
            })
            .await?
    } else {
        None
    };
    let orgs = u
        .memberships
        .iter()
        .map(|m| OrgLine {
            name: m.org_name.clone(),
            kind: m.org_kind.as_str(),
            role: m.role.as_str(),
        })
        .collect();
    ok(&HomePage {
        chrome: Chrome::new(&req, Some(&u)),
        display_name: u.display_name.clone(),
        email: u.email.clone(),
        email_verified: u.email_verified,
        is_platform_admin: u.is_platform_admin,
        is_expert: u.is_expert,
        vetting_status,
        orgs,
        verification_sent: q.sent.is_some(),
    })
}

/// Sends a new verification e-mail (`auth::service::resend_verification`).
pub async fn resend_verification(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Bytes,
    user: PageUser,
) -> Result<HttpResponse, PageError> {
    let _: serde::de::IgnoredAny = read_form(&req, &body)?;
    service::resend_verification(&state, &user.0).await?;
    Ok(see_other("/app/?sent=1"))
}
