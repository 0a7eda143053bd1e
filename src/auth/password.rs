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

/// Computes the dummy hash now, so the first unknown-e-mail login is not slower than others.
pub fn warm_up() {
    LazyLock::force(&DUMMY_HASH);
}

/// Each Argon2 run holds ~19 MiB for tens of milliseconds; bound how many run at once so
/// a burst of anonymous logins or registrations cannot exhaust memory.
static PERMITS: LazyLock<tokio::sync::Semaphore> = LazyLock::new(|| {
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2);
    tokio::sync::Semaphore::new((cores * 2).max(2))
});

/// [`hash`] on the blocking pool, within the concurrency bound.
pub async fn hash_async(password: String) -> anyhow::Result<String> {
    let _permit = PERMITS.acquire().await?;
    tokio::task::spawn_blocking(move || hash(&password)).await?
}

/// Verifies against `phc`, or against the dummy hash when there is no account, within the
/// concurrency bound. Takes the same time either way.
pub async fn verify_async(password: String, phc: Option<String>) -> anyhow::Result<bool> {
    let _permit = PERMITS.acquire().await?;
    Ok(tokio::task::spawn_blocking(move || match phc {
        Some(phc) => verify(&password, &phc),
        None => {
            verify_dummy(&password);
            false
        }
    })
    .await?)
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
