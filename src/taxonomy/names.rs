//! Syntax of domain slugs, slice keys and language tags. Pure functions.

fn is_segment(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 40
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// `medicine`, `medicine/radiology`, `law/contracts`: lowercase segments joined by `/`.
pub fn is_domain_slug(s: &str) -> bool {
    s.len() <= 200 && s.split('/').count() <= 6 && s.split('/').all(is_segment)
}

/// The parent slug of a nested slug (`medicine/radiology` → `medicine`).
pub fn parent_slug(slug: &str) -> Option<&str> {
    slug.rsplit_once('/').map(|(parent, _)| parent)
}

/// `code/rust-review`, `medicine/radiology:de`: a slug, optionally `:` and a language tag.
pub fn is_slice_key(s: &str) -> bool {
    match s.split_once(':') {
        Some((path, lang)) => is_domain_slug(path) && is_language_tag(lang),
        None => is_domain_slug(s),
    }
}

/// A BCP 47 language tag of the common shapes: `de`, `en-GB`, `pt-BR`, `zh-Hant-TW`.
pub fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let Some(primary) = parts.next() else {
        return false;
    };
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
        && s.len() <= 35
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keys_and_languages() {
        for ok in [
            "medicine",
            "medicine/radiology",
            "law/contracts",
            "code/rust",
            "math/olympiad",
            "a1/b-2",
        ] {
            assert!(is_domain_slug(ok), "{ok}");
        }
        for bad in [
            "",
            "Medicine",
            "medicine/",
            "/medicine",
            "med icine",
            "a//b",
            "-a",
            "a--b",
            "a_b",
        ] {
            assert!(!is_domain_slug(bad), "{bad}");
        }
        assert_eq!(parent_slug("medicine/radiology"), Some("medicine"));
        assert_eq!(parent_slug("medicine"), None);
        assert!(is_slice_key("medicine/radiology:de"));
        assert!(is_slice_key("code/rust-review"));
        assert!(!is_slice_key("code/rust-review:"));
        assert!(!is_slice_key("code/rust review"));
        for ok in ["de", "en-GB", "pt-BR", "zh-Hant-TW"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in ["", "e", "english-", "en_GB", "12"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
