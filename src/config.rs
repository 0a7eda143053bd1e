//! Configuration: documented defaults → optional `cadre.toml` (or the file named by
//! `CADRE_CONFIG`) → `CADRE_*` environment variables (nested keys use `__`:
//! `CADRE_HTTP__PORT=9000`) and `DATABASE_URL`. Unknown keys and bad values fail at
//! start-up with a message naming the key. Secrets are [`SecretString`]s: they never
//! appear in `Debug` output or logs.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use figment::Figment;
use figment::providers::{Env, Format, Toml};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Where the embedded mode keeps its database, generated secret and `.eml` files.
    pub data_dir: PathBuf,
    pub http: HttpSettings,
    pub database: DatabaseSettings,
    pub auth: AuthSettings,
    pub mail: MailSettings,
    pub jobs: JobSettings,
    pub experts: ExpertSettings,
    pub routing: RoutingSettings,
    pub webhooks: WebhookSettings,
    pub scoring: ScoringSettings,
    pub scheduling: SchedulingSettings,
    pub payments: PaymentSettings,
    pub budget: BudgetSettings,
    pub log: LogSettings,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            data_dir: PathBuf::from("./cadre-data"),
            http: HttpSettings::default(),
            database: DatabaseSettings::default(),
            auth: AuthSettings::default(),
            mail: MailSettings::default(),
            jobs: JobSettings::default(),
            experts: ExpertSettings::default(),
            routing: RoutingSettings::default(),
            webhooks: WebhookSettings::default(),
            scoring: ScoringSettings::default(),
            scheduling: SchedulingSettings::default(),
            payments: PaymentSettings::default(),
            budget: BudgetSettings::default(),
            log: LogSettings::default(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HttpSettings {
    pub host: String,
    pub port: u16,
    /// Base URL of the web app that handles the links Cadre e-mails:
    /// `<public_url>/verify-email?token=…` and `<public_url>/invitations/accept?token=…`
    /// (the app POSTs the token to `/v1/auth/verify-email` or `/v1/invitations/accept`).
    pub public_url: String,
    /// Largest accepted request body, in bytes (413 above).
    pub max_body_bytes: usize,
    /// Largest accepted body for bulk uploads (JSON arrays, JSONL), in bytes.
    pub max_bulk_body_bytes: usize,
    /// Use the last `X-Forwarded-For` hop (added by your proxy) as the client IP. Only
    /// behind exactly one trusted proxy that appends it.
    pub trust_forwarded_for: bool,
    /// HTTP worker threads (default: one per core).
    pub workers: Option<usize>,
    /// Bearer token a scraper presents to read `/metrics` (at least 16 bytes). Unset:
    /// `/metrics` answers 404.
    pub metrics_token: Option<SecretString>,
}

impl Default for HttpSettings {
    fn default() -> Self {
        Self {
            host: "127.0.0.1".into(),
            port: 8080,
            public_url: "http://127.0.0.1:8080".into(),
            max_body_bytes: crate::http::extract::DEFAULT_BODY_LIMIT,
            max_bulk_body_bytes: 16 * 1024 * 1024,
            trust_forwarded_for: false,
            workers: None,
            metrics_token: None,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DatabaseSettings {
    /// `postgres://…`, `sqlite://path`, or a file path. Default: `<data_dir>/cadre.db`.
    pub url: Option<SecretString>,
    pub pool_size: u32,
    pub connect_timeout_secs: u64,
}

impl Default for DatabaseSettings {
    fn default() -> Self {
        Self {
            url: None,
            pool_size: 10,
            connect_timeout_secs: 10,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AuthSettings {
    /// HMAC secret for access tokens (≥ 32 bytes). Required with PostgreSQL; the embedded
    /// mode generates one in `<data_dir>/jwt-secret` when unset.
    pub jwt_secret: Option<SecretString>,
    pub access_token_ttl_secs: i64,
    pub refresh_token_ttl_secs: i64,
    pub email_verification_ttl_secs: i64,
    pub invitation_ttl_secs: i64,
    /// Failed logins allowed per account *from one client IP* within the window before 429
    /// (per account and IP, so nobody elsewhere can lock the owner out).
    pub login_max_failures_per_account: i64,
    /// Failed logins allowed per client IP within the window before 429.
    pub login_max_failures_per_ip: i64,
    pub login_window_secs: i64,
    /// Registrations allowed per client IP per hour before 429.
    pub registrations_per_ip_per_hour: i64,
    /// Verification e-mails an account may ask to be re-sent per hour before 429.
    pub verification_resends_per_hour: i64,
    /// Lifetime of a password-reset link.
    pub password_reset_ttl_secs: i64,
    /// Password-reset requests allowed per client IP per hour before 429.
    pub password_resets_per_ip_per_hour: i64,
    /// Password-reset requests allowed per e-mail address per hour before 429 (counted
    /// whether or not an account has the address).
    pub password_resets_per_address_per_hour: i64,
}

impl Default for AuthSettings {
    fn default() -> Self {
        Self {
            jwt_secret: None,
            access_token_ttl_secs: 15 * 60,
            refresh_token_ttl_secs: 30 * 24 * 3600,
            email_verification_ttl_secs: 48 * 3600,
            invitation_ttl_secs: 7 * 24 * 3600,
            login_max_failures_per_account: 5,
            login_max_failures_per_ip: 50,
            login_window_secs: 15 * 60,
            registrations_per_ip_per_hour: 20,
            verification_resends_per_hour: 3,
            password_reset_ttl_secs: 3600,
            password_resets_per_ip_per_hour: 20,
            password_resets_per_address_per_hour: 3,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MailTransportKind {
    /// Write each message as an `.eml` file (embedded default).
    File,
    /// Send over SMTP (`mail.smtp_url`).
    Smtp,
    /// Log that a message was sent (recipient and subject only; no bodies or tokens).
    Log,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SmtpTls {
    /// Plain SMTP (local relays and tests).
    None,
    /// Upgrade with STARTTLS; fail if the server does not offer it.
    Starttls,
    /// Implicit TLS (`smtps://`, usually port 465).
    Tls,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MailSettings {
    pub transport: MailTransportKind,
    /// `smtp://host:port` or `smtps://host:port`.
    pub smtp_url: Option<String>,
    /// TLS mode; default `none` for `smtp://`, `tls` for `smtps://`.
    pub smtp_tls: Option<SmtpTls>,
    pub smtp_username: Option<String>,
    pub smtp_password: Option<SecretString>,
    pub from: String,
    /// Directory for the `file` transport. Default: `<data_dir>/mail`.
    pub file_dir: Option<PathBuf>,
}

impl Default for MailSettings {
    fn default() -> Self {
        Self {
            transport: MailTransportKind::File,
            smtp_url: None,
            smtp_tls: None,
            smtp_username: None,
            smtp_password: None,
            from: "Cadre <no-reply@cadre.localhost>".into(),
            file_dir: None,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct JobSettings {
    /// Run the outbox worker inside `serve`.
    pub worker: bool,
    pub poll_interval_ms: u64,
    pub max_attempts: i32,
    /// How long a claimed job is reserved for its worker before another may retry it.
    pub lease_secs: i64,
    /// Retry n waits `backoff_base_secs × 2^(n-1)`, at most `backoff_max_secs`.
    pub backoff_base_secs: i64,
    pub backoff_max_secs: i64,
    /// How often recurring sweeps (credential expiry, overdue assessments) run.
    pub sweep_interval_secs: i64,
    /// On SIGTERM / Ctrl-C, how long `serve` waits for running jobs before exiting anyway
    /// (their leases then expire and another node runs them again).
    pub shutdown_grace_secs: u64,
}

impl Default for JobSettings {
    fn default() -> Self {
        Self {
            worker: true,
            poll_interval_ms: 1000,
            max_attempts: 8,
            lease_secs: 300,
            backoff_base_secs: 30,
            backoff_max_secs: 3600,
            sweep_interval_secs: 3600,
            shutdown_grace_secs: 10,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ExpertSettings {
    /// Days a rejected expert waits before reapplying.
    pub reapply_cooldown_days: i64,
    /// Largest evidence file an expert may upload, in bytes.
    pub max_evidence_bytes: usize,
    /// Most evidence bytes one expert may store across all their credentials.
    pub max_evidence_bytes_per_expert: i64,
    /// Most credentials one expert may hold (any status).
    pub max_credentials_per_expert: i64,
    /// Days before a credential's expiry date that the expert is reminded.
    pub expiry_reminder_days: i64,
    /// Hours an institutional e-mail verification link stays valid.
    pub email_check_ttl_hours: i64,
    /// Items drawn for one qualification assessment.
    pub assessment_items: i64,
    /// Share of items to get right to pass (0 < x <= 1).
    pub assessment_pass_threshold: f64,
    /// Minutes an expert has to finish an assessment once started.
    pub assessment_time_limit_minutes: i64,
    /// Days after a failed (or timed-out) assessment before a retake.
    pub assessment_retake_cooldown_days: i64,
}

impl Default for ExpertSettings {
    fn default() -> Self {
        Self {
            reapply_cooldown_days: 90,
            max_evidence_bytes: 10 * 1024 * 1024,
            max_evidence_bytes_per_expert: 100 * 1024 * 1024,
            max_credentials_per_expert: 50,
            expiry_reminder_days: 30,
            email_check_ttl_hours: 72,
            assessment_items: 10,
            assessment_pass_threshold: 0.8,
            assessment_time_limit_minutes: 120,
            assessment_retake_cooldown_days: 14,
        }
    }
}

/// Routing of escalated items (docs/adr/0003-routing-thompson-sampling.md; the score is
/// documented in `routing::decide`).
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RoutingSettings {
    /// Open (offered or accepted) item assignments an expert may hold at once.
    pub max_open_assignments: i64,
    /// Largest share of a project slice's offers (over `probation_window_days`) that goes
    /// to experts in probation while qualified experts are available.
    pub probation_share: f64,
    pub probation_window_days: i64,
    /// Minutes an expert has for an assignment once offered (never past the item's deadline).
    pub assignment_minutes: i64,
    /// Score weights: performance (Thompson sample), load (open / cap), cost (rate / bill rate).
    pub weight_performance: f64,
    pub weight_load: f64,
    pub weight_cost: f64,
    /// Added to the score of an expert on a confirmed shift for the item's project and
    /// slice right now. The default exceeds the whole range of the other terms, so
    /// experts on shift are always preferred (README "Scheduling").
    pub weight_on_shift: f64,
    /// A gap between heartbeats longer than this ends a work session.
    pub idle_limit_secs: i64,
    /// Most measured seconds one assignment can count.
    pub max_item_seconds: i64,
    /// How often queued items are retried and overdue assignments expired.
    pub sweep_interval_secs: i64,
    /// Fixes the random draws (tests, reproducible simulations); unset: from the OS.
    pub seed: Option<u64>,
    /// A result enters the results feed this many seconds after it resolved, so a
    /// resolution committed late is never skipped by a consumer polling with its cursor.
    pub results_feed_lag_secs: i64,
    /// A candidate's pre-drawn Thompson sample older than this is dropped by the routing
    /// sweep and drawn afresh (chosen experts and changed posteriors are redrawn at once).
    pub redraw_after_minutes: i64,
    /// Most samples one sweep drops.
    pub redraws_per_sweep: i64,
    /// A wrong answer on gold is listed to the expert (`failed_gold_checks` in the scores,
    /// what they may appeal) only this many hours after they submitted it, so the feedback
    /// cannot tell them, while they work, which of the items in front of them was gold.
    pub gold_feedback_delay_hours: i64,
}

impl Default for RoutingSettings {
    fn default() -> Self {
        Self {
            max_open_assignments: 5,
            probation_share: 0.2,
            probation_window_days: 7,
            assignment_minutes: 120,
            weight_performance: 1.0,
            weight_load: 0.25,
            weight_cost: 0.15,
            weight_on_shift: 1.5,
            idle_limit_secs: 300,
            max_item_seconds: 3600,
            sweep_interval_secs: 60,
            seed: None,
            results_feed_lag_secs: 5,
            redraw_after_minutes: 60,
            redraws_per_sweep: 2000,
            gold_feedback_delay_hours: 48,
        }
    }
}

/// Project budgets (README "Budget"): how the projected spend estimates open work, and
/// where the warning threshold lies.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BudgetSettings {
    /// Expected seconds of one open assignment while the project has fewer than
    /// `min_history` measured judgments.
    pub default_item_seconds: i64,
    /// Measured judgments a project needs before their median replaces the default.
    pub min_history: i64,
    /// How many of the project's latest measured judgments the median reads.
    pub estimate_window: i64,
    /// Percent of the cap at which the budget is in `warning` (and
    /// `project.budget_warning` is sent).
    pub warning_percent: i64,
}

impl Default for BudgetSettings {
    fn default() -> Self {
        Self {
            default_item_seconds: 900,
            min_history: 5,
            estimate_window: 200,
            warning_percent: 80,
        }
    }
}

/// Per-slice scoring (docs/adr/0006-decayed-beta-scoring.md,
/// docs/adr/0005-two-kinds-of-status.md); defaults as documented.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScoringSettings {
    /// An observation's weight halves every this many days.
    pub half_life_days: f64,
    /// Credible level of the lower bound that status changes use (0.9: the 10th percentile).
    pub credible_level: f64,
    /// Beta(prior, prior) before any observation.
    pub prior: f64,
    /// Decayed gold answers needed before gold accuracy changes a slice status.
    pub min_gold_answers: f64,
    /// Probation → qualified when the lower bound of gold accuracy reaches this.
    pub qualify_lower_bound: f64,
    /// Probation or qualified → suspended when the lower bound falls below this.
    pub suspend_lower_bound: f64,
    /// The least gold-accuracy lower bound an expert needs in a slice to be made its
    /// `adjudicator`.
    pub adjudicator_min_lower_bound: f64,
    /// An adjudicator goes back to `senior` when their bound falls below this (lower than
    /// the promotion floor, so one miss does not undo a promotion).
    pub adjudicator_demote_lower_bound: f64,
    /// Days of resolved items slice reliability is computed over.
    pub reliability_window_days: i64,
    /// Items with overlapping judgments needed before reliability says anything.
    pub reliability_min_items: usize,
    /// Alpha at or above this is healthy; below it the slice's owners are warned.
    pub reliability_healthy: f64,
    /// Alpha below this opens a corrective calibration session.
    pub reliability_corrective: f64,
}

impl Default for ScoringSettings {
    fn default() -> Self {
        Self {
            half_life_days: 90.0,
            credible_level: 0.9,
            prior: 1.0,
            min_gold_answers: 20.0,
            qualify_lower_bound: 0.85,
            adjudicator_min_lower_bound: 0.9,
            adjudicator_demote_lower_bound: 0.8,
            suspend_lower_bound: 0.75,
            reliability_window_days: 30,
            reliability_min_items: 20,
            reliability_healthy: 0.80,
            reliability_corrective: 0.75,
        }
    }
}

impl ScoringSettings {
    pub fn half_life_secs(&self) -> f64 {
        self.half_life_days * 86_400.0
    }

    pub fn status_rule(&self) -> crate::scoring::profile::StatusRule {
        crate::scoring::profile::StatusRule {
            min_gold: self.min_gold_answers,
            qualify_at: self.qualify_lower_bound,
            suspend_below: self.suspend_lower_bound,
            level: self.credible_level,
            prior: self.prior,
        }
    }
}

/// Scheduling (docs/adr/0008-scheduling-in-local-time.md): availability, capacity requests,
/// shifts, reminders.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SchedulingSettings {
    /// A reminder e-mail goes out this many minutes before each booked shift.
    pub reminder_before_minutes: i64,
    /// Longest shift the planner books (a request may ask for less).
    pub max_shift_minutes: i64,
    /// Longest window a capacity request or an availability query may span.
    pub max_window_days: i64,
    /// An offered shift not confirmed within this many hours (or by its start) lapses and
    /// its request is re-planned.
    pub confirm_within_hours: i64,
    /// Weekly cap of an expert who has not set one.
    pub default_max_hours_per_week: i64,
    /// The calendar feed lists shifts that ended at most this many days ago.
    pub calendar_past_days: i64,
}

impl Default for SchedulingSettings {
    fn default() -> Self {
        Self {
            reminder_before_minutes: 60,
            max_shift_minutes: 480,
            max_window_days: 62,
            confirm_within_hours: 24,
            default_max_hours_per_week: 20,
            calendar_past_days: 90,
        }
    }
}

/// Hourly payment (docs/adr/0002-money-rules-and-double-entry-ledger.md;
/// README "Hourly payment").
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PaymentSettings {
    /// The platform's fee, in basis points of each bill (1500 = 15 %).
    pub platform_fee_bps: i64,
    /// A vendor's margin in basis points of the bill when it has no agreement of its own.
    pub vendor_margin_bps: i64,
    /// A submitted timesheet nobody disputed is approved this many days after submission.
    pub auto_approve_days: i64,
    /// Optional pay floor: the minimum effective hourly pay per currency, in minor units
    /// (`{ USD = 2500 }`). A timesheet paying less is topped up by the platform.
    pub pay_floor_per_hour: std::collections::BTreeMap<String, i64>,
    /// Days between scheduled payout runs (platform admins can also run one on demand).
    pub payout_interval_days: i64,
    /// Assessments are paid by the platform at this hourly rate in the expert's currency
    /// (`{ USD = 3000 }`); an expert whose currency has no rate here takes assessments
    /// unpaid, and the assessment says so when it starts.
    pub assessment_pay_per_hour: std::collections::BTreeMap<String, i64>,
    /// Calibration is paid at the expert's own rate for this many seconds per answered item
    /// (by the vendor running the session, or the platform); 0: calibration is unpaid.
    pub calibration_seconds_per_item: i64,
    pub stripe: StripeSettings,
}

impl Default for PaymentSettings {
    fn default() -> Self {
        Self {
            platform_fee_bps: 1500,
            vendor_margin_bps: 1000,
            auto_approve_days: 5,
            pay_floor_per_hour: Default::default(),
            payout_interval_days: 7,
            assessment_pay_per_hour: Default::default(),
            calibration_seconds_per_item: 300,
            stripe: StripeSettings::default(),
        }
    }
}

impl PaymentSettings {
    /// The pay floor for `currency`, if one is configured.
    pub fn floor(&self, currency: &str) -> Option<i64> {
        per_currency(&self.pay_floor_per_hour, currency)
    }

    /// The platform's hourly rate for assessments in `currency` (None: unpaid).
    pub fn assessment_rate(&self, currency: &str) -> Option<i64> {
        per_currency(&self.assessment_pay_per_hour, currency)
    }
}

fn per_currency(m: &std::collections::BTreeMap<String, i64>, currency: &str) -> Option<i64> {
    m.iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(currency))
        .map(|(_, v)| *v)
}

/// Stripe (Connect payouts, lab payments, webhooks). Without `secret_key` (the embedded
/// default) payouts are recorded for manual settlement and invoices are marked paid by a
/// platform admin.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StripeSettings {
    /// A secret key (`sk_live_…`, `sk_test_…` or a restricted `rk_…` key).
    pub secret_key: Option<SecretString>,
    /// The API base (Stripe's own by default; tests point it at a local stand-in).
    pub api_base: String,
    /// Webhook signing secrets (`whsec_…`). Several during a rotation: a signature by any
    /// of them is accepted.
    pub webhook_secrets: Vec<SecretString>,
    /// How old a webhook's signed timestamp may be (replays are refused after that).
    pub webhook_tolerance_secs: i64,
    /// The countries (ISO 3166-1 alpha-2) in which experts may open an Express connected
    /// account: an account is opened in the country of the expert's profile, and an expert
    /// elsewhere is refused (422 naming `country`) before Stripe is called. Default:
    /// [`crate::country::STRIPE_CONNECT_DEFAULT`], the countries Stripe supports for them.
    pub connect_countries: Vec<String>,
    /// Removed: every account was opened in this one country, whatever the expert's. Still
    /// read so an old configuration starts, but ignored (a warning says so at start-up);
    /// see `connect_countries`.
    pub connect_country: Option<String>,
}

impl Default for StripeSettings {
    fn default() -> Self {
        Self {
            secret_key: None,
            api_base: "https://api.stripe.com".into(),
            webhook_secrets: Vec::new(),
            webhook_tolerance_secs: 300,
            connect_countries: crate::country::STRIPE_CONNECT_DEFAULT
                .iter()
                .map(|c| (*c).to_owned())
                .collect(),
            connect_country: None,
        }
    }
}

/// Outbound webhooks to labs (docs/adr/0009-outbound-webhooks-untrusted-urls.md).
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WebhookSettings {
    /// Allow plain `http://` endpoint URLs (tests, on-premise receivers). Default: https only.
    pub allow_http: bool,
    /// Allow loopback, private, link-local and other internal addresses (tests, on-premise).
    /// Off by default: URLs are refused at registration and connections at delivery time.
    pub allow_private_addresses: bool,
    /// Deliveries in flight at once; webhooks have their own workers, so a slow endpoint
    /// never delays e-mail, routing or payouts.
    pub concurrency: usize,
    pub connect_timeout_secs: u64,
    /// Whole-request timeout (connect, send, response headers and the stored body).
    pub timeout_secs: u64,
    /// Attempts per delivery before it is marked failed (a manual redeliver starts again).
    pub max_attempts: i32,
    /// Retry n waits `backoff_base_secs × 2^(n-1)`, at most `backoff_max_secs`.
    pub backoff_base_secs: i64,
    pub backoff_max_secs: i64,
    /// Bytes of each response body kept in the delivery log.
    pub max_response_bytes: usize,
    /// After a secret rotation, the previous secret also signs for this long.
    pub rotation_overlap_secs: i64,
    /// Test deliveries allowed per endpoint per hour before 429.
    pub test_sends_per_hour: i64,
}

impl Default for WebhookSettings {
    fn default() -> Self {
        Self {
            allow_http: false,
            allow_private_addresses: false,
            concurrency: 4,
            connect_timeout_secs: 5,
            timeout_secs: 15,
            max_attempts: 8,
            backoff_base_secs: 60,
            backoff_max_secs: 6 * 3600,
            max_response_bytes: 4096,
            rotation_overlap_secs: 24 * 3600,
            test_sends_per_hour: 20,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LogFormat {
    Human,
    Json,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LogSettings {
    pub format: LogFormat,
    /// A tracing filter (`info`, `cadre=debug,actix_web=info`); `RUST_LOG` overrides it.
    pub level: String,
}

impl Default for LogSettings {
    fn default() -> Self {
        Self {
            format: LogFormat::Human,
            level: "info".into(),
        }
    }
}

/// Which engine a database URL names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseTarget {
    Postgres(String),
    Sqlite(PathBuf),
}

impl DatabaseTarget {
    pub fn is_postgres(&self) -> bool {
        matches!(self, DatabaseTarget::Postgres(_))
    }
}

/// Chooses the engine from the URL's scheme.
pub fn parse_database_url(url: &str) -> anyhow::Result<DatabaseTarget> {
    let url = url.trim();
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return Ok(DatabaseTarget::Postgres(url.to_owned()));
    }
    let path = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or(url);
    if path.is_empty() {
        bail!("database.url: an SQLite URL needs a file path (sqlite://cadre-data/cadre.db)");
    }
    if let Some((scheme, _)) = path.split_once("://") {
        bail!("database.url: unsupported scheme `{scheme}://` (use postgres://… or sqlite://path)");
    }
    Ok(DatabaseTarget::Sqlite(PathBuf::from(path)))
}

impl Settings {
    /// Loads configuration from the file and environment, then validates it.
    pub fn load(config_file: Option<&Path>) -> anyhow::Result<Settings> {
        let explicit = config_file
            .map(Path::to_path_buf)
            .or_else(|| std::env::var_os("CADRE_CONFIG").map(PathBuf::from));
        if let Some(path) = &explicit
            && !path.exists()
        {
            bail!("configuration file {} does not exist", path.display());
        }
        let file = explicit.unwrap_or_else(|| PathBuf::from("cadre.toml"));
        let figment = Figment::new()
            .merge(Toml::file(&file))
            .merge(Env::prefixed("CADRE_").ignore(&["config"]).split("__"))
            .merge(
                Env::raw()
                    .only(&["DATABASE_URL"])
                    .map(|_| "database.url".into()),
            );
        let settings: Settings = figment
            .extract()
            .map_err(|e| anyhow::anyhow!("invalid configuration: {e}"))?;
        settings.validate()?;
        Ok(settings)
    }

    pub fn validate(&self) -> anyhow::Result<()> {
        if self.http.max_body_bytes < 1024 {
            bail!("http.max_body_bytes must be at least 1024");
        }
        url::Url::parse(&self.http.public_url)
            .context("http.public_url must be an absolute URL")?;
        if let Some(token) = &self.http.metrics_token
            && token.expose_secret().trim().len() < 16
        {
            bail!("http.metrics_token must be at least 16 bytes");
        }
        if self.database.pool_size == 0 {
            bail!("database.pool_size must be at least 1");
        }
        let a = &self.auth;
        for (key, v) in [
            ("auth.access_token_ttl_secs", a.access_token_ttl_secs),
            ("auth.refresh_token_ttl_secs", a.refresh_token_ttl_secs),
            (
                "auth.email_verification_ttl_secs",
                a.email_verification_ttl_secs,
            ),
            ("auth.invitation_ttl_secs", a.invitation_ttl_secs),
            (
                "auth.login_max_failures_per_account",
                a.login_max_failures_per_account,
            ),
            (
                "auth.login_max_failures_per_ip",
                a.login_max_failures_per_ip,
            ),
            ("auth.login_window_secs", a.login_window_secs),
            (
                "auth.registrations_per_ip_per_hour",
                a.registrations_per_ip_per_hour,
            ),
            (
                "auth.verification_resends_per_hour",
                a.verification_resends_per_hour,
            ),
            ("auth.password_reset_ttl_secs", a.password_reset_ttl_secs),
            (
                "auth.password_resets_per_ip_per_hour",
                a.password_resets_per_ip_per_hour,
            ),
            (
                "auth.password_resets_per_address_per_hour",
                a.password_resets_per_address_per_hour,
            ),
            (
                "webhooks.test_sends_per_hour",
                self.webhooks.test_sends_per_hour,
            ),
            ("jobs.lease_secs", self.jobs.lease_secs),
            (
                "routing.redraw_after_minutes",
                self.routing.redraw_after_minutes,
            ),
            ("routing.redraws_per_sweep", self.routing.redraws_per_sweep),
            (
                "budget.default_item_seconds",
                self.budget.default_item_seconds,
            ),
            ("budget.min_history", self.budget.min_history),
            ("budget.estimate_window", self.budget.estimate_window),
            (
                "webhooks.backoff_base_secs",
                self.webhooks.backoff_base_secs,
            ),
            ("webhooks.backoff_max_secs", self.webhooks.backoff_max_secs),
            (
                "webhooks.rotation_overlap_secs",
                self.webhooks.rotation_overlap_secs,
            ),
            ("jobs.backoff_base_secs", self.jobs.backoff_base_secs),
            ("jobs.backoff_max_secs", self.jobs.backoff_max_secs),
            (
                "experts.reapply_cooldown_days",
                self.experts.reapply_cooldown_days,
            ),
            ("jobs.sweep_interval_secs", self.jobs.sweep_interval_secs),
            (
                "experts.expiry_reminder_days",
                self.experts.expiry_reminder_days,
            ),
            (
                "experts.email_check_ttl_hours",
                self.experts.email_check_ttl_hours,
            ),
            ("experts.assessment_items", self.experts.assessment_items),
            (
                "experts.assessment_time_limit_minutes",
                self.experts.assessment_time_limit_minutes,
            ),
            (
                "experts.assessment_retake_cooldown_days",
                self.experts.assessment_retake_cooldown_days,
            ),
            (
                "routing.max_open_assignments",
                self.routing.max_open_assignments,
            ),
            (
                "routing.probation_window_days",
                self.routing.probation_window_days,
            ),
            (
                "routing.assignment_minutes",
                self.routing.assignment_minutes,
            ),
            ("routing.idle_limit_secs", self.routing.idle_limit_secs),
            ("routing.max_item_seconds", self.routing.max_item_seconds),
            (
                "routing.sweep_interval_secs",
                self.routing.sweep_interval_secs,
            ),
            (
                "scheduling.reminder_before_minutes",
                self.scheduling.reminder_before_minutes,
            ),
            (
                "scheduling.max_shift_minutes",
                self.scheduling.max_shift_minutes,
            ),
            (
                "scheduling.max_window_days",
                self.scheduling.max_window_days,
            ),
            (
                "scheduling.confirm_within_hours",
                self.scheduling.confirm_within_hours,
            ),
            (
                "scheduling.default_max_hours_per_week",
                self.scheduling.default_max_hours_per_week,
            ),
            (
                "scheduling.calendar_past_days",
                self.scheduling.calendar_past_days,
            ),
        ] {
            if v <= 0 {
                bail!("{key} must be positive");
            }
        }
        let t = self.experts.assessment_pass_threshold;
        if !(t > 0.0 && t <= 1.0) {
            bail!("experts.assessment_pass_threshold must be in (0, 1]");
        }
        if self.experts.assessment_items > 200 {
            bail!("experts.assessment_items must be at most 200");
        }
        let r = &self.routing;
        if !(1..=100).contains(&self.budget.warning_percent) {
            bail!("budget.warning_percent must be between 1 and 100");
        }
        if !(0.0..=1.0).contains(&r.probation_share) {
            bail!("routing.probation_share must be in [0, 1]");
        }
        for (key, v) in [
            ("routing.weight_performance", r.weight_performance),
            ("routing.weight_load", r.weight_load),
            ("routing.weight_cost", r.weight_cost),
            ("routing.weight_on_shift", r.weight_on_shift),
        ] {
            if !(v.is_finite() && v >= 0.0) {
                bail!("{key} must be a non-negative number");
            }
        }
        if r.weight_performance <= 0.0 {
            bail!("routing.weight_performance must be positive");
        }
        let sc = &self.scoring;
        if !(sc.half_life_days.is_finite() && sc.half_life_days > 0.0) {
            bail!("scoring.half_life_days must be positive");
        }
        if !(sc.credible_level > 0.5 && sc.credible_level < 1.0) {
            bail!("scoring.credible_level must be in (0.5, 1)");
        }
        if !(sc.prior.is_finite() && sc.prior > 0.0) {
            bail!("scoring.prior must be positive");
        }
        if !(sc.min_gold_answers.is_finite() && sc.min_gold_answers >= 1.0) {
            bail!("scoring.min_gold_answers must be at least 1");
        }
        if !(0.0 < sc.suspend_lower_bound
            && sc.suspend_lower_bound < sc.qualify_lower_bound
            && sc.qualify_lower_bound < 1.0)
        {
            bail!("scoring needs 0 < suspend_lower_bound < qualify_lower_bound < 1");
        }
        if !(0.0..1.0).contains(&sc.adjudicator_min_lower_bound)
            || !(0.0..=sc.adjudicator_min_lower_bound).contains(&sc.adjudicator_demote_lower_bound)
        {
            bail!(
                "scoring needs 0 <= adjudicator_demote_lower_bound <= adjudicator_min_lower_bound < 1"
            );
        }
        if !(1..=365).contains(&sc.reliability_window_days) {
            bail!("scoring.reliability_window_days must be between 1 and 365");
        }
        if sc.reliability_min_items < 2 {
            bail!("scoring.reliability_min_items must be at least 2");
        }
        if !(0.0 < sc.reliability_corrective
            && sc.reliability_corrective <= sc.reliability_healthy
            && sc.reliability_healthy <= 1.0)
        {
            bail!("scoring needs 0 < reliability_corrective <= reliability_healthy <= 1");
        }
        let pay = &self.payments;
        for (key, v) in [
            ("payments.platform_fee_bps", pay.platform_fee_bps),
            ("payments.vendor_margin_bps", pay.vendor_margin_bps),
        ] {
            if !(0..=10_000).contains(&v) {
                bail!("{key} must be between 0 and 10000 basis points");
            }
        }
        if pay.platform_fee_bps + pay.vendor_margin_bps > 10_000 {
            bail!(
                "payments.platform_fee_bps and payments.vendor_margin_bps add up to more than the bill"
            );
        }
        if !(1..=90).contains(&pay.auto_approve_days) {
            bail!("payments.auto_approve_days must be between 1 and 90");
        }
        if !(1..=31).contains(&pay.payout_interval_days) {
            bail!("payments.payout_interval_days must be between 1 and 31");
        }
        for (key, map) in [
            ("pay_floor_per_hour", &pay.pay_floor_per_hour),
            ("assessment_pay_per_hour", &pay.assessment_pay_per_hour),
        ] {
            for (currency, v) in map {
                if !crate::money::is_currency_code(&currency.to_ascii_uppercase()) {
                    bail!("payments.{key}.{currency}: not an ISO 4217 currency code");
                }
                if !(1..=1_000_000_000).contains(v) {
                    bail!("payments.{key}.{currency} must be positive");
                }
            }
        }
        if !(0..=3600).contains(&pay.calibration_seconds_per_item) {
            bail!("payments.calibration_seconds_per_item must be between 0 and 3600");
        }
        let st = &pay.stripe;
        if st.secret_key.is_some() {
            url::Url::parse(&st.api_base)
                .ok()
                .filter(|u| matches!(u.scheme(), "http" | "https"))
                .context("payments.stripe.api_base must be an http(s) URL")?;
            if st.webhook_secrets.is_empty() {
                bail!(
                    "payments.stripe.webhook_secrets must name at least one secret when payments.stripe.secret_key is set"
                );
            }
        }
        if !(1..=86_400).contains(&st.webhook_tolerance_secs) {
            bail!("payments.stripe.webhook_tolerance_secs must be between 1 and 86400");
        }
        if st.connect_countries.is_empty() {
            bail!("payments.stripe.connect_countries must list at least one country");
        }
        for c in &st.connect_countries {
            if !crate::country::is_country_code(c) {
                bail!(
                    "payments.stripe.connect_countries: `{c}` is not an ISO 3166-1 alpha-2 code (upper case, like `DE`)"
                );
            }
        }
        if self.jobs.max_attempts < 1 {
            bail!("jobs.max_attempts must be at least 1");
        }
        let w = &self.webhooks;
        if w.max_attempts < 1 {
            bail!("webhooks.max_attempts must be at least 1");
        }
        if w.concurrency < 1 || w.concurrency > 64 {
            bail!("webhooks.concurrency must be between 1 and 64");
        }
        if w.connect_timeout_secs < 1 || w.timeout_secs < 1 {
            bail!("webhooks.connect_timeout_secs and webhooks.timeout_secs must be at least 1");
        }
        // A delivery must finish before its job lease runs out, or it would be sent twice.
        if w.timeout_secs as i64 >= self.jobs.lease_secs {
            bail!("webhooks.timeout_secs must be shorter than jobs.lease_secs");
        }
        if let Some(secret) = &a.jwt_secret
            && secret.expose_secret().len() < 32
        {
            bail!("auth.jwt_secret must be at least 32 bytes");
        }
        let target = self.database_target()?;
        if target.is_postgres() && a.jwt_secret.is_none() {
            bail!(
                "auth.jwt_secret (CADRE_AUTH__JWT_SECRET) is required with PostgreSQL: every API node must sign with the same secret"
            );
        }
        if self.mail.transport == MailTransportKind::Smtp {
            let url = self
                .mail
                .smtp_url
                .as_deref()
                .context("mail.smtp_url is required when mail.transport = \"smtp\"")?;
            crate::mail::SmtpTarget::parse(url, self.mail.smtp_tls).context("mail.smtp_url")?;
        }
        crate::mail::parse_mailbox(&self.mail.from).context("mail.from")?;
        Ok(())
    }

    pub fn database_target(&self) -> anyhow::Result<DatabaseTarget> {
        match &self.database.url {
            Some(url) => parse_database_url(url.expose_secret()),
            None => Ok(DatabaseTarget::Sqlite(self.data_dir.join("cadre.db"))),
        }
    }

    pub fn mail_dir(&self) -> PathBuf {
        self.mail
            .file_dir
            .clone()
            .unwrap_or_else(|| self.data_dir.join("mail"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_url_scheme_picks_the_engine() {
        assert!(
            parse_database_url("postgres://u@h/db")
                .unwrap()
                .is_postgres()
        );
        assert!(
            parse_database_url("postgresql://u@h/db")
                .unwrap()
                .is_postgres()
        );
        assert_eq!(
            parse_database_url("sqlite://data/x.db").unwrap(),
            DatabaseTarget::Sqlite("data/x.db".into())
        );
        assert_eq!(
            parse_database_url("x.db").unwrap(),
            DatabaseTarget::Sqlite("x.db".into())
        );
        let err = parse_database_url("mysql://h/db").unwrap_err().to_string();
        assert!(err.contains("database.url"), "{err}");
    }

    #[test]
    fn defaults_are_valid_and_postgres_requires_a_secret() {
        Settings::default().validate().unwrap();
        let mut s = Settings::default();
        s.database.url = Some("postgres://postgres@127.0.0.1/cadre".to_owned().into());
        let err = s.validate().unwrap_err().to_string();
        assert!(err.contains("auth.jwt_secret"), "{err}");
        s.auth.jwt_secret = Some("short".to_owned().into());
        assert!(
            s.validate()
                .unwrap_err()
                .to_string()
                .contains("at least 32 bytes")
        );
    }

    #[test]
    fn bad_values_name_their_key() {
        let figment = Figment::new().merge(Toml::string("[http]\nport = \"eighty\""));
        let err = figment.extract::<Settings>().unwrap_err().to_string();
        assert!(err.contains("http.port"), "{err}");
        let figment = Figment::new().merge(Toml::string("[http]\nprot = 80"));
        let err = figment.extract::<Settings>().unwrap_err().to_string();
        assert!(err.contains("prot"), "{err}");
    }

    #[test]
    fn connect_countries_are_country_codes_and_the_old_single_country_still_parses() {
        let figment = Figment::new().merge(Toml::string(
            "[payments.stripe]\nconnect_countries = [\"DE\", \"JP\"]\nconnect_country = \"US\"",
        ));
        let s = figment.extract::<Settings>().unwrap();
        s.validate().unwrap();
        assert_eq!(s.payments.stripe.connect_countries, ["DE", "JP"]);
        assert!(
            Settings::default()
                .payments
                .stripe
                .connect_countries
                .iter()
                .any(|c| c == "DE")
        );
        for bad in [vec!["Germany".to_owned()], vec!["de".to_owned()], vec![]] {
            let mut s = Settings::default();
            s.payments.stripe.connect_countries = bad;
            let err = s.validate().unwrap_err().to_string();
            assert!(err.contains("payments.stripe.connect_countries"), "{err}");
        }
    }

    #[test]
    fn secrets_are_not_printed_by_debug() {
        let mut s = Settings::default();
        s.auth.jwt_secret = Some("super-secret-value-that-is-long-enough".to_owned().into());
        assert!(!format!("{s:?}").contains("super-secret-value"));
    }
}
