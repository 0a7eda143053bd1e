//! The pages Cadre's e-mails (and Stripe's onboarding) link to. Opening a link never
//! changes anything: each page shows a button that POSTs the token, so mail scanners
//! that prefetch links act on nothing. Each POST calls the function behind the matching
//! API endpoint.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::csrf::read_form;
use super::errors::{PageError, encode};
use super::page::{Chrome, MaybeUser, PageUser, ok, render};
use crate::auth::service as auth_service;
use crate::error::AppError;
use crate::http::{Checks, request_id};
use crate::ids::CredentialId;
use crate::orgs::service::{self as orgs_service, Acceptor};
use crate::state::AppState;

#[derive(Deserialize)]
pub struct TokenQuery {
    token: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct TokenForm {
    #[serde(default)]
    pub(super) token: String,
}

/// The token from a link, or a 400 page saying the link is incomplete.
pub(super) fn token_of(q: &TokenQuery) -> Result<String, PageError> {
    match q.token.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() && t.len() <= 512 => Ok(t.to_owned()),
        _ => Err(AppError::bad_parameter(
            "token",
            "the link is incomplete: open it exactly as it was in the e-mail",
        )
        .into()),
    }
}

pub(super) fn posted_token(token: &str) -> Result<String, PageError> {
    token_of(&TokenQuery {
        token: Some(token.to_owned()),
    })
}

/// A page that says what happened, with one link onwards.
#[derive(Template)]
#[template(path = "done.html")]
struct DonePage {
    chrome: Chrome,
    title: String,
    message: String,
    link: String,
    link_text: String,
}

pub(super) fn done(
    req: &HttpRequest,
    user: Option<&crate::auth::UserPrincipal>,
    title: &str,
    message: String,
    link: &str,
    link_text: &str,
) -> Result<HttpResponse, PageError> {
    ok(&DonePage {
        chrome: Chrome::new(req, user),
        title: title.to_owned(),
        message,
        link: link.to_owned(),
        link_text: link_text.to_owned(),
    })
}

// ---------------------------------------------------------------- e-mail verification

#[derive(Template)]
#[template(path = "verify_email.html")]
struct VerifyEmailPage {
    chrome: Chrome,
    token: String,
}

pub async fn verify_email_page(
    req: HttpRequest,
    user: MaybeUser,
    q: web::Query<TokenQuery>,
) -> Result<HttpResponse, PageError> {
    let token = token_of(&q)?;
    ok(&VerifyEmailPage {
        chrome: Chrome::new(&req, user.0.as_ref()),
        token,
    })
}

/// `auth::service::verify_email`, as `POST /v1/auth/verify-email`.
pub async fn verify_email(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: MaybeUser,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let f: TokenForm = read_form(&req, &body)?;
    let token = posted_token(&f.token)?;
    let verified = auth_service::verify_email(&state, token, request_id(&req)).await?;
    done(
        &req,
        user.0.as_ref(),
        "E-mail address confirmed",
        format!(
            "Thank you. {} is confirmed for your Cadre account.",
            verified.email
        ),
        "/app/",
        "Continue to Cadre",
    )
}

// ---------------------------------------------------------------- organisation invitations

#[derive(Template)]
#[template(path = "invitation.html")]
struct InvitationPage {
    chrome: Chrome,
    token: String,
    signed_in_email: Option<String>,
    sign_in_link: String,
    display_name: String,
    fields: Vec<(String, String)>,
}

fn sign_in_link(req: &HttpRequest) -> String {
    let here = req
        .uri()
        .path_and_query()
        .map(|pq| pq.as_str().to_owned())
        .unwrap_or_else(|| req.path().to_owned());
    format!("/app/sign-in?next={}", encode(&here))
}

pub async fn invitation_page(
    req: HttpRequest,
    user: MaybeUser,
    q: web::Query<TokenQuery>,
) -> Result<HttpResponse, PageError> {
    let token = token_of(&q)?;
    ok(&InvitationPage {
        chrome: Chrome::new(&req, user.0.as_ref()),
        sign_in_link: sign_in_link(&req),
        token,
        signed_in_email: user.0.as_ref().map(|u| u.email.clone()),
        display_name: String::new(),
        fields: Vec::new(),
    })
}

#[derive(Deserialize)]
struct InvitationForm {
    #[serde(default)]
    token: String,
    display_name: Option<String>,
    password: Option<String>,
}

/// `orgs::service::accept_invitation`, as `POST /v1/invitations/accept`: signed in, as
/// that user; otherwise a new account with the invitation's (thereby verified) address,
/// which is then signed in.
pub async fn accept_invitation(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: MaybeUser,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let f: InvitationForm = read_form(&req, &body)?;
    let token = posted_token(&f.token)?;
    let (acceptor, password) = match &user.0 {
        Some(u) => (Acceptor::Existing(u.clone()), None),
        None => {
            let name = f.display_name.clone().unwrap_or_default();
            let password = f.password.clone().unwrap_or_default();
            // The same presence checks as the API; the service checks the password's strength.
            let mut c = Checks::new();
            c.text(&name, "display_name", 1, 100);
            c.check(
                !password.is_empty(),
                "password",
                "is required to create an account",
            );
            if let Err(errors) = c.finish() {
                return render(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &InvitationPage {
                        chrome: Chrome::new(&req, None),
                        sign_in_link: format!(
                            "/app/sign-in?next={}",
                            encode(&format!("/invitations/accept?token={token}"))
                        ),
                        token,
                        signed_in_email: None,
                        display_name: name,
                        fields: errors.into_iter().map(|e| (e.field, e.message)).collect(),
                    },
                );
            }
            (
                Acceptor::New {
                    display_name: name,
                    password: password.clone(),
                },
                Some(password),
            )
        }
    };
    let accepted =
        orgs_service::accept_invitation(&state, token, acceptor, request_id(&req)).await?;
    let message = format!(
        "You joined {} as {}.",
        accepted.org.name,
        accepted.membership.role.replace('_', " ")
    );
    let Some(password) = password else {
        return done(
            &req,
            user.0.as_ref(),
            "Invitation accepted",
            message,
            "/app/",
            "Continue to Cadre",
        );
    };
    // A new account: sign it in with the password just chosen.
    let ip = crate::http::client_ip(&req, state.settings.http.trust_forwarded_for);
    let tokens = auth_service::login(
        &state,
        accepted.user.email.clone(),
        password,
        ip,
        request_id(&req),
    )
    .await?;
    let mut res = done(
        &req,
        None,
        "Invitation accepted",
        message,
        "/app/",
        "Continue to Cadre",
    )?;
    for c in super::session::sign_in_cookies(&state, &tokens) {
        res.add_cookie(&c).map_err(AppError::internal)?;
    }
    Ok(res)
}

// ---------------------------------------------------------------- roster invitations

#[derive(Template)]
#[template(path = "roster_invitation.html")]
struct RosterInvitationPage {
    chrome: Chrome,
    token: String,
    email: String,
}

/// Signed in only (the invitation must match your address); others sign in or register
/// and come back here.
pub async fn roster_invitation_page(
    req: HttpRequest,
    user: PageUser,
    q: web::Query<TokenQuery>,
) -> Result<HttpResponse, PageError> {
    let token = token_of(&q)?;
    ok(&RosterInvitationPage {
        chrome: Chrome::new(&req, Some(&user.0)),
        email: user.0.email.clone(),
        token,
    })
}

#[derive(Deserialize)]
struct RosterForm {
    #[serde(default)]
    token: String,
    /// A checkbox: present (`on`) when ticked.
    leave_current_roster: Option<String>,
}

/// `rosters::service::accept`, as `POST /v1/roster-invitations/accept`.
pub async fn accept_roster_invitation(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: PageUser,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let f: RosterForm = read_form(&req, &body)?;
    let token = posted_token(&f.token)?;
    let leave = f.leave_current_roster.is_some();
    let u = user.0.clone();
    let now = state.now();
    state
        .db
        .write(move |conn| crate::rosters::service::accept(conn, now, &u, &token, leave))
        .await?;
    done(
        &req,
        Some(&user.0),
        "You joined the roster",
        "You are now on the vendor's expert roster.".to_owned(),
        "/app/",
        "Continue to Cadre",
    )
}

/// `rosters::service::decline`, as `POST /v1/roster-invitations/decline`.
pub async fn decline_roster_invitation(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: PageUser,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let f: TokenForm = read_form(&req, &body)?;
    let token = posted_token(&f.token)?;
    let u = user.0.clone();
    let now = state.now();
    state
        .db
        .write(move |conn| crate::rosters::service::decline(conn, now, &u, &token))
        .await?;
    done(
        &req,
        Some(&user.0),
        "Invitation declined",
        "You declined the roster invitation; the vendor sees it as declined.".to_owned(),
        "/app/",
        "Continue to Cadre",
    )
}

// ---------------------------------------------------------------- institutional e-mail checks

#[derive(Template)]
#[template(path = "credential_email.html")]
struct CredentialEmailPage {
    chrome: Chrome,
    action: String,
    token: String,
}

fn credential_id(raw: &str) -> Result<CredentialId, PageError> {
    CredentialId::parse(raw)
        .map_err(|e| AppError::bad_parameter("credential", e.to_string()).into())
}

/// No sign-in: whoever holds the institutional mailbox confirms (the token is the proof).
pub async fn credential_email_page(
    req: HttpRequest,
    user: MaybeUser,
    path: web::Path<String>,
    q: web::Query<TokenQuery>,
) -> Result<HttpResponse, PageError> {
    let id = credential_id(&path)?;
    let token = token_of(&q)?;
    ok(&CredentialEmailPage {
        chrome: Chrome::new(&req, user.0.as_ref()),
        action: format!("/credentials/{id}/confirm-email"),
        token,
    })
}

/// `credentials::email_confirm::confirm`, as `POST /v1/credentials/{c}/email-verification/confirm`.
pub async fn confirm_credential_email(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: MaybeUser,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let f: TokenForm = read_form(&req, &body)?;
    let id = credential_id(&path)?;
    let token = posted_token(&f.token)?;
    let check =
        crate::credentials::email_confirm::confirm(&state, id, &token, request_id(&req)).await?;
    done(
        &req,
        user.0.as_ref(),
        "Address confirmed",
        format!(
            "Thank you. {} is confirmed as the credential's institutional address.",
            check.email
        ),
        "/app/",
        "Cadre",
    )
}

// ---------------------------------------------------------------- Stripe onboarding

#[derive(Template)]
#[template(path = "payout_account.html")]
struct PayoutAccountPage {
    chrome: Chrome,
    done: bool,
    refresh: bool,
}

#[derive(Deserialize)]
pub struct PayoutQuery {
    done: Option<String>,
    refresh: Option<String>,
}

/// Stripe sends the expert back here: `?done=1` after onboarding, `?refresh=1` when the
/// onboarding link expired or was used. Stripe tells Cadre the account's state by webhook.
pub async fn payout_account_page(
    req: HttpRequest,
    user: PageUser,
    q: web::Query<PayoutQuery>,
) -> Result<HttpResponse, PageError> {
    ok(&PayoutAccountPage {
        chrome: Chrome::new(&req, Some(&user.0)),
        done: q.done.is_some(),
        refresh: q.refresh.is_some() && q.done.is_none(),
    })
}
