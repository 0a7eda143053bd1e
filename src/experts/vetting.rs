//! The vetting pipeline as a state machine (pure logic). This is the expert's *vetting status*
//! as a whole; per-slice status and tier are separate (docs/adr/0005-two-kinds-of-status.md).
//!
//! ```text
//! applied → screening → credential_review → assessment → approved
//!    any of those ──→ rejected (admins)     any of those ──→ withdrawn (the expert)
//!    any of those, or approved ──→ offboarded (admins; an account-level stop, final)
//!    rejected ──→ applied (the expert, after the reapply cooldown); withdrawn ──→ applied
//! ```

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum VettingStatus {
    Applied,
    Screening,
    CredentialReview,
    Assessment,
    Approved,
    Rejected,
    Withdrawn,
    Offboarded,
}

/// Who asks for a transition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mover {
    /// A vendor admin (for their roster) or a platform admin.
    Admin,
    /// The expert themself.
    Expert,
}

impl VettingStatus {
    pub const ALL: [VettingStatus; 8] = [
        Self::Applied,
        Self::Screening,
        Self::CredentialReview,
        Self::Assessment,
        Self::Approved,
        Self::Rejected,
        Self::Withdrawn,
        Self::Offboarded,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Applied => "applied",
            Self::Screening => "screening",
            Self::CredentialReview => "credential_review",
            Self::Assessment => "assessment",
            Self::Approved => "approved",
            Self::Rejected => "rejected",
            Self::Withdrawn => "withdrawn",
            Self::Offboarded => "offboarded",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// Still moving through the pipeline (not yet decided).
    pub fn in_pipeline(self) -> bool {
        matches!(
            self,
            Self::Applied | Self::Screening | Self::CredentialReview | Self::Assessment
        )
    }

    /// Whether `mover` may move an expert from `self` to `to`.
    pub fn allows(self, to: VettingStatus, mover: Mover) -> bool {
        use VettingStatus::*;
        match mover {
            Mover::Admin => {
                matches!(
                    (self, to),
                    (Applied, Screening)
                        | (Screening, CredentialReview)
                        | (CredentialReview, Assessment)
                        | (Assessment, Approved)
                ) || (self.in_pipeline() && to == Rejected)
                    || ((self.in_pipeline() || self == Approved) && to == Offboarded)
            }
            Mover::Expert => {
                (self.in_pipeline() && to == Withdrawn)
                    || (matches!(self, Rejected | Withdrawn) && to == Applied)
            }
        }
    }

    /// The statuses `mover` may move to from here (for error messages and clients).
    pub fn next(self, mover: Mover) -> Vec<VettingStatus> {
        Self::ALL
            .into_iter()
            .filter(|to| self.allows(*to, mover))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::VettingStatus::*;
    use super::*;

    #[test]
    fn the_happy_path_is_admin_driven() {
        for (from, to) in [
            (Applied, Screening),
            (Screening, CredentialReview),
            (CredentialReview, Assessment),
            (Assessment, Approved),
        ] {
            assert!(from.allows(to, Mover::Admin), "{from:?} -> {to:?}");
            assert!(
                !from.allows(to, Mover::Expert),
                "experts do not vet themselves"
            );
        }
    }

    #[test]
    fn stages_cannot_be_skipped_and_final_states_are_final() {
        assert!(!Applied.allows(Approved, Mover::Admin));
        assert!(!Screening.allows(Assessment, Mover::Admin));
        assert!(
            !Approved.allows(Rejected, Mover::Admin),
            "an approved expert is offboarded, not rejected"
        );
        assert!(Approved.allows(Offboarded, Mover::Admin));
        assert!(
            Offboarded.next(Mover::Admin).is_empty() && Offboarded.next(Mover::Expert).is_empty()
        );
        assert_eq!(Rejected.next(Mover::Expert), vec![Applied]);
        assert_eq!(Rejected.next(Mover::Admin), Vec::<VettingStatus>::new());
    }

    #[test]
    fn every_transition_is_reachable_by_exactly_one_kind_of_mover() {
        for from in VettingStatus::ALL {
            for to in VettingStatus::ALL {
                assert!(
                    !(from.allows(to, Mover::Admin) && from.allows(to, Mover::Expert)),
                    "{from:?} -> {to:?}"
                );
                assert!(!from.allows(from, Mover::Admin) && !from.allows(from, Mover::Expert));
            }
        }
    }
}
