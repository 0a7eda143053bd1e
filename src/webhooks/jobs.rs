//! The webhooks queue's job: one delivery attempt.

use super::deliver::{self, DELIVER, DeliverJob};
use crate::jobs::{Job, JobRegistry, Queue};
use crate::worker::{JobCtx, JobEnv};

pub fn register(r: &mut JobRegistry<JobEnv>) {
    r.register(Job::new(DELIVER, Queue::Webhooks, attempt));
}

async fn attempt(ctx: JobCtx, payload: String) -> anyhow::Result<()> {
    let j: DeliverJob = serde_json::from_str(&payload)?;
    deliver::attempt(
        &ctx.db,
        &ctx.clock,
        &ctx.env().webhooks,
        &ctx.settings.webhooks,
        j,
    )
    .await
}
