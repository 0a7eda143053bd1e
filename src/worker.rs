//! The background worker's wiring: the context job handlers get ([`JobEnv`]) and the
//! registry of every feature's jobs ([`registry`]). `crate::jobs` is generic and knows no
//! feature; each feature defines its jobs in its own `jobs.rs` and is registered here.

use std::sync::Arc;

use lettre::message::Mailbox;

use crate::config::Settings;
use crate::jobs::runner::JobRunner;
use crate::jobs::{JobContext, JobRegistry};
use crate::mail::Mailer;
use crate::payments::stripe::StripeApi;
use crate::webhooks::deliver::Deliverer;

/// What job handlers may use besides the database, clock and settings (which every
/// [`JobContext`] carries).
pub struct JobEnv {
    pub mailer: Mailer,
    pub mail_from: Mailbox,
    pub webhooks: Arc<Deliverer>,
    /// The Stripe client when `payments.stripe.secret_key` is set.
    pub stripe: Option<StripeApi>,
}

impl JobEnv {
    pub fn from_settings(
        settings: &Settings,
        webhooks: Arc<Deliverer>,
        stripe: Option<StripeApi>,
    ) -> anyhow::Result<Self> {
        Ok(Self {
            mailer: Mailer::from_settings(settings)?,
            mail_from: crate::mail::parse_mailbox(&settings.mail.from)?,
            webhooks,
            stripe,
        })
    }
}

/// The context a Cadre job handler receives.
pub type JobCtx = JobContext<JobEnv>;

/// A runner of Cadre's jobs.
pub type Runner = JobRunner<JobEnv>;

/// Every job this build runs, from every feature.
pub fn registry() -> JobRegistry<JobEnv> {
    let mut r = JobRegistry::new();
    crate::mail::jobs::register(&mut r);
    crate::credentials::jobs::register(&mut r);
    crate::assessments::jobs::register(&mut r);
    crate::routing::jobs::register(&mut r);
    crate::scoring::jobs::register(&mut r);
    crate::payments::jobs::register(&mut r);
    crate::scheduling::jobs::register(&mut r);
    crate::webhooks::jobs::register(&mut r);
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_registered_once_with_its_queue() {
        let r = registry();
        r.check().unwrap();
        let kinds: Vec<(&str, &str, bool)> = r
            .jobs()
            .map(|j| (j.kind(), j.queue().as_str(), j.period().is_some()))
            .collect();
        assert_eq!(
            kinds,
            [
                ("assessments.close_overdue", "default", true),
                ("credentials.expiry_sweep", "default", true),
                ("payments.collect_invoice", "payments", false),
                ("payments.payout_run", "payments", true),
                ("payments.sweep", "default", true),
                ("projects.budget_reached", "default", false),
                ("projects.budget_resumed", "default", false),
                ("routing.deadlines", "default", true),
                ("routing.sweep", "default", true),
                ("scheduling.offer_expiry", "default", false),
                ("scheduling.replan", "default", false),
                ("scheduling.shift_reminder", "default", false),
                ("scoring.sweep", "default", true),
                ("send_email", "mail", false),
                ("webhook.deliver", "webhooks", false),
            ]
        );
    }

    #[test]
    fn periods_come_from_the_settings() {
        let r = registry();
        let s = Settings::default();
        let every = |k: &str| (r.get(k).unwrap().period().unwrap())(&s);
        assert_eq!(
            every("routing.sweep"),
            chrono::Duration::seconds(s.routing.sweep_interval_secs)
        );
        assert_eq!(
            every("payments.payout_run"),
            chrono::Duration::days(s.payments.payout_interval_days)
        );
        assert_eq!(
            every("scoring.sweep"),
            chrono::Duration::seconds(s.jobs.sweep_interval_secs)
        );
    }
}
