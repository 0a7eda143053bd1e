//! Assignments: one expert's unit of work, whatever asked for it — an item to annotate or
//! adjudicate (routing), an assessment question (assessments), a calibration question
//! (calibration) — and the work sessions that measure the time spent on it.
//!
//! The features that create work call
//! this facade; none of them writes these tables itself. Pure logic: [`sessions`] (how
//! heartbeats become measured time).
//!
//! Owns: `assignments`, `work_sessions`.

pub mod sessions;
mod store;

pub use store::{
    AssignmentRow, NewAssessmentQuestion, NewAssignment, NewCalibrationQuestion, RECENT_OFFERS,
    StandingAtSubmit, calibration_assignments_of, close_assessment_question, extend_session,
    failed_gold, find_assignment, find_graded, graded_gold_since, graded_on_gold,
    insert_assessment_question, insert_assignment, insert_calibration_question, latest_session,
    list_for_expert, of_item, of_items, open_for_expert, overdue, recent_offers, regrade,
    reprioritise_open, save_assessment_answer, sessions_of, start_session, submit, transition,
};
