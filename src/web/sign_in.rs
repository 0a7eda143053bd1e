//! Sign in, sign out and register: `auth::service::login`, `logout` and `register`, the
//! functions behind `POST /v1/auth/login`, `/logout` and `/register`, with the API's own
//! request checks (`LoginRequest`, `RegisterRequest`).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::csrf::read_form;
use super::errors::PageError;
use super::page::{Chrome, MaybeUser, PageUser, ok, render, safe_next, see_other};
use super::session::{sign_in_cookies, sign_out_cookies};
use crate::auth::routes::{AccountType, LoginRequest, RegisterRequest};
use crate::auth::service::{self, Registration, Tokens};
use crate::error::{AppError, Kind};
use crate::http::{Validate, client_ip, request_id};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "sign_in.html")]
struct SignInPage {
    chrome: Chrome,
    next: String,
    email: String,
    problem: Option<String>,
    fields: Vec<(String, String)>,
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

pub async fn sign_in_form(
    req: HttpRequest,
    user: MaybeUser,
    q: web::Query<NextQuery>,
) -> Result<HttpResponse, PageError> {
    let next = safe_next(q.next.as_deref());
    if user.0.is_some() {
        return Ok(see_other(&next));
    }
    ok(&SignInPage {
        chrome: Chrome::new(&req, None),
        next,
        email: String::new(),
        problem: None,
        fields: Vec::new(),
    })
}

#[derive(Deserialize)]
struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

/// Sets the session cookies and sends the browser on.
fn signed_in(state: &AppState, tokens: &Tokens, next: &str) -> Result<HttpResponse, PageError> {
    let mut res = see_other(next);
    for c in sign_in_cookies(state, tokens) {
        res.add_cookie(&c).map_err(AppError::internal)?;
    }
    Ok(res)
}

pub async fn sign_in(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let f: SignInForm = read_form(&req, &body)?;
    let next = safe_next(f.next.as_deref());
    let again =
        |status: StatusCode, problem: String, fields: Vec<(String, String)>, email: String| {
            render(
                status,
                &SignInPage {
                    chrome: Chrome::new(&req, None),
                    next: next.clone(),
                    email,
                    problem: Some(problem),
                    fields,
                },
            )
        };
    let check = LoginRequest {
        email: f.email.clone(),
        password: f.password.clone(),
    };
    if let Err(errors) = check.validate() {
        let fields = errors.into_iter().map(|e| (e.field, e.message)).collect();
        return again(
            StatusCode::UNPROCESSABLE_ENTITY,
            "Please fill in both fields.".into(),
            fields,
            f.email,
        );
    }
    let ip = client_ip(&req, state.settings.http.trust_forwarded_for);
    match service::login(&state, f.email.clone(), f.password, ip, request_id(&req)).await {
        Ok(tokens) => signed_in(&state, &tokens, &next),
        Err(e) if matches!(e.kind(), Kind::Unauthenticated | Kind::RateLimited { .. }) => {
            let (status, _) = super::errors::status_of(e.kind());
            let mut res = again(status, e.detail().to_owned(), Vec::new(), f.email)?;
            if let Kind::RateLimited { retry_after_secs } = e.kind()
                && let Ok(v) =
                    actix_web::http::header::HeaderValue::from_str(&retry_after_secs.to_string())
            {
                res.headers_mut()
                    .insert(actix_web::http::header::RETRY_AFTER, v);
            }
            Ok(res)
        }
        Err(e) => Err(e.into()),
    }
}

/// Sign out: revokes the session (its refresh token dies with it) and clears the cookies.
pub async fn sign_out(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Bytes,
    user: PageUser,
) -> Result<HttpResponse, PageError> {
    let _: serde::de::IgnoredAny = read_form(&req, &body)?;
    service::logout(&state, &user.0).await?;
    let mut res = see_other("/app/sign-in");
    for c in sign_out_cookies(&state) {
        res.add_cookie(&c).map_err(AppError::internal)?;
    }
    Ok(res)
}

#[derive(Template)]
#[template(path = "register.html")]
struct RegisterPage {
    chrome: Chrome,
    next: String,
    account_type: String,
    email: String,
    display_name: String,
    organization_name: String,
    problem: Option<String>,
    fields: Vec<(String, String)>,
}

#[derive(Deserialize)]
pub struct RegisterQuery {
    next: Option<String>,
    account_type: Option<String>,
}

pub async fn register_form(
    req: HttpRequest,
    user: MaybeUser,
    q: web::Query<RegisterQuery>,
) -> Result<HttpResponse, PageError> {
    let next = safe_next(q.next.as_deref());
    if user.0.is_some() {
        return Ok(see_other(&next));
    }
    let account_type = match q.account_type.as_deref() {
        Some(t @ ("lab" | "vendor")) => t.to_owned(),
        _ => "expert".to_owned(),
    };
    ok(&RegisterPage {
        chrome: Chrome::new(&req, None),
        next,
        account_type,
        email: String::new(),
        display_name: String::new(),
        organization_name: String::new(),
        problem: None,
        fields: Vec::new(),
    })
}

#[derive(Deserialize)]
struct RegisterForm {
    account_type: Option<String>,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    organization_name: String,
    next: Option<String>,
}

/// Register through `auth::service::register`, then sign in with the new password.
pub async fn register(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let f: RegisterForm = read_form(&req, &body)?;
    let next = safe_next(f.next.as_deref());
    let account_type = match f.account_type.as_deref() {
        Some("expert") => Some(AccountType::Expert),
        Some("lab") => Some(AccountType::Lab),
        Some("vendor") => Some(AccountType::Vendor),
        _ => None,
    };
    let again = |status: StatusCode, problem: &str, fields: Vec<(String, String)>| {
        render(
            status,
            &RegisterPage {
                chrome: Chrome::new(&req, None),
                next: next.clone(),
                account_type: f.account_type.clone().unwrap_or_else(|| "expert".into()),
                email: f.email.clone(),
                display_name: f.display_name.clone(),
                organization_name: f.organization_name.clone(),
                problem: Some(problem.to_owned()),
                fields,
            },
        )
    };
    let Some(account_type) = account_type else {
        return again(
            StatusCode::UNPROCESSABLE_ENTITY,
            "Please check what you entered.",
            vec![("account_type".into(), "choose expert, lab or vendor".into())],
        );
    };
    let organization_name = match account_type {
        AccountType::Expert => None,
        _ => Some(f.organization_name.clone()),
    };
    // The API's own request checks (e-mail, password policy, names).
    let request = RegisterRequest {
        account_type,
        email: f.email.clone(),
        password: f.password.clone(),
        display_name: f.display_name.clone(),
        organization_name: organization_name.clone(),
    };
    if let Err(errors) = request.validate() {
        let fields = errors.into_iter().map(|e| (e.field, e.message)).collect();
        return again(
            StatusCode::UNPROCESSABLE_ENTITY,
            "Please check what you entered.",
            fields,
        );
    }
    let reg = Registration {
        account_type: account_type.into(),
        email: f.email.clone(),
        password: f.password.clone(),
        display_name: f.display_name.clone(),
        organization_name,
        client_ip: client_ip(&req, state.settings.http.trust_forwarded_for),
    };
    match service::register(&state, reg, request_id(&req)).await {
        Ok(_) => {}
        Err(e)
            if matches!(
                e.kind(),
                Kind::Conflict | Kind::Invalid | Kind::BadParameter
            ) =>
        {
            let fields = e
                .field_errors()
                .iter()
                .map(|x| (x.field.clone(), x.message.clone()))
                .collect();
            let (status, _) = super::errors::status_of(e.kind());
            return again(status, e.detail(), fields);
        }
        Err(e) => return Err(e.into()),
    }
    let ip = crate::http::client_ip(&req, state.settings.http.trust_forwarded_for);
    match service::login(
        &state,
        f.email.clone(),
        f.password.clone(),
        ip,
        request_id(&req),
    )
    .await
    {
        Ok(tokens) => signed_in(&state, &tokens, &next),
        // Registered but not signed in (e.g. throttled): the sign-in page takes over.
        Err(_) => Ok(see_other(&format!(
            "/app/sign-in?next={}",
            super::errors::encode(&next)
        ))),
    }
}
