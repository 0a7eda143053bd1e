//! Per-slice performance scoring (DESIGN, "Scoring"). So far: the agreement statistics
//! ([`stats`]), pure code checked against reference values from established libraries
//! (`tests/fixtures/irr_reference.json`, copied from `shared/reference`).

pub mod stats;
