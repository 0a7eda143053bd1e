//! The scheduling routes: [`configure`] registers an expert's availability
//! ([`super::availability_routes`]), calendar feed ([`super::calendar_routes`]), labs'
//! capacity requests ([`super::capacity_request_routes`]) and shifts
//! ([`super::shift_routes`]); what those share is here.

use serde::Deserialize;
use utoipa::ToSchema;

use super::service::{self, Loaded};
use crate::auth::Principal;
use crate::db::DbConn;
use crate::error::{AppError, AppResult, FieldError};
use crate::http::{Checks, Validate};

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    super::availability_routes::configure(cfg);
    super::calendar_routes::configure(cfg);
    super::capacity_request_routes::configure(cfg);
    super::shift_routes::configure(cfg);
}

pub(super) fn internal(what: &str) -> AppError {
    AppError::internal(anyhow::anyhow!("{what} vanished"))
}

pub(super) fn me(conn: &mut DbConn, principal: &Principal) -> AppResult<String> {
    crate::experts::service::expert_id_of(conn, principal)?.ok_or_else(|| {
        AppError::forbidden("only experts have availability (apply with POST /v1/experts/me)")
    })
}

pub(super) fn loaded(conn: &mut DbConn, expert: &str) -> AppResult<Loaded> {
    service::load(conn, expert)?.ok_or_else(|| {
        AppError::not_found(
            "no availability set yet (PUT /v1/experts/me/availability with your weekly hours)",
        )
    })
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Reason {
    /// Why (1–500 characters); shown to the experts.
    #[schema(min_length = 1, max_length = 500)]
    pub reason: String,
}

impl Validate for Reason {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checks::new();
        c.text(&self.reason, "reason", 1, 500);
        c.finish()
    }
}
