//! The payments jobs: the payments sweep and the payout run (recurring), and collecting
//! one invoice. Stripe calls run on the payments queue, so they never hold up e-mail or
//! the sweeps.

use chrono::Duration;

use crate::jobs::{Job, JobRegistry, Queue};
use crate::worker::{JobCtx, JobEnv};

/// Submits ended timesheet weeks, auto-approves undisputed sheets, issues weekly invoices.
pub const PAYMENTS_SWEEP: &str = "payments.sweep";

/// Pays experts' approved, unpaid amounts (every `payments.payout_interval_days`).
pub const PAYOUT_RUN: &str = "payments.payout_run";

pub fn register(r: &mut JobRegistry<JobEnv>) {
    r.register(
        Job::new(PAYMENTS_SWEEP, Queue::Default, sweep)
            .every(|s| Duration::seconds(s.jobs.sweep_interval_secs)),
    );
    r.register(
        Job::new(PAYOUT_RUN, Queue::Payments, payout_run)
            .every(|s| Duration::days(s.payments.payout_interval_days)),
    );
    r.register(Job::new(
        super::invoices::COLLECT_INVOICE,
        Queue::Payments,
        collect_invoice,
    ));
}

async fn sweep(ctx: JobCtx, _payload: String) -> anyhow::Result<()> {
    let n = ctx.in_transaction(super::sweep::sweep).await?;
    tracing::info!(changed = n, "sweep finished");
    Ok(())
}

async fn payout_run(ctx: JobCtx, _payload: String) -> anyhow::Result<()> {
    let r = super::payouts::run(&ctx.db, &ctx.clock, ctx.env().stripe.as_ref())
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    tracing::info!(
        created = r.created.len(),
        submitted = r.submitted.len(),
        failed = r.failed.len(),
        retrying = r.retrying.len(),
        not_sent = r.not_sent.len(),
        "payout run finished"
    );
    Ok(())
}

async fn collect_invoice(ctx: JobCtx, payload: String) -> anyhow::Result<()> {
    let j: super::invoices::CollectJob = serde_json::from_str(&payload)?;
    super::invoices::collect(&ctx.db, ctx.clock.now(), ctx.env().stripe.as_ref(), &j)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))
}
