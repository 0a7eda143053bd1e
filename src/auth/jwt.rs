//! Access tokens: HS256 JWTs naming the user and the session they belong to.
//! Expiry is checked against the injected clock (not the library's system-time check),
//! and every request also checks that the session is still live, so logout and
//! refresh-token reuse take effect at once.

use chrono::{DateTime, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

use crate::ids::{SessionId, UserId};

const ISSUER: &str = "cadre";

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub sid: String,
    pub iss: String,
    pub iat: i64,
    pub exp: i64,
}

#[derive(Clone)]
pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
}

impl JwtKeys {
    pub fn new(secret: &SecretString) -> Self {
        let bytes = secret.expose_secret().as_bytes();
        Self {
            encoding: EncodingKey::from_secret(bytes),
            decoding: DecodingKey::from_secret(bytes),
        }
    }

    pub fn issue(
        &self,
        user: &UserId,
        session: &SessionId,
        now: DateTime<Utc>,
        ttl_secs: i64,
    ) -> anyhow::Result<String> {
        let claims = Claims {
            sub: user.to_string(),
            sid: session.to_string(),
            iss: ISSUER.to_owned(),
            iat: now.timestamp(),
            exp: now.timestamp() + ttl_secs,
        };
        Ok(jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &self.encoding,
        )?)
    }

    /// Verifies signature, algorithm, issuer and expiry (at `now`); returns the ids.
    pub fn verify(&self, token: &str, now: DateTime<Utc>) -> Option<(UserId, SessionId)> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.validate_exp = false;
        validation.validate_nbf = false;
        validation.set_required_spec_claims(&["exp", "sub", "iss"]);
        validation.set_issuer(&[ISSUER]);
        let data = jsonwebtoken::decode::<Claims>(token, &self.decoding, &validation).ok()?;
        if data.claims.exp <= now.timestamp() {
            return None;
        }
        Some((
            UserId::parse(&data.claims.sub).ok()?,
            SessionId::parse(&data.claims.sid).ok()?,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn keys(s: &str) -> JwtKeys {
        JwtKeys::new(&SecretString::from(s.to_owned()))
    }

    #[test]
    fn tokens_expire_by_the_injected_clock_and_need_the_right_key() {
        let now = Utc.with_ymd_and_hms(2026, 5, 1, 9, 0, 0).unwrap();
        let k = keys("0123456789abcdef0123456789abcdef");
        let (u, s) = (UserId::new(now), SessionId::new(now));
        let token = k.issue(&u, &s, now, 900).unwrap();
        assert_eq!(k.verify(&token, now + Duration::seconds(899)), Some((u, s)));
        assert_eq!(k.verify(&token, now + Duration::seconds(900)), None);
        assert_eq!(
            keys("another-secret-another-secret-xx").verify(&token, now),
            None
        );
        assert_eq!(k.verify("not.a.jwt", now), None);
    }
}
