//! An expert's shifts as an iCalendar feed (RFC 5545). Pure code.
//!
//! * Every shift is one `VEVENT` whose `UID` is the shift id at the instance's host, so a
//!   calendar client updates the same event when the shift changes; `SEQUENCE` is the
//!   shift's change counter and `LAST-MODIFIED` its last change.
//! * Times are written in UTC (`DTSTART:20261207T170000Z`), which RFC 5545 defines
//!   exactly and every client converts to the viewer's zone, so no `VTIMEZONE` block can
//!   disagree with the IANA database. The expert's own zone is named in
//!   `X-WR-TIMEZONE` for clients that show the calendar in it.
//! * Declined and cancelled shifts stay in the feed with `STATUS:CANCELLED`, so
//!   subscribed clients remove them instead of keeping a stale copy; offered shifts are
//!   `TENTATIVE` until confirmed.
//! * Text is escaped (`\\`, `;`, `,`, newlines) and lines are folded at 75 octets,
//!   never inside a UTF-8 character; lines end with CRLF.

use chrono::{DateTime, Utc};

pub struct FeedEvent {
    pub uid: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// offered | confirmed | declined | cancelled
    pub status: String,
    pub sequence: i32,
    pub summary: String,
    pub description: String,
    pub created: DateTime<Utc>,
    pub modified: DateTime<Utc>,
}

pub struct Feed<'a> {
    pub name: &'a str,
    pub time_zone: &'a str,
    /// `DTSTAMP` of every event: when the feed was generated.
    pub generated: DateTime<Utc>,
    pub events: &'a [FeedEvent],
}

fn stamp(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Escapes a TEXT value (RFC 5545, 3.3.11).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line to at most 75 octets per line (RFC 5545, 3.1) and ends it with
/// CRLF; continuation lines start with one space.
pub fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

fn status(s: &str) -> &'static str {
    match s {
        "confirmed" => "CONFIRMED",
        "offered" => "TENTATIVE",
        _ => "CANCELLED",
    }
}

pub fn render(feed: &Feed<'_>) -> String {
    let mut out = String::new();
    let mut line = |s: String| fold(&s, &mut out);
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//Cadre//Shifts//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line(format!("X-WR-CALNAME:{}", escape(feed.name)));
    line(format!("X-WR-TIMEZONE:{}", escape(feed.time_zone)));
    for e in feed.events {
        line("BEGIN:VEVENT".into());
        line(format!("UID:{}", escape(&e.uid)));
        line(format!("DTSTAMP:{}", stamp(feed.generated)));
        line(format!("DTSTART:{}", stamp(e.start)));
        line(format!("DTEND:{}", stamp(e.end)));
        line(format!("CREATED:{}", stamp(e.created)));
        line(format!("LAST-MODIFIED:{}", stamp(e.modified)));
        line(format!("SEQUENCE:{}", e.sequence.max(0)));
        line(format!("STATUS:{}", status(&e.status)));
        line(format!("SUMMARY:{}", escape(&e.summary)));
        line(format!("DESCRIPTION:{}", escape(&e.description)));
        line("TRANSP:OPAQUE".into());
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn lines_fold_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "é".repeat(60));
        fold(&long, &mut out);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{long}\r\n"));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn events_carry_utc_times_status_and_sequence() {
        let t = |h| Utc.with_ymd_and_hms(2026, 3, 9, h, 0, 0).unwrap();
        let events = [FeedEvent {
            uid: "shf_1@cadre.test".into(),
            start: t(17),
            end: t(21),
            status: "declined".into(),
            sequence: 2,
            summary: "Shift, Rust review".into(),
            description: "x".into(),
            created: t(1),
            modified: t(2),
        }];
        let s = render(&Feed {
            name: "Cadre shifts",
            time_zone: "Europe/Berlin",
            generated: t(3),
            events: &events,
        });
        assert!(s.contains("\r\nDTSTART:20260309T170000Z\r\n"), "{s}");
        assert!(s.contains("\r\nSTATUS:CANCELLED\r\n"), "{s}");
        assert!(s.contains("\r\nSEQUENCE:2\r\n"), "{s}");
        assert!(s.contains("\r\nSUMMARY:Shift\\, Rust review\r\n"), "{s}");
        assert!(s.ends_with("END:VCALENDAR\r\n"));
    }
}
