//! What every page handler shares: who is signed in (the API's `Principal` extractor,
//! fed by the session cookie), the page chrome, rendering and redirects.

use actix_web::dev::Payload;
use actix_web::http::{StatusCode, header};
use actix_web::{FromRequest, HttpRequest, HttpResponse};
use askama::Template;
use futures_util::future::LocalBoxFuture;

use super::errors::PageError;
use super::session::PageContext;
use crate::auth::{Principal, UserPrincipal};
use crate::error::AppError;

/// What the layout needs: the stylesheet and script, the CSRF token for the header's
/// sign-out form, and who is signed in.
pub struct Chrome {
    pub css: String,
    pub js: String,
    pub csrf: String,
    pub signed_in_as: Option<String>,
}

impl Chrome {
    pub fn new(req: &HttpRequest, user: Option<&UserPrincipal>) -> Chrome {
        Chrome {
            css: super::assets::css_url(),
            js: super::assets::js_url(),
            csrf: PageContext::of(req).csrf,
            signed_in_as: user.map(|u| u.display_name.clone()),
        }
    }
}

/// A rendered page with `status`.
pub fn render<T: Template>(status: StatusCode, page: &T) -> Result<HttpResponse, PageError> {
    let html = page.render().map_err(AppError::internal)?;
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(html))
}

pub fn ok<T: Template>(page: &T) -> Result<HttpResponse, PageError> {
    render(StatusCode::OK, page)
}

/// 303 See Other: after a POST, the browser GETs `to`.
pub fn see_other(to: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, to.to_owned()))
        .finish()
}

/// Where to go after signing in: a local path only (never `//host` or a URL), else `/app/`.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n.starts_with("/\\")
                && !n.chars().any(|c| c.is_control()) =>
        {
            n.to_owned()
        }
        _ => "/app/".to_owned(),
    }
}

/// The signed-in user; anyone else is sent to the sign-in page and brought back.
pub struct PageUser(pub UserPrincipal);

/// The signed-in user, if any (landing pages work for both).
pub struct MaybeUser(pub Option<UserPrincipal>);

async fn resolve(req: HttpRequest) -> Option<UserPrincipal> {
    let principal = Principal::extract(&req).await.ok()?;
    match principal {
        Principal::User(u) => Some(u),
        Principal::ApiKey(_) => None,
    }
}

fn here(req: &HttpRequest) -> String {
    match req.uri().path_and_query() {
        Some(pq) => pq.as_str().to_owned(),
        None => req.path().to_owned(),
    }
}

impl FromRequest for PageUser {
    type Error = PageError;
    type Future = LocalBoxFuture<'static, Result<Self, PageError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            // After a POST, come back to the page the form was on, not to the POST target.
            let next = if req.method() == actix_web::http::Method::GET {
                here(&req)
            } else {
                req.headers()
                    .get(header::REFERER)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|r| url::Url::parse(r).ok())
                    .map(|u| match u.query() {
                        Some(q) => format!("{}?{q}", u.path()),
                        None => u.path().to_owned(),
                    })
                    .unwrap_or_else(|| "/app/".to_owned())
            };
            resolve(req)
                .await
                .map(PageUser)
                .ok_or(PageError::SignIn { next })
        })
    }
}

impl FromRequest for MaybeUser {
    type Error = PageError;
    type Future = LocalBoxFuture<'static, Result<Self, PageError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { Ok(MaybeUser(resolve(req).await)) })
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_is_a_local_path_only() {
        assert_eq!(
            safe_next(Some("/invitations/accept?token=x")),
            "/invitations/accept?token=x"
        );
        assert_eq!(safe_next(Some("//evil.example/")), "/app/");
        assert_eq!(safe_next(Some("/\\evil.example/")), "/app/");
        assert_eq!(safe_next(Some("https://evil.example/")), "/app/");
        assert_eq!(safe_next(None), "/app/");
    }
}
