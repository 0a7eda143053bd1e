//! The rules of slice status and tier. Pure logic, no I/O.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SliceStatus {
    /// Not (yet) admitted to the slice.
    None,
    /// Passed the assessment; receives items while accuracy is measured.
    Probation,
    Qualified,
    /// Receives no items of the slice.
    Suspended,
}

impl SliceStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            SliceStatus::None => "none",
            SliceStatus::Probation => "probation",
            SliceStatus::Qualified => "qualified",
            SliceStatus::Suspended => "suspended",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            SliceStatus::None,
            SliceStatus::Probation,
            SliceStatus::Qualified,
            SliceStatus::Suspended,
        ]
        .into_iter()
        .find(|x| x.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    Annotator,
    Senior,
    /// Resolves disagreements in the slice (routing picks adjudicators by this tier).
    Adjudicator,
}

impl Tier {
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Annotator => "annotator",
            Tier::Senior => "senior",
            Tier::Adjudicator => "adjudicator",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Tier::Annotator, Tier::Senior, Tier::Adjudicator]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

/// Only experts `qualified` in a slice hold `senior` or `adjudicator` there.
pub fn tier_allowed(status: SliceStatus, tier: Tier) -> bool {
    tier == Tier::Annotator || status == SliceStatus::Qualified
}

/// The tier an expert keeps when their status changes: a higher tier falls back to
/// `annotator` when they stop being qualified.
pub fn tier_after(status: SliceStatus, tier: Tier) -> Tier {
    if tier_allowed(status, tier) {
        tier
    } else {
        Tier::Annotator
    }
}

/// Why an admin may not set `to` from `from` (None: allowed). Admins move experts between
/// probation, qualified and suspended with a reason; `none` is only the starting point.
pub fn admin_refusal(from: SliceStatus, to: SliceStatus) -> Option<String> {
    if to == SliceStatus::None {
        return Some("`none` is the starting status; suspend the expert instead".into());
    }
    if from == to {
        return Some(format!(
            "the expert is already `{}` in this slice",
            to.as_str()
        ));
    }
    None
}

/// Separation of duties (README "Approved vendors"): what a vendor admin may not do to a
/// slice status (None: allowed). Vendor admins only protect: they suspend, or move a
/// qualified expert back to probation, with a reason. They never grant: `probation` comes
/// from a passed assessment and `qualified` from measured evidence or a platform admin.
/// They lift a suspension (to probation) only when their own vendor imposed it, never one
/// that the measurements or the platform imposed. `suspended_by_vendor` says whether the
/// expert's current suspension was imposed by an admin of their vendor.
pub fn vendor_refusal(
    from: SliceStatus,
    to: SliceStatus,
    suspended_by_vendor: bool,
) -> Option<&'static str> {
    match (from, to) {
        (_, SliceStatus::Qualified) => Some(
            "a vendor admin cannot grant `qualified`: it comes from measured evidence (the status rules) or from a platform administrator with a reason",
        ),
        (SliceStatus::Suspended, SliceStatus::Probation) if !suspended_by_vendor => Some(
            "a vendor admin cannot lift a suspension that the measurements or the platform imposed; it is lifted by measured evidence (calibration) or a platform administrator",
        ),
        (SliceStatus::None, SliceStatus::Probation) => {
            Some("a vendor admin cannot grant `probation`: it comes from a passed assessment")
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const STATUSES: [SliceStatus; 4] = [
        SliceStatus::None,
        SliceStatus::Probation,
        SliceStatus::Qualified,
        SliceStatus::Suspended,
    ];
    const TIERS: [Tier; 3] = [Tier::Annotator, Tier::Senior, Tier::Adjudicator];

    #[test]
    fn higher_tiers_need_qualified() {
        for s in STATUSES {
            assert!(tier_allowed(s, Tier::Annotator));
            for t in [Tier::Senior, Tier::Adjudicator] {
                assert_eq!(
                    tier_allowed(s, t),
                    s == SliceStatus::Qualified,
                    "{s:?} {t:?}"
                );
            }
        }
    }

    #[test]
    fn admins_cannot_reset_to_none_or_repeat() {
        assert!(admin_refusal(SliceStatus::Qualified, SliceStatus::None).is_some());
        assert!(admin_refusal(SliceStatus::Probation, SliceStatus::Probation).is_some());
        assert!(admin_refusal(SliceStatus::Suspended, SliceStatus::Probation).is_none());
        assert!(admin_refusal(SliceStatus::None, SliceStatus::Suspended).is_none());
    }

    #[test]
    fn vendor_admins_only_protect() {
        use SliceStatus::*;
        for from in STATUSES {
            assert!(vendor_refusal(from, Qualified, true).is_some(), "{from:?}");
            assert!(vendor_refusal(from, Suspended, false).is_none(), "{from:?}");
        }
        assert!(vendor_refusal(Qualified, Probation, false).is_none());
        assert!(vendor_refusal(None, Probation, false).is_some());
        assert!(vendor_refusal(Suspended, Probation, false).is_some());
        assert!(vendor_refusal(Suspended, Probation, true).is_none());
    }

    #[test]
    fn names_round_trip() {
        for s in STATUSES {
            assert_eq!(SliceStatus::parse(s.as_str()), Some(s));
        }
        for t in TIERS {
            assert_eq!(Tier::parse(t.as_str()), Some(t));
        }
    }

    proptest! {
        /// Whatever happens to the status, the tier kept is always one the status allows.
        #[test]
        fn the_tier_kept_is_always_allowed(s in 0usize..4, t in 0usize..3) {
            let (s, t) = (STATUSES[s], TIERS[t]);
            prop_assert!(tier_allowed(s, tier_after(s, t)));
            if tier_allowed(s, t) {
                prop_assert_eq!(tier_after(s, t), t);
            }
        }
    }
}
