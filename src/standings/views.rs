//! The API's view of a slice standing, built from the stored row by the routes (the
//! standings routes and rosters' bulk tier change).

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use super::StandingRow;
use super::rules::{SliceStatus, Tier};
use crate::ids::{ExpertId, SliceId};

#[derive(Debug, Serialize, ToSchema)]
pub struct StandingView {
    pub expert_id: ExpertId,
    pub slice_id: SliceId,
    #[schema(example = "medicine/radiology:de")]
    pub slice_key: String,
    pub status: SliceStatus,
    /// Why the status is what it is (the last change's reason).
    pub status_reason: String,
    pub status_changed_at: DateTime<Utc>,
    pub tier: Tier,
    pub tier_changed_at: DateTime<Utc>,
}

pub fn view(row: StandingRow, slice_key: String) -> StandingView {
    StandingView {
        expert_id: ExpertId::from_db(row.expert_id),
        slice_id: SliceId::from_db(row.slice_id),
        slice_key,
        status: SliceStatus::parse(&row.status).unwrap_or(SliceStatus::None),
        status_reason: row.status_reason,
        status_changed_at: crate::clock::utc(row.status_changed_at),
        tier: Tier::parse(&row.tier).unwrap_or(Tier::Annotator),
        tier_changed_at: crate::clock::utc(row.tier_changed_at),
    }
}
