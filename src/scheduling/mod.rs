//! Scheduling (docs/adr/0008-scheduling-in-local-time.md): experts' availability in their own
//! time zone, labs' capacity requests, booked shifts, calendar feeds and reminders, and the
//! schedule facts routing uses (who is on shift now, who is available before a deadline).
//!
//! Pure code: the availability expansion ([`availability`]: weekly local rules and dated
//! exceptions to UTC intervals, correct across daylight-saving changes), the shift planner
//! ([`planner`]: no double booking, weekly caps, shortfall), per-day coverage
//! ([`coverage`]) and the iCalendar feed ([`ical`]). The database side is [`service`] and
//! [`store`]; the HTTP edge is [`routes`] (registration and what the resources share) with
//! one file per resource: [`availability_routes`] (availability, exceptions, intervals),
//! [`calendar_routes`] (the calendar feed), [`capacity_request_routes`] and
//! [`shift_routes`]. Never shows labs who an expert is (handles only), and never lets one
//! expert see another's shifts.
//!
//! Owns: `expert_schedules`, `availability_exceptions`, `capacity_requests`, `shifts`, `scheduling_lock`.

pub mod availability;
pub mod availability_routes;
pub mod calendar_routes;
pub mod capacity_request_routes;
pub mod coverage;
pub mod ical;
pub mod jobs;
pub mod planner;
mod queries;
pub mod routes;
pub mod service;
pub mod shift_routes;
mod store;

/// What other features may use of this feature's store.
pub use store::{
    NewRequest, ScheduleInput, insert_exception, insert_request, set_calendar_token,
    shifts_of_request, upsert_schedule,
};
