//! Escalated items (DESIGN, "Routing"): a lab's pipeline pushes the items its AI judge
//! escalates into an active project; each item is idempotent per project by the lab's
//! `external_id`. Items enter `queued`, with a reason, until routing assigns experts.

pub mod agreement;
pub mod decide;
pub mod ingest;
pub mod jobs;
pub mod results;
pub mod routes;
pub mod service;
pub mod sessions;
mod store;
pub mod work;

/// What other features may use of this feature's store.
pub use store::{
    NewItem, NewOutcome, failed_gold, find_graded, graded_on_gold, insert as insert_item,
    insert_outcome, rebuild_keys, regrade as regrade_assignment, reset_posteriors, set_posterior,
    submit as submit_assignment, transition as transition_assignment, weights as routing_weights,
};
