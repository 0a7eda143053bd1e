//! Shared application state handed to every handler as `web::Data<AppState>`.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::auth::jwt::JwtKeys;
use crate::clock::SharedClock;
use crate::config::Settings;
use crate::db::Db;

pub struct AppState {
    pub db: Db,
    pub clock: SharedClock,
    pub settings: Arc<Settings>,
    pub jwt: JwtKeys,
    /// The outbound webhook client (URL checks at registration use its policy).
    pub webhooks: Arc<crate::webhooks::deliver::Deliverer>,
    /// The Stripe client when `payments.stripe.secret_key` is set.
    pub stripe: Option<crate::payments::stripe::StripeApi>,
}

impl AppState {
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }
}

/// An absolute link for e-mails: `http.public_url` joined with a path and query
/// (`/verify-email?token=…`). The one place such links are built.
pub fn public_link(public_url: &str, path_and_query: &str) -> String {
    format!("{}{}", public_url.trim_end_matches('/'), path_and_query)
}
