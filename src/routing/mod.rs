//! Escalated items (docs/adr/0003-routing-thompson-sampling.md): a lab's pipeline pushes the
//! items its AI judge escalates into an active project; each item is idempotent per project by
//! the lab's `external_id`. Items enter `queued`, with a reason, until routing assigns experts.
//!
//! Owns: `items`, `routing_decisions`, `gold_offers`, `gold_pool_alerts`.

pub mod agreement;
pub mod deadlines;
pub mod decide;
pub mod detail;
pub mod ingest;
pub mod jobs;
pub mod keys;
pub mod lifecycle;
pub mod lifecycle_routes;
mod queries;
pub mod results;
pub mod routes;
pub mod service;
pub mod simulate;
mod store;
pub mod work;

/// What other features may use of this feature's store.
pub use keys::{rebuild_keys, weights as routing_weights};
pub use store::{NewItem, all_ids as all_item_ids, find as find_item, insert as insert_item};
