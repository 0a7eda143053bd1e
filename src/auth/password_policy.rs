//! The password strength rule (NIST SP 800-63B style): length matters, composition
//! rules don't. A password must have 10–128 characters, not be a well-known password,
//! not be one repeated or sequential run, and not contain the account's e-mail name.

const MIN_CHARS: usize = 10;
const MAX_CHARS: usize = 128;

/// Passwords from public breach top lists that pass the length rule.
const COMMON: &[&str] = &[
    "1234567890",
    "12345678910",
    "0123456789",
    "1q2w3e4r5t",
    "1qaz2wsx3edc",
    "qwertyuiop",
    "password1",
    "password12",
    "password123",
    "password1234",
    "passw0rd123",
    "iloveyou123",
    "qwerty1234",
    "qwerty12345",
    "qwerty123456",
    "abc1234567",
    "abcdefghij",
    "letmein123",
    "welcome123",
    "welcome1234",
    "administrator",
    "admin12345",
    "adminadmin",
    "changeme123",
    "football123",
    "baseball123",
    "sunshine123",
    "princess123",
    "dragon1234",
    "monkey1234",
    "trustno1234",
    "superman123",
    "starwars123",
    "1234qwerasdf",
    "qazwsxedcrfv",
    "zaq12wsxcde3",
    "asdfghjkl1",
    "asdfghjkl;",
    "zxcvbnm123",
    "mypassword",
    "mypassword1",
    "secret1234",
    "passwordpassword",
    "loveyou1234",
    "michael123",
    "jennifer123",
    "computer123",
    "internet123",
    "whatever123",
    "cadrecadre",
    "cadre12345",
];

/// Checks a new password; returns the reason it is refused.
pub fn check(password: &str, email: &str) -> Result<(), &'static str> {
    let n = password.chars().count();
    if n < MIN_CHARS {
        return Err("must be at least 10 characters");
    }
    if n > MAX_CHARS {
        return Err("must be at most 128 characters");
    }
    let lower = password.to_lowercase();
    if COMMON.contains(&lower.as_str()) {
        return Err("is a commonly used password; choose another");
    }
    let chars: Vec<char> = lower.chars().collect();
    let distinct = {
        let mut c = chars.clone();
        c.sort_unstable();
        c.dedup();
        c.len()
    };
    if distinct < 4 {
        return Err("must contain at least 4 different characters");
    }
    let sequential = chars.windows(2).all(|w| {
        (w[1] as i64 - w[0] as i64).abs() == 1
            && (w[1] as i64 - w[0] as i64) == (chars[1] as i64 - chars[0] as i64)
    });
    if sequential {
        return Err("must not be a simple sequence");
    }
    let local = email.split('@').next().unwrap_or("").to_lowercase();
    if local.chars().count() >= 4 && lower.contains(&local) {
        return Err("must not contain your e-mail address");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_long_unusual_passphrases() {
        assert!(check("correct horse battery staple", "ada@example.com").is_ok());
        assert!(check("Tr0ub4dor&3-x", "ada@example.com").is_ok());
    }

    #[test]
    fn refuses_short_common_repetitive_or_personal_passwords() {
        assert_eq!(
            check("short", "a@b.c"),
            Err("must be at least 10 characters")
        );
        assert_eq!(
            check("Password123", "a@b.c"),
            Err("is a commonly used password; choose another")
        );
        assert_eq!(
            check("aaaaaaaaaaaa", "a@b.c"),
            Err("must contain at least 4 different characters")
        );
        assert_eq!(
            check("abcdefghijklm", "a@b.c"),
            Err("must not be a simple sequence")
        );
        assert_eq!(
            check("my-ada.lovelace-pw", "ada.lovelace@example.com"),
            Err("must not contain your e-mail address")
        );
        assert!(check(&"x1y2".repeat(40), "a@b.c").is_err());
    }
}
