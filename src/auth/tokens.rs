//! Opaque secrets: refresh tokens, e-mail and invitation tokens, API keys.
//!
//! Each is 32 random bytes (256 bits) in URL-safe base64. Only a SHA-256 of the secret is
//! stored: with that much entropy a fast hash is enough (no dictionary to attack), and it
//! lets a presented secret be found with one indexed equality lookup.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// Prefix that marks a Cadre API key (`Authorization: Bearer cadre_sk_…`).
pub const API_KEY_PREFIX: &str = "cadre_sk_";

/// A fresh random secret, URL-safe, 43 characters.
pub fn random_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Hex SHA-256 of a secret, as stored.
pub fn hash_secret(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// A new API key: the full secret (shown once) and its display prefix.
pub fn new_api_key() -> (String, String) {
    let secret = format!("{API_KEY_PREFIX}{}", random_secret());
    let prefix = secret[..API_KEY_PREFIX.len() + 6].to_owned();
    (secret, prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_random_and_hashes_stable() {
        let a = random_secret();
        let b = random_secret();
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(hash_secret(&a), hash_secret(&a));
        assert_ne!(hash_secret(&a), hash_secret(&b));
        assert_eq!(hash_secret(&a).len(), 64);
    }

    #[test]
    fn api_keys_carry_the_prefix() {
        let (secret, prefix) = new_api_key();
        assert!(secret.starts_with("cadre_sk_"));
        assert!(secret.starts_with(&prefix));
        assert_eq!(prefix.len(), 15);
    }
}
