//! The page session: the API's own session, access token and rotating refresh token
//! (`auth::service`), kept in cookies instead of an `Authorization` header. No second
//! session store: signing out revokes the session row, and refresh-token reuse detection
//! applies to pages as it does to API clients.
//!
//! Cookies are HttpOnly, `SameSite=Lax`, `Path=/`, and `Secure` with the `__Host-` prefix
//! when `http.public_url` is https. The middleware below, wrapped around every page:
//! 1. drops any `Authorization` header (pages authenticate by cookie only; the API by
//!    header only, so a cookie never authorises an API call and the API needs no CSRF);
//! 2. hands a live access token to the `Principal` extractor as `Authorization: Bearer`;
//!    an expired one is renewed with the refresh token (which rotates, as for API
//!    clients), a dead session has its cookies removed;
//! 3. makes sure the browser holds a CSRF cookie (see `csrf`);
//! 4. adds the security headers to every page response.
//!
//! Two page loads racing with the same expired access token would both present the
//! refresh token; the second counts as reuse and ends the session (sign in again). Static
//! assets are outside this middleware, so a page and its stylesheet never race.

use actix_web::body::MessageBody;
use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieAge};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpRequest, web};

use crate::auth::{service, tokens};
use crate::state::AppState;

/// The cookie names in force (`__Host-` names need `Secure`, so plain http uses others).
#[derive(Debug, Clone, Copy)]
pub struct CookieNames {
    pub session: &'static str,
    pub refresh: &'static str,
    pub csrf: &'static str,
}

pub fn names(secure: bool) -> CookieNames {
    if secure {
        CookieNames {
            session: "__Host-cadre_session",
            refresh: "__Host-cadre_refresh",
            csrf: "__Host-cadre_csrf",
        }
    } else {
        CookieNames {
            session: "cadre_session",
            refresh: "cadre_refresh",
            csrf: "cadre_csrf",
        }
    }
}

/// Cookies are `Secure` when the public URL is https (behind a TLS-terminating proxy too).
pub fn is_secure(state: &AppState) -> bool {
    state
        .settings
        .http
        .public_url
        .trim()
        .to_ascii_lowercase()
        .starts_with("https://")
}

/// What the middleware learned about the request, for the handlers.
#[derive(Debug, Clone)]
pub struct PageContext {
    /// The browser's CSRF token (its cookie value), to put in every form.
    pub csrf: String,
    pub secure: bool,
}

impl PageContext {
    pub fn of(req: &HttpRequest) -> PageContext {
        req.extensions()
            .get::<PageContext>()
            .cloned()
            .unwrap_or(PageContext {
                csrf: String::new(),
                secure: true,
            })
    }
}

/// A session cookie: HttpOnly, `SameSite=Lax`, `Path=/`, `Secure` as configured.
pub fn cookie(
    name: &'static str,
    value: String,
    max_age_secs: i64,
    secure: bool,
) -> Cookie<'static> {
    Cookie::build(name, value)
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .max_age(CookieAge::seconds(max_age_secs.max(0)))
        .finish()
}

/// A cookie that removes `name` from the browser.
pub fn removal(name: &'static str, secure: bool) -> Cookie<'static> {
    cookie(name, String::new(), 0, secure)
}

/// The cookies that start a signed-in session (and a fresh CSRF token, so a token an
/// attacker planted before sign-in is worthless after it).
pub fn sign_in_cookies(state: &AppState, t: &service::Tokens) -> Vec<Cookie<'static>> {
    let secure = is_secure(state);
    let n = names(secure);
    vec![
        cookie(
            n.session,
            t.access_token.clone(),
            t.refresh_expires_in,
            secure,
        ),
        cookie(
            n.refresh,
            t.refresh_token.clone(),
            t.refresh_expires_in,
            secure,
        ),
        cookie(
            n.csrf,
            tokens::random_secret(),
            t.refresh_expires_in,
            secure,
        ),
    ]
}

/// The cookies that end it.
pub fn sign_out_cookies(state: &AppState) -> Vec<Cookie<'static>> {
    let secure = is_secure(state);
    let n = names(secure);
    vec![
        removal(n.session, secure),
        removal(n.refresh, secure),
        cookie(
            n.csrf,
            tokens::random_secret(),
            state.settings.auth.refresh_token_ttl_secs,
            secure,
        ),
    ]
}

/// A cookie value we issued: URL-safe base64 or a JWT (dots), bounded in length.
fn plausible(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 4096
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
}

pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

pub async fn middleware(
    mut req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let mut set: Vec<Cookie<'static>> = Vec::new();
    req.headers_mut().remove(header::AUTHORIZATION);
    let mut secure = true;
    if let Some(state) = state {
        secure = is_secure(&state);
        let n = names(secure);
        let ttl = state.settings.auth.refresh_token_ttl_secs;
        let value = |name: &str| {
            req.cookie(name)
                .map(|c| c.value().to_owned())
                .filter(|v| plausible(v))
        };
        let access = value(n.session);
        let refresh = value(n.refresh);
        let csrf = value(n.csrf);
        let now = state.now();
        let bearer = match (access, refresh) {
            (Some(a), _) if state.jwt.verify(&a, now).is_some() => Some(a),
            (_, Some(r)) => {
                let request_id = crate::http::request_id(req.request());
                match service::refresh(&state, r, request_id).await {
                    Ok(t) => {
                        set.push(cookie(
                            n.session,
                            t.access_token.clone(),
                            t.refresh_expires_in,
                            secure,
                        ));
                        set.push(cookie(
                            n.refresh,
                            t.refresh_token,
                            t.refresh_expires_in,
                            secure,
                        ));
                        Some(t.access_token)
                    }
                    Err(_) => {
                        set.push(removal(n.session, secure));
                        set.push(removal(n.refresh, secure));
                        None
                    }
                }
            }
            (Some(_), None) => {
                set.push(removal(n.session, secure));
                None
            }
            (None, None) => None,
        };
        if let Some(value) = bearer.and_then(|b| HeaderValue::from_str(&format!("Bearer {b}")).ok())
        {
            req.headers_mut().insert(header::AUTHORIZATION, value);
        }
        let csrf = match csrf {
            Some(c) => c,
            None => {
                let fresh = tokens::random_secret();
                set.push(cookie(n.csrf, fresh.clone(), ttl, secure));
                fresh
            }
        };
        req.extensions_mut().insert(PageContext { csrf, secure });
    }
    let mut res = next.call(req).await?;
    // A handler that set a cookie itself (sign-in, sign-out) has the last word on it.
    let own: Vec<String> = res
        .response()
        .cookies()
        .map(|c| c.name().to_owned())
        .collect();
    for c in set.iter().filter(|c| !own.iter().any(|o| o == c.name())) {
        res.response_mut().add_cookie(c)?;
    }
    security_headers(res.headers_mut(), secure);
    Ok(res)
}

/// The headers every page and error page carries.
pub fn security_headers(h: &mut header::HeaderMap, secure: bool) {
    let fixed = [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
    ];
    for (name, value) in fixed {
        h.insert(name, HeaderValue::from_static(value));
    }
    if !h.contains_key(header::CACHE_CONTROL) {
        // Pages show personal data and carry tokens: never cached.
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if secure {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
}
