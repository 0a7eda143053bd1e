//! The `cadre` command: serve, migrate, print the OpenAPI document, administer.

use std::io::Read;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use clap::{Parser, Subcommand};

use cadre::clock::{Clock, SystemClock};
use cadre::config::Settings;

#[derive(Parser)]
#[command(
    name = "cadre",
    version,
    about = "Expert-workforce marketplace backend"
)]
struct Cli {
    /// Configuration file (default: ./cadre.toml if present; also CADRE_CONFIG).
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the API server and job workers (migrates first).
    Serve {
        /// Seed an empty database with a realistic demo instance.
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Print the OpenAPI document (or write it to a file).
    Openapi {
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Score profiles.
    Scores {
        #[command(subcommand)]
        command: ScoresCommand,
    },
    /// The double-entry ledger.
    Ledger {
        #[command(subcommand)]
        command: LedgerCommand,
    },
    /// Administrative tasks.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
}

#[derive(Subcommand)]
enum ScoresCommand {
    /// Rebuild score profiles from the outcomes table (after changing scoring settings,
    /// or to verify the incremental updates); statuses are not changed.
    Recompute {
        /// Only this expert (`exp_…`).
        #[arg(long)]
        expert: Option<String>,
        /// Only this slice (`slc_…`).
        #[arg(long)]
        slice: Option<String>,
    },
}

#[derive(Subcommand)]
enum LedgerCommand {
    /// Verify that every ledger transaction balances in every currency (exit status 1 if
    /// not, listing the offenders).
    Check,
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create a platform administrator (or promote an existing user). The password is read from stdin.
    CreatePlatformAdmin {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "Platform admin")]
        display_name: String,
        /// Read the password from standard input (required: passwords never go on the command line).
        #[arg(long, required = true)]
        password_stdin: bool,
        /// Promote the account that already holds this address instead of refusing. Only a
        /// verified address is promoted; the password read replaces the account's password
        /// and its sessions are signed out.
        #[arg(long)]
        promote_existing: bool,
    },
}

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}

fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    if let Command::Openapi { output } = &cli.command {
        let json = cadre::http::openapi::spec_json();
        match output {
            Some(path) => {
                std::fs::write(path, json).with_context(|| format!("writing {}", path.display()))?
            }
            None => print!("{json}"),
        }
        return Ok(());
    }
    let settings = Settings::load(cli.config.as_deref())?;
    cadre::telemetry::init(&settings.log);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    match cli.command {
        Command::Openapi { .. } => unreachable!("handled above"),
        Command::Migrate => runtime.block_on(async {
            let (_, target) = cadre::startup::open_database(&settings).await?;
            println!(
                "database is up to date ({})",
                if target.is_postgres() {
                    "postgres"
                } else {
                    "sqlite"
                }
            );
            Ok(())
        }),
        Command::Serve { demo } => {
            // actix-web runs on its own system runtime.
            let system = actix_web::rt::System::new();
            let served = system.block_on(async move {
                let app = cadre::Application::build(settings.clone(), clock.clone(), true).await?;
                if demo {
                    let state = app.state();
                    match cadre::demo::seed(&state).await? {
                        Some(summary) => println!("{summary}"),
                        None => println!("demo: the database already has users; not seeding"),
                    }
                }
                tracing::info!(
                    address = %format!("http://{}:{}", settings.http.host, app.port()),
                    docs = %format!("http://{}:{}/docs/", settings.http.host, app.port()),
                    "cadre is serving"
                );
                app.run_until_stopped().await?;
                tracing::info!("cadre stopped");
                Ok(())
            });
            // Dropping the runtime would wait for its blocking threads, and a job abandoned
            // after `jobs.shutdown_grace_secs` may still hold one (a database call): leak
            // the runtime instead, so the process exits when `main` returns.
            std::mem::forget(system);
            served
        }
        Command::Scores {
            command: ScoresCommand::Recompute { expert, slice },
        } => runtime.block_on(async {
            let (db, _) = cadre::startup::open_database(&settings).await?;
            let now = clock.now();
            let settings = settings.clone();
            let done = db
                .write(move |conn| {
                    cadre::scoring::service::recompute(
                        conn,
                        now,
                        &settings,
                        expert.as_deref(),
                        slice.as_deref(),
                    )
                })
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!(
                "recomputed {} score tallies from {} outcomes",
                done.tallies, done.outcomes
            );
            Ok(())
        }),
        Command::Ledger {
            command: LedgerCommand::Check,
        } => runtime.block_on(async {
            let (db, _) = cadre::startup::open_database(&settings).await?;
            let check = db
                .read(|conn| {
                    cadre::payments::check_ledger(conn).map_err(|e| anyhow::anyhow!("{e}"))
                })
                .await?;
            for (tx, currency, sum) in &check.unbalanced {
                println!("unbalanced: {tx} sums to {sum} in {currency}");
            }
            for tx in &check.incomplete {
                println!("incomplete: {tx} has fewer than two entries");
            }
            if check.ok() {
                println!(
                    "the ledger balances: {} transactions, {} entries",
                    check.transactions, check.entries
                );
                Ok(())
            } else {
                anyhow::bail!("the ledger does not balance")
            }
        }),
        Command::Admin {
            command:
                AdminCommand::CreatePlatformAdmin {
                    email,
                    display_name,
                    password_stdin,
                    promote_existing,
                },
        } => {
            debug_assert!(password_stdin);
            let mut password = String::new();
            std::io::stdin()
                .read_to_string(&mut password)
                .context("reading the password from stdin")?;
            let password = password.trim_end_matches(['\n', '\r']).to_owned();
            runtime.block_on(async {
                let (db, _) = cadre::startup::open_database(&settings).await?;
                let outcome = cadre::auth::admin::create_platform_admin(
                    &db,
                    clock.now(),
                    &email,
                    &display_name,
                    &password,
                    if promote_existing {
                        cadre::auth::admin::Existing::Promote
                    } else {
                        cadre::auth::admin::Existing::Refuse
                    },
                )
                .await?;
                println!("{outcome}");
                Ok(())
            })
        }
    }
}
