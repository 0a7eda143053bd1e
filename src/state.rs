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
}

impl AppState {
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// An absolute link into the service for e-mails (`/verify-email?token=…`).
    pub fn link(&self, path_and_query: &str) -> String {
        format!(
            "{}{}",
            self.settings.http.public_url.trim_end_matches('/'),
            path_and_query
        )
    }
}
