//! The mail queue's job: sending one rendered message.

use super::{OutgoingEmail, SEND_EMAIL};
use crate::jobs::{Job, JobRegistry, Queue};
use crate::worker::{JobCtx, JobEnv};

pub fn register(r: &mut JobRegistry<JobEnv>) {
    r.register(Job::new(SEND_EMAIL, Queue::Mail, send));
}

async fn send(ctx: JobCtx, payload: String) -> anyhow::Result<()> {
    let email: OutgoingEmail = serde_json::from_str(&payload)?;
    let env = ctx.env();
    env.mailer.send(&env.mail_from, &email).await
}
