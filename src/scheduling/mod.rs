//! Scheduling (DESIGN, "Scheduling"): experts' availability in their own time zone,
//! labs' capacity requests, booked shifts, calendar feeds and reminders. So far, pure code:
//! the availability expansion ([`availability`]: weekly local rules and dated exceptions
//! to UTC intervals, correct across daylight-saving changes) and the shift planner
//! ([`planner`]: no double booking, weekly caps, shortfall).

pub mod availability;
pub mod planner;
