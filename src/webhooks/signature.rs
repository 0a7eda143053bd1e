//! Webhook signatures, in the scheme Stripe uses: the header
//! `Cadre-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`, with one
//! `v1` per active secret while a rotated secret is still valid. Receivers recompute the
//! HMAC over the raw body, compare in constant time, and reject timestamps outside their
//! tolerance (replays). Pure logic; [`verify`] is what the README tells receivers to do.

use hmac::{Hmac, Mac};
use sha2::Sha256;

pub const HEADER: &str = "Cadre-Signature";

type HmacSha256 = Hmac<Sha256>;

#[allow(clippy::expect_used)] // HMAC keys may have any length: this cannot fail.
fn mac(secret: &str, timestamp: i64, body: &[u8]) -> HmacSha256 {
    // HMAC accepts keys of any length.
    let mut m = HmacSha256::new_from_slice(secret.as_bytes()).expect("HMAC takes any key length");
    m.update(timestamp.to_string().as_bytes());
    m.update(b".");
    m.update(body);
    m
}

/// The hex signature of `body` at `timestamp` under `secret`.
pub fn sign(secret: &str, timestamp: i64, body: &[u8]) -> String {
    hex::encode(mac(secret, timestamp, body).finalize().into_bytes())
}

/// The header value: `t=…,v1=…[,v1=…]`, one `v1` per secret.
pub fn header(secrets: &[&str], timestamp: i64, body: &[u8]) -> String {
    let mut h = format!("t={timestamp}");
    for s in secrets {
        h.push_str(",v1=");
        h.push_str(&sign(s, timestamp, body));
    }
    h
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerifyError {
    Malformed,
    TooOld,
    Mismatch,
}

/// Verifies a header against `secret`: some `v1` matches (constant-time comparison) and
/// the timestamp is within `tolerance_secs` of `now_unix`.
pub fn verify(
    header: &str,
    secret: &str,
    body: &[u8],
    now_unix: i64,
    tolerance_secs: i64,
) -> Result<(), VerifyError> {
    let mut timestamp = None;
    let mut candidates = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", v)) => timestamp = v.parse::<i64>().ok(),
            Some(("v1", v)) => candidates.push(hex::decode(v).map_err(|_| VerifyError::Malformed)?),
            _ => {}
        }
    }
    let t = timestamp.ok_or(VerifyError::Malformed)?;
    if candidates.is_empty() {
        return Err(VerifyError::Malformed);
    }
    // abs_diff: an absurd timestamp in the header cannot overflow the comparison.
    if now_unix.abs_diff(t) > tolerance_secs.unsigned_abs() {
        return Err(VerifyError::TooOld);
    }
    if candidates
        .iter()
        .any(|c| mac(secret, t, body).verify_slice(c).is_ok())
    {
        Ok(())
    } else {
        Err(VerifyError::Mismatch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn matches_an_independently_computed_hmac() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        // Our message is "<t>.<body>", so split the data at a '.'-free prefix: use the
        // HMAC directly to pin the primitive, then the framing.
        let m = HmacSha256::new_from_slice(b"Jefe")
            .unwrap()
            .chain_update(b"what do ya want for nothing?")
            .finalize()
            .into_bytes();
        assert_eq!(
            hex::encode(m),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        let mut framed = HmacSha256::new_from_slice(b"whsec_x").unwrap();
        framed.update(b"1700000000.{\"a\":1}");
        assert_eq!(
            sign("whsec_x", 1_700_000_000, b"{\"a\":1}"),
            hex::encode(framed.finalize().into_bytes())
        );
    }

    #[test]
    fn verification_rejects_tampering_other_secrets_and_stale_timestamps() {
        let body = br#"{"type":"item.resolved"}"#;
        let h = header(&["s1"], 1000, body);
        assert_eq!(verify(&h, "s1", body, 1100, 300), Ok(()));
        assert_eq!(
            verify(&h, "s2", body, 1100, 300),
            Err(VerifyError::Mismatch)
        );
        assert_eq!(
            verify(&h, "s1", br#"{"type":"item.resolvee"}"#, 1100, 300),
            Err(VerifyError::Mismatch)
        );
        assert_eq!(verify(&h, "s1", body, 1400, 300), Err(VerifyError::TooOld));
        assert_eq!(
            verify("v1=00", "s1", body, 0, 300),
            Err(VerifyError::Malformed)
        );
        assert_eq!(
            verify("t=5", "s1", body, 5, 300),
            Err(VerifyError::Malformed)
        );
        // During a rotation both secrets sign; either verifies.
        let both = header(&["new", "old"], 1000, body);
        assert_eq!(verify(&both, "old", body, 1000, 300), Ok(()));
        assert_eq!(verify(&both, "new", body, 1000, 300), Ok(()));
    }

    proptest! {
        #[test]
        fn a_signed_body_verifies_and_any_flipped_byte_does_not(
            body in proptest::collection::vec(any::<u8>(), 1..200),
            at in 0usize..200,
            t in 0i64..4_000_000_000,
        ) {
            let h = header(&["secret"], t, &body);
            prop_assert_eq!(verify(&h, "secret", &body, t, 0), Ok(()));
            let mut bad = body.clone();
            let i = at % bad.len();
            bad[i] ^= 0x01;
            prop_assert_eq!(verify(&h, "secret", &bad, t, 0), Err(VerifyError::Mismatch));
        }
    }
}
