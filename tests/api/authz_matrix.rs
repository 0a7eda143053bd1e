//! The authorization matrix (issue 21): every operation of the OpenAPI document, called by
//! each of ten principals against resources owned by lab A, vendor V1 and expert X, answers
//! what the table in [`EXPECTED`] says. An operation the document has and the table lacks
//! fails the test, as does a row for an operation that no longer exists.
//!
//! The world is the demo (`cadre serve --demo`): Helix Labs is lab A (Ada its admin, Grace a
//! member, plus an API key with the single scope `items:write`), Northwind AI is lab B,
//! Meridian is the approved vendor V1, Borealis the pending vendor V2, Dr. Chen expert X on
//! Meridian's roster and Dr. Lind expert Y on Borealis's roster.
//!
//! Each cell is one of `a` (authorized: any answer but 401, 403 and 404 — 2xx, or a 4xx on
//! the content or state once the caller was let in), `u` (401), `f` (403), `n` (404). A 5xx
//! anywhere fails the test. Within a row the refused principals call first and the
//! authorized ones last, so that an operation that changes something is tried by every
//! outsider before an insider changes it; an operation that destroys what it names gets a
//! fresh object per successful call ([`FRESH`]); the operations on the caller's own account
//! run last ([`LATE`]).
//!
//! Lists answer 200 to everyone, so the table alone cannot catch a list that shows too
//! much: every successful answer is also searched for the ids each principal must never be
//! shown ([`secrets`]: another lab's project, items, gold, invoices, keys and endpoints,
//! another expert's credentials, payouts, appeals and assessments, gold to any expert).

use std::collections::{BTreeMap, BTreeSet};

use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{Resp, TestApp, on_both_with};

const DEMO_PASSWORD: &str = cadre::demo::DEMO_PASSWORD;

/// The principals, in the table's column order.
const PRINCIPALS: [&str; 10] = [
    "anon", "A.admin", "A.member", "A.key", "B.admin", "V1", "V2", "X", "Y", "platform",
];

const LOGINS: [(usize, &str); 8] = [
    (1, "ada@helix.demo"),
    (2, "grace@helix.demo"),
    (4, "alan@northwind.demo"),
    (5, "maria@meridian.demo"),
    (6, "sven@borealis.demo"),
    (7, "dr.chen@experts.demo"),
    (8, "dr.lind@experts.demo"),
    (9, "admin@cadre.demo"),
];

/// Operations that change the caller's own account, run after all the others in this order.
const LATE: &[&str] = &[
    "POST /v1/experts/me/calendar-feed",
    "DELETE /v1/experts/me/calendar-feed",
    "POST /v1/auth/email-change",
    "POST /v1/auth/verify-email/resend",
    "POST /v1/auth/password",
    "POST /v1/auth/logout",
    "POST /v1/experts/me/roster/leave",
    "POST /v1/experts/me/withdraw",
    "POST /v1/experts/me/delete",
];

/// Everyone signs in again before these (the logout row ended their sessions).
const RELOGIN_BEFORE: &[&str] = &["POST /v1/experts/me/roster/leave"];

/// `(operation, expected answers per principal in [`PRINCIPALS`] order)`: `a` authorized,
/// `u` 401, `f` 403, `n` 404.
#[rustfmt::skip]
const EXPECTED: &[(&str, &str)] = &[
    //                                                                       +-- anon
    //                                                                       | +-- A.admin
    //                                                                       | | +-- A.member
    //                                                                       | | | +-- A.key
    //                                                                       | | | | +-- B.admin
    //                                                                       | | | | | +-- V1
    //                                                                       | | | | | | +-- V2
    //                                                                       | | | | | | | +-- X
    //                                                                       | | | | | | | | +-- Y
    //                                                                       | | | | | | | | | +-- platform
    ("GET /healthz",                                                        "a a a a a a a a a a"),
    ("GET /metrics",                                                        "u u u u u u u u u u"),
    ("GET /readyz",                                                         "a a a a a a a a a a"),
    ("GET /v1/appeals",                                                     "u a a f a a a a a a"),
    ("POST /v1/appeals",                                                    "u f f f f f f a n f"),
    ("GET /v1/appeals/{appeal}",                                            "u n n n n a n a n a"),
    ("POST /v1/appeals/{appeal}/decision",                                  "u n n f n f n f n a"),
    ("GET /v1/assessments/{assessment}",                                    "u n n n n a n a n a"),
    ("PUT /v1/assessments/{assessment}/items/{item}",                       "u n n f n n n a n n"),
    ("POST /v1/assessments/{assessment}/submit",                            "u n n f n n n a n n"),
    ("GET /v1/assignments",                                                 "u n n f n n n a a n"),
    ("POST /v1/assignments/next",                                           "u n n f n n n a a n"),
    ("GET /v1/assignments/{assignment}",                                    "u n n f n n n a n n"),
    ("POST /v1/assignments/{assignment}/accept",                            "u n n f n n n a n n"),
    ("POST /v1/assignments/{assignment}/decline",                           "u n n f n n n a n n"),
    ("POST /v1/assignments/{assignment}/heartbeat",                         "u n n f n n n a n n"),
    ("POST /v1/assignments/{assignment}/submit",                            "u n n f n n n a n n"),
    ("GET /v1/audit-events",                                                "u f f f f f f f f a"),
    ("POST /v1/auth/email-change",                                          "u a a f a a a a a a"),
    ("POST /v1/auth/email-change/confirm",                                  "a a a a a a a a a a"),
    ("POST /v1/auth/login",                                                 "a a a a a a a a a a"),
    ("POST /v1/auth/logout",                                                "u a a f a a a a a a"),
    ("POST /v1/auth/password",                                              "u a a f a a a a a a"),
    ("POST /v1/auth/password-reset",                                        "a a a a a a a a a a"),
    ("POST /v1/auth/password-reset/confirm",                                "a a a a a a a a a a"),
    ("POST /v1/auth/refresh",                                               "u u u u u u u u u u"),
    ("POST /v1/auth/register",                                              "a a a a a a a a a a"),
    ("POST /v1/auth/verify-email",                                          "a a a a a a a a a a"),
    ("POST /v1/auth/verify-email/resend",                                   "u a a f a a a a a a"),
    ("GET /v1/calibration-sessions",                                        "u a a f a a a a a a"),
    ("POST /v1/calibration-sessions",                                       "u f f f f f f f f a"),
    ("GET /v1/calibration-sessions/{session}",                              "u n n n n a n a n a"),
    ("POST /v1/calibration-sessions/{session}/close",                       "u n n n n a n f n a"),
    ("GET /v1/calibration-sessions/{session}/items",                        "u n n n n a n a n a"),
    ("POST /v1/calibration-sessions/{session}/items/{assignment}/answer",   "u n n n n n n a n n"),
    ("POST /v1/calibration-sessions/{session}/repeat",                      "u n n n n a n f n a"),
    ("GET /v1/calibration-sessions/{session}/results",                      "u n n n n a n f n a"),
    ("GET /v1/capacity-requests",                                           "u a a f a a a a a a"),
    ("POST /v1/capacity-requests",                                          "u a f f n n n n n a"),
    ("GET /v1/capacity-requests/{request}",                                 "u a a f n n n n n a"),
    ("POST /v1/capacity-requests/{request}/cancel",                         "u a f f n n n n n a"),
    ("POST /v1/capacity-requests/{request}/plan",                           "u a f f n n n n n a"),
    ("GET /v1/credentials/{credential}",                                    "u n n n n a n a n a"),
    ("POST /v1/credentials/{credential}/email-verification",                "u n n f n f n a n f"),
    ("POST /v1/credentials/{credential}/email-verification/confirm",        "a a a a a a a a a a"),
    ("POST /v1/credentials/{credential}/evidence",                          "u n n f n f n a n f"),
    ("GET /v1/credentials/{credential}/evidence/{file}",                    "u n n n n a n a n a"),
    ("POST /v1/credentials/{credential}/review",                            "u n n n n f n f n a"),
    ("POST /v1/credentials/{credential}/revoke",                            "u n n n n a n f n a"),
    ("GET /v1/domains",                                                     "u a a a a a a a a a"),
    ("POST /v1/domains",                                                    "u f f f f f f f f a"),
    ("GET /v1/domains/{domain}",                                            "u a a a a a a a a a"),
    ("DELETE /v1/domains/{domain}",                                         "u f f f f f f f f a"),
    ("PATCH /v1/domains/{domain}",                                          "u f f f f f f f f a"),
    ("GET /v1/experts",                                                     "u f f f f a a f f a"),
    ("GET /v1/experts/me",                                                  "u n n f n n n a a n"),
    ("POST /v1/experts/me",                                                 "u f f f f f f a a f"),
    ("PATCH /v1/experts/me",                                                "u n n f n n n a a n"),
    ("GET /v1/experts/me/availability",                                     "u f f f f f f a n f"),
    ("PUT /v1/experts/me/availability",                                     "u f f f f f f a a f"),
    ("POST /v1/experts/me/availability/exceptions",                         "u f f f f f f a a f"),
    ("DELETE /v1/experts/me/availability/exceptions/{exception}",           "u f f f f f f a n f"),
    ("POST /v1/experts/me/calendar-feed",                                   "u f f f f f f a a f"),
    ("DELETE /v1/experts/me/calendar-feed",                                 "u f f f f f f a a f"),
    ("GET /v1/experts/me/credentials",                                      "u n n f n n n a a n"),
    ("POST /v1/experts/me/credentials",                                     "u n n f n n n a a n"),
    ("POST /v1/experts/me/delete",                                          "u f f f f f f a a f"),
    ("GET /v1/experts/me/earnings",                                         "u f f f f f f a a f"),
    ("GET /v1/experts/me/payout-account",                                   "u f f f f f f a a f"),
    ("POST /v1/experts/me/payout-account",                                  "u f f f f f f a a f"),
    ("POST /v1/experts/me/reapply",                                         "u n n f n n n a a n"),
    ("POST /v1/experts/me/roster/leave",                                    "u n n f n n n a a n"),
    ("POST /v1/experts/me/withdraw",                                        "u n n f n n n a a n"),
    ("GET /v1/experts/{expert}",                                            "u n n n n a n a n a"),
    ("GET /v1/experts/{expert}/assessments",                                "u n n n n a n a n a"),
    ("GET /v1/experts/{expert}/availability/intervals",                     "u n n n n a n a n a"),
    ("GET /v1/experts/{expert}/calendar.ics",                               "a a a a a a a a a a"),
    ("GET /v1/experts/{expert}/card",                                       "u a a n a a n a n a"),
    ("GET /v1/experts/{expert}/eligibility",                                "u n n n n a n a n a"),
    ("GET /v1/experts/{expert}/pay-rates",                                  "u n n n n a n a n a"),
    ("GET /v1/experts/{expert}/roster-history",                             "u n n n n a n a n a"),
    ("GET /v1/experts/{expert}/scores",                                     "u n n n n a n a n a"),
    ("GET /v1/experts/{expert}/slices",                                     "u n n n n a n a n a"),
    ("GET /v1/experts/{expert}/slices/{slice}/history",                     "u n n n n a n a n a"),
    ("PUT /v1/experts/{expert}/slices/{slice}/status",                      "u n n n n a n f n a"),
    ("PUT /v1/experts/{expert}/slices/{slice}/tier",                        "u n n n n a n f n a"),
    ("GET /v1/experts/{expert}/vetting/transitions",                        "u n n n n a n a n a"),
    ("POST /v1/experts/{expert}/vetting/transitions",                       "u n n n n a n f n a"),
    ("PUT /v1/gold-items/{gold}/certification",                             "u f f f f f f f f a"),
    ("POST /v1/invitations/accept",                                         "a a a f a a a a a a"),
    ("GET /v1/invoices",                                                    "u a a f a a a a a a"),
    ("POST /v1/invoices/run",                                               "u f f f f f f f f a"),
    ("GET /v1/invoices/{invoice}",                                          "u a a f n n n n n a"),
    ("POST /v1/invoices/{invoice}/mark-paid",                               "u f f f f f f f f a"),
    ("GET /v1/items/{item}",                                                "u a a f n n n n n a"),
    ("GET /v1/items/{item}/routing",                                        "u a f f n n n n n a"),
    ("PATCH /v1/items/{item}",                                              "u a a a n n n n n a"),
    ("POST /v1/items/{item}/cancel",                                        "u a a a n n n n n a"),
    ("GET /v1/ledger/transactions/{transaction}",                           "u f f f f f f f f a"),
    ("GET /v1/ledger/trial-balance",                                        "u f f f f f f f f a"),
    ("GET /v1/me",                                                          "u a a a a a a a a a"),
    ("GET /v1/orgs",                                                        "u a a f a a a a a a"),
    ("GET /v1/orgs/{org}",                                                  "u a a f n n n n n a"),
    ("GET /v1/orgs/{org}/api-keys",                                         "u a f f n n n n n a"),
    ("POST /v1/orgs/{org}/api-keys",                                        "u a f f n n n n n a"),
    ("DELETE /v1/orgs/{org}/api-keys/{key}",                                "u a f f n n n n n a"),
    ("GET /v1/orgs/{org}/invitations",                                      "u a f f n n n n n a"),
    ("POST /v1/orgs/{org}/invitations",                                     "u a f f n n n n n a"),
    ("DELETE /v1/orgs/{org}/invitations/{invitation}",                      "u a f f n n n n n a"),
    ("GET /v1/orgs/{org}/members",                                          "u a a f n n n n n a"),
    ("DELETE /v1/orgs/{org}/members/{user}",                                "u a f f n n n n n a"),
    ("PATCH /v1/orgs/{org}/members/{user}",                                 "u a f f n n n n n a"),
    ("GET /v1/orgs/{org}/vendor-agreement",                                 "u n n n n a n n n a"),
    ("PUT /v1/orgs/{org}/vendor-agreement",                                 "u f f f f f f f f a"),
    ("GET /v1/orgs/{org}/webhook-deliveries/{delivery}",                    "u a f f n n n n n a"),
    ("POST /v1/orgs/{org}/webhook-deliveries/{delivery}/redeliver",         "u a f f n n n n n a"),
    ("GET /v1/orgs/{org}/webhook-endpoints",                                "u a f f n n n n n a"),
    ("POST /v1/orgs/{org}/webhook-endpoints",                               "u a f f n n n n n a"),
    ("GET /v1/orgs/{org}/webhook-endpoints/{endpoint}",                     "u a f f n n n n n a"),
    ("DELETE /v1/orgs/{org}/webhook-endpoints/{endpoint}",                  "u a f f n n n n n a"),
    ("PATCH /v1/orgs/{org}/webhook-endpoints/{endpoint}",                   "u a f f n n n n n a"),
    ("GET /v1/orgs/{org}/webhook-endpoints/{endpoint}/deliveries",          "u a f f n n n n n a"),
    ("POST /v1/orgs/{org}/webhook-endpoints/{endpoint}/rotate-secret",      "u a f f n n n n n a"),
    ("POST /v1/orgs/{org}/webhook-endpoints/{endpoint}/test",               "u a f f n n n n n a"),
    ("GET /v1/payouts",                                                     "u f f f f f f a a a"),
    ("POST /v1/payouts/run",                                                "u f f f f f f f f a"),
    ("GET /v1/payouts/{payout}",                                            "u n n n n n n a n a"),
    ("POST /v1/payouts/{payout}/mark-paid",                                 "u f f f f f f f f a"),
    ("GET /v1/projects",                                                    "u a a f a a a a a a"),
    ("POST /v1/projects",                                                   "u a f f n n n n n a"),
    ("GET /v1/projects/{project}",                                          "u a a f n n n n n a"),
    ("PATCH /v1/projects/{project}",                                        "u a f f n n n n n a"),
    ("GET /v1/projects/{project}/constitutions",                            "u a a f n n n n n a"),
    ("POST /v1/projects/{project}/constitutions",                           "u a f f n n n n n a"),
    ("GET /v1/projects/{project}/constitutions/{version}",                  "u a a f n n n n n a"),
    ("PUT /v1/projects/{project}/constitutions/{version}",                  "u a f f n n n n n a"),
    ("GET /v1/projects/{project}/constitutions/{version}/diff",             "u a a f n n n n n a"),
    ("POST /v1/projects/{project}/constitutions/{version}/publish",         "u a f f n n n n n a"),
    ("GET /v1/projects/{project}/gold-items",                               "u a a f n n n n n a"),
    ("POST /v1/projects/{project}/gold-items",                              "u a f f n n n n n a"),
    ("GET /v1/projects/{project}/items",                                    "u a a f n n n n n a"),
    ("POST /v1/projects/{project}/items",                                   "u a a a n n n n n a"),
    ("POST /v1/projects/{project}/items/cancel",                            "u a a a n n n n n a"),
    ("POST /v1/projects/{project}/items/update",                            "u a a a n n n n n a"),
    ("GET /v1/projects/{project}/quality",                                  "u a a f n n n n n a"),
    ("GET /v1/projects/{project}/results",                                  "u a a f n n n n n a"),
    ("GET /v1/projects/{project}/results/export",                           "u a a f n n n n n a"),
    ("POST /v1/projects/{project}/status",                                  "u a f f n n n n n a"),
    ("POST /v1/roster-invitations/accept",                                  "u a a f a a a a a a"),
    ("POST /v1/roster-invitations/decline",                                 "u a a f a a a a a a"),
    ("GET /v1/shifts",                                                      "u a a f a a a a a a"),
    ("GET /v1/shifts/{shift}",                                              "u a a n n a n a n a"),
    ("POST /v1/shifts/{shift}/confirm",                                     "u f f n n f n a n f"),
    ("POST /v1/shifts/{shift}/decline",                                     "u f f n n f n a n f"),
    ("GET /v1/slices",                                                      "u a a a a a a a a a"),
    ("POST /v1/slices",                                                     "u f f f f f f f f a"),
    ("GET /v1/slices/{slice}",                                              "u a a a n n n n n a"),
    ("PATCH /v1/slices/{slice}",                                            "u a f f n n n n n a"),
    ("POST /v1/slices/{slice}/assessments",                                 "u n n f n n n a a n"),
    ("GET /v1/slices/{slice}/charts/vendor-comparison.svg",                 "u f f f f f f f f a"),
    ("GET /v1/slices/{slice}/gold-items",                                   "u f f f f f f f f a"),
    ("POST /v1/slices/{slice}/gold-items",                                  "u f f f f f f f f a"),
    ("GET /v1/slices/{slice}/reliability",                                  "u f f f n n n n n a"),
    ("POST /v1/slices/{slice}/validate-label",                              "u a a a n n n n n a"),
    ("GET /v1/slices/{slice}/vendor-comparison",                            "u f f f f f f f f a"),
    ("POST /v1/stripe/webhook",                                             "a a a a a a a a a a"),
    ("GET /v1/time-entries",                                                "u a a f a a a a a a"),
    ("GET /v1/timesheets",                                                  "u a a f a a a a a a"),
    ("GET /v1/timesheets/{timesheet}",                                      "u a a n n a n a n a"),
    ("POST /v1/timesheets/{timesheet}/approve",                             "u a f n n f n f n f"),
    ("POST /v1/timesheets/{timesheet}/dispute",                             "u a f n n f n f n f"),
    ("POST /v1/timesheets/{timesheet}/resolve",                             "u f f n n f n f n a"),
    ("POST /v1/timesheets/{timesheet}/submit",                              "u f f n n f n a n f"),
    ("GET /v1/vendors",                                                     "u f f f f f f f f a"),
    ("POST /v1/vendors/{vendor}/approve",                                   "u f f f f f f f f a"),
    ("GET /v1/vendors/{vendor}/charts/accuracy.svg",                        "u n n n n a n n n a"),
    ("GET /v1/vendors/{vendor}/charts/alpha.svg",                           "u n n n n a n n n a"),
    ("GET /v1/vendors/{vendor}/dashboard",                                  "u n n n n a n n n a"),
    ("GET /v1/vendors/{vendor}/dashboard.csv",                              "u n n n n a n n n a"),
    ("GET /v1/vendors/{vendor}/dashboard/experts",                          "u n n n n a n n n a"),
    ("GET /v1/vendors/{vendor}/dashboard/experts.csv",                      "u n n n n a n n n a"),
    ("POST /v1/vendors/{vendor}/reject",                                    "u f f f f f f f f a"),
    ("GET /v1/vendors/{vendor}/roster/coverage",                            "u n n n n a n n n a"),
    ("GET /v1/vendors/{vendor}/roster/invitations",                         "u n n n n a n n n a"),
    ("POST /v1/vendors/{vendor}/roster/invitations",                        "u n n n n a n n n a"),
    ("DELETE /v1/vendors/{vendor}/roster/invitations/{invitation}",         "u n n n n a n n n a"),
    ("POST /v1/vendors/{vendor}/roster/tiers",                              "u n n n n a n n n a"),
    ("POST /v1/vendors/{vendor}/roster/{expert}/remove",                    "u n n n n a n n n a"),
    ("PUT /v1/vendors/{vendor}/trusted-reviewer",                           "u f f f f f f f f a"),
];

struct World {
    tokens: [Option<String>; 10],
    ids: BTreeMap<&'static str, String>,
}

#[track_caller]
fn s(v: &Value) -> String {
    v.as_str()
        .unwrap_or_else(|| panic!("expected a string, got {v}"))
        .to_owned()
}

#[track_caller]
fn first_id(r: &Resp, what: &str) -> String {
    r.assert_status(200);
    let data = r.json["data"]
        .as_array()
        .unwrap_or_else(|| panic!("{what}: no data list in {}", r.text));
    s(&data
        .first()
        .unwrap_or_else(|| panic!("{what}: the demo has none: {}", r.text))["id"])
}

async fn login_all(app: &TestApp, tokens: &mut [Option<String>; 10]) {
    for (i, email) in LOGINS {
        let r = app.login(email, DEMO_PASSWORD).await;
        r.assert_status(200);
        tokens[i] = Some(s(&r.json["access_token"]));
    }
}

async fn world(app: &TestApp) -> World {
    cadre::demo::seed(&app.state)
        .await
        .unwrap()
        .expect("an empty database is seeded");
    let mut tokens: [Option<String>; 10] = Default::default();
    login_all(app, &mut tokens).await;
    let t = |i: usize| tokens[i].clone().unwrap();
    let mut ids: BTreeMap<&'static str, String> = BTreeMap::new();
    let org_of = |r: &Resp| s(&r.json["user"]["memberships"][0]["org_id"]);
    let me = app.get("/v1/me", &t(1)).await;
    me.assert_status(200);
    let helix = org_of(&me);
    ids.insert("org", helix.clone());
    let me_v1 = app.get("/v1/me", &t(5)).await;
    ids.insert("vendor", org_of(&me_v1));

    // Lab A's key with one scope.
    let key = app
        .post(
            &format!("/v1/orgs/{helix}/api-keys"),
            &t(1),
            json!({"name": "matrix", "scopes": ["items:write"]}),
        )
        .await;
    key.assert_status(201);
    let key_secret = s(&key.json["secret"]);

    let projects = app.get("/v1/projects", &t(1)).await;
    let project = first_id(&projects, "projects");
    ids.insert("project", project.clone());
    ids.insert("version", "2".into());
    let items = app
        .get(&format!("/v1/projects/{project}/items"), &t(1))
        .await;
    ids.insert("item", first_id(&items, "items"));
    let gold = app
        .get(&format!("/v1/projects/{project}/gold-items"), &t(1))
        .await;
    ids.insert("gold", first_id(&gold, "gold items"));

    let x = app.get("/v1/experts/me", &t(7)).await;
    x.assert_status(200);
    let expert = s(&x.json["id"]);
    ids.insert("expert", expert.clone());
    let work = app.get("/v1/assignments?status=offered", &t(7)).await;
    ids.insert("assignment", first_id(&work, "X's offers"));
    let slices = app.get("/v1/slices?limit=100", &t(9)).await;
    slices.assert_status(200);
    let shared = slices.json["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|sl| sl["org_id"].is_null() && sl["key"] == "medicine/radiology:de")
        .map(|sl| s(&sl["id"]))
        .unwrap_or_else(|| panic!("the shared radiology slice: {}", slices.text));
    ids.insert("shared_slice", shared.clone());
    let private = slices.json["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|sl| sl["org_id"] == json!(helix))
        .map(|sl| s(&sl["id"]))
        .expect("Helix's private slice");
    ids.insert("slice", private);
    let feed = app
        .post("/v1/experts/me/calendar-feed", &t(7), json!({}))
        .await;
    let url = s(&feed.json["url"]);
    ids.insert(
        "feed_token",
        url.split("token=").nth(1).expect("a feed token").to_owned(),
    );
    // X, qualified in radiology, takes the Rust review assessment.
    let rust = slices.json["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|sl| sl["key"] == "code/rust-review")
        .map(|sl| s(&sl["id"]))
        .expect("the Rust review slice");
    let started = app
        .post(&format!("/v1/slices/{rust}/assessments"), &t(7), json!({}))
        .await;
    started.assert_status(201);
    ids.insert("assessment", s(&started.json["id"]));
    ids.insert(
        "assessment_item",
        s(&started.json["items"][0]["assignment_id"]),
    );
    // One of X's answers the gold marked wrong (what an appeal names).
    let scores = app
        .get(&format!("/v1/experts/{expert}/scores"), &t(7))
        .await;
    scores.assert_status(200);
    let failed = scores.json["data"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| {
            s["failed_gold_checks"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .find_map(|c| c["assignment_id"].as_str().map(str::to_owned))
        .expect("X has a failed gold check");
    ids.insert("appealed_assignment", failed);
    let appeals = app.get("/v1/appeals", &t(7)).await;
    let appeal = first_id(&appeals, "X's appeals");
    ids.insert("appeal", appeal.clone());

    let sessions = app.get("/v1/calibration-sessions", &t(5)).await;
    ids.insert("session", first_id(&sessions, "V1's calibration sessions"));
    ids.insert(
        "vendor_gold",
        s(&sessions.json["data"][0]["gold_item_ids"][0]),
    );
    let session = ids["session"].clone();
    let citems = app
        .get(&format!("/v1/calibration-sessions/{session}/items"), &t(7))
        .await;
    ids.insert(
        "calibration_assignment",
        s(&citems.json["data"][0]["assignment_id"]),
    );
    let requests = app.get("/v1/capacity-requests", &t(1)).await;
    ids.insert("request", first_id(&requests, "A's capacity requests"));
    let creds = app.get("/v1/experts/me/credentials", &t(7)).await;
    let credential = first_id(&creds, "X's credentials");
    ids.insert("credential", credential.clone());
    let cred = app
        .get(&format!("/v1/credentials/{credential}"), &t(7))
        .await;
    ids.insert("file", s(&cred.json["evidence"][0]["id"]));
    let domains = app.get("/v1/domains", &t(9)).await;
    ids.insert("domain", first_id(&domains, "domains"));
    let avail = app.get("/v1/experts/me/availability", &t(7)).await;
    ids.insert("exception", s(&avail.json["exceptions"][0]["id"]));
    let invoices = app.get("/v1/invoices", &t(1)).await;
    ids.insert("invoice", first_id(&invoices, "A's invoices"));
    app.post("/v1/payouts/run", &t(9), json!({}))
        .await
        .assert_status(200);
    let payouts = app.get("/v1/payouts", &t(7)).await;
    ids.insert("payout", first_id(&payouts, "X's payouts"));
    let keys = app.get(&format!("/v1/orgs/{helix}/api-keys"), &t(1)).await;
    ids.insert("key", first_id(&keys, "A's keys"));
    let roster = app.get("/v1/experts?limit=100", &t(5)).await;
    roster.assert_status(200);
    let victims: Vec<String> = roster.json["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| s(&e["id"]))
        .filter(|e| *e != expert)
        .collect();
    assert!(victims.len() >= 2, "Meridian's roster: {}", roster.text);
    ids.insert("roster_victims", victims.join(","));
    let rinv = app
        .post(
            &format!("/v1/vendors/{}/roster/invitations", ids["vendor"]),
            &t(5),
            json!({"email": "matrix-roster-1@example.test"}),
        )
        .await;
    rinv.assert_status(201);
    ids.insert("roster_invitation", s(&rinv.json["id"]));
    let invitations = app
        .get(&format!("/v1/orgs/{helix}/invitations"), &t(1))
        .await;
    ids.insert("invitation", first_id(&invitations, "A's invitations"));
    let members = app.get(&format!("/v1/orgs/{helix}/members"), &t(1)).await;
    members.assert_status(200);
    let grace = members.json["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["email"] == "grace@helix.demo")
        .map(|m| s(&m["user_id"]))
        .expect("Grace is a member");
    ids.insert("user", grace);
    let hooks = app
        .get(&format!("/v1/orgs/{helix}/webhook-endpoints"), &t(1))
        .await;
    let endpoint = first_id(&hooks, "A's webhook endpoints");
    ids.insert("endpoint", endpoint.clone());
    let deliveries = app
        .get(
            &format!("/v1/orgs/{helix}/webhook-endpoints/{endpoint}/deliveries"),
            &t(1),
        )
        .await;
    ids.insert("delivery", first_id(&deliveries, "A's deliveries"));
    let shifts = app.get("/v1/shifts", &t(7)).await;
    ids.insert("shift", first_id(&shifts, "X's shifts"));
    let timesheets = app.get("/v1/timesheets", &t(7)).await;
    ids.insert("timesheet", first_id(&timesheets, "X's timesheets"));
    ids.insert(
        "timesheet_line",
        s(&timesheets.json["data"][0]["lines"][0]["id"]),
    );
    let all_sheets = app.get("/v1/timesheets?limit=100", &t(9)).await;
    let tx = all_sheets.json["data"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["lines"].as_array().cloned().unwrap_or_default())
        .find_map(|l| l["ledger_transaction_id"].as_str().map(str::to_owned))
        .expect("an approved timesheet line with its ledger transaction");
    ids.insert("transaction", tx);
    let radiology = domains.json["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["slug"] == "medicine/radiology")
        .map(|d| s(&d["id"]))
        .expect("the radiology domain");
    ids.insert("radiology", radiology);
    tokens[3] = Some(key_secret);
    World { tokens, ids }
}

/// For each principal, the objects it must never be shown (by their ids): another lab's
/// project, items, gold, invoices, keys, endpoints; another expert's credentials, payouts,
/// appeals, assessments; gold to any expert or vendor.
fn secrets(w: &World) -> Vec<Vec<(&'static str, String)>> {
    let lab_a = [
        "project",
        "item",
        "gold",
        "invoice",
        "endpoint",
        "key",
        "invitation",
        "request",
        "slice",
        "delivery",
    ];
    // A shift names the capacity request it fills (an opaque id the expert cannot open).
    let lab_a_back_office = [
        "gold",
        "invoice",
        "endpoint",
        "key",
        "invitation",
        "delivery",
    ];
    let expert_x = [
        "credential",
        "payout",
        "appeal",
        "exception",
        "assessment",
        "file",
    ];
    let pick = |names: &[&[&'static str]]| -> Vec<(&'static str, String)> {
        names
            .iter()
            .flat_map(|n| n.iter())
            .filter_map(|n| w.ids.get(n).map(|id| (*n, id.clone())))
            .collect()
    };
    vec![
        pick(&[&lab_a, &expert_x]),                           // anon
        pick(&[&expert_x]),                                   // A.admin
        pick(&[&expert_x, &["endpoint", "key", "delivery"]]), // A.member
        pick(&[
            &expert_x,
            &["gold", "invoice", "endpoint", "key", "delivery"],
        ]), // A.key
        pick(&[&lab_a, &expert_x]),                           // B.admin
        pick(&[&lab_a_back_office]),                          // V1
        pick(&[&lab_a, &expert_x]),                           // V2
        pick(&[&lab_a_back_office, &["vendor_gold"][..]]),    // X
        pick(&[&lab_a, &expert_x, &["vendor_gold"][..]]),     // Y
        vec![],                                               // platform
    ]
}

/// Operations that destroy what they name: each call gets a resource of its own, made anew
/// before the row and after every call that succeeded.
const FRESH: &[&str] = &[
    "DELETE /v1/orgs/{org}/api-keys/{key}",
    "DELETE /v1/orgs/{org}/invitations/{invitation}",
    "DELETE /v1/orgs/{org}/members/{user}",
    "DELETE /v1/orgs/{org}/webhook-endpoints/{endpoint}",
    "DELETE /v1/domains/{domain}",
    "DELETE /v1/experts/me/availability/exceptions/{exception}",
    "DELETE /v1/vendors/{vendor}/roster/invitations/{invitation}",
    "POST /v1/vendors/{vendor}/roster/{expert}/remove",
];

async fn make_fresh(app: &TestApp, op: &str, w: &mut World, n: usize) {
    let t = |i: usize| w.tokens[i].clone().unwrap();
    let org = w.ids["org"].clone();
    let (key, id) = match op {
        "DELETE /v1/orgs/{org}/api-keys/{key}" => {
            let r = app
                .post(
                    &format!("/v1/orgs/{org}/api-keys"),
                    &t(1),
                    json!({"name": format!("fresh-{n}"), "scopes": ["org:read"]}),
                )
                .await;
            r.assert_status(201);
            ("fresh_key", s(&r.json["id"]))
        }
        "DELETE /v1/orgs/{org}/invitations/{invitation}" => {
            let r = app
                .post(&format!("/v1/orgs/{org}/invitations"), &t(1),
                    json!({"email": format!("fresh-invitee-{n}@example.test"), "role": "lab_member"}))
                .await;
            r.assert_status(201);
            ("fresh_invitation", s(&r.json["id"]))
        }
        "DELETE /v1/orgs/{org}/members/{user}" => {
            let email = format!("fresh-member-{n}@example.test");
            app.post(
                &format!("/v1/orgs/{org}/invitations"),
                &t(1),
                json!({"email": email, "role": "lab_member"}),
            )
            .await
            .assert_status(201);
            // Read from the queued mail: draining jobs here would send the demo's other
            // mail (demo.rs counts what reaches its people).
            let token = app.queued_token(&email, "Invitation token: ").await;
            let r = app
                .post_anon("/v1/invitations/accept",
                    json!({"token": token, "display_name": "Fresh Member", "password": crate::helpers::PASSWORD}))
                .await;
            r.assert_status(200);
            ("fresh_user", s(&r.json["user"]["id"]))
        }
        "DELETE /v1/orgs/{org}/webhook-endpoints/{endpoint}" => {
            let r = app
                .post(&format!("/v1/orgs/{org}/webhook-endpoints"), &t(1),
                    json!({"url": format!("http://127.0.0.1:9/fresh-{n}"), "events": ["item.resolved"]}))
                .await;
            r.assert_status(201);
            ("fresh_endpoint", s(&r.json["id"]))
        }
        "DELETE /v1/domains/{domain}" => {
            let r = app
                .post("/v1/domains", &t(9),
                    json!({"slug": format!("fresh-domain-{n}"), "name": format!("Fresh domain {n}")}))
                .await;
            r.assert_status(201);
            ("fresh_domain", s(&r.json["id"]))
        }
        "DELETE /v1/experts/me/availability/exceptions/{exception}" => {
            let day = 10 + n % 15;
            let r = app
                .post(
                    "/v1/experts/me/availability/exceptions",
                    &t(7),
                    json!({"kind": "time_off", "start": format!("2026-04-{day:02}T00:00:00"),
                        "end": format!("2026-04-{day:02}T12:00:00")}),
                )
                .await;
            r.assert_status(201);
            ("fresh_exception", s(&r.json["id"]))
        }
        "DELETE /v1/vendors/{vendor}/roster/invitations/{invitation}" => {
            let r = app
                .post(
                    &format!("/v1/vendors/{}/roster/invitations", w.ids["vendor"]),
                    &t(5),
                    json!({"email": format!("fresh-roster-{n}@example.test")}),
                )
                .await;
            r.assert_status(201);
            ("fresh_roster_invitation", s(&r.json["id"]))
        }
        "POST /v1/vendors/{vendor}/roster/{expert}/remove" => {
            let victims = w.ids["roster_victims"].clone();
            let mut v: Vec<&str> = victims.split(',').collect();
            let next = v.pop().expect("a roster member left to remove").to_owned();
            w.ids.insert("roster_victims", v.join(","));
            ("fresh_roster_expert", next)
        }
        _ => return,
    };
    w.ids.insert(key, id);
}

/// The concrete request for an operation: path with its parameters filled in, and a body.
fn request(op: &str, w: &World) -> (Method, String, Option<Value>) {
    let (method, template) = op.split_once(' ').unwrap();
    let method: Method = method.parse().unwrap();
    let fresh_key = |name: &str| -> &'static str {
        match name {
            "key" => "fresh_key",
            "invitation" => "fresh_invitation",
            "user" => "fresh_user",
            "endpoint" => "fresh_endpoint",
            "domain" => "fresh_domain",
            _ => "fresh_exception",
        }
    };
    let mut path = String::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let end = rest[start..].find('}').unwrap() + start;
        path.push_str(&rest[..start]);
        let name = &rest[start + 1..end];
        let key = match (template, name) {
            ("/v1/assessments/{assessment}/items/{item}", "item") => "assessment_item",
            ("/v1/calibration-sessions/{session}/items/{assignment}/answer", "assignment") => {
                "calibration_assignment"
            }
            ("/v1/vendors/{vendor}/roster/invitations/{invitation}", "invitation") => {
                "fresh_roster_invitation"
            }
            ("/v1/vendors/{vendor}/roster/{expert}/remove", "expert") => "fresh_roster_expert",
            _ if method == Method::DELETE => match name {
                "key" | "invitation" | "user" | "endpoint" | "domain" | "exception" => {
                    fresh_key(name)
                }
                _ => name,
            },
            (t, "org") if t.contains("/vendor-agreement") => "vendor",
            (t, "slice")
                if t.starts_with("/v1/experts/")
                    || t == "/v1/slices/{slice}/gold-items"
                    || t.ends_with("/assessments")
                    || t.contains("vendor-comparison") =>
            {
                "shared_slice"
            }
            _ => name,
        };
        let id = w
            .ids
            .get(key)
            .cloned()
            .unwrap_or_else(|| panic!("{op}: the world has no `{key}`"));
        path.push_str(&id);
        rest = &rest[end + 1..];
    }
    path.push_str(rest);
    let id = |k: &str| w.ids.get(k).cloned().unwrap_or_default();
    match template {
        "/v1/experts/{expert}/availability/intervals" => {
            path.push_str("?from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z")
        }
        "/v1/experts/{expert}/calendar.ics" => {
            path.push_str(&format!("?token={}", id("feed_token")))
        }
        "/v1/projects/{project}/constitutions/{version}/diff" => path.push_str("?from=1"),
        "/v1/vendors/{vendor}/charts/accuracy.svg" => {
            path.push_str(&format!("?slice={}", id("shared_slice")))
        }
        _ => {}
    }
    let body = match method {
        Method::POST | Method::PUT | Method::PATCH => Some(body(op, w)),
        _ => None,
    };
    (method, path, body)
}

/// A body of the right shape for the operation, so that what answers is the authorization,
/// not the body's parser; where the operation changes something, a change an authorized
/// caller may make without spoiling the rows after it.
fn body(op: &str, w: &World) -> Value {
    let id = |k: &str| w.ids.get(k).cloned().unwrap_or_default();
    let label = json!({"preference": "a", "strength": 2,
        "rationale": "A states its uncertainty.", "cited_clauses": ["C2"]});
    let reason = json!({"reason": "Checked by the authorization matrix."});
    match op {
        "POST /v1/appeals" => {
            json!({"explanation": "The reference answer contradicts clause C2 of the constitution.",
            "assignment_id": id("appealed_assignment")})
        }
        "POST /v1/appeals/{appeal}/decision" => {
            json!({"decision": "uphold", "reason": "The gold answer stands."})
        }
        "PUT /v1/assessments/{assessment}/items/{item}" => {
            json!({"label": {"score": 3, "rationale": "Findings match the report."}})
        }
        "POST /v1/assignments/{assignment}/submit"
        | "POST /v1/calibration-sessions/{session}/items/{assignment}/answer"
        | "POST /v1/slices/{slice}/validate-label" => json!({"label": label}),
        "POST /v1/assignments/{assignment}/decline"
        | "POST /v1/capacity-requests/{request}/cancel"
        | "POST /v1/credentials/{credential}/revoke"
        | "POST /v1/experts/me/reapply"
        | "POST /v1/experts/me/roster/leave"
        | "POST /v1/experts/me/withdraw"
        | "POST /v1/shifts/{shift}/decline"
        | "POST /v1/vendors/{vendor}/reject"
        | "POST /v1/vendors/{vendor}/roster/{expert}/remove" => reason,
        "POST /v1/auth/email-change" => {
            json!({"new_email": "matrix-new@example.test", "password": DEMO_PASSWORD})
        }
        "POST /v1/auth/email-change/confirm"
        | "POST /v1/auth/verify-email"
        | "POST /v1/credentials/{credential}/email-verification/confirm"
        | "POST /v1/invitations/accept"
        | "POST /v1/roster-invitations/accept"
        | "POST /v1/roster-invitations/decline" => {
            json!({"token": "not-a-token-of-anyone-0123456789"})
        }
        "POST /v1/auth/login" => {
            json!({"email": "l.fischer@experts.demo", "password": DEMO_PASSWORD})
        }
        "POST /v1/auth/password" => {
            json!({"current_password": DEMO_PASSWORD, "new_password": "short"})
        }
        "POST /v1/auth/password-reset" => json!({"email": "nobody@example.test"}),
        "POST /v1/auth/password-reset/confirm" => {
            json!({"token": "not-a-token-of-anyone-0123456789", "new_password": "a new long passphrase 2026"})
        }
        "POST /v1/auth/refresh" => json!({"refresh_token": "not-a-refresh-token"}),
        "POST /v1/auth/register" => {
            json!({"account_type": "expert", "email": "matrix-register@example.test",
            "password": "a new long passphrase 2026", "display_name": "Matrix"})
        }
        "POST /v1/calibration-sessions" => {
            json!({"slice_id": id("shared_slice"), "title": "Matrix session",
            "gold_item_ids": [id("vendor_gold")], "participant_ids": [id("expert")], "closes_at": "2026-03-09T09:00:00Z"})
        }
        "POST /v1/calibration-sessions/{session}/repeat" => {
            json!({"closes_at": "2026-03-16T09:00:00Z"})
        }
        "POST /v1/capacity-requests" => {
            json!({"project_id": id("project"), "slice_id": id("slice"), "hours": 4,
            "window_start": "2026-03-09T09:00:00Z", "window_end": "2026-03-13T17:00:00Z"})
        }
        "POST /v1/credentials/{credential}/email-verification" => {
            json!({"email": "w.chen@charite.example"})
        }
        "POST /v1/credentials/{credential}/review" => {
            json!({"decision": "verify", "reason": "Register checked."})
        }
        "POST /v1/domains" => json!({"slug": "matrix-domain", "name": "Matrix domain"}),
        "PATCH /v1/domains/{domain}" => {
            json!({"description": "Edited by the authorization matrix."})
        }
        "POST /v1/experts/me" | "PATCH /v1/experts/me" => {
            json!({"display_name": "Matrix Expert", "domain_ids": [id("radiology")],
            "languages": ["en"], "time_zone": "Europe/Berlin", "country": "DE",
            "desired_rate_minor": 9000, "desired_currency": "EUR"})
        }
        "PUT /v1/experts/me/availability" => {
            json!({"weekly": [{"weekday": "mon", "start": "09:00", "end": "17:00"}]})
        }
        "POST /v1/experts/me/availability/exceptions" => json!({"kind": "time_off",
            "start": "2026-03-20T00:00:00", "end": "2026-03-21T00:00:00"}),
        "POST /v1/experts/me/credentials" => {
            json!({"kind": "licence", "issuer": "Matrix Board", "field": "medicine"})
        }
        "POST /v1/experts/me/delete" => json!({"password": DEMO_PASSWORD}),
        "PUT /v1/experts/{expert}/slices/{slice}/status" => {
            json!({"status": "suspended", "reason": "Matrix check."})
        }
        "PUT /v1/experts/{expert}/slices/{slice}/tier" => {
            json!({"tier": "annotator", "reason": "Matrix check."})
        }
        "POST /v1/experts/{expert}/vetting/transitions" => {
            json!({"to": "screening", "reason": "Matrix check."})
        }
        "PUT /v1/gold-items/{gold}/certification" => {
            json!({"certified": true, "reason": "Matrix check."})
        }
        "POST /v1/invoices/{invoice}/mark-paid" | "POST /v1/payouts/{payout}/mark-paid" => {
            json!({"reference": "MATRIX-1"})
        }
        "POST /v1/orgs/{org}/api-keys" => json!({"name": "matrix-2", "scopes": ["org:read"]}),
        "POST /v1/orgs/{org}/invitations" => {
            json!({"email": "matrix-invitee@example.test", "role": "lab_member"})
        }
        "PATCH /v1/orgs/{org}/members/{user}" => json!({"role": "lab_member"}),
        "PUT /v1/orgs/{org}/vendor-agreement" => json!({"margin_bps": 1500}),
        "POST /v1/orgs/{org}/webhook-endpoints" => {
            json!({"url": "http://127.0.0.1:9/matrix", "events": ["item.resolved"]})
        }
        "PATCH /v1/orgs/{org}/webhook-endpoints/{endpoint}" => {
            json!({"description": "Edited by the matrix."})
        }
        "POST /v1/projects" => {
            json!({"org_id": id("org"), "name": "Matrix project", "domain_id": id("domain"),
            "bill_rate_minor": 12000, "currency": "EUR"})
        }
        "PATCH /v1/projects/{project}" => json!({"description": "Edited by the matrix."}),
        "PATCH /v1/items/{item}" => json!({"priority": 90}),
        "POST /v1/items/{item}/cancel" => json!({"reason": "The pipeline withdrew the item."}),
        "POST /v1/projects/{project}/items/cancel" => {
            json!({"ids": [id("item")], "reason": "The pipeline withdrew the item."})
        }
        "POST /v1/projects/{project}/items/update" => json!({"ids": [id("item")], "priority": 90}),
        "POST /v1/projects/{project}/constitutions"
        | "PUT /v1/projects/{project}/constitutions/{version}" => {
            json!({"title": "Matrix constitution", "clauses": [{"id": "C1", "text": "Prefer the response that states its uncertainty."}]})
        }
        "POST /v1/projects/{project}/gold-items" | "POST /v1/slices/{slice}/gold-items" => json!([{
            "external_id": "matrix-gold-1", "slice_id": id("slice"),
            "payload": {"prompt": "Summarise", "a": "Cyst (80%).", "b": "Lesion."},
            "answer": label, "explanation": "C2: stated uncertainty is preferred."}]),
        "POST /v1/projects/{project}/items" => {
            json!([{"external_id": "matrix-item-1", "slice_id": id("slice"),
            "payload": {"prompt": "Summarise", "a": "Cyst (80%).", "b": "Lesion."}}])
        }
        "POST /v1/projects/{project}/status" => json!({"status": "active"}),
        "POST /v1/slices" => {
            json!({"key": "matrix/slice", "domain_id": id("domain"), "name": "Matrix slice",
            "label_schema": {"kind": "pairwise"}, "measurement_level": "ordinal"})
        }
        "PATCH /v1/slices/{slice}" => json!({"description": "Edited by the matrix."}),
        "POST /v1/timesheets/{timesheet}/dispute" => {
            json!({"lines": [{"line_id": id("timesheet_line"), "reason": "Matrix check."}]})
        }
        "POST /v1/timesheets/{timesheet}/resolve" => json!({"note": "Matrix check."}),
        "POST /v1/vendors/{vendor}/roster/invitations" => {
            json!({"email": "matrix-roster@example.test"})
        }
        "POST /v1/vendors/{vendor}/roster/tiers" => json!({"reason": "Matrix check.",
            "changes": [{"expert_id": id("expert"), "slice_id": id("shared_slice"), "tier": "annotator"}]}),
        "PUT /v1/vendors/{vendor}/trusted-reviewer" => {
            json!({"trusted": true, "reason": "Matrix check."})
        }
        _ => json!({}),
    }
}

fn class(status: u16) -> char {
    match status {
        401 => 'u',
        403 => 'f',
        404 => 'n',
        s if s >= 500 => '!',
        _ => 'a',
    }
}

#[tokio::test]
async fn every_operation_answers_each_principal_as_the_table_says() {
    let webhooks_to_localhost = |s: &mut cadre::config::Settings| {
        s.webhooks.allow_http = true;
        s.webhooks.allow_private_addresses = true;
    };
    on_both_with(webhooks_to_localhost, |app| async move {
        let spec = app.get_anon("/openapi.json").await;
        spec.assert_status(200);
        let mut ops: Vec<String> = Vec::new();
        for (path, item) in spec.json["paths"].as_object().unwrap() {
            for m in ["get", "post", "put", "patch", "delete"] {
                if item.get(m).is_some() {
                    ops.push(format!("{} {path}", m.to_uppercase()));
                }
            }
        }
        let table: BTreeMap<&str, &str> = EXPECTED.iter().copied().collect();
        let known: BTreeSet<&str> = ops.iter().map(String::as_str).collect();
        let mut problems: Vec<String> = Vec::new();
        for op in &ops {
            if !table.contains_key(op.as_str()) {
                problems.push(format!("{op}: the operation has no row in EXPECTED"));
            }
        }
        for op in table.keys() {
            if !known.contains(op) {
                problems.push(format!(
                    "{op}: a row for an operation the document does not have"
                ));
            }
        }
        assert_eq!(table.len(), EXPECTED.len(), "each operation has one row");

        let mut w = world(&app).await;
        let secrets = secrets(&w);
        let mut order: Vec<&String> = ops.iter().filter(|o| !LATE.contains(&o.as_str())).collect();
        for late in LATE {
            order.extend(ops.iter().filter(|o| o.as_str() == *late));
        }
        let mut made = 0;
        for op in order {
            // A missing row is reported above; its answers are observed to help write it.
            let missing = !table.contains_key(op.as_str());
            let expected = table
                .get(op.as_str())
                .copied()
                .unwrap_or("? ? ? ? ? ? ? ? ? ?");
            let expected: Vec<char> = expected
                .split(' ')
                .filter_map(|c| c.chars().next())
                .collect();
            assert_eq!(
                expected.len(),
                PRINCIPALS.len(),
                "{op}: one cell per principal"
            );
            if RELOGIN_BEFORE.contains(&op.as_str()) {
                login_all(&app, &mut w.tokens).await;
            }
            let fresh = FRESH.contains(&op.as_str());
            if fresh {
                made += 1;
                make_fresh(&app, op, &mut w, made).await;
            }
            // Outsiders first: an insider's change must not decide what an outsider sees.
            let mut callers: Vec<usize> = (0..PRINCIPALS.len()).collect();
            callers.sort_by_key(|&i| expected[i] == 'a');
            let mut got = vec!['?'; PRINCIPALS.len()];
            let mut notes = vec![String::new(); PRINCIPALS.len()];
            for i in callers {
                let (method, path, body) = request(op, &w);
                let r = app
                    .call(method.clone(), &path, w.tokens[i].as_deref(), body.clone())
                    .await;
                if fresh && r.status.is_success() {
                    made += 1;
                    make_fresh(&app, op, &mut w, made).await;
                }
                got[i] = class(r.status.as_u16());
                notes[i] = format!(
                    "{}={} {}",
                    PRINCIPALS[i],
                    r.status.as_u16(),
                    r.text.chars().take(160).collect::<String>()
                );
                // What a caller is shown never names another party's private objects.
                if r.status.is_success() {
                    let asked = format!(
                        "{path} {}",
                        body.as_ref().map(Value::to_string).unwrap_or_default()
                    );
                    for (name, id) in &secrets[i] {
                        if r.text.contains(id.as_str()) && !asked.contains(id.as_str()) {
                            problems.push(format!("{op}: {} was shown {name} {id}", PRINCIPALS[i]));
                        }
                    }
                }
            }
            if missing {
                let cells: Vec<String> = got.iter().map(char::to_string).collect();
                problems.push(format!(
                    "    (\"{op}\", \"{}\"),  <- observed\n    {}",
                    cells.join(" "),
                    notes.join("\n    ")
                ));
            } else if got != expected {
                let cells: Vec<String> = got.iter().map(char::to_string).collect();
                let mut p = format!(
                    "{op}: expected \"{}\", got \"{}\"",
                    expected
                        .iter()
                        .map(char::to_string)
                        .collect::<Vec<_>>()
                        .join(" "),
                    cells.join(" ")
                );
                for (i, n) in notes.iter().enumerate() {
                    if got[i] != expected[i] {
                        p.push_str(&format!("\n    {n}"));
                    }
                }
                problems.push(p);
            }
        }
        assert!(
            problems.is_empty(),
            "{} authorization problem(s) on {:?}:\n{}",
            problems.len(),
            app.engine,
            problems.join("\n")
        );
    })
    .await;
}
