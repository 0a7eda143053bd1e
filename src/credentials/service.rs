//! Who may see a credential, independent of HTTP: the expert, their vendor's admins and
//! platform admins.

use super::store::{self, CredentialRow};
use crate::auth::Principal;
use crate::db::DbConn;
use crate::error::{AppError, AppResult};
use crate::ids::{CredentialId, ExpertId};

/// The credential and its expert, if the caller may see them (the expert, their vendor's
/// admins, platform admins); 404 otherwise.
pub fn visible(
    conn: &mut DbConn,
    principal: &Principal,
    id: &CredentialId,
) -> AppResult<(CredentialRow, crate::experts::ExpertRow)> {
    let not_found = || AppError::not_found(format!("credential {id} not found"));
    let c = store::find(conn, id.as_str())?.ok_or_else(not_found)?;
    let expert = crate::experts::service::visible_expert(
        conn,
        principal,
        &ExpertId::from_db(c.expert_id.clone()),
    )
    .map_err(|_| not_found())?;
    Ok((c, expert))
}
