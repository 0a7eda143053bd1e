//! What an uploaded file really is, from its first bytes (never from the declared type or
//! the file name). Only PDF, PNG and JPEG are accepted as evidence.

/// The detected media type, if the content is an accepted kind.
pub fn detect(content: &[u8]) -> Option<&'static str> {
    if content.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if content.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if content.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else {
        None
    }
}

/// A file name safe to put in `Content-Disposition`: printable ASCII without quotes,
/// slashes or backslashes, at most 100 characters.
pub fn safe_filename(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && !matches!(c, '"' | '\\' | '/' | ';') {
                c
            } else {
                '_'
            }
        })
        .take(100)
        .collect();
    if cleaned.trim_matches('_').is_empty() {
        "evidence".to_owned()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection_reads_content_not_names() {
        assert_eq!(detect(b"%PDF-1.7\n..."), Some("application/pdf"));
        assert_eq!(detect(b"\x89PNG\r\n\x1a\n\0\0"), Some("image/png"));
        assert_eq!(detect(&[0xFF, 0xD8, 0xFF, 0xE0]), Some("image/jpeg"));
        assert_eq!(detect(b"MZ\x90\0"), None, "a Windows executable");
        assert_eq!(detect(b"<html>"), None);
        assert_eq!(detect(b""), None);
    }

    #[test]
    fn filenames_cannot_break_the_header() {
        assert_eq!(safe_filename("licence.pdf"), "licence.pdf");
        assert_eq!(
            safe_filename("a\"; filename=evil.exe"),
            "a___filename=evil.exe"
        );
        assert_eq!(safe_filename("../../etc/passwd"), ".._.._etc_passwd");
        assert_eq!(safe_filename("Zeugnis über.pdf"), "Zeugnis__ber.pdf");
        assert_eq!(safe_filename(""), "evidence");
    }
}
