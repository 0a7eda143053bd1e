//! The black-box harness. Each test calls [`on_both`]: the test body runs against a real
//! Cadre server on a free port with a fresh SQLite database, then again with a fresh
//! PostgreSQL database when `TEST_POSTGRES_URL` is set (otherwise it prints that the
//! PostgreSQL half was skipped). E-mail goes over real SMTP to an in-process server;
//! time is a manual clock; jobs run when the test drains them.

use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, LazyLock, Mutex, OnceLock};

use cadre::clock::ManualClock;
use cadre::config::{MailTransportKind, Settings, SmtpTls};
use cadre::jobs::JobRegistry;
use cadre::jobs::JobRow;
use cadre::jobs::runner::JobOutcome;
use cadre::worker::{JobEnv, Runner};
use chrono::{Duration, TimeZone, Utc};
use diesel::{Connection, PgConnection, RunQueryDsl};
use mailin_embedded::response::OK;
use mailin_embedded::{Handler, Response, Server};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

pub const PASSWORD: &str = "correct horse battery staple";
/// `http.metrics_token` of the test servers.
pub const METRICS_TOKEN: &str = "metrics-scraper-token-0123456789";

// ---------------------------------------------------------------- SMTP

#[derive(Debug, Clone)]
pub struct ReceivedMail {
    pub from: String,
    pub to: Vec<String>,
    pub raw: String,
}

impl ReceivedMail {
    pub fn header(&self, name: &str) -> Option<String> {
        let head = self.raw.split("\r\n\r\n").next().unwrap_or("");
        let prefix = format!("{}:", name.to_ascii_lowercase());
        head.split("\r\n")
            .find(|l| l.to_ascii_lowercase().starts_with(&prefix))
            .map(|l| l[prefix.len()..].trim().to_owned())
    }

    pub fn subject(&self) -> String {
        self.header("Subject").unwrap_or_default()
    }

    /// The decoded plain-text body.
    pub fn body(&self) -> String {
        let body = self
            .raw
            .split_once("\r\n\r\n")
            .map(|(_, b)| b)
            .unwrap_or("");
        match self.header("Content-Transfer-Encoding").as_deref() {
            Some(e) if e.eq_ignore_ascii_case("quoted-printable") => decode_qp(body),
            _ => body.replace("\r\n", "\n"),
        }
    }

    /// The value of `token=` in the message's link; the same token is also on its own
    /// line, readable in the raw (possibly quoted-printable) message.
    pub fn token(&self) -> String {
        let take = |s: &str| -> String {
            s.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect()
        };
        let body = self.body();
        let start = body.find("token=").expect("the message has a token link") + "token=".len();
        let from_link = take(&body[start..]);
        let line = self
            .raw
            .split("\r\n")
            .find_map(|l| l.split_once(" token: ").map(|(_, t)| take(t)))
            .expect("the raw message has the token on its own line");
        assert_eq!(from_link, line, "link and token line agree");
        from_link
    }
}

fn decode_qp(s: &str) -> String {
    let s = s.replace("=\r\n", "");
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'='
            && i + 2 < b.len()
            && let Some(byte) = std::str::from_utf8(&b[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).replace("\r\n", "\n")
}

#[derive(Default)]
struct MailboxState {
    received: Vec<ReceivedMail>,
    /// Recipient → how many more deliveries to refuse with a transient 451.
    refuse: HashMap<String, usize>,
}

static MAILBOX: LazyLock<Arc<Mutex<MailboxState>>> = LazyLock::new(Default::default);

#[derive(Clone)]
struct Capture {
    current: Option<ReceivedMail>,
}

impl Handler for Capture {
    fn data_start(&mut self, _domain: &str, from: &str, _is8bit: bool, to: &[String]) -> Response {
        let mut mailbox = MAILBOX.lock().unwrap();
        for rcpt in to {
            if let Some(n) = mailbox.refuse.get_mut(&rcpt.to_lowercase())
                && *n > 0
            {
                *n -= 1;
                return Response::custom(451, "mailbox busy, try again later".into());
            }
        }
        self.current = Some(ReceivedMail {
            from: from.to_owned(),
            to: to.to_vec(),
            raw: String::new(),
        });
        OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        if let Some(m) = self.current.as_mut() {
            m.raw.push_str(&String::from_utf8_lossy(buf));
        }
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        if let Some(m) = self.current.take() {
            MAILBOX.lock().unwrap().received.push(m);
        }
        OK
    }
}

/// One SMTP server per test process (a real SMTP implementation from mailin-embedded);
/// tests use unique recipient addresses, so they never see each other's mail.
fn smtp_port() -> u16 {
    static PORT: OnceLock<u16> = OnceLock::new();
    *PORT.get_or_init(|| {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind SMTP");
        let port = listener.local_addr().unwrap().port();
        let mut server = Server::new(Capture { current: None });
        server
            .with_name("smtp.cadre.test")
            .with_tcp_listener(listener);
        std::thread::spawn(move || {
            let _ = server.serve();
        });
        port
    })
}

// ---------------------------------------------------------------- databases

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

fn unique_suffix() -> String {
    format!(
        "{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// A migrated SQLite file, made once per test process and copied for each test.
fn sqlite_template() -> &'static std::path::Path {
    static TEMPLATE: OnceLock<(tempfile::TempDir, std::path::PathBuf)> = OnceLock::new();
    &TEMPLATE
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("template.db");
            let mut conn =
                cadre::db::connect(&cadre::config::DatabaseTarget::Sqlite(path.clone())).unwrap();
            cadre::db::migrations::run(&mut conn).unwrap();
            // Fold the WAL into the main file so a plain copy is complete.
            diesel::sql_query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(&mut conn)
                .unwrap();
            drop(conn);
            (dir, path)
        })
        .1
}

fn pg_url(base: &str, db: &str) -> String {
    let mut url = url::Url::parse(base).expect("TEST_POSTGRES_URL must be a URL");
    url.set_path(&format!("/{db}"));
    url.to_string()
}

/// The migrated PostgreSQL template for this set of migrations, created once under an
/// advisory lock (parallel test processes wait for each other), with stale per-test
/// databases of dead processes dropped.
fn pg_template(base: &str) -> String {
    static TEMPLATE: OnceLock<String> = OnceLock::new();
    TEMPLATE
        .get_or_init(|| {
            let fingerprint = migrations_fingerprint();
            let name = format!("cadre_tpl_{fingerprint}");
            let mut admin = PgConnection::establish(base).expect("connect to TEST_POSTGRES_URL");
            diesel::sql_query("SELECT pg_advisory_lock(727274)")
                .execute(&mut admin)
                .unwrap();
            drop_stale_databases(&mut admin);
            #[derive(diesel::QueryableByName)]
            struct Exists {
                #[diesel(sql_type = diesel::sql_types::BigInt)]
                n: i64,
            }
            let exists: Exists = diesel::sql_query(format!(
                "SELECT count(*) AS n FROM pg_database WHERE datname = '{name}'"
            ))
            .get_result(&mut admin)
            .unwrap();
            if exists.n == 0 {
                diesel::sql_query(format!("CREATE DATABASE {name}"))
                    .execute(&mut admin)
                    .unwrap();
                let mut conn = cadre::db::connect(&cadre::config::DatabaseTarget::Postgres(
                    pg_url(base, &name),
                ))
                .unwrap();
                if let Err(e) = cadre::db::migrations::run(&mut conn) {
                    drop(conn);
                    let _ = diesel::sql_query(format!("DROP DATABASE {name}")).execute(&mut admin);
                    panic!("migrating the PostgreSQL template failed: {e}");
                }
            }
            diesel::sql_query("SELECT pg_advisory_unlock(727274)")
                .execute(&mut admin)
                .unwrap();
            name
        })
        .clone()
}

/// Identifies the migration set: a hash of the files' paths (relative to the migrations
/// directory, so every checkout of the same commit agrees) and contents.
fn migrations_fingerprint() -> String {
    use sha2::{Digest, Sha256};
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations/postgres");
    let mut files: Vec<_> = walk(&root);
    files.sort();
    let mut h = Sha256::new();
    for f in files {
        let relative = f.strip_prefix(&root).unwrap_or(&f);
        h.update(relative.to_string_lossy().as_bytes());
        h.update(std::fs::read(&f).unwrap());
    }
    hex::encode(h.finalize())[..16].to_owned()
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(walk(&p))
        } else {
            out.push(p)
        }
    }
    out
}

/// Drops `cadre_test_<pid>_<n>` databases whose process is gone (killed earlier runs).
/// Templates are never dropped: another checkout (another branch, or CI) may be cloning
/// its own template right now; each is one small database per migration set.
fn drop_stale_databases(admin: &mut PgConnection) {
    #[derive(diesel::QueryableByName)]
    struct Name {
        #[diesel(sql_type = diesel::sql_types::Text)]
        datname: String,
    }
    let names: Vec<Name> =
        diesel::sql_query("SELECT datname FROM pg_database WHERE datname LIKE 'cadre\\_test\\_%'")
            .load(admin)
            .unwrap_or_default();
    for Name { datname } in names {
        let pid = datname
            .trim_start_matches("cadre_test_")
            .split('_')
            .next()
            .unwrap_or("");
        let alive = !pid.is_empty() && std::path::Path::new(&format!("/proc/{pid}")).exists();
        if !alive {
            let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {datname} WITH (FORCE)"))
                .execute(admin);
        }
    }
}

struct PgDatabase {
    base: String,
    name: String,
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        if let Ok(mut admin) = PgConnection::establish(&self.base) {
            let _ = diesel::sql_query(format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ))
            .execute(&mut admin);
        }
    }
}

fn create_pg_database(base: &str) -> PgDatabase {
    let template = pg_template(base);
    let name = format!("cadre_test_{}", unique_suffix());
    let mut admin = PgConnection::establish(base).expect("connect to TEST_POSTGRES_URL");
    // Concurrent clones of one template can briefly collide; retry.
    let mut last = None;
    for _ in 0..50 {
        match diesel::sql_query(format!("CREATE DATABASE {name} TEMPLATE {template}"))
            .execute(&mut admin)
        {
            Ok(_) => {
                return PgDatabase {
                    base: base.to_owned(),
                    name,
                };
            }
            Err(e) => {
                last = Some(e);
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
        }
    }
    panic!("creating {name} from {template} failed: {last:?}");
}

// ---------------------------------------------------------------- the app

pub struct TestApp {
    pub base: String,
    pub engine: Engine,
    pub clock: Arc<ManualClock>,
    pub state: actix_web::web::Data<cadre::state::AppState>,
    pub settings: Settings,
    runners: Vec<Runner>,
    client: reqwest::Client,
    handle: actix_web::dev::ServerHandle,
    _pg: Option<PgDatabase>,
    _dir: tempfile::TempDir,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        // Sends the stop command at once; the worker threads wind down on their own.
        // The command is sent when `stop` is called; the returned future only waits for it.
        drop(self.handle.stop(false));
        // Every test ends with a balanced ledger (the database is still there: fields are
        // dropped after this). Skipped when the test already failed.
        if !std::thread::panicking() {
            let mut conn = self
                .state
                .db
                .pool()
                .get()
                .expect("a connection for the ledger check");
            let check = cadre::payments::check_ledger(&mut conn).expect("the ledger check runs");
            assert!(
                check.ok(),
                "the ledger does not balance after this test: {check:?}"
            );
        }
    }
}

/// Test settings: fixed secrets, SMTP to the harness, no background workers.
pub fn test_settings(dir: &std::path::Path) -> Settings {
    let mut s = Settings {
        data_dir: dir.to_path_buf(),
        ..Settings::default()
    };
    s.http.port = 0;
    s.http.workers = Some(1);
    s.http.public_url = "https://cadre.test".into();
    s.http.metrics_token = Some(METRICS_TOKEN.to_owned().into());
    s.auth.jwt_secret = Some("test-secret-test-secret-test-secret!".to_owned().into());
    s.database.pool_size = 4;
    s.mail.transport = MailTransportKind::Smtp;
    s.mail.smtp_url = Some(format!("smtp://127.0.0.1:{}", smtp_port()));
    s.mail.smtp_tls = Some(SmtpTls::None);
    s.mail.from = "Cadre <no-reply@cadre.test>".into();
    s.jobs.worker = false;
    // Most tests make adjudicators without building gold history first; the tests of the
    // floor itself (rosters.rs) set it back.
    s.scoring.adjudicator_min_lower_bound = 0.0;
    s.scoring.adjudicator_demote_lower_bound = 0.0;
    // Most tests read failed gold checks right after answering; gold_blind.rs tests the delay.
    s.routing.gold_feedback_delay_hours = 0;
    s
}

impl TestApp {
    pub async fn spawn(engine: Engine) -> TestApp {
        Self::spawn_with(engine, |_| {}).await
    }

    pub async fn spawn_with(engine: Engine, customize: impl FnOnce(&mut Settings)) -> TestApp {
        Self::spawn_with_jobs(engine, customize, cadre::worker::registry()).await
    }

    /// [`Self::spawn_with`], with the app's job registry given (tests add jobs of their own).
    pub async fn spawn_with_jobs(
        engine: Engine,
        customize: impl FnOnce(&mut Settings),
        jobs: JobRegistry<JobEnv>,
    ) -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let mut settings = test_settings(dir.path());
        let pg = match engine {
            Engine::Sqlite => {
                let path = dir.path().join("cadre.db");
                std::fs::copy(sqlite_template(), &path).unwrap();
                settings.database.url = Some(path.to_string_lossy().into_owned().into());
                None
            }
            Engine::Postgres => {
                let base = std::env::var("TEST_POSTGRES_URL").expect("TEST_POSTGRES_URL");
                let b = base.clone();
                let db = tokio::task::spawn_blocking(move || create_pg_database(&b))
                    .await
                    .unwrap();
                settings.database.url = Some(pg_url(&base, &db.name).into());
                Some(db)
            }
        };
        customize(&mut settings);
        let clock = Arc::new(ManualClock::new(
            Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap(),
        ));
        let app = cadre::Application::build_with_jobs(settings.clone(), clock.clone(), false, jobs)
            .await
            .expect("the application starts");
        let base = format!("http://127.0.0.1:{}", app.port());
        let state = app.state();
        let runners = app.job_runners();
        let handle = app.server_handle();
        tokio::spawn(app.run_until_stopped());
        TestApp {
            base,
            engine,
            clock,
            state,
            settings,
            runners,
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            handle,
            _pg: pg,
            _dir: dir,
        }
    }

    pub fn advance(&self, by: Duration) {
        self.clock.advance(by);
    }

    /// Runs every job that is due now, on every queue, until none is left (a sweep on one
    /// queue may enqueue mail on another); returns what ran.
    pub async fn drain_jobs(&self) -> Vec<(JobRow, JobOutcome)> {
        let mut all = Vec::new();
        loop {
            let before = all.len();
            for r in &self.runners {
                all.extend(r.drain().await.expect("draining jobs"));
            }
            if all.len() == before {
                return all;
            }
        }
    }

    /// Like [`Self::drain_jobs`], keeping only e-mail jobs (recurring sweeps run too).
    pub async fn drain_mail_jobs(&self) -> Vec<(JobRow, JobOutcome)> {
        self.drain_jobs()
            .await
            .into_iter()
            .filter(|(job, _)| job.kind == cadre::mail::SEND_EMAIL)
            .collect()
    }

    pub fn runners(&self) -> &[Runner] {
        &self.runners
    }

    /// A fresh address no other test uses.
    pub fn email(&self, who: &str) -> String {
        format!("{who}-{}@example.com", unique_suffix().replace('_', "-"))
    }

    pub fn refuse_mail_to(&self, address: &str, times: usize) {
        MAILBOX
            .lock()
            .unwrap()
            .refuse
            .insert(address.to_lowercase(), times);
    }

    /// Messages received so far for `address`.
    pub fn mail_to(&self, address: &str) -> Vec<ReceivedMail> {
        MAILBOX
            .lock()
            .unwrap()
            .received
            .iter()
            .filter(|m| m.to.iter().any(|t| t.eq_ignore_ascii_case(address)))
            .cloned()
            .collect()
    }

    /// Drains jobs and returns the one message `address` must have received.
    pub async fn the_mail_to(&self, address: &str) -> ReceivedMail {
        self.drain_jobs().await;
        let mut mails = self.mail_to(address);
        assert_eq!(mails.len(), 1, "expected exactly one message to {address}");
        mails.remove(0)
    }

    // ---- HTTP

    pub async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Resp {
        let mut req = self
            .client
            .request(method, format!("{}{}", self.base, path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        Resp::from(req.send().await.expect("request sent")).await
    }

    pub async fn get(&self, path: &str, token: &str) -> Resp {
        self.call(Method::GET, path, Some(token), None).await
    }

    pub async fn get_anon(&self, path: &str) -> Resp {
        self.call(Method::GET, path, None, None).await
    }

    pub async fn post(&self, path: &str, token: &str, body: Value) -> Resp {
        self.call(Method::POST, path, Some(token), Some(body)).await
    }

    pub async fn post_anon(&self, path: &str, body: Value) -> Resp {
        self.call(Method::POST, path, None, Some(body)).await
    }

    /// A request with a raw body and content type (`token` optional).
    pub async fn raw(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        content_type: Option<&str>,
        body: Vec<u8>,
    ) -> Resp {
        let mut req = self
            .client
            .request(method, format!("{}{}", self.base, path))
            .body(body);
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(ct) = content_type {
            req = req.header("content-type", ct);
        }
        Resp::from(req.send().await.expect("request sent")).await
    }

    /// A POST with a raw body and extra headers (no login).
    pub async fn post_with_headers(
        &self,
        path: &str,
        headers: &[(&str, &str)],
        body: Vec<u8>,
    ) -> Resp {
        let mut req = self
            .client
            .post(format!("{}{}", self.base, path))
            .body(body);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        Resp::from(req.send().await.expect("request sent")).await
    }

    // ---- stories

    pub async fn register(&self, account_type: &str, email: &str, org: Option<&str>) -> Resp {
        let mut body = json!({
            "account_type": account_type,
            "email": email,
            "password": PASSWORD,
            "display_name": format!("Test {account_type}"),
        });
        if let Some(o) = org {
            body["organization_name"] = json!(o);
        }
        self.post_anon("/v1/auth/register", body).await
    }

    pub async fn login(&self, email: &str, password: &str) -> Resp {
        self.post_anon(
            "/v1/auth/login",
            json!({ "email": email, "password": password }),
        )
        .await
    }

    /// Registers a lab with its admin and logs in.
    pub async fn lab(&self, name: &str) -> Account {
        self.account("lab", Some(name)).await
    }

    /// A vendor approved by a platform admin through the API (the approval e-mail is
    /// delivered before this returns).
    pub async fn vendor(&self, name: &str) -> Account {
        let vendor = self.pending_vendor(name).await;
        let admin = self.platform_admin().await;
        self.post(
            &format!("/v1/vendors/{}/approve", vendor.org()),
            &admin.token,
            json!({}),
        )
        .await
        .assert_status(200);
        self.drain_jobs().await;
        vendor
    }

    /// A self-registered vendor the platform has not approved yet.
    pub async fn pending_vendor(&self, name: &str) -> Account {
        self.account("vendor", Some(name)).await
    }

    /// Gives the expert (who has applied) a credential of `kind` in `field` with PDF
    /// evidence, verified by the platform admin `admin`; returns its id.
    pub async fn verified_credential(
        &self,
        admin: &Account,
        expert: &Account,
        kind: &str,
        field: &str,
    ) -> String {
        let c = self
            .post(
                "/v1/experts/me/credentials",
                &expert.token,
                json!({"kind": kind, "issuer": "Test Board", "identifier": format!("T-{}", unique_suffix()),
                    "field": field, "issued_on": "2015-04-01"}),
            )
            .await;
        c.assert_status(201);
        let id = c.json["id"].as_str().unwrap().to_owned();
        let boundary = "cadre-helper-boundary";
        let mut body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"evidence.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        self.raw(
            reqwest::Method::POST,
            &format!("/v1/credentials/{id}/evidence"),
            Some(&expert.token),
            Some(&format!("multipart/form-data; boundary={boundary}")),
            body,
        )
        .await
        .assert_status(201);
        self.post(
            &format!("/v1/credentials/{id}/review"),
            &admin.token,
            json!({"decision": "verify", "reason": "checked by the test"}),
        )
        .await
        .assert_status(200);
        id
    }

    /// A verified credential meeting `domain` for the expert (the first of the domain's
    /// requirements, or any credential when it requires none): what vetting `approved`
    /// needs.
    pub async fn credential_for_domain(
        &self,
        admin: &Account,
        expert: &Account,
        expert_id: &str,
        domain: &str,
    ) -> String {
        let el = self
            .get(
                &format!("/v1/experts/{expert_id}/eligibility"),
                &admin.token,
            )
            .await;
        el.assert_status(200);
        let (kind, field) = el.json["domains"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["domain_id"] == domain)
            .and_then(|d| d["requirements"].as_array()?.first().cloned())
            .map(|r| {
                (
                    r["kind"].as_str().unwrap().to_owned(),
                    r["field"].as_str().unwrap().to_owned(),
                )
            })
            .unwrap_or_else(|| ("degree".to_owned(), "general".to_owned()));
        self.verified_credential(admin, expert, &kind, &field).await
    }

    pub async fn expert(&self) -> Account {
        self.account("expert", None).await
    }

    /// An expert whose e-mail address is not confirmed (receives no work, cannot be paid).
    pub async fn unverified_expert(&self) -> Account {
        self.unverified_account("expert", None).await
    }

    /// A registered account with its address confirmed, as a person who opened the
    /// verification e-mail would have it. The e-mail stays queued: no job is drained.
    async fn account(&self, kind: &str, org: Option<&str>) -> Account {
        let account = self.unverified_account(kind, org).await;
        let token = self
            .queued_token(&account.email, "Verification token: ")
            .await;
        self.post_anon("/v1/auth/verify-email", json!({ "token": token }))
            .await
            .assert_status(200);
        account
    }

    /// The token on the `marker` line of the newest mail queued to `to` (read from the
    /// mail job's payload, so nothing is sent or drained).
    pub async fn queued_token(&self, to: &str, marker: &str) -> String {
        let jobs = self
            .state
            .db
            .read(|conn| {
                cadre::jobs::list_by_kind(conn, cadre::mail::SEND_EMAIL)
                    .map_err(|e| cadre::db::DbUnavailable::new(e.to_string()))
            })
            .await
            .unwrap();
        jobs.iter()
            .rev()
            .filter_map(|j| serde_json::from_str::<cadre::mail::OutgoingEmail>(&j.payload).ok())
            .filter(|m| m.to.eq_ignore_ascii_case(to))
            .find_map(|m| {
                m.text
                    .lines()
                    .find_map(|l| l.strip_prefix(marker).map(|t| t.trim().to_owned()))
            })
            .unwrap_or_else(|| panic!("a queued mail to {to} with a `{marker}` line"))
    }

    /// A registered, logged-in account whose address is not confirmed yet.
    pub async fn unverified_account(&self, kind: &str, org: Option<&str>) -> Account {
        let email = self.email(kind);
        let r = self.register(kind, &email, org).await;
        r.assert_status(201);
        let login = self.login(&email, PASSWORD).await;
        login.assert_status(200);
        Account {
            user_id: r.json["user"]["id"].as_str().unwrap().to_owned(),
            org_id: r.json["organization"]["id"].as_str().map(str::to_owned),
            email,
            token: login.json["access_token"].as_str().unwrap().to_owned(),
            refresh_token: login.json["refresh_token"].as_str().unwrap().to_owned(),
        }
    }

    /// A platform administrator, made the way the CLI makes one.
    pub async fn platform_admin(&self) -> Account {
        let email = self.email("root");
        let out = cadre::auth::admin::create_platform_admin(
            &self.state.db,
            self.clock_now(),
            &email,
            "Root",
            PASSWORD,
            cadre::auth::admin::Existing::Refuse,
        )
        .await
        .expect("create platform admin");
        assert!(out.contains("created"), "{out}");
        let login = self.login(&email, PASSWORD).await;
        login.assert_status(200);
        Account {
            user_id: String::new(),
            org_id: None,
            email,
            token: login.json["access_token"].as_str().unwrap().to_owned(),
            refresh_token: login.json["refresh_token"].as_str().unwrap().to_owned(),
        }
    }

    /// Logs `account` in again (after the clock moved past its access token's lifetime).
    pub async fn relogin(&self, account: &mut Account) {
        let login = self.login(&account.email, PASSWORD).await;
        login.assert_status(200);
        account.token = login.json["access_token"].as_str().unwrap().to_owned();
        account.refresh_token = login.json["refresh_token"].as_str().unwrap().to_owned();
    }

    pub fn clock_now(&self) -> chrono::DateTime<Utc> {
        use cadre::clock::Clock;
        self.clock.now()
    }

    /// Invites `email` into the vendor's roster and returns the token from the e-mail.
    pub async fn roster_invitation(&self, vendor_admin: &Account, email: &str) -> String {
        let vendor = vendor_admin.org();
        self.post(
            &format!("/v1/vendors/{vendor}/roster/invitations"),
            &vendor_admin.token,
            json!({ "email": email }),
        )
        .await
        .assert_status(201);
        self.drain_jobs().await;
        let mail = self
            .mail_to(email)
            .pop()
            .expect("the roster invitation e-mail arrived");
        assert!(
            mail.subject().contains("expert roster"),
            "{}",
            mail.subject()
        );
        mail.token()
    }

    /// Invites `email` into `org` as `role` and returns the invitation token from the e-mail.
    pub async fn invite(&self, admin: &Account, email: &str, role: &str) -> String {
        let org = admin.org();
        self.post(
            &format!("/v1/orgs/{org}/invitations"),
            &admin.token,
            json!({ "email": email, "role": role }),
        )
        .await
        .assert_status(201);
        self.drain_jobs().await;
        let mail = self
            .mail_to(email)
            .pop()
            .expect("the invitation e-mail arrived");
        assert!(
            mail.subject().starts_with("You are invited"),
            "{}",
            mail.subject()
        );
        mail.token()
    }
}

#[derive(Debug, Clone)]
pub struct Account {
    pub user_id: String,
    pub org_id: Option<String>,
    pub email: String,
    pub token: String,
    pub refresh_token: String,
}

impl Account {
    pub fn org(&self) -> &str {
        self.org_id
            .as_deref()
            .expect("this account has an organization")
    }
}

#[derive(Debug)]
pub struct Resp {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub bytes: Vec<u8>,
    pub text: String,
    pub json: Value,
}

impl Resp {
    async fn from(r: reqwest::Response) -> Resp {
        let status = r.status();
        let headers = r.headers().clone();
        let bytes = r.bytes().await.map(|b| b.to_vec()).unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let json = serde_json::from_str(&text).unwrap_or(Value::Null);
        Resp {
            status,
            headers,
            bytes,
            text,
            json,
        }
    }

    #[track_caller]
    pub fn assert_status(&self, status: u16) -> &Self {
        assert_eq!(
            self.status.as_u16(),
            status,
            "unexpected status; body: {}",
            self.text
        );
        self
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Asserts a problem+json response with this status, naming `field` if given.
    #[track_caller]
    pub fn assert_problem(&self, status: u16, field: Option<&str>) -> &Self {
        self.assert_status(status);
        assert_eq!(
            self.header("content-type"),
            Some("application/problem+json"),
            "body: {}",
            self.text
        );
        assert_eq!(self.json["status"], json!(status));
        assert!(
            self.json["type"]
                .as_str()
                .is_some_and(|t| t.starts_with("urn:cadre:problem:")),
            "{}",
            self.text
        );
        assert!(
            self.json["title"].is_string() && self.json["detail"].is_string(),
            "{}",
            self.text
        );
        if let Some(field) = field {
            let fields: Vec<&str> = self.json["errors"]
                .as_array()
                .map(|a| a.iter().filter_map(|e| e["field"].as_str()).collect())
                .unwrap_or_default();
            assert!(
                fields.contains(&field),
                "expected an error naming `{field}`, got {fields:?}: {}",
                self.text
            );
        }
        self
    }
}

/// Runs a test body on SQLite, then on PostgreSQL when `TEST_POSTGRES_URL` is set.
pub async fn on_both<F, Fut>(test: F)
where
    F: Fn(TestApp) -> Fut,
    Fut: Future<Output = ()>,
{
    test(TestApp::spawn(Engine::Sqlite).await).await;
    if std::env::var("TEST_POSTGRES_URL").is_ok() {
        test(TestApp::spawn(Engine::Postgres).await).await;
    } else {
        let name = std::thread::current().name().unwrap_or("test").to_owned();
        eprintln!("note: TEST_POSTGRES_URL is not set; skipped the PostgreSQL half of {name}");
    }
}

/// [`on_both`] with customised settings.
pub async fn on_both_with<F, Fut>(customize: impl Fn(&mut Settings), test: F)
where
    F: Fn(TestApp) -> Fut,
    Fut: Future<Output = ()>,
{
    for engine in engines() {
        test(TestApp::spawn_with(engine, &customize).await).await;
    }
}

/// The engines a test that builds its own app (custom settings) should cover.
pub fn engines() -> Vec<Engine> {
    let mut e = vec![Engine::Sqlite];
    if std::env::var("TEST_POSTGRES_URL").is_ok() {
        e.push(Engine::Postgres);
    } else {
        eprintln!("note: TEST_POSTGRES_URL is not set; skipped the PostgreSQL half");
    }
    e
}
