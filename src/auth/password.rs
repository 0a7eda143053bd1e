//! Password hashing: Argon2id with the library defaults (OWASP's m=19 MiB, t=2, p=1),
//! stored as PHC strings so parameters can be raised later without a migration.

use std::sync::LazyLock;

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

pub fn hash(password: &str) -> anyhow::Result<String> {
    let phc = Argon2::default()
        .hash_password(password.as_bytes())
        .map_err(|e| anyhow::anyhow!("hashing the password failed: {e}"))?;
    Ok(phc.to_string())
}

/// True if `password` matches the stored PHC string. A malformed hash never matches.
pub fn verify(password: &str, phc: &str) -> bool {
    Argon2::default()
        .verify_password(password.as_bytes(), phc)
        .is_ok()
}

/// A hash of a random password, verified against when the e-mail is unknown so that a
/// failed login takes the same time whether or not the account exists.
static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| hash(&crate::auth::tokens::random_secret()).unwrap_or_default());

pub fn verify_dummy(password: &str) {
    let _ = verify(password, &DUMMY_HASH);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_are_salted() {
        let a = hash("correct horse battery staple").unwrap();
        let b = hash("correct horse battery staple").unwrap();
        assert!(a.starts_with("$argon2id$"));
        assert_ne!(a, b, "each hash has its own salt");
        assert!(verify("correct horse battery staple", &a));
        assert!(!verify("correct horse battery stapler", &a));
        assert!(!verify("anything", "not a phc string"));
    }
}
