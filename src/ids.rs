//! Public identifiers: a type prefix, `_`, and a lowercase ULID body
//! (`usr_01jd3…`). They are opaque to clients, unique, and sort by creation time,
//! which is what cursor pagination orders by. Each kind has its own newtype so an
//! organisation id can never be passed where a user id is expected.

use std::sync::{LazyLock, Mutex};

use chrono::{DateTime, Utc};

static GENERATOR: LazyLock<Mutex<ulid::Generator>> =
    LazyLock::new(|| Mutex::new(ulid::Generator::new()));

/// A new lowercase ULID body for the given instant. Bodies made in the same
/// millisecond by this process increase monotonically.
pub fn new_body(at: DateTime<Utc>) -> String {
    let system_time: std::time::SystemTime = at.into();
    let mut generator = GENERATOR.lock().unwrap_or_else(|p| p.into_inner());
    let ulid = generator
        .generate_from_datetime(system_time)
        .unwrap_or_else(|_| ulid::Ulid::from_datetime(system_time));
    ulid.to_string().to_ascii_lowercase()
}

/// True if `s` is `prefix_` followed by a 26-character lowercase Crockford base32 body.
pub fn is_valid(prefix: &str, s: &str) -> bool {
    let Some(body) = s
        .strip_prefix(prefix)
        .and_then(|rest| rest.strip_prefix('_'))
    else {
        return false;
    };
    body.len() == 26
        && body.bytes().enumerate().all(|(i, b)| {
            let crockford = matches!(b, b'0'..=b'9' | b'a'..=b'h' | b'j' | b'k' | b'm' | b'n' | b'p'..=b't' | b'v'..=b'z');
            // The first character of a 128-bit ULID encodes only 3 bits.
            crockford && (i > 0 || b <= b'7')
        })
}

/// Declares an id newtype with its prefix.
#[macro_export]
macro_rules! define_id {
    ($(#[$meta:meta])* $name:ident, $prefix:literal, $what:literal) => {
        $(#[$meta])*
        // Deserialising checks the format (a request naming an id of the wrong kind is a
        // 422 naming the field); values read from the database use `from_db`.
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(into = "String", try_from = "String")]
        pub struct $name(String);

        impl TryFrom<String> for $name {
            type Error = $crate::ids::InvalidId;

            fn try_from(s: String) -> Result<Self, Self::Error> {
                Self::parse(&s)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl $name {
            pub const PREFIX: &'static str = $prefix;
            /// What the id names, for error messages ("an organization id").
            pub const WHAT: &'static str = $what;

            pub fn new(at: chrono::DateTime<chrono::Utc>) -> Self {
                Self(format!("{}_{}", $prefix, $crate::ids::new_body(at)))
            }

            pub fn parse(s: &str) -> Result<Self, $crate::ids::InvalidId> {
                if $crate::ids::is_valid($prefix, s) {
                    Ok(Self(s.to_owned()))
                } else {
                    Err($crate::ids::InvalidId { expected: concat!($what, " (", $prefix, "_…)") })
                }
            }

            /// Wraps a value read from the database (already valid).
            pub fn from_db(s: String) -> Self {
                Self(s)
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }

            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .pattern(Some(concat!("^", $prefix, "_[0-7][0-9a-hjkmnp-tv-z]{25}$")))
                    .description(Some(concat!("Opaque, time-sortable identifier: ", $what, ".")))
                    .examples([serde_json::json!(concat!($prefix, "_01jd3v7q8y2k5m9n4p6r8s0t2w"))])
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {}

        impl $crate::ids::PublicId for $name {
            fn parse_id(s: &str) -> Result<Self, $crate::ids::InvalidId> {
                Self::parse(s)
            }
        }
    };
}

/// Implemented by every id newtype; lets the HTTP layer parse path ids generically.
pub trait PublicId: Sized {
    fn parse_id(s: &str) -> Result<Self, InvalidId>;
}

#[derive(Debug, Clone, thiserror::Error)]
#[error("must be {expected}")]
pub struct InvalidId {
    pub expected: &'static str,
}

define_id!(UserId, "usr", "a user id");
define_id!(OrgId, "org", "an organization id");
define_id!(MembershipId, "mem", "a membership id");
define_id!(InvitationId, "inv", "an invitation id");
define_id!(SessionId, "ses", "a session id");
define_id!(RefreshTokenId, "rtk", "a refresh token id");
define_id!(EmailTokenId, "etk", "an e-mail token id");
define_id!(ApiKeyId, "key", "an API key id");
define_id!(AuditEventId, "aud", "an audit event id");
define_id!(JobId, "job", "a job id");
define_id!(LoginFailureId, "lgf", "a login failure id");
define_id!(DomainId, "dom", "a domain id");
define_id!(DomainRequirementId, "drq", "a domain requirement id");
define_id!(SliceId, "slc", "a slice id");
define_id!(ProjectId, "prj", "a project id");
define_id!(ExpertId, "exp", "an expert id");
define_id!(ProjectSliceId, "psl", "a project slice id");
define_id!(ConstitutionId, "con", "a constitution id");
define_id!(ClauseRowId, "ccl", "a constitution clause row id");
define_id!(GoldItemId, "gld", "a gold item id");
define_id!(VettingTransitionId, "vtr", "a vetting transition id");
define_id!(CredentialId, "crd", "a credential id");
define_id!(EvidenceFileId, "evf", "an evidence file id");
define_id!(EmailCheckId, "cem", "a credential e-mail check id");
define_id!(SliceStandingId, "sst", "a slice standing id");
define_id!(StandingEventId, "sse", "a slice standing event id");
define_id!(LabStandingId, "lst", "a lab standing id");
define_id!(AssessmentId, "asm", "an assessment id");
define_id!(AssignmentId, "asg", "an assignment id");
define_id!(ItemId, "itm", "an item id");
define_id!(WorkSessionId, "wks", "a work session id");
define_id!(OutcomeId, "out", "an outcome id");
define_id!(RoutingDecisionId, "rtd", "a routing decision id");
define_id!(WebhookEndpointId, "whe", "a webhook endpoint id");
define_id!(WebhookDeliveryId, "whd", "a webhook delivery id");
define_id!(WebhookAttemptId, "wha", "a webhook attempt id");
define_id!(EventId, "evt", "an event id");
define_id!(ScoreProfileId, "scp", "a score profile id");
define_id!(CalibrationSessionId, "cal", "a calibration session id");
define_id!(
    CalibrationParticipantId,
    "cpt",
    "a calibration participant id"
);
define_id!(AppealId, "apl", "an appeal id");
define_id!(
    AvailabilityExceptionId,
    "avx",
    "an availability exception id"
);
define_id!(CapacityRequestId, "cap", "a capacity request id");
define_id!(ShiftId, "shf", "a shift id");
define_id!(LedgerTransactionId, "ltx", "a ledger transaction id");
define_id!(LedgerEntryId, "len", "a ledger entry id");
define_id!(TimeEntryId, "tme", "a time entry id");
define_id!(PayRateId, "prt", "a pay rate id");
define_id!(TimesheetId, "tsh", "a timesheet id");
define_id!(TimesheetLineId, "tsl", "a timesheet line id");
define_id!(InvoiceId, "ivc", "an invoice id");
define_id!(InvoiceLineId, "ivl", "an invoice line id");
define_id!(PayoutId, "pyo", "a payout id");
define_id!(RosterInvitationId, "rin", "a roster invitation id");
define_id!(RosterMembershipId, "rom", "a roster membership id");

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};
    use proptest::prelude::*;

    #[test]
    fn ids_round_trip_and_reject_other_prefixes() {
        let t = Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).unwrap();
        let id = UserId::new(t);
        assert!(id.as_str().starts_with("usr_"));
        assert_eq!(UserId::parse(id.as_str()).unwrap(), id);
        assert!(OrgId::parse(id.as_str()).is_err());
        assert!(UserId::parse("usr_").is_err());
        assert!(
            UserId::parse("usr_01JD3V7Q8Y2K5M9N4P6R8S0T2W").is_err(),
            "uppercase is not canonical"
        );
        assert!(
            UserId::parse("usr_01jd3v7q8y2k5m9n4p6r8s0t2i").is_err(),
            "i is not Crockford"
        );
    }

    #[test]
    fn ids_made_in_the_same_millisecond_still_increase() {
        let t = Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).unwrap();
        let ids: Vec<_> = (0..1000).map(|_| UserId::new(t)).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn ids_in_json_are_checked_when_read() {
        let ok: OrgId = serde_json::from_str("\"org_01jd3v7q8y2k5m9n4p6r8s0t2w\"").unwrap();
        assert_eq!(
            serde_json::to_string(&ok).unwrap(),
            "\"org_01jd3v7q8y2k5m9n4p6r8s0t2w\""
        );
        let err = serde_json::from_str::<OrgId>("\"usr_01jd3v7q8y2k5m9n4p6r8s0t2w\"").unwrap_err();
        assert!(err.to_string().contains("organization id"), "{err}");
    }

    proptest! {
        #[test]
        fn later_instants_sort_after_earlier_ones(a in 0i64..4_000_000_000_000, gap in 1i64..1_000_000) {
            let t0 = Utc.timestamp_millis_opt(a).unwrap();
            let early = OrgId::new(t0);
            let late = OrgId::new(t0 + Duration::milliseconds(gap));
            prop_assert!(early < late);
        }
    }
}
