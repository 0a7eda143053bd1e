//! CSRF protection for every state-changing form: double-submit. The browser holds a
//! random token in an HttpOnly, `SameSite=Lax` cookie (`__Host-` prefixed behind https,
//! so a sibling subdomain cannot plant one); every form carries the same token in a hidden
//! `csrf_token` field. Another site can make a browser POST but can neither read the
//! cookie nor set it, so it cannot produce a matching field. A POST whose token is missing
//! or different is refused with a 403 page before its form is even read. As a second
//! check, a POST whose `Origin` header names another host is refused too.
//!
//! A script's POST (the workbench heartbeat) has no form: it sends the token in the
//! `X-CSRF-Token` header instead, read by the page's script from the page's own forms.

use actix_web::HttpRequest;
use actix_web::http::header;
use serde::de::DeserializeOwned;

use super::errors::PageError;
use super::session::{PageContext, names};
use crate::error::AppError;

/// The hidden field every form carries.
pub const FIELD: &str = "csrf_token";

/// The header a script's POST carries the token in.
pub const HEADER: &str = "x-csrf-token";

/// Checks the CSRF token of a form POST, then reads the form as `T` (unknown fields,
/// the token among them, are ignored).
pub fn read_form<T: DeserializeOwned>(req: &HttpRequest, body: &[u8]) -> Result<T, PageError> {
    check(req, body)?;
    serde_urlencoded::from_bytes::<T>(body).map_err(|e| {
        PageError::from(AppError::bad_request(format!(
            "the form could not be read: {e}"
        )))
    })
}

/// Checks the CSRF token of a form POST whose fields may repeat (a list of checkboxes),
/// then returns its fields in order.
pub fn read_pairs(req: &HttpRequest, body: &[u8]) -> Result<Vec<(String, String)>, PageError> {
    check(req, body)?;
    Ok(form_urlencoded::parse(body)
        .filter(|(k, _)| k != FIELD)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect())
}

/// Checks the CSRF token of a script's POST (the [`HEADER`]).
pub fn check_header(req: &HttpRequest) -> Result<(), PageError> {
    let presented = req
        .headers()
        .get(HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    compare(req, presented)
}

fn check(req: &HttpRequest, body: &[u8]) -> Result<(), PageError> {
    let presented = form_urlencoded::parse(body)
        .find(|(k, _)| k == FIELD)
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
    compare(req, &presented)
}

/// The presented token against the browser's cookie, and the `Origin` check.
fn compare(req: &HttpRequest, presented: &str) -> Result<(), PageError> {
    if !same_origin(req) {
        return Err(PageError::Csrf);
    }
    let ctx = PageContext::of(req);
    let cookie = req
        .cookie(names(ctx.secure).csrf)
        .map(|c| c.value().to_owned())
        .unwrap_or_default();
    if cookie.is_empty() || !constant_time_eq(cookie.as_bytes(), presented.as_bytes()) {
        return Err(PageError::Csrf);
    }
    Ok(())
}

/// No `Origin` (old browsers, tools), or one whose host is this request's host.
fn same_origin(req: &HttpRequest) -> bool {
    let Some(origin) = req
        .headers()
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
    else {
        return true;
    };
    let host = req.connection_info().host().to_ascii_lowercase();
    let origin_host = origin
        .split_once("://")
        .map(|(_, rest)| rest.trim_end_matches('/').to_ascii_lowercase());
    let public = req
        .app_data::<actix_web::web::Data<crate::state::AppState>>()
        .and_then(|s| url::Url::parse(&s.settings.http.public_url).ok())
        .and_then(|u| {
            u.host_str().map(|h| match u.port() {
                Some(p) => format!("{h}:{p}"),
                None => h.to_owned(),
            })
        });
    match origin_host {
        Some(o) => o == host || public.is_some_and(|p| p.eq_ignore_ascii_case(&o)),
        None => false,
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::constant_time_eq;

    #[test]
    fn tokens_compare_whole() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
        assert!(!constant_time_eq(b"", b"x"));
    }
}
