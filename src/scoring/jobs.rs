//! The scoring sweep, a recurring job (`jobs.sweep_interval_secs`).

use chrono::Duration;

use crate::jobs::{Job, JobRegistry, Queue};
use crate::worker::{JobCtx, JobEnv};

/// Checks slice reliability (warnings, corrective calibration sessions) and closes
/// calibration sessions whose window ended.
pub const SCORING_SWEEP: &str = "scoring.sweep";

pub fn register(r: &mut JobRegistry<JobEnv>) {
    r.register(
        Job::new(SCORING_SWEEP, Queue::Default, sweep)
            .every(|s| Duration::seconds(s.jobs.sweep_interval_secs)),
    );
}

async fn sweep(ctx: JobCtx, _payload: String) -> anyhow::Result<()> {
    let n = ctx.in_transaction(super::health::sweep).await?;
    tracing::info!(changed = n, "sweep finished");
    Ok(())
}
