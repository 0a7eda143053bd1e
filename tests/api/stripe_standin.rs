//! A local server that speaks Stripe's wire format for the payment tests: form-encoded
//! requests under `/v1/…` with a bearer key, `Idempotency-Key` semantics (the same key
//! gets the first answer again; the same key with other parameters is refused), Stripe's
//! object and error JSON in the shapes async-stripe 1.0.0-rc.10 parses, and events signed
//! exactly as Stripe signs them (`Stripe-Signature: t=…,v1=…`). It speaks HTTP/1.1 on a
//! raw socket so a test can make it fail the way networks do: answer 500 before doing
//! anything, or do the work and drop the connection before answering. A request with
//! another key is refused 401 as Stripe refuses a wrong or revoked key, and the stand-in
//! can refuse every request 403 as Stripe refuses a restricted key that lacks a
//! permission.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

use crate::helpers::{Resp, TestApp};

pub const SECRET_KEY: &str = "sk_test_cadre_standin";
pub const WEBHOOK_SECRET: &str = "whsec_cadre_standin";

/// How the next transfer request fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// 500 `api_error` before anything happens (nothing is created or remembered).
    FailBefore,
    /// The transfer is created (and its answer remembered under the key), then the
    /// connection drops before the answer is sent.
    DropAfter,
    /// 400 `invalid_request_error`: Stripe refuses the transfer (nothing is created).
    Refuse,
}

#[derive(Default)]
struct State {
    accounts: HashMap<String, Value>,
    transfers: Vec<Value>,
    payment_intents: Vec<Value>,
    /// Idempotency key → (the request's parameters, status, body).
    idempotent: HashMap<String, (String, u16, String)>,
    /// Requests seen per idempotency key.
    requests_by_key: HashMap<String, usize>,
    faults: VecDeque<Fault>,
    /// Events Stripe would send, in order, not yet delivered.
    events: Vec<Value>,
    /// Every request: (method, path, Stripe-Version).
    log: Vec<(String, String, Option<String>)>,
    /// Answer every request 403, as for a restricted key without the permission.
    deny_permission: bool,
    next: u64,
}

#[derive(Clone)]
pub struct StripeStandIn {
    pub base: String,
    state: Arc<Mutex<State>>,
}

fn form(body: &str) -> HashMap<String, String> {
    form_urlencoded::parse(body.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn metadata(f: &HashMap<String, String>) -> Value {
    let mut m = serde_json::Map::new();
    for (k, v) in f {
        if let Some(name) = k
            .strip_prefix("metadata[")
            .and_then(|k| k.strip_suffix(']'))
        {
            m.insert(name.to_owned(), json!(v));
        }
    }
    Value::Object(m)
}

fn error(status: u16, kind: &str, message: &str) -> (u16, String) {
    (
        status,
        json!({"error": {"type": kind, "message": message}}).to_string(),
    )
}

impl StripeStandIn {
    pub async fn start() -> StripeStandIn {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let s = StripeStandIn {
            base: format!("http://127.0.0.1:{port}"),
            state: Arc::new(Mutex::new(State::default())),
        };
        let me = s.clone();
        tokio::spawn(async move {
            loop {
                let Ok((sock, _)) = listener.accept().await else {
                    continue;
                };
                let me = me.clone();
                tokio::spawn(async move { me.serve(sock).await });
            }
        });
        s
    }

    /// Points a Cadre configuration at the stand-in.
    pub fn configure(&self, s: &mut cadre::config::Settings) {
        s.payments.stripe.secret_key = Some(SECRET_KEY.to_owned().into());
        s.payments.stripe.api_base = self.base.clone();
        s.payments.stripe.webhook_secrets = vec![WEBHOOK_SECRET.to_owned().into()];
    }

    /// Forgets everything but the id counter (each engine's run starts afresh).
    pub fn reset(&self) {
        let mut st = self.state.lock().unwrap();
        let next = st.next;
        *st = State {
            next,
            ..State::default()
        };
    }

    pub fn fail_next_transfer(&self, f: Fault) {
        self.state.lock().unwrap().faults.push_back(f);
    }

    /// From now on, refuse (or stop refusing) every request 403 `permission_error`.
    pub fn deny_permission(&self, on: bool) {
        self.state.lock().unwrap().deny_permission = on;
    }

    /// The connected accounts created so far, as Stripe stores them.
    pub fn accounts(&self) -> Vec<Value> {
        self.state
            .lock()
            .unwrap()
            .accounts
            .values()
            .cloned()
            .collect()
    }

    /// How many requests reached the stand-in (refused ones included).
    pub fn request_count(&self) -> usize {
        self.state.lock().unwrap().log.len()
    }

    pub fn transfers(&self) -> Vec<Value> {
        self.state.lock().unwrap().transfers.clone()
    }

    pub fn payment_intents(&self) -> Vec<Value> {
        self.state.lock().unwrap().payment_intents.clone()
    }

    pub fn requests_with_key(&self, key: &str) -> usize {
        self.state
            .lock()
            .unwrap()
            .requests_by_key
            .get(key)
            .copied()
            .unwrap_or(0)
    }

    pub fn stripe_versions(&self) -> Vec<Option<String>> {
        self.state
            .lock()
            .unwrap()
            .log
            .iter()
            .map(|l| l.2.clone())
            .collect()
    }

    /// Takes the events not yet delivered.
    pub fn take_events(&self) -> Vec<Value> {
        std::mem::take(&mut self.state.lock().unwrap().events)
    }

    fn id(st: &mut State, prefix: &str) -> String {
        st.next += 1;
        format!("{prefix}_standin{:06}", st.next)
    }

    fn event(st: &mut State, kind: &str, object: Value, account: Option<&str>) -> Value {
        let id = Self::id(st, "evt");
        let mut e = json!({
            "id": id, "object": "event", "type": kind, "api_version": "2026-09-30.endive",
            "created": 1_772_442_000, "livemode": false, "pending_webhooks": 1,
            "data": {"object": object},
        });
        if let Some(a) = account {
            e["account"] = json!(a);
        }
        st.events.push(e.clone());
        e
    }

    /// The connected account finished onboarding: Stripe sends `account.updated`.
    pub fn complete_onboarding(&self, account: &str) -> Value {
        let mut st = self.state.lock().unwrap();
        let a = st.accounts.get_mut(account).expect("a known account");
        a["details_submitted"] = json!(true);
        a["payouts_enabled"] = json!(true);
        a["charges_enabled"] = json!(true);
        a["requirements"]["currently_due"] = json!([]);
        let a = a.clone();
        Self::event(&mut st, "account.updated", a, None)
    }

    /// Stripe reverses a transfer: `transfer.reversed`.
    pub fn reverse_transfer(&self, transfer: &str) -> Value {
        let mut st = self.state.lock().unwrap();
        let t = st
            .transfers
            .iter_mut()
            .find(|t| t["id"] == json!(transfer))
            .expect("a known transfer");
        t["reversed"] = json!(true);
        t["amount_reversed"] = t["amount"].clone();
        let t = t.clone();
        Self::event(&mut st, "transfer.reversed", t, None)
    }

    /// The lab pays the PaymentIntent (what Stripe.js would do): `payment_intent.succeeded`.
    pub fn pay_intent(&self, pi: &str, amount: i64) -> Value {
        let mut st = self.state.lock().unwrap();
        let p = st
            .payment_intents
            .iter_mut()
            .find(|p| p["id"] == json!(pi))
            .expect("a known PaymentIntent");
        p["status"] = json!("succeeded");
        p["amount_received"] = json!(amount);
        let p = p.clone();
        Self::event(&mut st, "payment_intent.succeeded", p, None)
    }

    /// Stripe's answer to one request (None: drop the connection).
    fn handle(
        &self,
        method: &str,
        path: &str,
        key: Option<&str>,
        body: &str,
    ) -> Option<(u16, String)> {
        let mut st = self.state.lock().unwrap();
        if let Some(k) = key {
            *st.requests_by_key.entry(k.to_owned()).or_default() += 1;
            if let Some((params, status, answer)) = st.idempotent.get(k) {
                if params != body {
                    return Some(error(
                        400,
                        "idempotency_error",
                        "Keys for idempotent requests can only be used with the same parameters they were first used with.",
                    ));
                }
                return Some((*status, answer.clone()));
            }
        }
        let f = form(body);
        let full_path = path;
        let path = path.split('?').next().unwrap_or(path);
        let mut drop_after = false;
        let (status, answer) = match (method, path) {
            ("POST", "/v1/accounts") => {
                let id = Self::id(&mut st, "acct");
                let a = json!({
                    "id": id, "object": "account", "type": f.get("type"),
                    "country": f.get("country"), "email": f.get("email"),
                    "charges_enabled": false, "payouts_enabled": false, "details_submitted": false,
                    "requirements": {"currently_due": ["external_account", "individual.dob.day"],
                                     "eventually_due": [], "past_due": [], "errors": []},
                    "metadata": metadata(&f),
                    "capabilities": {"transfers": if f.get("capabilities[transfers][requested]").map(String::as_str) == Some("true") { "inactive" } else { "unrequested" }},
                });
                st.accounts.insert(id, a.clone());
                (200, a.to_string())
            }
            ("GET", p) if p.starts_with("/v1/accounts/") => {
                match st.accounts.get(&p["/v1/accounts/".len()..]) {
                    Some(a) => (200, a.to_string()),
                    None => error(404, "invalid_request_error", "No such account"),
                }
            }
            ("GET", "/v1/transfers") => {
                let q = form(full_path.split_once('?').map_or("", |(_, q)| q));
                let group = q.get("transfer_group").cloned();
                let data: Vec<Value> = st
                    .transfers
                    .iter()
                    .filter(|t| group.is_none() || t["transfer_group"].as_str() == group.as_deref())
                    .cloned()
                    .collect();
                (200, json!({"object": "list", "data": data, "has_more": false, "url": "/v1/transfers"}).to_string())
            }
            ("POST", "/v1/account_links") => {
                let acct = f.get("account").cloned().unwrap_or_default();
                if !st.accounts.contains_key(&acct) {
                    error(400, "invalid_request_error", "No such account")
                } else {
                    (
                        200,
                        json!({"object": "account_link", "created": 1_772_442_000,
                        "expires_at": 1_772_442_300,
                        "url": format!("https://connect.stripe.com/setup/e/{acct}/standin")})
                        .to_string(),
                    )
                }
            }
            ("POST", "/v1/transfers") => {
                match st.faults.pop_front() {
                    Some(Fault::FailBefore) => {
                        return Some(error(500, "api_error", "An unexpected error occurred."));
                    }
                    Some(Fault::Refuse) => {
                        return Some(error(
                            400,
                            "invalid_request_error",
                            "Your destination account needs to have at least one of the following capabilities enabled: transfers",
                        ));
                    }
                    Some(Fault::DropAfter) => drop_after = true,
                    None => {}
                }
                let dest = f.get("destination").cloned().unwrap_or_default();
                if !st
                    .accounts
                    .get(&dest)
                    .is_some_and(|a| a["payouts_enabled"] == json!(true))
                {
                    error(
                        400,
                        "invalid_request_error",
                        "The destination cannot receive transfers",
                    )
                } else {
                    let id = Self::id(&mut st, "tr");
                    let t = json!({
                        "id": id, "object": "transfer",
                        "amount": f.get("amount").and_then(|a| a.parse::<i64>().ok()).unwrap_or(0),
                        "amount_reversed": 0, "created": 1_772_442_000,
                        "currency": f.get("currency"), "destination": dest,
                        "livemode": false, "metadata": metadata(&f),
                        "reversals": {"object": "list", "data": [], "has_more": false, "url": format!("/v1/transfers/{id}/reversals")},
                        "reversed": false, "transfer_group": f.get("transfer_group"),
                    });
                    st.transfers.push(t.clone());
                    Self::event(&mut st, "transfer.created", t.clone(), None);
                    (200, t.to_string())
                }
            }
            ("POST", "/v1/payment_intents") => {
                let id = Self::id(&mut st, "pi");
                let p = json!({
                    "id": id, "object": "payment_intent",
                    "amount": f.get("amount").and_then(|a| a.parse::<i64>().ok()).unwrap_or(0),
                    "amount_capturable": 0, "amount_received": 0,
                    "capture_method": "automatic", "confirmation_method": "automatic",
                    "created": 1_772_442_000, "currency": f.get("currency"), "livemode": false,
                    "metadata": metadata(&f), "payment_method_types": ["card", "us_bank_account"],
                    "status": "requires_payment_method",
                    "client_secret": format!("{id}_secret_standin"),
                });
                st.payment_intents.push(p.clone());
                (200, p.to_string())
            }
            _ => error(
                404,
                "invalid_request_error",
                &format!("Unrecognized request URL ({method}: {path})"),
            ),
        };
        if let Some(k) = key {
            st.idempotent
                .insert(k.to_owned(), (body.to_owned(), status, answer.clone()));
        }
        if drop_after {
            None
        } else {
            Some((status, answer))
        }
    }

    async fn serve(&self, mut sock: tokio::net::TcpStream) {
        let mut buf = Vec::new();
        let mut tmp = [0u8; 4096];
        let head_end = loop {
            let n = sock.read(&mut tmp).await.unwrap_or(0);
            if n == 0 {
                return;
            }
            buf.extend_from_slice(&tmp[..n]);
            if let Some(p) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break p + 4;
            }
        };
        let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
        let mut lines = head.split("\r\n");
        let mut first = lines.next().unwrap_or("").split(' ');
        let (method, path) = (
            first.next().unwrap_or("").to_owned(),
            first.next().unwrap_or("").to_owned(),
        );
        let mut headers = HashMap::new();
        for l in lines {
            if let Some((k, v)) = l.split_once(':') {
                headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_owned());
            }
        }
        let len: usize = headers
            .get("content-length")
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        while buf.len() < head_end + len {
            let n = sock.read(&mut tmp).await.unwrap_or(0);
            if n == 0 {
                break;
            }
            buf.extend_from_slice(&tmp[..n]);
        }
        let body = String::from_utf8_lossy(&buf[head_end..]).to_string();
        self.state.lock().unwrap().log.push((
            method.clone(),
            path.clone(),
            headers.get("stripe-version").cloned(),
        ));
        let presented = headers
            .get("authorization")
            .and_then(|a| a.strip_prefix("Bearer "))
            .unwrap_or("")
            .to_owned();
        let deny = self.state.lock().unwrap().deny_permission;
        let answer = if presented != SECRET_KEY {
            // Stripe masks all but the key's last four characters.
            let tail = &presented[presented.len().saturating_sub(4)..];
            Some(error(
                401,
                "invalid_request_error",
                &format!("Invalid API Key provided: sk_test_********{tail}"),
            ))
        } else if deny {
            Some(error(
                403,
                "invalid_request_error",
                "The provided key 'sk_test_********ndin' does not have the required permissions for this endpoint on account 'acct_standinplatform'. Having the 'rak_transfer_write' permission would allow this request to continue.",
            ))
        } else {
            self.handle(
                &method,
                &path,
                headers.get("idempotency-key").map(String::as_str),
                &body,
            )
        };
        let Some((status, body)) = answer else {
            // The work is done; the answer is lost with the connection.
            return;
        };
        let out = format!(
            "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\nRequest-Id: req_standin\r\n\r\n{body}",
            body.len()
        );
        let _ = sock.write_all(out.as_bytes()).await;
        let _ = sock.shutdown().await;
    }
}

/// Signs an event as Stripe does, at `at` (unix seconds), with every one of `secrets`.
pub fn signed(event: &Value, secrets: &[&str], at: i64) -> (String, String) {
    let body = event.to_string();
    let header = cadre::payments::stripe_signature::header(secrets, at, body.as_bytes());
    (body, header)
}

/// Delivers an event to Cadre's webhook endpoint, signed now with the stand-in's secret.
pub async fn deliver(app: &TestApp, event: &Value) -> Resp {
    let (body, header) = signed(event, &[WEBHOOK_SECRET], app.clock_now().timestamp());
    deliver_raw(app, body, &header).await
}

pub async fn deliver_raw(app: &TestApp, body: String, header: &str) -> Resp {
    app.post_with_headers(
        "/v1/stripe/webhook",
        &[
            ("Stripe-Signature", header),
            ("Content-Type", "application/json"),
        ],
        body.into_bytes(),
    )
    .await
}

/// Delivers every pending event in order; each must be acknowledged.
pub async fn deliver_all(app: &TestApp, s: &StripeStandIn) -> Vec<Value> {
    let mut acks = Vec::new();
    for e in s.take_events() {
        let r = deliver(app, &e).await;
        r.assert_status(200);
        acks.push(r.json.clone());
    }
    acks
}
