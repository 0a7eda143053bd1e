//! Closing overdue assessments, a recurring job (`jobs.sweep_interval_secs`).

use chrono::Duration;

use crate::jobs::{Job, JobRegistry, Queue};
use crate::worker::{JobCtx, JobEnv};

/// Closes assessments whose time limit passed.
pub const CLOSE_OVERDUE_ASSESSMENTS: &str = "assessments.close_overdue";

pub fn register(r: &mut JobRegistry<JobEnv>) {
    r.register(
        Job::new(CLOSE_OVERDUE_ASSESSMENTS, Queue::Default, close_overdue)
            .every(|s| Duration::seconds(s.jobs.sweep_interval_secs)),
    );
}

async fn close_overdue(ctx: JobCtx, _payload: String) -> anyhow::Result<()> {
    let n = ctx.in_transaction(super::service::close_overdue).await?;
    tracing::info!(changed = n, "sweep finished");
    Ok(())
}
