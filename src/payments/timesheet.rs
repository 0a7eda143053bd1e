//! The timesheet's life (docs/adr/0002-money-rules-and-double-entry-ledger.md). Pure code.
//!
//! One timesheet per expert per project per UTC week (Monday 00:00 to the next Monday
//! 00:00, [`crate::clock::week_of`]): `open` while the week runs and entries arrive;
//! `submitted` once the week is over (by the expert, or by the system when the week ends);
//! the lab then `approved` or `disputed` it, with a reason; a submitted sheet nobody
//! disputes is approved automatically after the auto-approval window; a platform admin
//! resolves a dispute to `approved` (possibly with corrected lines).

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Open,
    Submitted,
    Approved,
    Disputed,
}

/// Who moves a sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mover {
    /// The expert whose sheet it is.
    Expert,
    /// The job worker (week end, auto-approval).
    System,
    /// An admin of the project's lab.
    Lab,
    /// A platform admin.
    Platform,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Submitted => "submitted",
            Status::Approved => "approved",
            Status::Disputed => "disputed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            Status::Open,
            Status::Submitted,
            Status::Approved,
            Status::Disputed,
        ]
        .into_iter()
        .find(|x| x.as_str() == s)
    }

    /// May `mover` move a sheet from `self` to `to`, given whether its week is over?
    pub fn allows(self, to: Status, mover: Mover, week_over: bool) -> bool {
        use Mover::*;
        use Status::*;
        match (self, to) {
            (Open, Submitted) => week_over && matches!(mover, Expert | System),
            (Submitted, Approved) => matches!(mover, Lab | System | Platform),
            (Submitted, Disputed) => mover == Lab,
            (Disputed, Approved) => mover == Platform,
            _ => false,
        }
    }
}

/// When a submitted sheet approves itself if nobody disputed it.
pub fn auto_approve_at(submitted_at: DateTime<Utc>, window_days: i64) -> DateTime<Utc> {
    submitted_at + Duration::days(window_days)
}

/// The week a sheet covers: [monday, monday + 7 days).
pub fn week(t: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
    let monday = crate::clock::week_of(t);
    (monday, monday + Duration::days(7))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_sheet_moves_only_along_its_lifecycle() {
        use Mover::*;
        use Status::*;
        assert!(
            !Open.allows(Submitted, Expert, false),
            "not before the week ends"
        );
        assert!(Open.allows(Submitted, System, true));
        assert!(
            !Open.allows(Approved, Lab, true),
            "only submitted sheets are approved"
        );
        assert!(Submitted.allows(Approved, Lab, true));
        assert!(Submitted.allows(Approved, System, true), "auto-approval");
        assert!(!Submitted.allows(Approved, Expert, true));
        assert!(Submitted.allows(Disputed, Lab, true));
        assert!(!Submitted.allows(Disputed, System, true));
        assert!(
            !Disputed.allows(Approved, Lab, true),
            "a dispute is the platform's to settle"
        );
        assert!(Disputed.allows(Approved, Platform, true));
        assert!(!Approved.allows(Disputed, Lab, true), "approval is final");
        for s in ["open", "submitted", "approved", "disputed"] {
            assert_eq!(Status::parse(s).map(Status::as_str), Some(s));
        }
    }

    #[test]
    fn weeks_run_monday_to_monday_utc() {
        // Sunday 23:59:59 UTC belongs to the week that began six days before.
        let sunday = Utc.with_ymd_and_hms(2026, 3, 8, 23, 59, 59).unwrap();
        let (from, to) = week(sunday);
        assert_eq!(from, Utc.with_ymd_and_hms(2026, 3, 2, 0, 0, 0).unwrap());
        assert_eq!(to, Utc.with_ymd_and_hms(2026, 3, 9, 0, 0, 0).unwrap());
        assert_eq!(week(to).0, to);
        assert_eq!(
            auto_approve_at(to, 5),
            Utc.with_ymd_and_hms(2026, 3, 14, 0, 0, 0).unwrap()
        );
    }
}
