//! Building the application: database and migrations, secrets, mailer, job runners and
//! the HTTP server. `cadre serve` and the test harness both go through
//! [`Application::build`]; the harness passes a manual clock and drains jobs itself.
//! On SIGTERM / Ctrl-C the job runners stop claiming at once and running jobs get
//! `jobs.shutdown_grace_secs` to finish; `serve` then exits even if one has not.

use std::net::TcpListener;
use std::path::Path;
use std::sync::Arc;

use actix_web::dev::Server;
use actix_web::middleware::{Compress, from_fn};
use actix_web::{App, HttpServer, web};
use anyhow::Context;
use secrecy::SecretString;
use tracing_actix_web::TracingLogger;
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::SwaggerUi;

use crate::auth::jwt::JwtKeys;
use crate::clock::SharedClock;
use crate::config::{DatabaseTarget, Settings};
use crate::db::{self, Db};
use crate::http::extract::{BodyLimit, BulkLimit};
use crate::http::fallback::{self, RouteTable};
use crate::http::metrics::{self, Metrics};
use crate::http::openapi;
use crate::jobs::runner::JobRunner;
use crate::jobs::{JobRegistry, Queue};
use crate::state::AppState;
use crate::worker::{JobEnv, Runner};

pub struct Application {
    server: Server,
    port: u16,
    state: web::Data<AppState>,
    runners: Vec<Runner>,
    start_workers: bool,
}

/// Opens the database (creating the SQLite file's directory) and runs pending migrations.
pub async fn open_database(settings: &Settings) -> anyhow::Result<(Db, DatabaseTarget)> {
    let target = settings.database_target()?;
    if let DatabaseTarget::Sqlite(path) = &target
        && let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let pool = db::build_pool(
        &target,
        settings.database.pool_size,
        std::time::Duration::from_secs(settings.database.connect_timeout_secs),
    )?;
    let p = pool.clone();
    let routing = settings.routing.clone();
    let applied = tokio::task::spawn_blocking(move || -> anyhow::Result<Vec<String>> {
        let mut conn = p.get()?;
        let applied = db::migrations::run(&mut conn)?;
        // Routing keys embed the weights and the cap: recompute them from the stored
        // samples in case the configuration changed.
        db::write_tx(&mut conn, |conn| {
            crate::routing::rebuild_keys(conn, &routing)
        })
        .context("recomputing routing keys")?;
        Ok(applied)
    })
    .await??;
    if !applied.is_empty() {
        tracing::info!(migrations = ?applied, "applied database migrations");
    }
    Ok((Db::new(pool, &target), target))
}

/// The JWT secret: configured, or (embedded mode only) generated once into the data dir.
fn jwt_secret(settings: &Settings, target: &DatabaseTarget) -> anyhow::Result<SecretString> {
    if let Some(secret) = &settings.auth.jwt_secret {
        return Ok(secret.clone());
    }
    if target.is_postgres() {
        anyhow::bail!("auth.jwt_secret (CADRE_AUTH__JWT_SECRET) is required with PostgreSQL");
    }
    let path = settings.data_dir.join("jwt-secret");
    if path.exists() {
        let secret = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        return Ok(SecretString::from(secret.trim().to_owned()));
    }
    std::fs::create_dir_all(&settings.data_dir)?;
    let secret = format!(
        "{}{}",
        crate::auth::tokens::random_secret(),
        crate::auth::tokens::random_secret()
    );
    write_owner_only(&path, &secret)?;
    tracing::warn!(
        path = %path.display(),
        "no auth.jwt_secret configured: generated one for this embedded instance; set CADRE_AUTH__JWT_SECRET for production"
    );
    Ok(SecretString::from(secret))
}

fn write_owner_only(path: &Path, contents: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(path)
        .with_context(|| format!("creating {}", path.display()))?;
    file.write_all(contents.as_bytes())?;
    Ok(())
}

impl Application {
    /// Builds everything and binds the listener (port 0 picks a free port).
    /// `start_workers`: run the job workers in the background (false in tests, which drain).
    pub async fn build(
        settings: Settings,
        clock: SharedClock,
        start_workers: bool,
    ) -> anyhow::Result<Self> {
        Self::build_with_jobs(settings, clock, start_workers, crate::worker::registry()).await
    }

    /// [`Self::build`] with the given job registry (the tests add jobs of their own).
    pub async fn build_with_jobs(
        settings: Settings,
        clock: SharedClock,
        start_workers: bool,
        jobs: JobRegistry<JobEnv>,
    ) -> anyhow::Result<Self> {
        settings.validate()?;
        jobs.check()?;
        // One process-wide TLS provider (ring) for the clients that use the default one
        // (async-stripe's); an earlier install (a second app in the same process) stands.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let (db, target) = open_database(&settings).await?;
        let jwt = JwtKeys::new(&jwt_secret(&settings, &target)?);
        tokio::task::spawn_blocking(crate::auth::password::warm_up).await?;

        let webhooks = Arc::new(crate::webhooks::deliver::Deliverer::new(
            &settings.webhooks,
        )?);
        let stripe = crate::payments::stripe::StripeApi::from_settings(&settings.payments.stripe)?;
        let env = Arc::new(JobEnv::from_settings(
            &settings,
            webhooks.clone(),
            stripe.clone(),
        )?);
        // Every registered recurring job gets its schedule row (none needs a migration).
        crate::jobs::schedule::ensure_schedules(&db, clock.now(), &jobs)
            .await
            .context("creating the schedules of recurring jobs")?;
        let jobs = Arc::new(jobs);
        let job_settings = Arc::new(settings.clone());
        // One runner per queue, so a slow queue never holds up another; webhooks get
        // `webhooks.concurrency` runners of their own: slow receivers delay other webhooks at
        // worst (never e-mail, routing or payouts), and each attempt is bounded by the timeouts.
        let runners: Vec<Runner> = Queue::ALL
            .iter()
            .flat_map(|q| {
                let n = match q {
                    Queue::Webhooks => settings.webhooks.concurrency,
                    _ => 1,
                };
                std::iter::repeat_n(*q, n)
            })
            .map(|q| {
                JobRunner::new(
                    db.clone(),
                    clock.clone(),
                    job_settings.clone(),
                    jobs.clone(),
                    env.clone(),
                    &[q],
                )
            })
            .collect();

        let settings = Arc::new(settings);
        let state = web::Data::new(AppState {
            db,
            clock,
            settings: settings.clone(),
            jwt,
            webhooks,
            stripe,
        });
        let metrics = web::Data::new(Metrics::new()?);
        let spec = openapi::spec();
        let route_table = web::Data::new(RouteTable::from_spec(&spec));
        let body_limit = settings.http.max_body_bytes;
        let bulk_limit = settings.http.max_bulk_body_bytes.max(body_limit);

        let listener = TcpListener::bind((settings.http.host.as_str(), settings.http.port))
            .with_context(|| {
                format!(
                    "binding {}:{} (http.host / http.port)",
                    settings.http.host, settings.http.port
                )
            })?;
        let port = listener.local_addr()?.port();
        let app_state = state.clone();
        let mut server = HttpServer::new(move || {
            let (app, _) = App::new()
                .into_utoipa_app()
                .openapi(<openapi::ApiDoc as utoipa::OpenApi>::openapi())
                .app_data(app_state.clone())
                .app_data(metrics.clone())
                .app_data(route_table.clone())
                .app_data(BodyLimit(body_limit))
                .app_data(BulkLimit(bulk_limit))
                .configure(openapi::routes)
                .split_for_parts();
            app.service(SwaggerUi::new("/docs/{_:.*}").url("/openapi.json", spec.clone()))
                .service(web::redirect("/docs", "/docs/"))
                // Pages for people (`/app/` and the e-mailed paths), over the same services.
                .configure(crate::web::configure)
                .default_service(web::to(fallback::not_matched))
                .wrap(from_fn(fallback::enforce_contract))
                .wrap(Compress::default())
                .wrap(from_fn(metrics::request_id_header))
                .wrap(from_fn(metrics::track))
                .wrap(TracingLogger::<crate::telemetry::RequestSpan>::new())
        })
        .listen(listener)?;
        if let Some(workers) = settings.http.workers {
            server = server.workers(workers.max(1));
        }
        if !start_workers {
            // Embedded in a test process: don't install signal handlers.
            server = server.disable_signals();
        }
        Ok(Self {
            server: server.run(),
            port,
            state,
            runners,
            start_workers,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Lets an embedding process (the test harness) stop the server.
    pub fn server_handle(&self) -> actix_web::dev::ServerHandle {
        self.server.handle()
    }

    pub fn state(&self) -> web::Data<AppState> {
        self.state.clone()
    }

    /// The job runners (one per queue); tests drain them instead of running the loops.
    pub fn job_runners(&self) -> Vec<Runner> {
        self.runners.clone()
    }

    /// Serves until the server stops (Ctrl-C / SIGTERM in `serve`), running job workers if
    /// enabled. On the signal the runners stop claiming at once; running jobs get
    /// `jobs.shutdown_grace_secs` to finish, after which this returns anyway (the caller
    /// must then exit without waiting for the runtime's blocking threads, see `main`).
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
        let stop_tx = Arc::new(stop_tx);
        let mut workers = Vec::new();
        if self.start_workers && self.state.settings.jobs.worker {
            for runner in self.runners {
                workers.push(tokio::spawn(runner.run(stop_rx.clone())));
            }
            // actix-web handles the same signals for the HTTP server, which drains its
            // requests first; the runners must not keep claiming meanwhile.
            let stop = stop_tx.clone();
            tokio::spawn(async move {
                shutdown_signal().await;
                tracing::info!("shutdown signal: job runners stop claiming");
                let _ = stop.send(true);
            });
        }
        let result = self.server.await;
        let _ = stop_tx.send(true);
        // Each runner bounds its own wait by the grace period; this bound is a backstop.
        let grace = std::time::Duration::from_secs(self.state.settings.jobs.shutdown_grace_secs);
        let all = futures_util::future::join_all(workers);
        if tokio::time::timeout(grace + std::time::Duration::from_secs(1), all)
            .await
            .is_err()
        {
            tracing::warn!(
                "job runners did not stop within jobs.shutdown_grace_secs; exiting anyway"
            );
        }
        result
    }
}

/// Resolves on Ctrl-C; never if Ctrl-C cannot be listened for.
async fn ctrl_c() {
    if let Err(e) = tokio::signal::ctrl_c().await {
        tracing::warn!(error = %e, "cannot listen for Ctrl-C");
        std::future::pending::<()>().await;
    }
}

/// Resolves on Ctrl-C or (Unix) SIGTERM.
async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for SIGTERM; Ctrl-C only");
                ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    ctrl_c().await;
}
