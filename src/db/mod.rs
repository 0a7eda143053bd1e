//! Storage: one diesel code path over PostgreSQL and SQLite.
//!
//! * [`DbConn`] is a `MultiConnection`; the engine is chosen from the URL scheme
//!   ([`crate::config::parse_database_url`]) and established by our own r2d2 manager so
//!   a connection error keeps its real message.
//! * Every SQLite connection sets `busy_timeout`, WAL, `foreign_keys=ON` and
//!   `synchronous=NORMAL`.
//! * All queries run off the async executor ([`Db::read`], [`Db::write`]); every write
//!   goes through [`write_tx`], which begins `IMMEDIATE` on SQLite so a read-then-write
//!   transaction waits for the lock instead of failing with `SQLITE_BUSY`.
//! * Never use `diesel::dsl::now` (SQLite compares it as text without fractions): bind
//!   the injected clock's time instead. On SQLite diesel stores timestamps as text
//!   (`%F %T%.f`, at most 6 fractional digits after our truncation), which sorts
//!   lexicographically in time order, so range filters behave as on PostgreSQL.

pub mod migrations;
pub mod schema;

use std::time::Duration;

use diesel::connection::{
    AnsiTransactionManager, Connection, SimpleConnection, TransactionManager,
};
use diesel::pg::PgConnection;
use diesel::sqlite::SqliteConnection;

use crate::config::DatabaseTarget;

#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Pg(PgConnection),
    Sqlite(SqliteConnection),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Postgres,
    Sqlite,
}

impl DbConn {
    pub fn backend(&self) -> Backend {
        match self {
            DbConn::Pg(_) => Backend::Postgres,
            DbConn::Sqlite(_) => Backend::Sqlite,
        }
    }
}

const SQLITE_PRAGMAS: [&str; 4] = [
    // busy_timeout first: switching to WAL needs the lock.
    "PRAGMA busy_timeout = 10000",
    "PRAGMA journal_mode = WAL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA synchronous = NORMAL",
];

/// Opens one connection to the target, with the SQLite pragmas applied.
pub fn connect(target: &DatabaseTarget) -> diesel::ConnectionResult<DbConn> {
    match target {
        DatabaseTarget::Postgres(url) => Ok(DbConn::Pg(PgConnection::establish(url)?)),
        DatabaseTarget::Sqlite(path) => {
            let path = path.to_str().ok_or_else(|| {
                diesel::ConnectionError::BadConnection("the SQLite path is not valid UTF-8".into())
            })?;
            let mut c = SqliteConnection::establish(path)?;
            for pragma in SQLITE_PRAGMAS {
                c.batch_execute(pragma)
                    .map_err(diesel::ConnectionError::CouldntSetupConfiguration)?;
            }
            Ok(DbConn::Sqlite(c))
        }
    }
}

/// r2d2 manager that establishes the configured engine directly.
#[derive(Debug, Clone)]
pub struct Manager {
    target: DatabaseTarget,
}

impl r2d2::ManageConnection for Manager {
    type Connection = DbConn;
    type Error = diesel::r2d2::Error;

    fn connect(&self) -> Result<DbConn, Self::Error> {
        connect(&self.target).map_err(diesel::r2d2::Error::ConnectionError)
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), Self::Error> {
        use diesel::r2d2::R2D2Connection;
        conn.ping().map_err(diesel::r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConn) -> bool {
        use diesel::r2d2::R2D2Connection;
        std::thread::panicking() || conn.is_broken()
    }
}

pub type Pool = r2d2::Pool<Manager>;

/// Builds the pool, failing fast with the engine's own error if the database is unreachable.
pub fn build_pool(
    target: &DatabaseTarget,
    size: u32,
    connect_timeout: Duration,
) -> anyhow::Result<Pool> {
    // Establish one connection first so the start-up error is the driver's, not r2d2's time-out.
    connect(target).map_err(|e| anyhow::anyhow!("cannot open the database: {e}"))?;
    let pool = r2d2::Pool::builder()
        .max_size(size)
        .min_idle(Some(1))
        .connection_timeout(connect_timeout)
        .build(Manager {
            target: target.clone(),
        })?;
    Ok(pool)
}

/// The process's SQLite write lane (see [`write_tx`]). One per process, whatever the file:
/// an embedded instance has one database (the test harness, several small ones, whose
/// write transactions are short).
static SQLITE_WRITER: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Runs `f` in a write transaction: `BEGIN IMMEDIATE` on SQLite, `BEGIN` on PostgreSQL, a
/// savepoint when already inside a transaction. Commits on `Ok`, rolls back on `Err`.
pub fn write_tx<T, E>(
    conn: &mut DbConn,
    f: impl FnOnce(&mut DbConn) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    type Tm = <DbConn as Connection>::TransactionManager;
    let nested = Tm::transaction_manager_status_mut(conn)
        .transaction_depth()?
        .is_some();
    // SQLite has one writer: writers queue here, in the process, and the next one starts
    // the moment the last commits, instead of polling the file lock with busy_timeout's
    // sleeps (up to 100 ms each), which made write latency grow with the queue.
    let _writer = match conn {
        DbConn::Sqlite(_) if !nested => Some(
            SQLITE_WRITER
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        ),
        _ => None,
    };
    match conn {
        DbConn::Sqlite(c) if !nested => {
            AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?
        }
        _ => Tm::begin_transaction(conn)?,
    }
    match f(conn) {
        Ok(value) => {
            Tm::commit_transaction(conn)?;
            Ok(value)
        }
        Err(e) => match Tm::rollback_transaction(conn) {
            Ok(()) | Err(diesel::result::Error::BrokenTransactionManager) => Err(e),
            Err(rollback) => Err(rollback.into()),
        },
    }
}

/// A value this application stored that no longer parses (corruption, or a bug in a
/// migration). It is logged where it is found and surfaced as an internal error: a
/// request never reads it as empty or null.
#[derive(Debug, thiserror::Error)]
#[error("stored {what} does not parse: {source}")]
pub struct CorruptData {
    what: &'static str,
    #[source]
    source: serde_json::Error,
}

/// Parses JSON this application stored in a TEXT column; `what` names it for the log
/// (`audit_events.details`).
pub fn stored_json<T: serde::de::DeserializeOwned>(
    what: &'static str,
    s: &str,
) -> Result<T, CorruptData> {
    serde_json::from_str(s).map_err(|source| {
        tracing::error!(what, error = %source, "stored JSON does not parse");
        CorruptData { what, source }
    })
}

impl From<CorruptData> for crate::error::AppError {
    fn from(e: CorruptData) -> Self {
        crate::error::AppError::internal(e)
    }
}

/// A validated keyset page request: at most `limit` rows whose id sorts after `after`
/// (ids sort by creation time). Built at the edge from a cursor; every list query takes one.
#[derive(Debug, Clone)]
pub struct PageRequest {
    pub limit: i64,
    pub after: Option<String>,
}

/// The pool could not hand out a connection, or the blocking task died.
#[derive(Debug, thiserror::Error)]
#[error("database unavailable: {0}")]
pub struct DbUnavailable(String);

impl DbUnavailable {
    pub fn new(message: impl Into<String>) -> Self {
        Self(message.into())
    }
}

/// Handle to the database used by handlers and the job worker.
#[derive(Clone)]
pub struct Db {
    pool: Pool,
    backend: Backend,
}

impl Db {
    pub fn new(pool: Pool, target: &DatabaseTarget) -> Self {
        let backend = if target.is_postgres() {
            Backend::Postgres
        } else {
            Backend::Sqlite
        };
        Self { pool, backend }
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// True if a connection can be had within `wait` and answers `SELECT 1` (readiness).
    pub async fn ping(&self, wait: std::time::Duration) -> bool {
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || {
            use diesel::RunQueryDsl;
            let mut conn = pool.get_timeout(wait).ok()?;
            diesel::sql_query("SELECT 1").execute(&mut *conn).ok()
        })
        .await
        .ok()
        .flatten()
        .is_some()
    }

    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    /// Runs `f` with a pooled connection on the blocking thread pool.
    pub async fn read<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConn) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbUnavailable> + Send + 'static,
    {
        let pool = self.pool.clone();
        let span = tracing::Span::current();
        tokio::task::spawn_blocking(move || {
            let _entered = span.enter();
            let mut conn = pool.get().map_err(|e| DbUnavailable(e.to_string()))?;
            f(&mut conn)
        })
        .await
        .map_err(|e| DbUnavailable(format!("database task failed: {e}")))?
    }

    /// Runs `f` inside [`write_tx`] with a pooled connection, off the executor. On
    /// PostgreSQL a transaction that fails with a deadlock or a serialization failure is
    /// rolled back and run again, up to [`TRANSIENT_RETRIES`] times, before the error
    /// reaches the caller (so `f` must be safe to run again: everything it did was rolled
    /// back).
    pub async fn write<T, E, F>(&self, mut f: F) -> Result<T, E>
    where
        F: FnMut(&mut DbConn) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbUnavailable> + From<diesel::result::Error> + Transient + Send + 'static,
    {
        self.read(move |conn| retrying(conn, |conn| write_tx(conn, &mut f)))
            .await
    }

    /// [`Db::write`] for a closure that can run only once (it consumes what it captured):
    /// no retry.
    pub async fn write_once<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConn) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbUnavailable> + From<diesel::result::Error> + Send + 'static,
    {
        self.read(move |conn| write_tx(conn, f)).await
    }
}

/// How often a transaction that hit a deadlock or serialization failure is run again.
pub const TRANSIENT_RETRIES: u32 = 4;

/// Runs a whole transaction `tx` again while it fails with a transient error (a deadlock
/// or serialization failure on PostgreSQL), at most [`TRANSIENT_RETRIES`] more times, with
/// a short randomised pause so the two contenders do not collide again. Never used inside
/// an outer transaction (a savepoint cannot be retried on its own): there it runs once.
pub fn retrying<T, E: Transient>(
    conn: &mut DbConn,
    mut tx: impl FnMut(&mut DbConn) -> Result<T, E>,
) -> Result<T, E> {
    type Tm = <DbConn as Connection>::TransactionManager;
    let nested = Tm::transaction_manager_status_mut(conn)
        .transaction_depth()
        .map(|d| d.is_some())
        .unwrap_or(true);
    let mut attempt = 0;
    loop {
        match tx(conn) {
            Err(e) if !nested && attempt < TRANSIENT_RETRIES && e.is_transient() => {
                attempt += 1;
                tracing::warn!(
                    attempt,
                    "transaction hit a deadlock or serialization failure; running it again"
                );
                let jitter = rand::random::<u64>() % (5 << attempt);
                std::thread::sleep(Duration::from_millis(2 + jitter));
            }
            other => return other,
        }
    }
}

/// Errors that mean "the same transaction may succeed if run again": PostgreSQL's
/// deadlock (40P01) and serialization failure (40001).
pub trait Transient {
    fn is_transient(&self) -> bool;
}

impl Transient for diesel::result::Error {
    fn is_transient(&self) -> bool {
        use diesel::result::{DatabaseErrorKind, Error};
        match self {
            Error::DatabaseError(DatabaseErrorKind::SerializationFailure, _) => true,
            Error::DatabaseError(_, info) => info.message().contains("deadlock detected"),
            _ => false,
        }
    }
}

impl Transient for anyhow::Error {
    fn is_transient(&self) -> bool {
        self.chain().any(|c| {
            c.downcast_ref::<diesel::result::Error>()
                .is_some_and(Transient::is_transient)
        })
    }
}

impl Transient for DbUnavailable {
    fn is_transient(&self) -> bool {
        false
    }
}
