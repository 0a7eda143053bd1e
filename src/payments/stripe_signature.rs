//! Verifying Stripe's webhook signatures in our own code
//! (docs/adr/0002-money-rules-and-double-entry-ledger.md). Pure.
//!
//! Stripe sends `Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…][,v0=…]`, where
//! each `v1` is `hex(HMAC-SHA256(secret, "<t>.<raw body>"))`. During a secret rotation
//! Stripe signs with both the old and the new secret, so the header carries several `v1`
//! values; the event is genuine if any `v1` matches any configured secret. Other schemes
//! (`v0`, test-mode signatures) are ignored. The timestamp must be within the tolerance
//! of now, both ways, so a captured request cannot be replayed later (replays within the
//! window are stopped by the stored event ids). Comparisons are constant-time. (Cadre's own
//! webhooks use the same scheme, so both share [`crate::webhooks::signature`].)

use crate::webhooks::signature::{self as scheme, VerifyError};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    #[error("the Stripe-Signature header is missing or malformed")]
    Malformed,
    #[error("the signature's timestamp is outside the tolerance")]
    Stale,
    #[error("no v1 signature matches a configured secret")]
    Mismatch,
}

/// Stripe signs exactly as Cadre signs its own outbound webhooks, so the scheme lives in
/// one place ([`crate::webhooks::signature`]); these are re-exported for the tests' stand-in.
pub use crate::webhooks::signature::{header, sign};

/// Verifies `header` for `payload` against any of `secrets` (the current webhook secret and,
/// during a rotation on Cadre's side, the previous one), at `now` (unix seconds) with
/// `tolerance_secs`.
pub fn verify(
    header: &str,
    payload: &[u8],
    secrets: &[&str],
    now: i64,
    tolerance_secs: i64,
) -> Result<(), SignatureError> {
    let mut last = SignatureError::Mismatch;
    for secret in secrets {
        match scheme::verify(header, secret, payload, now, tolerance_secs) {
            Ok(()) => return Ok(()),
            Err(VerifyError::Malformed) => return Err(SignatureError::Malformed),
            Err(VerifyError::TooOld) => return Err(SignatureError::Stale),
            Err(VerifyError::Mismatch) => last = SignatureError::Mismatch,
        }
    }
    Err(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &[u8] = br#"{"id":"evt_1","type":"transfer.created"}"#;

    #[test]
    fn matches_an_independently_computed_signature() {
        // Python: hmac.new(b"whsec_test", b"1700000000." + BODY, hashlib.sha256).hexdigest()
        assert_eq!(
            sign("whsec_test", 1_700_000_000, BODY),
            "6f29e105d7d72c35efb60385ffdedcf69649d8749d6bf196243cbff458692ea7"
        );
    }

    #[test]
    fn any_v1_against_any_secret_verifies_so_rotation_works() {
        let h = header(&["whsec_old", "whsec_new"], 1000, BODY);
        assert_eq!(verify(&h, BODY, &["whsec_new"], 1000, 300), Ok(()));
        assert_eq!(verify(&h, BODY, &["whsec_old"], 1100, 300), Ok(()));
        let h = header(&["whsec_new"], 1000, BODY);
        assert_eq!(
            verify(&h, BODY, &["whsec_old", "whsec_new"], 1000, 300),
            Ok(())
        );
        // Other schemes (v0, test-mode signatures) are ignored.
        let h2 = format!("v0=abc,{h},extra=1");
        assert_eq!(verify(&h2, BODY, &["whsec_new"], 1000, 300), Ok(()));
    }

    #[test]
    fn forged_stale_and_malformed_headers_are_refused() {
        let h = header(&["whsec_new"], 1000, BODY);
        assert_eq!(
            verify(&h, b"{\"id\":\"evt_2\"}", &["whsec_new"], 1000, 300),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(&h, BODY, &["whsec_other"], 1000, 300),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(&h, BODY, &["whsec_new"], 1301, 300),
            Err(SignatureError::Stale)
        );
        assert_eq!(
            verify(&h, BODY, &["whsec_new"], 699, 300),
            Err(SignatureError::Stale)
        );
        // An absurd timestamp is stale, not an overflow.
        let h = format!("t={},v1=00", i64::MIN);
        assert_eq!(
            verify(&h, BODY, &["whsec_new"], 1000, 300),
            Err(SignatureError::Stale)
        );
        for bad in ["", "garbage", "t=1000", "t=x,v1=00", "v1=00"] {
            assert_eq!(
                verify(bad, BODY, &["whsec_new"], 1000, 300),
                Err(SignatureError::Malformed),
                "{bad}"
            );
        }
    }
}
