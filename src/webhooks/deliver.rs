//! Sending one delivery attempt: the SSRF-safe HTTP client and the job handler that
//! records the attempt and schedules the next one.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::address::{self, Policy};
use super::signature;
use super::store::{self, AttemptRecord};
use crate::clock::SharedClock;
use crate::config::WebhookSettings;
use crate::db::Db;
use crate::jobs::runner::backoff;
use crate::jobs::{self, Queue};

/// Job kind of one delivery attempt.
pub const DELIVER: &str = "webhook.deliver";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DeliverJob {
    pub delivery: String,
    /// Attempts already recorded when the job was queued; a job whose delivery has moved
    /// on (another worker recorded it) does nothing.
    pub attempt: i32,
}

/// Resolves host names and keeps only the addresses the policy allows, so the connection
/// is made only to an address that was checked (no re-resolution between check and use).
struct GuardedResolver {
    policy: Policy,
}

impl reqwest::dns::Resolve for GuardedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let policy = self.policy;
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let found: Vec<IpAddr> = tokio::net::lookup_host((host.as_str(), 0))
                .await?
                .map(|a| a.ip())
                .collect();
            let ok = address::connectable(policy, found.clone());
            if ok.is_empty() {
                let shown: Vec<String> = found.iter().map(ToString::to_string).collect();
                return Err(format!(
                    "refused: `{host}` resolves only to internal addresses ({})",
                    shown.join(", ")
                )
                .into());
            }
            let addrs: reqwest::dns::Addrs =
                Box::new(ok.into_iter().map(|ip| SocketAddr::new(ip, 0)));
            Ok(addrs)
        })
    }
}

/// The webhook HTTP client and its limits.
pub struct Deliverer {
    client: reqwest::Client,
    policy: Policy,
    max_response_bytes: usize,
}

impl Deliverer {
    pub fn new(s: &WebhookSettings) -> anyhow::Result<Self> {
        let policy = Policy {
            allow_http: s.allow_http,
            allow_private: s.allow_private_addresses,
        };
        let client = reqwest::Client::builder()
            .user_agent(concat!("Cadre-Webhooks/", env!("CARGO_PKG_VERSION")))
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .https_only(!s.allow_http)
            .connect_timeout(Duration::from_secs(s.connect_timeout_secs))
            .timeout(Duration::from_secs(s.timeout_secs))
            .pool_max_idle_per_host(2)
            .dns_resolver(Arc::new(GuardedResolver { policy }))
            .build()
            .context("building the webhook HTTP client")?;
        Ok(Self {
            client,
            policy,
            max_response_bytes: s.max_response_bytes,
        })
    }

    pub fn policy(&self) -> Policy {
        self.policy
    }

    /// Checks a URL for registration: the static checks, then every address its host
    /// resolves to now.
    pub async fn check_registration(&self, url: &str) -> Result<String, String> {
        let target = address::check_url(self.policy, url)?;
        if let Some(host) = &target.host {
            let lookup = tokio::time::timeout(
                Duration::from_secs(5),
                tokio::net::lookup_host((host.as_str(), target.port)),
            )
            .await;
            let addrs: Vec<IpAddr> = match lookup {
                Ok(Ok(a)) => a.map(|a| a.ip()).collect(),
                Ok(Err(_)) => Vec::new(),
                Err(_) => return Err(format!("host `{host}` did not resolve in time")),
            };
            address::check_resolved(self.policy, host, &addrs)?;
        }
        Ok(target.url.to_string())
    }

    /// Sends one attempt; never fails, the outcome is in the record.
    async fn send(&self, url: &str, headers: Vec<(&'static str, String)>, body: String) -> Sent {
        let started = Instant::now();
        let elapsed = |s: Instant| s.elapsed().as_millis().min(i64::MAX as u128) as i64;
        // IP-literal hosts never reach the resolver: check them (and the scheme) here.
        if let Err(e) = address::check_url(self.policy, url) {
            return Sent::error(format!("refused: the URL {e}"), 0);
        }
        let mut req = self
            .client
            .post(url)
            .header("content-type", "application/json")
            .body(body);
        for (k, v) in headers {
            req = req.header(k, v);
        }
        let mut resp = match req.send().await {
            Ok(r) => r,
            Err(e) => return Sent::error(describe(&e), elapsed(started)),
        };
        let status = resp.status().as_u16() as i32;
        // Keep at most `max_response_bytes` of the body, then stop reading.
        let mut kept: Vec<u8> = Vec::new();
        let mut truncated = false;
        loop {
            match resp.chunk().await {
                Ok(Some(chunk)) => {
                    let room = self.max_response_bytes.saturating_sub(kept.len());
                    kept.extend_from_slice(&chunk[..chunk.len().min(room)]);
                    if chunk.len() > room {
                        truncated = true;
                        break;
                    }
                }
                Ok(None) => break,
                // The status is what counts; a body cut short is noted, not a failure.
                Err(_) => {
                    truncated = true;
                    break;
                }
            }
        }
        // NUL cannot be stored in a PostgreSQL text column; a receiver must not be able to
        // make its own attempt unrecordable.
        let mut text = String::from_utf8_lossy(&kept).replace('\0', "\u{fffd}");
        if truncated {
            text.push_str(" [truncated]");
        }
        Sent {
            status: Some(status),
            error: (!(200..300).contains(&status)).then(|| {
                if (300..400).contains(&status) {
                    format!("HTTP {status}: redirects are not followed")
                } else {
                    format!("HTTP {status}")
                }
            }),
            body: Some(text),
            duration_ms: elapsed(started),
        }
    }
}

/// A readable cause, without the URL (it is in the endpoint already).
fn describe(e: &reqwest::Error) -> String {
    let mut msg = if e.is_timeout() {
        "timed out".to_owned()
    } else if e.is_connect() {
        "could not connect".to_owned()
    } else {
        "request failed".to_owned()
    };
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        source = s.source();
    }
    msg
}

struct Sent {
    status: Option<i32>,
    error: Option<String>,
    body: Option<String>,
    duration_ms: i64,
}

impl Sent {
    fn error(e: String, duration_ms: i64) -> Self {
        Self {
            status: None,
            error: Some(e),
            body: None,
            duration_ms,
        }
    }
}

/// Wait before attempt `n + 1` after attempt `n` failed.
pub fn retry_delay(s: &WebhookSettings, attempts_made: i32) -> chrono::Duration {
    backoff(attempts_made, s.backoff_base_secs, s.backoff_max_secs)
}

/// The job handler: one attempt of one delivery.
pub async fn attempt(
    db: &Db,
    clock: &SharedClock,
    deliverer: &Deliverer,
    settings: &WebhookSettings,
    job: DeliverJob,
) -> anyhow::Result<()> {
    let id = job.delivery.clone();
    let found = db
        .read(move |conn| {
            let Some(d) = store::find_delivery(conn, &id)? else {
                return Ok::<_, anyhow::Error>(None);
            };
            let e = store::endpoint_by_id(conn, &d.endpoint_id)?;
            Ok(Some((d, e)))
        })
        .await?;
    let Some((delivery, endpoint)) = found else {
        return Ok(());
    };
    if delivery.status != "pending" || delivery.attempts != job.attempt {
        return Ok(());
    }
    let now = clock.now();
    let give_up = endpoint
        .as_ref()
        .is_none_or(|e| e.deleted_at.is_some() || !e.enabled);
    let sent = match endpoint {
        Some(e) if e.deleted_at.is_some() => Sent::error("the endpoint was deleted".into(), 0),
        Some(e) if !e.enabled => Sent::error("the endpoint is disabled".into(), 0),
        None => Sent::error("the endpoint no longer exists".into(), 0),
        Some(e) => {
            let t = now.timestamp();
            let headers = vec![
                (
                    signature::HEADER,
                    signature::header(&e.signing_secrets(now), t, delivery.payload.as_bytes()),
                ),
                ("Cadre-Event-Id", delivery.event_id.clone()),
                ("Cadre-Event-Type", delivery.event_type.clone()),
                ("Cadre-Delivery-Id", delivery.id.clone()),
            ];
            deliverer
                .send(&e.url, headers, delivery.payload.clone())
                .await
        }
    };
    let done = clock.now();
    let settings = settings.clone();
    let succeeded = sent.error.is_none();
    let recorded = db
        .read(move |conn| {
            crate::db::write_tx(conn, |conn| {
                let retry_at: DateTime<Utc> = done + retry_delay(&settings, delivery.attempts + 1);
                let ok = store::record_attempt(
                    conn,
                    done,
                    &delivery,
                    &AttemptRecord {
                        status_code: sent.status,
                        error: sent.error.as_deref(),
                        response_body: sent.body.as_deref(),
                        duration_ms: sent.duration_ms,
                        succeeded,
                        give_up,
                    },
                    Some(retry_at),
                )?;
                if ok && !succeeded && !give_up && delivery.attempts + 1 < delivery.attempt_limit {
                    jobs::enqueue_at(
                        conn,
                        done,
                        retry_at,
                        Queue::Webhooks,
                        DELIVER,
                        &DeliverJob {
                            delivery: delivery.id.clone(),
                            attempt: delivery.attempts + 1,
                        },
                    )?;
                }
                Ok::<_, anyhow::Error>(ok)
            })
        })
        .await?;
    tracing::info!(delivery = %job.delivery, succeeded, recorded, "webhook attempt");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strict_http() -> Deliverer {
        Deliverer::new(&WebhookSettings {
            allow_http: true,
            allow_private_addresses: false,
            ..WebhookSettings::default()
        })
        .unwrap()
    }

    /// A listener nobody may reach: the test checks no connection arrived.
    fn listener() -> (std::net::TcpListener, u16) {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.set_nonblocking(true).unwrap();
        let port = l.local_addr().unwrap().port();
        (l, port)
    }

    #[tokio::test]
    async fn the_delivery_client_refuses_a_host_that_resolves_to_an_internal_address() {
        let (l, port) = listener();
        let sent = strict_http()
            .send(
                &format!("http://localhost:{port}/hook"),
                vec![],
                "{}".into(),
            )
            .await;
        let error = sent.error.unwrap();
        assert!(error.contains("internal addresses"), "{error}");
        assert_eq!(sent.status, None);
        assert!(l.accept().is_err(), "no connection reached the listener");
    }

    #[tokio::test]
    async fn the_delivery_client_refuses_an_internal_ip_literal() {
        let (l, port) = listener();
        let sent = strict_http()
            .send(
                &format!("http://127.0.0.1:{port}/hook"),
                vec![],
                "{}".into(),
            )
            .await;
        let error = sent.error.unwrap();
        assert!(
            error.starts_with("refused: the URL points at an internal address"),
            "{error}"
        );
        assert!(l.accept().is_err(), "no connection reached the listener");
    }

    #[tokio::test]
    async fn with_the_switch_on_the_same_host_is_reached() {
        let (l, port) = listener();
        let open = Deliverer::new(&WebhookSettings {
            allow_http: true,
            allow_private_addresses: true,
            connect_timeout_secs: 1,
            timeout_secs: 1,
            ..WebhookSettings::default()
        })
        .unwrap();
        // Nobody answers: the attempt times out, but the connection was made.
        let sent = open
            .send(
                &format!("http://127.0.0.1:{port}/hook"),
                vec![],
                "{}".into(),
            )
            .await;
        assert!(sent.error.unwrap().contains("timed out"));
        assert!(l.accept().is_ok(), "the listener saw the connection");
    }
}
