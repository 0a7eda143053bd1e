//! Password reset (request and the e-mailed `/password-reset` page), the account page
//! (`/app/account`: password change, e-mail change) and the e-mailed `/email-change`
//! landing. Each form calls the function behind the matching API endpoint
//! (`auth::account`), with the API's own request checks.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::csrf::read_form;
use super::errors::PageError;
use super::landing::{TokenForm, TokenQuery, done, posted_token, token_of};
use super::page::{Chrome, MaybeUser, PageUser, ok, render, see_other};
use crate::auth::account;
use crate::auth::routes::{
    EmailChangeRequest, PasswordChangeRequest, PasswordResetConfirm, PasswordResetRequest,
};
use crate::error::{AppError, Kind};
use crate::http::{Validate, client_ip, request_id};
use crate::state::AppState;

type Fields = Vec<(String, String)>;

fn fields_of(errors: Vec<crate::error::FieldError>) -> Fields {
    errors.into_iter().map(|e| (e.field, e.message)).collect()
}

/// A refusal the form can explain on itself (what was entered, a wrong password, a limit);
/// anything else becomes the error page.
fn shown_on_form(e: &AppError) -> bool {
    matches!(
        e.kind(),
        Kind::Invalid | Kind::Forbidden | Kind::RateLimited { .. }
    )
}

/// Re-renders a form with the refusal, keeping `Retry-After` of a 429.
fn refused<T: Template>(e: &AppError, page: &T) -> Result<HttpResponse, PageError> {
    let (status, _) = super::errors::status_of(e.kind());
    let mut res = render(status, page)?;
    if let Kind::RateLimited { retry_after_secs } = e.kind()
        && let Ok(v) = header::HeaderValue::from_str(&retry_after_secs.to_string())
    {
        res.headers_mut().insert(header::RETRY_AFTER, v);
    }
    Ok(res)
}

// ---------------------------------------------------------------- reset: request

#[derive(Template)]
#[template(path = "password_reset_request.html")]
struct ResetRequestPage {
    chrome: Chrome,
    email: String,
    problem: Option<String>,
    fields: Fields,
}

pub async fn reset_request_form(
    req: HttpRequest,
    user: MaybeUser,
) -> Result<HttpResponse, PageError> {
    ok(&ResetRequestPage {
        chrome: Chrome::new(&req, user.0.as_ref()),
        email: user.0.as_ref().map(|u| u.email.clone()).unwrap_or_default(),
        problem: None,
        fields: Vec::new(),
    })
}

#[derive(Deserialize)]
struct EmailForm {
    #[serde(default)]
    email: String,
}

/// `auth::account::request_password_reset`, as `POST /v1/auth/password-reset`: the same
/// page follows whether or not an account has the address.
pub async fn request_reset(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: MaybeUser,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let f: EmailForm = read_form(&req, &body)?;
    let again = |problem: &str, fields: Fields| ResetRequestPage {
        chrome: Chrome::new(&req, user.0.as_ref()),
        email: f.email.clone(),
        problem: Some(problem.to_owned()),
        fields,
    };
    let check = PasswordResetRequest {
        email: f.email.clone(),
    };
    if let Err(errors) = check.validate() {
        return render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &again("Please check what you entered.", fields_of(errors)),
        );
    }
    let ip = client_ip(&req, state.settings.http.trust_forwarded_for);
    match account::request_password_reset(&state, f.email.clone(), ip, request_id(&req)).await {
        Ok(()) => done(
            &req,
            user.0.as_ref(),
            "Check your inbox",
            "If a Cadre account uses this address, we sent it a link to choose a new password. \
             The link works once and expires soon."
                .to_owned(),
            "/app/sign-in",
            "Back to sign in",
        ),
        Err(e) if shown_on_form(&e) => refused(&e, &again(e.detail(), Vec::new())),
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------- reset: the e-mailed link

#[derive(Template)]
#[template(path = "password_reset.html")]
struct ResetPage {
    chrome: Chrome,
    token: String,
    problem: Option<String>,
    fields: Fields,
}

/// The link in the reset e-mail: a form; opening it changes nothing.
pub async fn reset_form(
    req: HttpRequest,
    user: MaybeUser,
    q: web::Query<TokenQuery>,
) -> Result<HttpResponse, PageError> {
    let token = token_of(&q)?;
    ok(&ResetPage {
        chrome: Chrome::new(&req, user.0.as_ref()),
        token,
        problem: None,
        fields: Vec::new(),
    })
}

#[derive(Deserialize)]
struct ResetForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    new_password: String,
}

/// `auth::account::reset_password`, as `POST /v1/auth/password-reset/confirm`. Every
/// session of the account ends, this browser's included: the page sends to sign-in.
pub async fn reset(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let f: ResetForm = read_form(&req, &body)?;
    let token = posted_token(&f.token)?;
    let again = |problem: &str, fields: Fields| ResetPage {
        chrome: Chrome::new(&req, None),
        token: token.clone(),
        problem: Some(problem.to_owned()),
        fields,
    };
    let check = PasswordResetConfirm {
        token: token.clone(),
        new_password: f.new_password.clone(),
    };
    if let Err(errors) = check.validate() {
        return render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &again("Please check what you entered.", fields_of(errors)),
        );
    }
    let ip = client_ip(&req, state.settings.http.trust_forwarded_for);
    match account::reset_password(&state, token.clone(), f.new_password, ip, request_id(&req)).await
    {
        Ok(()) => {
            let mut res = done(
                &req,
                None,
                "Password changed",
                "Your new password is set, and your account was signed out everywhere. \
                 Sign in with the new password."
                    .to_owned(),
                "/app/sign-in",
                "Sign in",
            )?;
            for c in super::session::sign_out_cookies(&state) {
                res.add_cookie(&c).map_err(AppError::internal)?;
            }
            Ok(res)
        }
        Err(e) if matches!(e.kind(), Kind::Invalid) => {
            let fields = fields_of(e.field_errors().to_vec());
            refused(&e, &again("Please choose another password.", fields))
        }
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------- the account page

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    chrome: Chrome,
    email: String,
    email_verified: bool,
    new_email: String,
    notice: Option<String>,
    problem: Option<String>,
    fields: Fields,
}

impl AccountPage {
    fn of(req: &HttpRequest, user: &crate::auth::UserPrincipal) -> AccountPage {
        AccountPage {
            chrome: Chrome::new(req, Some(user)),
            email: user.email.clone(),
            email_verified: user.email_verified,
            new_email: String::new(),
            notice: None,
            problem: None,
            fields: Vec::new(),
        }
    }
}

#[derive(Deserialize)]
pub struct AccountQuery {
    done: Option<String>,
}

pub async fn account_page(
    req: HttpRequest,
    user: PageUser,
    q: web::Query<AccountQuery>,
) -> Result<HttpResponse, PageError> {
    let mut page = AccountPage::of(&req, &user.0);
    page.notice = match q.done.as_deref() {
        Some("password") => {
            Some("Your password was changed. Your other sessions were signed out.".to_owned())
        }
        Some("email") => Some(
            "We sent a link to the new address. Your address changes when you confirm it there."
                .to_owned(),
        ),
        _ => None,
    };
    ok(&page)
}

#[derive(Deserialize)]
struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
}

/// `auth::account::change_password`, as `POST /v1/auth/password`.
pub async fn change_password(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Bytes,
    user: PageUser,
) -> Result<HttpResponse, PageError> {
    let f: PasswordForm = read_form(&req, &body)?;
    let again = |problem: &str, fields: Fields| AccountPage {
        problem: Some(problem.to_owned()),
        fields,
        ..AccountPage::of(&req, &user.0)
    };
    let check = PasswordChangeRequest {
        current_password: f.current_password.clone(),
        new_password: f.new_password.clone(),
    };
    if let Err(errors) = check.validate() {
        return render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &again("Please check what you entered.", fields_of(errors)),
        );
    }
    match account::change_password(&state, &user.0, f.current_password, f.new_password).await {
        Ok(_) => Ok(see_other("/app/account?done=password")),
        Err(e) if shown_on_form(&e) => {
            let fields = fields_of(e.field_errors().to_vec());
            refused(&e, &again(e.detail(), fields))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct EmailChangeForm {
    #[serde(default)]
    new_email: String,
    #[serde(default)]
    password: String,
}

/// `auth::account::request_email_change`, as `POST /v1/auth/email-change`.
pub async fn change_email(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Bytes,
    user: PageUser,
) -> Result<HttpResponse, PageError> {
    let f: EmailChangeForm = read_form(&req, &body)?;
    let again = |problem: &str, fields: Fields| AccountPage {
        new_email: f.new_email.clone(),
        problem: Some(problem.to_owned()),
        fields,
        ..AccountPage::of(&req, &user.0)
    };
    let check = EmailChangeRequest {
        new_email: f.new_email.clone(),
        password: f.password.clone(),
    };
    if let Err(errors) = check.validate() {
        return render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &again("Please check what you entered.", fields_of(errors)),
        );
    }
    match account::request_email_change(&state, &user.0, f.new_email.clone(), f.password).await {
        Ok(()) => Ok(see_other("/app/account?done=email")),
        Err(e) if shown_on_form(&e) => {
            let fields = fields_of(e.field_errors().to_vec());
            refused(&e, &again(e.detail(), fields))
        }
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------- e-mail change: the link

#[derive(Template)]
#[template(path = "email_change.html")]
struct EmailChangePage {
    chrome: Chrome,
    token: String,
}

/// The link in the e-mail to the new address: a button; opening it changes nothing.
pub async fn email_change_page(
    req: HttpRequest,
    user: MaybeUser,
    q: web::Query<TokenQuery>,
) -> Result<HttpResponse, PageError> {
    let token = token_of(&q)?;
    ok(&EmailChangePage {
        chrome: Chrome::new(&req, user.0.as_ref()),
        token,
    })
}

/// `auth::account::confirm_email_change`, as `POST /v1/auth/email-change/confirm`.
pub async fn confirm_email_change(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: MaybeUser,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let f: TokenForm = read_form(&req, &body)?;
    let token = posted_token(&f.token)?;
    let changed = account::confirm_email_change(&state, token, request_id(&req)).await?;
    done(
        &req,
        user.0.as_ref(),
        "E-mail address changed",
        format!(
            "Your Cadre account now uses {}. Sign in with this address from now on.",
            changed.email
        ),
        "/app/",
        "Continue to Cadre",
    )
}
