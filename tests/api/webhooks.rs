//! Outbound webhooks: a local HTTP server receives signed events (checked with the hmac
//! crate, independently of Cadre's code), a failed attempt is retried after the backoff,
//! the delivery log and redelivery, tenancy, and internal addresses refused when the
//! private-address switch is off.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use chrono::Duration;
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

use crate::helpers::{TestApp, on_both, on_both_with};
use crate::routing::{Opts, World, accept_and_submit, prefer, push, qualified, work, world};

#[derive(Debug, Clone)]
pub(crate) struct Received {
    pub(crate) headers: HashMap<String, String>,
    pub(crate) body: Vec<u8>,
}

/// A real HTTP server on a local port that records every request and answers with the
/// queued statuses (then 200).
pub(crate) struct Receiver {
    pub(crate) url: String,
    got: Arc<Mutex<Vec<Received>>>,
    handle: actix_web::dev::ServerHandle,
}

#[derive(Clone)]
struct Shared {
    got: Arc<Mutex<Vec<Received>>>,
    statuses: Arc<Mutex<VecDeque<u16>>>,
}

async fn record(req: HttpRequest, body: web::Bytes, s: web::Data<Shared>) -> HttpResponse {
    let headers = req
        .headers()
        .iter()
        .map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or("").to_owned()))
        .collect();
    s.got.lock().unwrap().push(Received {
        headers,
        body: body.to_vec(),
    });
    let status = s.statuses.lock().unwrap().pop_front().unwrap_or(200);
    HttpResponse::build(actix_web::http::StatusCode::from_u16(status).unwrap())
        .body(format!("answer {status} {}", "x".repeat(10_000)))
}

impl Receiver {
    pub(crate) async fn start(statuses: &[u16]) -> Receiver {
        let shared = Shared {
            got: Arc::default(),
            statuses: Arc::new(Mutex::new(statuses.iter().copied().collect())),
        };
        let data = web::Data::new(shared.clone());
        let server = HttpServer::new(move || {
            App::new()
                .app_data(data.clone())
                .default_service(web::to(record))
        })
        .workers(1)
        .disable_signals()
        .bind(("127.0.0.1", 0))
        .unwrap();
        let port = server.addrs()[0].port();
        let server = server.run();
        let handle = server.handle();
        tokio::spawn(server);
        Receiver {
            url: format!("http://127.0.0.1:{port}/hooks/cadre"),
            got: shared.got,
            handle,
        }
    }

    pub(crate) fn received(&self) -> Vec<Received> {
        self.got.lock().unwrap().clone()
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        drop(self.handle.stop(false));
    }
}

pub(crate) fn open_webhooks(s: &mut cadre::config::Settings) {
    s.webhooks.allow_http = true;
    s.webhooks.allow_private_addresses = true;
}

/// Checks `Cadre-Signature: t=…,v1=…` with an HMAC computed here.
pub(crate) fn assert_signed(r: &Received, secret: &str) {
    let header = r.headers.get("cadre-signature").expect("signature header");
    let mut t = None;
    let mut sigs = Vec::new();
    for part in header.split(',') {
        let (k, v) = part.split_once('=').unwrap();
        match k {
            "t" => t = Some(v.to_owned()),
            "v1" => sigs.push(v.to_owned()),
            _ => {}
        }
    }
    let t = t.expect("timestamp");
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(t.as_bytes());
    mac.update(b".");
    mac.update(&r.body);
    let expected = hex::encode(mac.finalize().into_bytes());
    assert!(
        sigs.contains(&expected),
        "{header} does not sign the body with {secret}"
    );
    assert_documented(&r.body);
}

/// Checks an event body against the `webhooks` section of the committed OpenAPI document:
/// its type has an entry, and the body matches that entry's schema (every required field
/// present, no field the schema does not name, types and enums as documented).
pub(crate) fn assert_documented(body: &[u8]) {
    let event: Value = serde_json::from_slice(body).expect("the event is JSON");
    let errors = undocumented(&event);
    assert!(
        errors.is_empty(),
        "{} does not match its documented schema:\n  {}\n{event}",
        event["type"],
        errors.join("\n  ")
    );
}

/// What in the event the document does not describe (empty: it matches).
fn undocumented(event: &Value) -> Vec<String> {
    let doc: Value = serde_json::from_str(include_str!("../../openapi/openapi.json")).unwrap();
    let kind = event["type"].as_str().unwrap_or_default();
    let schema =
        &doc["webhooks"][kind]["post"]["requestBody"]["content"]["application/json"]["schema"];
    if !schema.is_object() {
        return vec![format!(
            "event type {kind:?} is not in the webhooks section"
        )];
    }
    let mut errors = Vec::new();
    check_schema(&doc, schema, event, "event", &mut errors);
    errors
}

#[test]
fn the_event_schema_check_is_not_blind() {
    let good = json!({"id": "evt_01JE0000000000000000000000", "type": "invoice.paid",
        "created_at": "2026-12-04T10:00:00Z",
        "data": {"invoice_id": "ivc_01JE0000000000000000000000", "total_minor": 1200,
                 "currency": "EUR", "reference": "pi_1"}});
    assert_eq!(undocumented(&good), Vec::<String>::new());
    let mut extra = good.clone();
    extra["data"]["surprise"] = json!(1);
    assert_eq!(undocumented(&extra).len(), 1, "{:?}", undocumented(&extra));
    let mut missing = good.clone();
    missing["data"].as_object_mut().unwrap().remove("reference");
    assert_eq!(undocumented(&missing).len(), 1);
    let mut wrong = good.clone();
    wrong["data"]["total_minor"] = json!("1200");
    assert_eq!(undocumented(&wrong).len(), 1);
    let mut kind = good.clone();
    kind["type"] = json!("invoice.lost");
    assert_eq!(undocumented(&kind).len(), 1);
    let mut other = good;
    other["created_at"] = json!("yesterday");
    assert_eq!(undocumented(&other).len(), 1);
}

/// A JSON Schema check for the subset the generator writes: `$ref`, `type` (one or a
/// list), `properties` (closed when given), `required`, `items`, `enum`, `oneOf`/`anyOf`/
/// `allOf`, `format: date-time`, `minimum`/`maximum`.
fn check_schema(doc: &Value, schema: &Value, v: &Value, at: &str, errors: &mut Vec<String>) {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/components/schemas/");
        let target = &doc["components"]["schemas"][name];
        if target.is_null() {
            errors.push(format!("{at}: dangling $ref {r}"));
        } else {
            check_schema(doc, target, v, at, errors);
        }
        return;
    }
    for all in schema
        .get("allOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        check_schema(doc, all, v, at, errors);
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(options) = schema.get(key).and_then(Value::as_array) {
            let fits = options
                .iter()
                .filter(|o| {
                    let mut e = Vec::new();
                    check_schema(doc, o, v, at, &mut e);
                    e.is_empty()
                })
                .count();
            if fits == 0 || (key == "oneOf" && fits > 1) {
                errors.push(format!("{at}: {fits} of the {key} options fit {v}"));
            }
        }
    }
    if let Some(t) = schema.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let ok = types.iter().any(|t| match *t {
            "null" => v.is_null(),
            "string" => v.is_string(),
            "boolean" => v.is_boolean(),
            "integer" => v.is_i64() || v.is_u64(),
            "number" => v.is_number(),
            "array" => v.is_array(),
            "object" => v.is_object(),
            _ => false,
        });
        if !ok {
            errors.push(format!("{at}: {v} is not of type {t}"));
            return;
        }
    }
    if let Some(options) = schema.get("enum").and_then(Value::as_array)
        && !options.contains(v)
    {
        errors.push(format!("{at}: {v} is not one of {options:?}"));
    }
    if schema.get("format").and_then(Value::as_str) == Some("date-time")
        && let Some(s) = v.as_str()
        && chrono::DateTime::parse_from_rfc3339(s).is_err()
    {
        errors.push(format!("{at}: {s} is not an RFC 3339 date-time"));
    }
    if let Some(n) = v.as_f64() {
        if let Some(min) = schema.get("minimum").and_then(Value::as_f64)
            && n < min
        {
            errors.push(format!("{at}: {n} is below the minimum {min}"));
        }
        if let Some(max) = schema.get("maximum").and_then(Value::as_f64)
            && n > max
        {
            errors.push(format!("{at}: {n} is above the maximum {max}"));
        }
    }
    if let (Some(props), Some(obj)) = (
        schema.get("properties").and_then(Value::as_object),
        v.as_object(),
    ) {
        for (k, field) in obj {
            match props.get(k) {
                Some(s) => check_schema(doc, s, field, &format!("{at}.{k}"), errors),
                None => errors.push(format!("{at}.{k}: not in the documented schema")),
            }
        }
        for req in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let req = req.as_str().unwrap_or_default();
            if !obj.contains_key(req) {
                errors.push(format!("{at}.{req}: required and missing"));
            }
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), v.as_array()) {
        for (i, x) in arr.iter().enumerate() {
            check_schema(doc, items, x, &format!("{at}[{i}]"), errors);
        }
    }
}

pub(crate) async fn register(
    app: &TestApp,
    w: &World,
    url: &str,
    events: Value,
) -> (String, String) {
    let r = app
        .post(
            &format!("/v1/orgs/{}/webhook-endpoints", w.lab.org()),
            &w.lab.token,
            json!({"url": url, "events": events, "description": "pipeline"}),
        )
        .await;
    r.assert_status(201);
    let secret = r.json["secret"].as_str().unwrap().to_owned();
    assert!(secret.starts_with("whsec_"));
    (r.json["id"].as_str().unwrap().to_owned(), secret)
}

async fn resolve_one(app: &TestApp, w: &World) -> String {
    let experts = [
        qualified(app, w, None, json!({})).await,
        qualified(app, w, None, json!({})).await,
    ];
    let ids = push(
        app,
        w,
        vec![json!({"external_id": "hook-1", "payload": {"prompt": "p", "a": "x", "b": "y"}})],
    )
    .await;
    for e in &experts {
        let a = work(app, e, "offered").await;
        accept_and_submit(app, e, a[0]["id"].as_str().unwrap(), prefer("a", 2)).await;
    }
    ids[0].clone()
}

#[tokio::test]
async fn a_resolved_item_is_delivered_signed_retried_after_a_failure_and_redelivered() {
    on_both_with(open_webhooks, |app| async move {
        let w = world(&app, Opts::default()).await;
        let rx = Receiver::start(&[500]).await;
        let (endpoint, secret) = register(&app, &w, &rx.url, json!(["item.resolved"])).await;
        let item = resolve_one(&app, &w).await;

        // First attempt: the receiver answers 500.
        app.drain_jobs().await;
        assert_eq!(rx.received().len(), 1);
        let list = app
            .get(
                &format!(
                    "/v1/orgs/{}/webhook-endpoints/{endpoint}/deliveries",
                    w.lab.org()
                ),
                &w.lab.token,
            )
            .await;
        list.assert_status(200);
        let deliveries = list.json["data"].as_array().unwrap().clone();
        assert_eq!(deliveries.len(), 1, "{deliveries:?}");
        let d = &deliveries[0];
        assert_eq!(d["status"], "pending");
        assert_eq!(d["attempts"], 1);
        assert_eq!(d["last_status_code"], 500);
        assert_eq!(d["event_type"], "item.resolved");
        let delivery = d["id"].as_str().unwrap().to_owned();

        // Nothing more until the backoff (60 s) has passed.
        app.advance(Duration::seconds(30));
        app.drain_jobs().await;
        assert_eq!(rx.received().len(), 1);
        app.advance(Duration::seconds(31));
        app.drain_jobs().await;
        let got = rx.received();
        assert_eq!(got.len(), 2);

        // Both attempts carried the same event, signed with the endpoint's secret.
        assert_eq!(got[0].body, got[1].body);
        for r in &got {
            assert_signed(r, &secret);
            assert_eq!(r.headers["cadre-event-type"], "item.resolved");
            assert_eq!(r.headers["cadre-delivery-id"], delivery);
            assert_eq!(r.headers["content-type"], "application/json");
        }
        let event: Value = serde_json::from_slice(&got[1].body).unwrap();
        assert_eq!(event["type"], "item.resolved");
        assert_eq!(event["id"], json!(got[1].headers["cadre-event-id"]));
        assert_eq!(event["data"]["item"]["id"], json!(item));
        assert_eq!(event["data"]["item"]["external_id"], "hook-1");
        assert_eq!(
            event["data"]["item"]["result"]["final_label"]["preference"],
            "a"
        );

        // The log: two attempts, the first with its (truncated) answer.
        let detail = app
            .get(
                &format!("/v1/orgs/{}/webhook-deliveries/{delivery}", w.lab.org()),
                &w.lab.token,
            )
            .await;
        detail.assert_status(200);
        assert_eq!(detail.json["status"], "succeeded");
        let log = detail.json["attempt_log"].as_array().unwrap();
        assert_eq!(log.len(), 2);
        assert_eq!(log[0]["status_code"], 500);
        let body = log[0]["response_body"].as_str().unwrap();
        assert!(
            body.starts_with("answer 500") && body.ends_with("[truncated]"),
            "{body}"
        );
        assert!(body.len() < 4200, "stored body is bounded: {}", body.len());
        assert_eq!(log[1]["status_code"], 200);
        assert_eq!(detail.json["payload"], event);

        // Redeliver: the same event again, newly signed; not while one is scheduled.
        let path = format!(
            "/v1/orgs/{}/webhook-deliveries/{delivery}/redeliver",
            w.lab.org()
        );
        app.post(&path, &w.lab.token, json!({}))
            .await
            .assert_status(202);
        app.post(&path, &w.lab.token, json!({}))
            .await
            .assert_problem(409, None);
        app.drain_jobs().await;
        let got = rx.received();
        assert_eq!(got.len(), 3);
        assert_eq!(got[2].body, got[0].body);
        assert_signed(&got[2], &secret);

        // Rotation: the next events are signed by the new secret and, for a while, the old.
        let r = app
            .post(
                &format!(
                    "/v1/orgs/{}/webhook-endpoints/{endpoint}/rotate-secret",
                    w.lab.org()
                ),
                &w.lab.token,
                json!({}),
            )
            .await;
        r.assert_status(200);
        let new_secret = r.json["secret"].as_str().unwrap().to_owned();
        assert_ne!(new_secret, secret);
        app.post(
            &format!("/v1/orgs/{}/webhook-endpoints/{endpoint}/test", w.lab.org()),
            &w.lab.token,
            json!({}),
        )
        .await
        .assert_status(202);
        app.drain_jobs().await;
        let got = rx.received();
        assert_eq!(got.len(), 4);
        assert_eq!(got[3].headers["cadre-event-type"], "webhook.test");
        assert_signed(&got[3], &new_secret);
        assert_signed(&got[3], &secret);
    })
    .await;
}

#[tokio::test]
async fn deliveries_give_up_after_the_attempt_limit_and_other_labs_see_nothing() {
    on_both_with(
        |s| {
            open_webhooks(s);
            s.webhooks.max_attempts = 2;
        },
        |app| async move {
            let mut w = world(&app, Opts::default()).await;
            let rx = Receiver::start(&[503, 503, 503]).await;
            let (endpoint, _) = register(&app, &w, &rx.url, json!(["item.needs_attention"])).await;
            // No expert exists: the item waits and the lab is told why.
            push(
                &app,
                &w,
                vec![json!({"external_id": "lonely", "payload": {"q": 1}})],
            )
            .await;
            app.drain_jobs().await;
            app.advance(Duration::seconds(61));
            app.drain_jobs().await;
            app.advance(Duration::hours(1));
            app.drain_jobs().await;
            let got = rx.received();
            assert_eq!(got.len(), 2, "two attempts, then it gives up");
            let event: Value = serde_json::from_slice(&got[0].body).unwrap();
            assert_eq!(event["type"], "item.needs_attention");
            assert_eq!(event["data"]["reason"], "waiting_for_experts");
            assert_eq!(event["data"]["item"]["external_id"], "lonely");
            // The routing sweep retrying the same wait does not notify again.
            app.advance(Duration::minutes(5));
            app.drain_jobs().await;
            assert_eq!(rx.received().len(), 2);
            // Nor when the explanation's counts change (an applicant joins the candidates).
            crate::routing::applicant(&app, &w, None, json!({})).await;
            app.advance(Duration::minutes(2));
            app.drain_jobs().await;
            assert_eq!(rx.received().len(), 2, "one attention event per wait");
            app.relogin(&mut w.lab).await;

            let list = app
                .get(
                    &format!(
                        "/v1/orgs/{}/webhook-endpoints/{endpoint}/deliveries?status=failed",
                        w.lab.org()
                    ),
                    &w.lab.token,
                )
                .await;
            list.assert_status(200);
            let d = &list.json["data"][0];
            assert_eq!(d["status"], "failed");
            assert_eq!(d["attempts"], 2);
            let delivery = d["id"].as_str().unwrap().to_owned();

            // Another lab cannot see or touch the endpoint or its deliveries.
            let other = app.lab("Other Lab").await;
            for path in [
                format!("/v1/orgs/{}/webhook-endpoints/{endpoint}", w.lab.org()),
                format!("/v1/orgs/{}/webhook-endpoints", w.lab.org()),
                format!("/v1/orgs/{}/webhook-deliveries/{delivery}", w.lab.org()),
                format!("/v1/orgs/{}/webhook-endpoints/{endpoint}", other.org()),
                format!("/v1/orgs/{}/webhook-deliveries/{delivery}", other.org()),
            ] {
                let r = app.get(&path, &other.token).await;
                assert!(matches!(r.status.as_u16(), 403 | 404), "{path}: {}", r.text);
            }
            app.post(
                &format!(
                    "/v1/orgs/{}/webhook-deliveries/{delivery}/redeliver",
                    other.org()
                ),
                &other.token,
                json!({}),
            )
            .await
            .assert_problem(404, None);
            // Listing never shows the secret.
            let mine = app
                .get(
                    &format!("/v1/orgs/{}/webhook-endpoints", w.lab.org()),
                    &w.lab.token,
                )
                .await;
            assert_eq!(mine.json["data"].as_array().unwrap().len(), 1);
            assert!(mine.json["data"][0].get("secret").is_none());
            assert!(!mine.text.contains("whsec_"));

            // A disabled endpoint receives nothing: its pending delivery fails at once.
            let ep = format!("/v1/orgs/{}/webhook-endpoints/{endpoint}", w.lab.org());
            let r = app
                .call(
                    reqwest::Method::PATCH,
                    &ep,
                    Some(&w.lab.token),
                    Some(json!({"enabled": false, "description": "paused",
                        "events": ["item.resolved", "item.needs_attention", "item.resolved"]})),
                )
                .await;
            r.assert_status(200);
            assert_eq!(r.json["enabled"], false);
            assert_eq!(r.json["description"], "paused");
            assert_eq!(
                r.json["events"],
                json!(["item.needs_attention", "item.resolved"])
            );
            assert_eq!(r.json["url"], json!(rx.url), "fields not sent are kept");
            // A change of URL is checked like a registration (here the switch allows
            // private addresses, so only the scheme can be refused).
            app.call(
                reqwest::Method::PATCH,
                &ep,
                Some(&w.lab.token),
                Some(json!({"url": "ftp://x.example/"})),
            )
            .await
            .assert_problem(422, Some("url"));
            let t = app
                .post(&format!("{ep}/test"), &w.lab.token, json!({}))
                .await;
            t.assert_status(202);
            app.drain_jobs().await;
            assert_eq!(
                rx.received().len(),
                2,
                "nothing sent to a disabled endpoint"
            );
            let d = app
                .get(
                    &format!(
                        "/v1/orgs/{}/webhook-deliveries/{}",
                        w.lab.org(),
                        t.json["id"].as_str().unwrap()
                    ),
                    &w.lab.token,
                )
                .await;
            assert_eq!(d.json["status"], "failed");
            assert_eq!(d.json["attempts"], 1);
            assert_eq!(d.json["last_error"], "the endpoint is disabled");
        },
    )
    .await;
}

#[tokio::test]
async fn internal_addresses_are_refused_when_the_private_address_switch_is_off() {
    on_both_with(
        |s| s.webhooks.allow_http = true,
        |app| async move {
            let w = world(&app, Opts::default()).await;
            let rx = Receiver::start(&[]).await;
            let path = format!("/v1/orgs/{}/webhook-endpoints", w.lab.org());
            for url in [
                rx.url.as_str(),
                "http://localhost:9/hook",
                "http://10.0.0.8/hook",
                "http://169.254.169.254/latest/meta-data/",
                "http://[::1]:8080/hook",
                "http://[::ffff:127.0.0.1]/hook",
                "http://0x7f000001/hook",
                "ftp://hooks.example.com/",
                "https://user:pw@hooks.example.com/",
            ] {
                let r = app
                    .post(
                        &path,
                        &w.lab.token,
                        json!({"url": url, "events": ["item.resolved"]}),
                    )
                    .await;
                r.assert_problem(422, Some("url"));
            }
            app.post(
                &path,
                &w.lab.token,
                json!({"url": "https://hooks.example.com/", "events": []}),
            )
            .await
            .assert_problem(422, Some("events"));
            app.post(
                &path,
                &w.lab.token,
                json!({"url": "https://hooks.example.com/", "events": ["webhook.test"]}),
            )
            .await
            .assert_problem(422, Some("events[0]"));
            app.post(
                &path,
                &w.lab.token,
                json!({"url": "https://hooks.example.com/", "events": ["item.exploded"]}),
            )
            .await
            .assert_problem(422, Some("events[0]"));
            let listed = app.get(&path, &w.lab.token).await;
            assert_eq!(listed.json["data"], json!([]), "nothing was registered");
            // Nothing reached the internal server.
            assert!(rx.received().is_empty());
        },
    )
    .await;
}

#[tokio::test]
async fn api_keys_cannot_manage_webhooks() {
    on_both(|app| async move {
        let w = world(&app, Opts::default()).await;
        let k = app
            .post(
                &format!("/v1/orgs/{}/api-keys", w.lab.org()),
                &w.lab.token,
                json!({"name": "pipeline", "scopes": ["items:read", "items:write"]}),
            )
            .await;
        k.assert_status(201);
        let key = k.json["secret"].as_str().unwrap().to_owned();
        let path = format!("/v1/orgs/{}/webhook-endpoints", w.lab.org());
        app.post(
            &path,
            &key,
            json!({"url": "https://hooks.example.com/", "events": ["item.resolved"]}),
        )
        .await
        .assert_problem(403, None);
        app.get(&path, &key).await.assert_problem(403, None);
    })
    .await;
}

/// Issue 21, attack 5 (limits): test deliveries are limited per endpoint per hour (429 with
/// `Retry-After`), so a lab admin's script cannot turn Cadre into a request flooder; another
/// endpoint keeps its own allowance, and the allowance returns after the window.
#[tokio::test]
async fn test_deliveries_are_rate_limited_per_endpoint() {
    on_both_with(
        |s| {
            open_webhooks(s);
            s.webhooks.test_sends_per_hour = 2;
        },
        |app| async move {
            let w = world(&app, Opts::default()).await;
            let rx = Receiver::start(&[]).await;
            let (a, _) =
                register(&app, &w, &format!("{}?a", rx.url), json!(["item.resolved"])).await;
            let (b, _) =
                register(&app, &w, &format!("{}?b", rx.url), json!(["item.resolved"])).await;
            let test = |e: &str| format!("/v1/orgs/{}/webhook-endpoints/{e}/test", w.lab.org());
            for _ in 0..2 {
                app.post(&test(&a), &w.lab.token, json!({}))
                    .await
                    .assert_status(202);
            }
            let r = app.post(&test(&a), &w.lab.token, json!({})).await;
            r.assert_problem(429, None);
            let retry: i64 = r
                .header("retry-after")
                .expect("Retry-After")
                .parse()
                .unwrap();
            assert!((1..=3600).contains(&retry), "{retry}");
            app.post(&test(&b), &w.lab.token, json!({}))
                .await
                .assert_status(202);
            app.advance(Duration::seconds(retry));
            let mut lab = w.lab.clone();
            app.relogin(&mut lab).await;
            app.post(&test(&a), &lab.token, json!({}))
                .await
                .assert_status(202);
        },
    )
    .await;
}
