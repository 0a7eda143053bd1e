//! Pages for people: server-rendered HTML in the same binary, under `/app/` and at the
//! paths Cadre's e-mails link to (`/verify-email`, `/password-reset`, `/email-change`, `/invitations/accept`,
//! `/roster-invitations/accept`, `/credentials/{c}/confirm-email`, `/payout-account`).
//!
//! An edge like the route files, not another app: a page handler extracts, authorises and
//! calls the same service function as the API handler; only the rendering differs. It
//! holds no rule of its own, never touches the database layer directly, and owns no table.
//!
//! - `session`: the signed-in session is the API's own session and rotating refresh token
//!   (`auth::service::login` / `refresh` / `logout`), kept in HttpOnly cookies; the access
//!   token is handed to the one `Principal` extractor, so pages and API authenticate alike.
//! - `csrf`: every state-changing form carries a token; a POST without it gets a 403 page.
//! - `errors`: `AppError` → an HTML error page, in one place; never a stack trace.
//! - `assets`: one stylesheet and two small scripts, compiled in, served with long caching.
//! - `work`: the expert workbench — the work queue and the item page (`routing::work`).
//!
//! Every response carries a strict Content-Security-Policy (no inline script or style),
//! `X-Frame-Options: DENY`, `nosniff` and `Referrer-Policy: no-referrer` (landing pages
//! have tokens in their URL). Templates (`templates/`) are askama: compiled in, checked at
//! build time, HTML-escaped by default.
//!
//! Owns: (no table)

mod account;
mod assets;
mod csrf;
mod errors;
mod home;
mod landing;
mod page;
mod session;
mod sign_in;
mod work;

use actix_web::middleware::from_fn;
use actix_web::web;

use page::see_other;

pub use errors::PageError;

/// A query string that cannot be read gets the HTML error page, not actix's plain text.
fn query_errors() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|e, _| {
        PageError::from(crate::error::AppError::bad_request(format!(
            "the link's query string cannot be read: {e}"
        )))
        .into()
    })
}

/// Mounts the pages (called by `startup` before the API's fallback).
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/app/static/{name}").route(web::get().to(assets::serve)))
        .service(web::redirect("/app", "/app/"))
        .service(
            web::scope("/app")
                .app_data(query_errors())
                .wrap(from_fn(session::middleware))
                .service(web::resource("/").route(web::get().to(home::home)))
                .service(
                    web::resource("/sign-in")
                        .route(web::get().to(sign_in::sign_in_form))
                        .route(web::post().to(sign_in::sign_in)),
                )
                .service(web::resource("/sign-out").route(web::post().to(sign_in::sign_out)))
                .service(
                    web::resource("/register")
                        .route(web::get().to(sign_in::register_form))
                        .route(web::post().to(sign_in::register)),
                )
                .service(
                    web::resource("/password-reset")
                        .route(web::get().to(account::reset_request_form))
                        .route(web::post().to(account::request_reset)),
                )
                .service(web::resource("/account").route(web::get().to(account::account_page)))
                .service(
                    web::resource("/account/password")
                        .route(web::post().to(account::change_password)),
                )
                .service(
                    web::resource("/account/email").route(web::post().to(account::change_email)),
                )
                .service(web::resource("/work").route(web::get().to(work::queue)))
                .service(
                    web::resource("/work/next")
                        .route(web::post().to(work::take_next))
                        .route(web::get().to(|| async { see_other("/app/work") })),
                )
                .service(web::resource("/work/{assignment}").route(web::get().to(work::item)))
                .service(
                    web::resource("/work/{assignment}/accept").route(web::post().to(work::accept)),
                )
                .service(
                    web::resource("/work/{assignment}/decline")
                        .route(web::post().to(work::decline)),
                )
                .service(
                    web::resource("/work/{assignment}/submit").route(web::post().to(work::submit)),
                )
                .service(
                    web::resource("/work/{assignment}/heartbeat")
                        .route(web::post().to(work::heartbeat)),
                )
                .service(
                    web::resource("/verify-email/resend")
                        .route(web::post().to(home::resend_verification)),
                )
                .default_service(web::to(errors::not_found)),
        );
    // The paths e-mails and Stripe link to, at the root of `http.public_url`.
    cfg.service(
        web::resource("/verify-email")
            .app_data(query_errors())
            .wrap(from_fn(session::middleware))
            .route(web::get().to(landing::verify_email_page))
            .route(web::post().to(landing::verify_email)),
    )
    .service(
        web::resource("/password-reset")
            .app_data(query_errors())
            .wrap(from_fn(session::middleware))
            .route(web::get().to(account::reset_form))
            .route(web::post().to(account::reset)),
    )
    .service(
        web::resource("/email-change")
            .app_data(query_errors())
            .wrap(from_fn(session::middleware))
            .route(web::get().to(account::email_change_page))
            .route(web::post().to(account::confirm_email_change)),
    )
    .service(
        web::resource("/invitations/accept")
            .app_data(query_errors())
            .wrap(from_fn(session::middleware))
            .route(web::get().to(landing::invitation_page))
            .route(web::post().to(landing::accept_invitation)),
    )
    .service(
        web::resource("/roster-invitations/accept")
            .app_data(query_errors())
            .wrap(from_fn(session::middleware))
            .route(web::get().to(landing::roster_invitation_page))
            .route(web::post().to(landing::accept_roster_invitation)),
    )
    .service(
        web::resource("/roster-invitations/decline")
            .wrap(from_fn(session::middleware))
            .route(web::post().to(landing::decline_roster_invitation)),
    )
    .service(
        web::resource("/credentials/{credential}/confirm-email")
            .app_data(query_errors())
            .wrap(from_fn(session::middleware))
            .route(web::get().to(landing::credential_email_page))
            .route(web::post().to(landing::confirm_credential_email)),
    )
    .service(
        web::resource("/payout-account")
            .app_data(query_errors())
            .wrap(from_fn(session::middleware))
            .route(web::get().to(landing::payout_account_page)),
    );
}
