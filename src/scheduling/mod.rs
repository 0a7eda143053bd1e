//! Scheduling (DESIGN, "Scheduling"): experts' availability in their own time zone,
//! labs' capacity requests, booked shifts, calendar feeds and reminders. So far: the
//! availability expansion ([`availability`]), pure code that turns weekly local rules and
//! dated exceptions into UTC intervals, correct across daylight-saving changes.

pub mod availability;
