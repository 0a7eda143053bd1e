//! Every failure a page meets becomes an HTML page here, in one place: a domain
//! [`AppError`] by its kind (the same kinds the API maps to problem+json), a refused CSRF
//! check (403), or "sign in first" (a redirect to the sign-in page that comes back).
//! Internal errors are logged with their cause chain and shown as a plain apology with no
//! internals.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, ResponseError};
use askama::Template;

use super::session::security_headers;
use crate::error::{AppError, Kind};

#[derive(Debug)]
pub enum PageError {
    App(AppError),
    /// The form's CSRF token was missing or wrong.
    Csrf,
    /// The page needs a signed-in user; `next` is where to come back to.
    SignIn {
        next: String,
    },
}

impl std::fmt::Display for PageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PageError::App(e) => write!(f, "{e}"),
            PageError::Csrf => write!(f, "CSRF check failed"),
            PageError::SignIn { next } => write!(f, "sign-in needed for {next}"),
        }
    }
}

impl From<AppError> for PageError {
    fn from(e: AppError) -> Self {
        PageError::App(e)
    }
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage<'a> {
    pub css: String,
    pub status: u16,
    pub title: &'a str,
    pub detail: &'a str,
    pub fields: Vec<(String, String)>,
}

/// Status and title of a domain error kind.
pub fn status_of(kind: Kind) -> (StatusCode, &'static str) {
    match kind {
        Kind::BadParameter => (StatusCode::BAD_REQUEST, "That link or form is not valid"),
        Kind::Invalid => (
            StatusCode::UNPROCESSABLE_ENTITY,
            "Please check what you entered",
        ),
        Kind::Unauthenticated => (StatusCode::UNAUTHORIZED, "Please sign in"),
        Kind::Forbidden => (StatusCode::FORBIDDEN, "Not allowed"),
        Kind::NotFound => (StatusCode::NOT_FOUND, "Not found"),
        Kind::Conflict => (StatusCode::CONFLICT, "That cannot be done now"),
        Kind::Gone => (StatusCode::GONE, "This link is no longer valid"),
        Kind::TooLarge => (StatusCode::PAYLOAD_TOO_LARGE, "Too large"),
        Kind::RateLimited { .. } => (StatusCode::TOO_MANY_REQUESTS, "Too many attempts"),
        Kind::Unavailable => (StatusCode::SERVICE_UNAVAILABLE, "Temporarily unavailable"),
        Kind::Internal => (StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong"),
    }
}

/// Renders the error page (falls back to plain text if the template itself fails).
pub fn error_page(
    status: StatusCode,
    title: &str,
    detail: &str,
    fields: Vec<(String, String)>,
) -> HttpResponse {
    let page = ErrorPage {
        css: super::assets::css_url(),
        status: status.as_u16(),
        title,
        detail,
        fields,
    };
    let mut res = match page.render() {
        Ok(html) => HttpResponse::build(status)
            .content_type("text/html; charset=utf-8")
            .body(html),
        Err(e) => {
            tracing::error!(error = %e, "rendering the error page failed");
            HttpResponse::build(status)
                .content_type("text/plain; charset=utf-8")
                .body(title.to_owned())
        }
    };
    security_headers(res.headers_mut(), false);
    res
}

impl ResponseError for PageError {
    fn status_code(&self) -> StatusCode {
        match self {
            PageError::App(e) => status_of(e.kind()).0,
            PageError::Csrf => StatusCode::FORBIDDEN,
            PageError::SignIn { .. } => StatusCode::SEE_OTHER,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            PageError::SignIn { next } => {
                let to = format!("/app/sign-in?next={}", encode(next));
                HttpResponse::SeeOther()
                    .insert_header((header::LOCATION, to))
                    .finish()
            }
            PageError::Csrf => error_page(
                StatusCode::FORBIDDEN,
                "This form has expired",
                "The form was not sent from a Cadre page you opened, or it is too old. Go back, reload the page and try again.",
                Vec::new(),
            ),
            PageError::App(e) => {
                let (status, title) = status_of(e.kind());
                if e.kind() == Kind::Internal {
                    tracing::error!(error = %e, "a page failed");
                    return error_page(
                        status,
                        title,
                        "The error was logged. Please try again later.",
                        Vec::new(),
                    );
                }
                let fields = e
                    .field_errors()
                    .iter()
                    .map(|f| (f.field.clone(), f.message.clone()))
                    .collect();
                let mut res = error_page(status, title, e.detail(), fields);
                if let Kind::RateLimited { retry_after_secs } = e.kind()
                    && let Ok(v) = header::HeaderValue::from_str(&retry_after_secs.to_string())
                {
                    res.headers_mut().insert(header::RETRY_AFTER, v);
                }
                res
            }
        }
    }
}

/// Percent-encodes a query value.
pub fn encode(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// The `/app/` scope's fallback: an HTML 404.
pub async fn not_found(req: HttpRequest) -> HttpResponse {
    error_page(
        StatusCode::NOT_FOUND,
        "Not found",
        &format!("There is no page at {}.", req.path()),
        Vec::new(),
    )
}

/// An HTML 404 for a path that has no page.
pub fn not_found_page() -> HttpResponse {
    error_page(
        StatusCode::NOT_FOUND,
        "Not found",
        "There is no such page.",
        Vec::new(),
    )
}
