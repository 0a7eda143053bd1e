//! Hourly payment end to end: measured time → weekly timesheets → approval, dispute and
//! auto-approval → lab invoices → Stripe payment → payouts to Stripe Connect accounts →
//! webhooks, against the Stripe stand-in; the pay floor; manual settlement without
//! Stripe; the payout run's crash matrix and concurrent runs; forged, stale and replayed
//! webhooks; who sees what. The harness checks that the ledger balances after every test.

use chrono::{Duration, TimeZone, Utc};
use serde_json::{Value, json};

use cadre::payments::amounts::{Rates, split};
use cadre::payments::ledger;
use cadre::payments::{Source, post_to_ledger};

use crate::helpers::{Account, TestApp, on_both_with};
use crate::routing::{
    Expert, Opts, World, applicant, item, prefer, push, qualified, vet_to, work, world,
};
use crate::stripe_standin::{
    Fault, StripeStandIn, WEBHOOK_SECRET, deliver, deliver_all, deliver_raw, signed,
};

/// Runs `test` on both engines against a fresh Stripe stand-in state, with Cadre
/// configured to use it.
async fn on_both_with_stripe<F, Fut>(test: F)
where
    F: Fn(TestApp, StripeStandIn) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let stripe = StripeStandIn::start().await;
    on_both_with(
        |s| stripe.configure(s),
        |app| {
            stripe.reset();
            test(app, stripe.clone())
        },
    )
    .await;
}

/// Accepts the expert's first offered assignment and works it for `minutes`, with a
/// heartbeat every two minutes, then submits it.
async fn work_one(app: &TestApp, e: &mut Expert, minutes: i64) -> String {
    app.relogin(&mut e.account).await;
    let a = work(app, e, "offered").await[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.post(
        &format!("/v1/assignments/{a}/accept"),
        &e.account.token,
        json!({}),
    )
    .await
    .assert_status(200);
    for _ in 0..minutes / 2 {
        app.advance(Duration::minutes(2));
        app.relogin(&mut e.account).await;
        app.post(
            &format!("/v1/assignments/{a}/heartbeat"),
            &e.account.token,
            json!({}),
        )
        .await
        .assert_status(200);
    }
    app.post(
        &format!("/v1/assignments/{a}/submit"),
        &e.account.token,
        json!({ "label": prefer("a", 2) }),
    )
    .await
    .assert_status(200);
    a
}

/// Moves the clock to `days` after the test's first Monday at `hour`:00 UTC.
fn go_to(app: &TestApp, days: i64, hour: u32) {
    let target = Utc.with_ymd_and_hms(2026, 3, 2, hour, 0, 0).unwrap() + Duration::days(days);
    let by = target - app.clock_now();
    assert!(by >= Duration::zero(), "the clock only moves forward");
    app.advance(by);
}

fn balance(tb: &Value, account: &str, owner: Option<&str>) -> i64 {
    tb["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["account"] == account && a["owner_id"].as_str() == owner)
        .map_or(0, |a| a["balance"].as_i64().unwrap())
}

async fn trial_balance(app: &TestApp, admin: &mut Account) -> Value {
    app.relogin(admin).await;
    let tb = app.get("/v1/ledger/trial-balance", &admin.token).await;
    tb.assert_status(200);
    assert_eq!(tb.json["balanced"], true, "{}", tb.json);
    tb.json
}

async fn sheets(app: &TestApp, who: &Account) -> Vec<Value> {
    let r = app.get("/v1/timesheets", &who.token).await;
    r.assert_status(200);
    r.json["data"].as_array().unwrap().clone()
}

#[tokio::test]
async fn a_week_of_work_is_timesheeted_approved_invoiced_collected_and_paid_out_through_stripe() {
    on_both_with_stripe(|app, stripe| async move {
                let w = world(&app, Opts { overlap: 1, ..Opts::default() }).await;
                let mut admin = w.admin.clone();
                let acme = app.vendor("Acme").await;
                let mut e = qualified(&app, &w, Some(&acme), json!({})).await;
                push(&app, &w, vec![item(1)]).await;
                work_one(&app, &mut e, 30).await;

                // The rate was fixed at routing, in the project's currency.
                let rates = app.get(&format!("/v1/experts/{}/pay-rates", e.id), &e.account.token).await;
                rates.assert_status(200);
                assert_eq!(rates.json[0]["pay_per_hour_minor"], 8000, "{}", rates.json);
                assert_eq!(rates.json[0]["basis"], "expert_rate");

                // A change of the expert's own rate applies from next week; this week keeps
                // the fixed rate.
                app.call(reqwest::Method::PATCH, "/v1/experts/me", Some(&e.account.token),
                    Some(json!({"display_name": "An Expert", "domain_ids": [w.domain], "languages": ["en"],
                        "time_zone": "Europe/London", "country": "GB", "desired_rate_minor": 9000, "desired_currency": "USD"})))
                    .await
                    .assert_status(200);
                let rates = app.get(&format!("/v1/experts/{}/pay-rates", e.id), &e.account.token).await;
                let weeks: Vec<(&str, i64)> = rates.json.as_array().unwrap().iter()
                    .map(|r| (r["effective_week"].as_str().unwrap(), r["pay_per_hour_minor"].as_i64().unwrap())).collect();
                assert_eq!(weeks, [("2026-03-09T00:00:00Z", 9000), ("2026-03-02T00:00:00Z", 8000)]);

                // Acme's agreement: a 12 % margin instead of the default 10 %.
                let mut acme = acme.clone();
                app.relogin(&mut acme).await;
                app.relogin(&mut admin).await;
                let agreement = format!("/v1/orgs/{}/vendor-agreement", acme.org());
                let put = |token: String, body: Value| {
                    let app = &app;
                    let agreement = agreement.clone();
                    async move { app.call(reqwest::Method::PUT, &agreement, Some(&token), Some(body)).await }
                };
                put(acme.token.clone(), json!({"margin_bps": 5000})).await.assert_problem(403, None);
                put(admin.token.clone(), json!({"margin_bps": 9000})).await.assert_problem(422, Some("margin_bps"));
                put(admin.token.clone(), json!({"margin_bps": "12%"})).await.assert_problem(422, Some("margin_bps"));
                let set = put(admin.token.clone(), json!({"margin_bps": 1200})).await;
                set.assert_status(200);
                assert_eq!(set.json["source"], "agreement");
                let seen = app.get(&agreement, &acme.token).await;
                assert_eq!(seen.json["margin_bps"], 1200);
                let other = app.vendor("Other pod").await;
                app.get(&agreement, &other.token).await.assert_problem(404, None);
                app.call(reqwest::Method::PUT, &format!("/v1/orgs/{}/vendor-agreement", w.lab.org()),
                    Some(&admin.token), Some(json!({"margin_bps": 100})))
                    .await
                    .assert_problem(409, None);

                // An open sheet for the week with one line: 30 minutes.
                let mine = sheets(&app, &e.account).await;
                assert_eq!(mine.len(), 1);
                let sheet = mine[0]["id"].as_str().unwrap().to_owned();
                assert_eq!(mine[0]["status"], "open");
                assert_eq!(mine[0]["seconds"], 1800);
                assert_eq!(mine[0]["week_start"], "2026-03-02T00:00:00Z");
                // Not before the week is over.
                app.post(&format!("/v1/timesheets/{sheet}/submit"), &e.account.token, json!({}))
                    .await
                    .assert_problem(409, None);

                // The week ends; the payments sweep submits the sheet with its rates.
                go_to(&app, 7, 1);
                app.drain_jobs().await;
                let mut lab = w.lab.clone();
                app.relogin(&mut lab).await;
                let l = app.get(&format!("/v1/timesheets/{sheet}"), &lab.token).await;
                l.assert_status(200);
                assert_eq!(l.json["status"], "submitted", "{}", l.json);
                assert_eq!(l.json["bill_rate_minor"], 15000);
                // Labs see the bill, never the expert's pay or identity.
                assert!(l.json.get("pay_rate_minor").is_none(), "{}", l.json);
                assert!(l.json.get("expert_id").is_none());
                assert!(l.json.get("vendor_org_id").is_none());
                assert_eq!(
                    l.json["auto_approve_at"],
                    json!((app.clock_now() + Duration::days(5)).to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true))
                );
                // Only the lab's administrators approve; the expert cannot; another lab
                // does not see it.
                app.relogin(&mut e.account).await;
                app.post(&format!("/v1/timesheets/{sheet}/approve"), &e.account.token, json!({}))
                    .await
                    .assert_problem(403, None);
                let rival = app.lab("Rival").await;
                app.post(&format!("/v1/timesheets/{sheet}/approve"), &rival.token, json!({}))
                    .await
                    .assert_problem(404, None);
                assert!(sheets(&app, &rival).await.is_empty());
                // Labs cannot link an expert id to a handle; a nonsense week is named.
                app.get(&format!("/v1/timesheets?expert={}", e.id), &lab.token).await.assert_problem(404, None);
                app.get("/v1/timesheets?week=yesterday", &lab.token).await.assert_problem(400, Some("week"));
                let a = app.post(&format!("/v1/timesheets/{sheet}/approve"), &lab.token, json!({})).await;
                a.assert_status(200);
                assert_eq!(a.json["status"], "approved");
                assert_eq!(a.json["approved_by_type"], "lab");
                // 30 min at 150.00 = 75.00 billed.
                assert_eq!(a.json["bill_minor"], 7500);
                app.post(&format!("/v1/timesheets/{sheet}/approve"), &lab.token, json!({}))
                    .await
                    .assert_problem(409, None);

                // The expert sees their pay (30 min at 80.00) and the history.
                let mine = app.get(&format!("/v1/timesheets/{sheet}"), &e.account.token).await;
                assert_eq!(mine.json["pay_minor"], 4000, "{}", mine.json);
                assert_eq!(mine.json["effective_hourly_minor"], 8000);
                assert!(mine.json.get("bill_minor").is_none());
                // Not even in the history's details.
                assert!(!mine.text.contains("bill"), "{}", mine.text);
                let actions: Vec<&str> = mine.json["history"].as_array().unwrap().iter()
                    .map(|h| h["action"].as_str().unwrap()).collect();
                assert_eq!(actions, ["timesheet.submitted", "timesheet.approved"]);

                // The ledger: the lab owes 75.00; 40.00 to the expert, 9.00 (Acme's 12 %) to
                // the vendor, 26.00 (15 % fee + the remainder) to the platform.
                let tb = trial_balance(&app, &mut admin).await;
                assert_eq!(balance(&tb, "lab_receivable", Some(w.lab.org())), 7500);
                assert_eq!(balance(&tb, "expert_payable", Some(&e.id)), -4000);
                assert_eq!(balance(&tb, "vendor_payable", Some(acme.org())), -900);
                assert_eq!(balance(&tb, "platform_revenue", None), -2600);
                app.relogin(&mut acme).await;
                let v = app.get(&format!("/v1/timesheets/{sheet}"), &acme.token).await;
                assert_eq!(v.json["vendor_margin_bps"], 1200, "{}", v.json);
                assert_eq!(v.json["lines"][0]["vendor_margin_minor"], 900);

                // The invoice: one line for the project and slice, collected through a
                // PaymentIntent.
                let run = app.post("/v1/invoices/run", &admin.token, json!({})).await;
                run.assert_status(200);
                let inv = &run.json["issued"][0];
                let invoice = inv["id"].as_str().unwrap().to_owned();
                assert_eq!(inv["total_minor"], 7500);
                assert_eq!(inv["collection"], "stripe");
                assert_eq!(inv["lines"][0]["seconds"], 1800);
                assert_eq!(inv["lines"][0]["bill_rate_minor"], 15000);
                assert_eq!(inv["timesheet_ids"], json!([sheet]));
                app.drain_jobs().await;
                let got = app.get(&format!("/v1/invoices/{invoice}"), &lab.token).await;
                got.assert_status(200);
                let pi = got.json["stripe"]["payment_intent_id"].as_str().expect("a PaymentIntent").to_owned();
                assert!(got.json["stripe"]["client_secret"].as_str().unwrap().starts_with(&pi));
                assert_eq!(stripe.payment_intents().iter().filter(|p| p["metadata"]["cadre_invoice_id"] == json!(invoice)).count(), 1);
                app.get(&format!("/v1/invoices/{invoice}"), &rival.token).await.assert_problem(404, None);
                assert_eq!(app.get("/v1/invoices", &rival.token).await.json["data"], json!([]));
                // Stripe-collected invoices are not marked paid by hand.
                app.post(&format!("/v1/invoices/{invoice}/mark-paid"), &admin.token, json!({"reference": "wire"}))
                    .await
                    .assert_problem(409, None);
                // The lab pays; Stripe's webhook marks the invoice paid.
                let paid = stripe.pay_intent(&pi, 7500);
                assert_eq!(deliver(&app, &paid).await.json["outcome"], "processed");
                let got = app.get(&format!("/v1/invoices/{invoice}"), &lab.token).await;
                assert_eq!(got.json["status"], "paid");
                assert_eq!(got.json["paid_reference"], json!(pi));

                // Payouts wait for a payout account that can receive them.
                let r = app.post("/v1/payouts/run", &admin.token, json!({})).await;
                r.assert_status(200);
                assert_eq!(r.json["waiting_for_account"], json!([e.id]));
                app.relogin(&mut e.account).await;
                let acct = app.post("/v1/experts/me/payout-account", &e.account.token, json!({})).await;
                acct.assert_status(200);
                assert!(acct.json["onboarding_url"].as_str().unwrap().starts_with("https://connect.stripe.com/"));
                assert_eq!(acct.json["payouts_enabled"], false);
                let account = acct.json["stripe_account_id"].as_str().unwrap().to_owned();
                // Asking again reuses the account (a fresh link).
                let again = app.post("/v1/experts/me/payout-account", &e.account.token, json!({})).await;
                assert_eq!(again.json["stripe_account_id"], json!(account));
                let done = stripe.complete_onboarding(&account);
                deliver(&app, &done).await.assert_status(200);
                let acct = app.get("/v1/experts/me/payout-account", &e.account.token).await;
                assert_eq!(acct.json["payouts_enabled"], true, "{}", acct.json);
                assert_eq!(acct.json["requirements_due"], json!([]));

                let r = app.post("/v1/payouts/run", &admin.token, json!({})).await;
                r.assert_status(200);
                assert_eq!(r.json["submitted"].as_array().unwrap().len(), 1, "{}", r.json);
                let payout = r.json["submitted"][0].as_str().unwrap().to_owned();
                let transfers: Vec<Value> = stripe.transfers().into_iter()
                    .filter(|t| t["metadata"]["cadre_payout_id"] == json!(payout)).collect();
                assert_eq!(transfers.len(), 1);
                assert_eq!(transfers[0]["amount"], 4000);
                assert_eq!(transfers[0]["destination"], json!(account));
                assert_eq!(stripe.requests_with_key(&format!("cadre-payout-{payout}")), 1);
                let p = app.get(&format!("/v1/payouts/{payout}"), &e.account.token).await;
                assert_eq!(p.json["status"], "submitted");
                // Stripe confirms the transfer.
                let acks = deliver_all(&app, &stripe).await;
                assert!(acks.iter().any(|a| a["outcome"] == "paid"), "{acks:?}");
                let p = app.get(&format!("/v1/payouts/{payout}"), &e.account.token).await;
                assert_eq!(p.json["status"], "paid");
                // Stripe pays the expert's balance out to their bank: `payout.paid` on the
                // connected account is recorded on their payout account.
                let bank = json!({"id": "evt_bank_payout", "type": "payout.paid", "account": account,
                    "data": {"object": {"id": "po_bank_1", "object": "payout", "amount": 4000, "currency": "usd", "status": "paid"}}});
                assert_eq!(deliver(&app, &bank).await.json["outcome"], "processed");
                let acct = app.get("/v1/experts/me/payout-account", &e.account.token).await;
                assert_eq!(acct.json["last_bank_payout_status"], "paid");
                // A second run finds nothing owed.
                let r = app.post("/v1/payouts/run", &admin.token, json!({})).await;
                assert_eq!(r.json["created"], json!([]));

                let earned = app.get("/v1/experts/me/earnings", &e.account.token).await;
                earned.assert_status(200);
                assert_eq!(earned.json["balances"], json!([{"currency": "USD", "payable_minor": 0, "in_payouts_minor": 0, "paid_minor": 4000}]));
                assert_eq!(earned.json["weeks"][0]["effective_hourly_minor"], 8000);
                // Another expert sees none of it.
                let other = app.expert().await;
                assert_eq!(app.get("/v1/payouts", &other.token).await.json["data"], json!([]));
                app.get(&format!("/v1/payouts/{payout}"), &other.token).await.assert_problem(404, None);
                app.get(&format!("/v1/timesheets/{sheet}"), &other.token).await.assert_problem(404, None);
                // An expert's pay rates are theirs, their vendor's and the platform's.
                app.get(&format!("/v1/experts/{}/pay-rates", e.id), &lab.token).await.assert_problem(404, None);
                app.get(&format!("/v1/experts/{}/pay-rates", e.id), &other.token).await.assert_problem(404, None);

                let tb = trial_balance(&app, &mut admin).await;
                assert_eq!(balance(&tb, "lab_receivable", Some(w.lab.org())), 0);
                assert_eq!(balance(&tb, "expert_payable", Some(&e.id)), 0);
                assert_eq!(balance(&tb, "cash_stripe", None), 7500 - 4000);
                // async-stripe sends its pinned API version on every call.
                assert!(stripe.stripe_versions().iter().all(|v| v.as_deref() == Some("2026-09-30.endive")));
    })
    .await;
}

#[tokio::test]
async fn disputes_are_resolved_by_a_platform_admin_undisputed_sheets_auto_approve_and_the_floor_tops_up_pay()
 {
    on_both_with(
        |s| {
            s.payments.pay_floor_per_hour.insert("USD".into(), 12000);
            // One open assignment each, so the two items go to the two experts.
            s.routing.max_open_assignments = 1;
        },
        |app| async move {
            let w = world(&app, Opts { overlap: 1, ..Opts::default() }).await;
            let mut admin = w.admin.clone();
            let mut a = qualified(&app, &w, None, json!({})).await;
            let mut b = qualified(&app, &w, None, json!({})).await;
            push(&app, &w, vec![item(1), item(2)]).await;
            // Each expert gets one item (the load term spreads them).
            for e in [&mut a, &mut b] {
                assert_eq!(work(&app, e, "offered").await.len(), 1);
            }
            work_one(&app, &mut a, 40).await;
            work_one(&app, &mut b, 20).await;
            go_to(&app, 7, 1);
            app.drain_jobs().await;
            let mut lab = w.lab.clone();
            app.relogin(&mut lab).await;
            let all = sheets(&app, &lab).await;
            assert_eq!(all.len(), 2);
            let sheet_of = |secs: i64| all.iter().find(|s| s["seconds"] == secs).unwrap().clone();
            let (sa, sb) = (sheet_of(2400), sheet_of(1200));
            let (ida, idb) = (sa["id"].as_str().unwrap().to_owned(), sb["id"].as_str().unwrap().to_owned());
            let line = sa["lines"][0]["id"].as_str().unwrap().to_owned();

            // The lab disputes A's line with a reason; bad bodies name the field.
            app.post(&format!("/v1/timesheets/{ida}/dispute"), &lab.token, json!({"lines": []}))
                .await
                .assert_problem(422, Some("lines"));
            app.post(&format!("/v1/timesheets/{ida}/dispute"), &lab.token, json!({"lines": [{"line_id": line, "reason": ""}]}))
                .await
                .assert_problem(422, Some("lines[0].reason"));
            app.post(&format!("/v1/timesheets/{ida}/dispute"), &lab.token, json!({"lines": [{"line_id": "tsl_01jd3v7q8y2k5m9n4p6r8s0t2w", "reason": "?"}]}))
                .await
                .assert_problem(422, Some("lines[0].line_id"));
            let d = app.post(&format!("/v1/timesheets/{ida}/dispute"), &lab.token,
                json!({"lines": [{"line_id": line, "reason": "The item needed ten minutes at most"}]})).await;
            d.assert_status(200);
            assert_eq!(d.json["status"], "disputed");
            // The lab cannot approve it now; the expert sees the reason.
            app.post(&format!("/v1/timesheets/{ida}/approve"), &lab.token, json!({}))
                .await
                .assert_problem(409, None);
            app.relogin(&mut a.account).await;
            let mine = app.get(&format!("/v1/timesheets/{ida}"), &a.account.token).await;
            assert_eq!(mine.json["lines"][0]["dispute_reason"], "The item needed ten minutes at most");

            // Five days on, B's undisputed sheet approves itself; A's waits.
            go_to(&app, 12, 2);
            app.drain_jobs().await;
            app.relogin(&mut lab).await;
            let gb = app.get(&format!("/v1/timesheets/{idb}"), &lab.token).await;
            assert_eq!(gb.json["status"], "approved", "{}", gb.json);
            assert_eq!(gb.json["approved_by_type"], "system");
            assert_eq!(app.get(&format!("/v1/timesheets/{ida}"), &lab.token).await.json["status"], "disputed");

            // A platform admin resolves: 30 of the 40 minutes stand.
            app.post(&format!("/v1/timesheets/{ida}/resolve"), &lab.token, json!({"note": "x"}))
                .await
                .assert_problem(403, None);
            app.relogin(&mut admin).await;
            app.post(&format!("/v1/timesheets/{ida}/resolve"), &admin.token,
                json!({"lines": [{"line_id": line, "approved_seconds": 9999}], "note": "too much"}))
                .await
                .assert_problem(422, Some("lines[0].approved_seconds"));
            let r = app.post(&format!("/v1/timesheets/{ida}/resolve"), &admin.token,
                json!({"lines": [{"line_id": line, "approved_seconds": 1800}], "note": "Half an hour is fair for this item"})).await;
            r.assert_status(200);
            assert_eq!(r.json["status"], "approved");
            assert_eq!(r.json["approved_by_type"], "platform");
            assert_eq!(r.json["seconds"], 1800);
            assert_eq!(r.json["bill_minor"], 7500);
            // Pay 30 min at 80.00 = 40.00; the floor of 120.00/h tops it up by 20.00.
            assert_eq!(r.json["floor_top_up_minor"], 2000);
            assert_eq!(r.json["pay_minor"], 6000);
            assert_eq!(r.json["effective_hourly_minor"], 12000);
            let gb = app.get(&format!("/v1/timesheets/{idb}"), &admin.token).await;
            // B: 20 min at 80.00 = 26.67 (half to even), topped up to 40.00.
            assert_eq!(gb.json["floor_top_up_minor"], 4000 - 2667);

            let tb = trial_balance(&app, &mut admin).await;
            assert_eq!(balance(&tb, "expert_payable", Some(&a.id)), -6000);
            assert_eq!(balance(&tb, "expert_payable", Some(&b.id)), -4000);
            assert_eq!(balance(&tb, "lab_receivable", Some(w.lab.org())), 7500 + 5000);

            // The next Monday's sweep invoices both sheets in one invoice, collected by hand.
            go_to(&app, 14, 1);
            app.drain_jobs().await;
            app.relogin(&mut lab).await;
            let invs = app.get("/v1/invoices", &lab.token).await;
            assert_eq!(invs.json["data"].as_array().unwrap().len(), 1, "{}", invs.json);
            let inv = &invs.json["data"][0];
            assert_eq!(inv["total_minor"], 12500);
            assert_eq!(inv["collection"], "manual");
            assert_eq!(inv["lines"][0]["seconds"], 3000);
            assert_eq!(inv["lines"][0]["timesheets"], 2);
            let id = inv["id"].as_str().unwrap().to_owned();
            app.post(&format!("/v1/invoices/{id}/mark-paid"), &lab.token, json!({"reference": "x"}))
                .await
                .assert_problem(403, None);
            app.relogin(&mut admin).await;
            app.post(&format!("/v1/invoices/{id}/mark-paid"), &admin.token, json!({}))
                .await
                .assert_problem(422, Some("reference"));
            app.post(&format!("/v1/invoices/{id}/mark-paid"), &admin.token, json!({"reference": "SEPA 2026-03-16"}))
                .await
                .assert_status(200);
            app.post(&format!("/v1/invoices/{id}/mark-paid"), &admin.token, json!({"reference": "again"}))
                .await
                .assert_problem(409, None);

            // Without Stripe, payouts are recorded for manual settlement: the scheduled
            // run (due with the sweep above) already recorded both.
            app.relogin(&mut a.account).await;
            app.post("/v1/experts/me/payout-account", &a.account.token, json!({}))
                .await
                .assert_problem(409, None);
            let all = app.get("/v1/payouts?status=pending", &admin.token).await;
            assert_eq!(all.json["data"].as_array().unwrap().len(), 2, "{}", all.json);
            let mine = app.get("/v1/payouts", &a.account.token).await;
            let list = mine.json["data"].as_array().unwrap();
            assert_eq!(list.len(), 1, "experts see only their own payouts");
            assert_eq!(list[0]["amount_minor"], 6000);
            assert_eq!(list[0]["method"], "manual");
            let pid = list[0]["id"].as_str().unwrap().to_owned();
            app.post(&format!("/v1/payouts/{pid}/mark-paid"), &a.account.token, json!({"reference": "x"}))
                .await
                .assert_problem(403, None);
            let paid = app.post(&format!("/v1/payouts/{pid}/mark-paid"), &admin.token, json!({"reference": "bank 991"})).await;
            paid.assert_status(200);
            assert_eq!(paid.json["status"], "paid");
            // A repeated run creates nothing new while B's payout is unsent.
            let again = app.post("/v1/payouts/run", &admin.token, json!({})).await;
            assert_eq!(again.json["created"], json!([]));
            let tb = trial_balance(&app, &mut admin).await;
            assert_eq!(balance(&tb, "expert_payable", Some(&a.id)), 0);
            assert_eq!(balance(&tb, "expert_payable", Some(&b.id)), -4000);
            assert_eq!(balance(&tb, "cash_stripe", None), 12500 - 6000);
        },
    )
    .await;
}

/// Experts with approved pay in the ledger and onboarded payout accounts at the stand-in.
async fn owed_experts(
    app: &TestApp,
    stripe: &StripeStandIn,
    w: &World,
    amounts: &[i64],
) -> Vec<Expert> {
    let mut out = Vec::new();
    for (i, amount) in amounts.iter().enumerate() {
        let mut e = applicant(app, w, None, json!({})).await;
        vet_to(app, w, &e, "approved").await;
        app.relogin(&mut e.account).await;
        let acct = app
            .post("/v1/experts/me/payout-account", &e.account.token, json!({}))
            .await;
        acct.assert_status(200);
        let done = stripe.complete_onboarding(acct.json["stripe_account_id"].as_str().unwrap());
        deliver(app, &done).await.assert_status(200);
        // An approved timesheet line paying `amount` (posted as the approval would).
        let s = split(
            3600,
            &Rates {
                bill_per_hour: amount * 2,
                pay_per_hour: *amount,
                platform_fee_bps: 1500,
                vendor_margin_bps: None,
            },
        );
        let t = ledger::timesheet_line(&s, "USD", w.lab.org(), &e.id, None);
        let now = app.clock_now();
        let source = format!("line-{}-{i}", e.id);
        app.state
            .db
            .write(move |conn| -> anyhow::Result<()> {
                post_to_ledger(
                    conn,
                    now,
                    &t,
                    "approved line",
                    &Source {
                        kind: "test_line",
                        id: &source,
                    },
                    None,
                )?;
                Ok(())
            })
            .await
            .unwrap();
        out.push(e);
    }
    stripe.take_events();
    out
}

#[tokio::test]
async fn the_payout_run_pays_each_payout_exactly_once_whatever_step_fails() {
    on_both_with_stripe(|app, stripe| async move {
        let w = world(&app, Opts::default()).await;
        let mut admin = w.admin.clone();
        let es = owed_experts(&app, &stripe, &w, &[1000, 2000, 3000]).await;
        // Sent in id order: the first transfer fails before Stripe does anything,
        // the second is made but its answer is lost, the third goes through.
        stripe.fail_next_transfer(Fault::FailBefore);
        stripe.fail_next_transfer(Fault::DropAfter);
        app.relogin(&mut admin).await;
        let r = app.post("/v1/payouts/run", &admin.token, json!({})).await;
        r.assert_status(200);
        assert_eq!(r.json["created"].as_array().unwrap().len(), 3);
        assert_eq!(
            r.json["retrying"].as_array().unwrap().len(),
            2,
            "{}",
            r.json
        );
        assert_eq!(r.json["submitted"].as_array().unwrap().len(), 1);
        // Payouts are sent in id order: that is the order the faults hit them.
        let mut ids: Vec<String> = r.json["created"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap().to_owned())
            .collect();
        ids.sort();
        let failed_before = &ids[0];
        let dropped = &ids[1];
        let through = &ids[2];
        let status = |v: &Value| v["status"].as_str().unwrap().to_owned();
        for (id, want) in [
            (failed_before, "pending"),
            (dropped, "pending"),
            (through, "submitted"),
        ] {
            let g = app.get(&format!("/v1/payouts/{id}"), &admin.token).await;
            assert_eq!(status(&g.json), want, "{id}: {}", g.json);
        }
        // Stripe made two transfers (the dropped one exists there).
        assert_eq!(stripe.transfers().len(), 2);

        // Stripe's transfer.created for the dropped one arrives before any re-run:
        // the webhook records it and pays it.
        let acks = deliver_all(&app, &stripe).await;
        assert_eq!(
            acks.iter().filter(|a| a["outcome"] == "paid").count(),
            2,
            "{acks:?}"
        );
        let g = app
            .get(&format!("/v1/payouts/{dropped}"), &admin.token)
            .await;
        assert_eq!(status(&g.json), "paid");
        assert!(g.json["stripe_transfer_id"].as_str().is_some());

        // The re-run sends only the one that never reached Stripe, with its key.
        let r = app.post("/v1/payouts/run", &admin.token, json!({})).await;
        assert_eq!(r.json["created"], json!([]), "{}", r.json);
        assert_eq!(r.json["submitted"], json!([failed_before]));
        deliver_all(&app, &stripe).await;
        for id in &ids {
            let g = app.get(&format!("/v1/payouts/{id}"), &admin.token).await;
            assert_eq!(status(&g.json), "paid");
            let n = stripe
                .transfers()
                .iter()
                .filter(|t| t["metadata"]["cadre_payout_id"] == json!(id))
                .count();
            assert_eq!(n, 1, "exactly one transfer for {id}");
        }
        assert_eq!(
            stripe.requests_with_key(&format!("cadre-payout-{failed_before}")),
            2
        );
        assert_eq!(
            stripe.requests_with_key(&format!("cadre-payout-{dropped}")),
            1
        );
        assert_eq!(
            stripe.requests_with_key(&format!("cadre-payout-{through}")),
            1
        );
        // The same event again changes nothing.
        let tr = stripe
            .transfers()
            .into_iter()
            .find(|t| t["metadata"]["cadre_payout_id"] == json!(through))
            .unwrap();
        let replay =
            json!({"id": "evt_replayed_once", "type": "transfer.created", "data": {"object": tr}});
        assert_eq!(deliver(&app, &replay).await.json["duplicate"], false);
        let again = deliver(&app, &replay).await;
        assert_eq!(again.json["duplicate"], true);

        // Stripe reverses the third transfer: the payout fails, the amount is payable
        // again, and the next run pays it as a new payout with a new key.
        let reversed = stripe.reverse_transfer(tr["id"].as_str().unwrap());
        assert_eq!(deliver(&app, &reversed).await.json["outcome"], "processed");
        let g = app
            .get(&format!("/v1/payouts/{through}"), &admin.token)
            .await;
        assert_eq!(status(&g.json), "failed");
        let tb = trial_balance(&app, &mut admin).await;
        let owner = es
            .iter()
            .find(|e| e.id == g.json["expert_id"].as_str().unwrap())
            .unwrap();
        assert_eq!(
            balance(&tb, "expert_payable", Some(&owner.id)),
            -g.json["amount_minor"].as_i64().unwrap()
        );
        let r = app.post("/v1/payouts/run", &admin.token, json!({})).await;
        let retry = r.json["submitted"][0].as_str().unwrap().to_owned();
        let g2 = app.get(&format!("/v1/payouts/{retry}"), &admin.token).await;
        assert_eq!(g2.json["retry_of"], json!(through));
        deliver_all(&app, &stripe).await;
        let tb = trial_balance(&app, &mut admin).await;
        for e in &es {
            assert_eq!(balance(&tb, "expert_payable", Some(&e.id)), 0);
        }
        assert_eq!(balance(&tb, "cash_stripe", None), -6000);
    })
    .await;
}

#[tokio::test]
async fn concurrent_payout_runs_never_pay_twice() {
    on_both_with_stripe(|app, stripe| async move {
        let w = world(&app, Opts::default()).await;
        let mut admin = w.admin.clone();
        let es = owed_experts(&app, &stripe, &w, &[1500, 2500, 3500, 4500]).await;
        app.relogin(&mut admin).await;
        let (a, b, c) = tokio::join!(
            app.post("/v1/payouts/run", &admin.token, json!({})),
            app.post("/v1/payouts/run", &admin.token, json!({})),
            app.post("/v1/payouts/run", &admin.token, json!({})),
        );
        let mut created = Vec::new();
        let mut submitted = Vec::new();
        for r in [&a, &b, &c] {
            r.assert_status(200);
            created.extend(r.json["created"].as_array().unwrap().iter().cloned());
            submitted.extend(r.json["submitted"].as_array().unwrap().iter().cloned());
        }
        assert_eq!(created.len(), 4, "one payout per expert: {created:?}");
        assert_eq!(
            submitted.len(),
            4,
            "each submitted by one run: {submitted:?}"
        );
        let transfers = stripe.transfers();
        for e in &es {
            let n = transfers
                .iter()
                .filter(|t| t["metadata"]["cadre_expert_id"] == json!(e.id))
                .count();
            assert_eq!(n, 1, "one transfer for {}", e.id);
        }
        deliver_all(&app, &stripe).await;
        let tb = trial_balance(&app, &mut admin).await;
        assert_eq!(
            balance(&tb, "cash_stripe", None),
            -(1500 + 2500 + 3500 + 4500)
        );
    })
    .await;
}

#[tokio::test]
async fn forged_stale_and_replayed_stripe_webhooks_are_refused_and_rotation_works() {
    on_both_with(
        |s| {
            s.payments.stripe.webhook_secrets = vec!["whsec_old".to_owned().into(), WEBHOOK_SECRET.to_owned().into()];
        },
        |app| async move {
            let now = app.clock_now().timestamp();
            let event = json!({"id": "evt_1", "type": "customer.created", "data": {"object": {"id": "cus_1"}}});
            // Forged: signed with a secret Cadre does not know.
            let (body, header) = signed(&event, &["whsec_forged"], now);
            deliver_raw(&app, body, &header).await.assert_problem(400, Some("Stripe-Signature"));
            // Stale: a genuine signature older than the tolerance (a replay).
            let (body, header) = signed(&event, &[WEBHOOK_SECRET], now - 301);
            deliver_raw(&app, body, &header).await.assert_problem(400, Some("Stripe-Signature"));
            // No header at all; a body changed after signing.
            let (body, _) = signed(&event, &[WEBHOOK_SECRET], now);
            deliver_raw(&app, body.clone(), "").await.assert_problem(400, Some("Stripe-Signature"));
            let (_, header) = signed(&event, &[WEBHOOK_SECRET], now);
            deliver_raw(&app, body.replace("cus_1", "cus_2"), &header).await.assert_problem(400, Some("Stripe-Signature"));
            // Stripe rotating its secret: two v1 signatures, one by a secret Cadre knows.
            let (body, header) = signed(&event, &["whsec_brand_new", WEBHOOK_SECRET], now);
            assert!(header.matches("v1=").count() == 2);
            let ok = deliver_raw(&app, body.clone(), &header).await;
            ok.assert_status(200);
            assert_eq!(ok.json["outcome"], "ignored");
            assert_eq!(ok.json["duplicate"], false);
            // Cadre rotating its side: the old secret still verifies.
            let (_, header) = signed(&event, &["whsec_old"], now);
            let replay = deliver_raw(&app, body, &header).await;
            replay.assert_status(200);
            assert_eq!(replay.json["duplicate"], true);
            // A signed body that is not an event.
            let (body, header) = signed(&json!({"hello": 1}), &[WEBHOOK_SECRET], now);
            deliver_raw(&app, body, &header).await.assert_problem(400, None);
        },
    )
    .await;
}

#[tokio::test]
async fn a_transfer_stripe_refuses_fails_its_payout_and_the_next_run_pays_it_anew() {
    on_both_with_stripe(|app, stripe| async move {
        let w = world(&app, Opts::default()).await;
        let mut admin = w.admin.clone();
        let es = owed_experts(&app, &stripe, &w, &[2500]).await;
        stripe.fail_next_transfer(Fault::Refuse);
        app.relogin(&mut admin).await;
        let r = app.post("/v1/payouts/run", &admin.token, json!({})).await;
        r.assert_status(200);
        assert_eq!(r.json["failed"].as_array().unwrap().len(), 1, "{}", r.json);
        let first = r.json["failed"][0].as_str().unwrap().to_owned();
        let g = app.get(&format!("/v1/payouts/{first}"), &admin.token).await;
        assert_eq!(g.json["status"], "failed");
        assert!(
            g.json["last_error"].as_str().unwrap().contains("400"),
            "{}",
            g.json
        );
        assert!(stripe.transfers().is_empty());
        // Nothing was posted: the pay is still owed, and the next run pays it.
        let tb = trial_balance(&app, &mut admin).await;
        assert_eq!(balance(&tb, "expert_payable", Some(&es[0].id)), -2500);
        let r = app.post("/v1/payouts/run", &admin.token, json!({})).await;
        let retry = r.json["submitted"][0].as_str().unwrap().to_owned();
        assert_ne!(retry, first);
        let g = app.get(&format!("/v1/payouts/{retry}"), &admin.token).await;
        assert_eq!(g.json["retry_of"], json!(first));
        assert_eq!(stripe.transfers().len(), 1);
        deliver_all(&app, &stripe).await;
        let tb = trial_balance(&app, &mut admin).await;
        assert_eq!(balance(&tb, "expert_payable", Some(&es[0].id)), 0);
    })
    .await;
}

#[tokio::test]
async fn an_unverified_account_is_not_paid_until_its_address_is_confirmed() {
    use diesel::connection::SimpleConnection;
    on_both_with_stripe(|app, stripe| async move {
        let w = world(&app, Opts::default()).await;
        let mut admin = w.admin.clone();
        let es = owed_experts(&app, &stripe, &w, &[1500, 2500]).await;
        // The first expert's address is no longer confirmed (as for an account from before
        // verification was required).
        let email = es[0].account.email.clone();
        let set = |verified: &str| {
            format!("UPDATE users SET email_verified_at = {verified} WHERE email = '{email}'")
        };
        let unverify = set("NULL");
        app.state
            .db
            .read(move |conn| anyhow::Ok(conn.batch_execute(&unverify)?))
            .await
            .unwrap();
        app.relogin(&mut admin).await;
        let r = app.post("/v1/payouts/run", &admin.token, json!({})).await;
        r.assert_status(200);
        assert_eq!(
            r.json["waiting_for_verification"],
            json!([es[0].id]),
            "{}",
            r.json
        );
        assert_eq!(
            r.json["submitted"].as_array().unwrap().len(),
            1,
            "{}",
            r.json
        );
        assert_eq!(stripe.transfers().len(), 1);
        let tb = trial_balance(&app, &mut admin).await;
        assert_eq!(
            balance(&tb, "expert_payable", Some(&es[0].id)),
            -1500,
            "still owed"
        );
        // Confirmed again, the next run pays what waited.
        let verify = set("created_at");
        app.state
            .db
            .read(move |conn| anyhow::Ok(conn.batch_execute(&verify)?))
            .await
            .unwrap();
        let r = app.post("/v1/payouts/run", &admin.token, json!({})).await;
        assert_eq!(
            r.json["submitted"].as_array().unwrap().len(),
            1,
            "{}",
            r.json
        );
        assert_eq!(r.json["waiting_for_verification"], json!([]));
        assert_eq!(stripe.transfers().len(), 2);
    })
    .await;
}

#[tokio::test]
async fn a_webhook_that_fails_midway_changes_nothing_and_its_redelivery_settles_the_payout_once() {
    use diesel::connection::SimpleConnection;
    on_both_with_stripe(|app, stripe| async move {
                let w = world(&app, Opts::default()).await;
                let mut admin = w.admin.clone();
                let es = owed_experts(&app, &stripe, &w, &[4200]).await;
                // The run dies after Stripe made the transfer: the payout stays pending.
                stripe.fail_next_transfer(Fault::DropAfter);
                app.relogin(&mut admin).await;
                let r = app.post("/v1/payouts/run", &admin.token, json!({})).await;
                let payout = r.json["retrying"][0].as_str().unwrap().to_owned();
                let events = stripe.take_events();
                assert_eq!(events.len(), 1);
                let event = &events[0];
                assert_eq!(event["type"], "transfer.created");
                // Cadre fails while applying the event: the database refuses the last write
                // of the webhook's transaction (recording the event id).
                let id = event["id"].as_str().unwrap().to_owned();
                let install = match app.engine {
                    crate::helpers::Engine::Sqlite => format!(
                        "CREATE TRIGGER fail_event BEFORE INSERT ON stripe_events WHEN NEW.id = '{id}' \
                         BEGIN SELECT RAISE(ABORT, 'injected failure'); END;"
                    ),
                    crate::helpers::Engine::Postgres => format!(
                        "CREATE FUNCTION fail_event() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql; \
                         CREATE TRIGGER fail_event BEFORE INSERT ON stripe_events FOR EACH ROW WHEN (NEW.id = '{id}') EXECUTE FUNCTION fail_event();"
                    ),
                };
                let sql = |s: String| async {
                    app.state
                        .db
                        .read(move |conn| anyhow::Ok(conn.batch_execute(&s)?))
                        .await
                        .unwrap()
                };
                sql(install).await;
                let failed = deliver(&app, event).await;
                assert_eq!(failed.status.as_u16(), 500, "{}", failed.text);
                // Nothing of the event's effect is left: still pending, nothing posted.
                let g = app.get(&format!("/v1/payouts/{payout}"), &admin.token).await;
                assert_eq!(g.json["status"], "pending", "{}", g.json);
                let tb = trial_balance(&app, &mut admin).await;
                assert_eq!(balance(&tb, "expert_payable", Some(&es[0].id)), -4200);
                assert_eq!(balance(&tb, "cash_stripe", None), 0);
                // A run before the redelivery finds the transfer at Stripe (by its transfer group)
                // and records it without sending it again.
                sql("DROP TRIGGER fail_event".to_owned() + if app.engine == crate::helpers::Engine::Postgres { " ON stripe_events" } else { "" }).await;
                let r = app.post("/v1/payouts/run", &admin.token, json!({})).await;
                assert_eq!(r.json["submitted"], json!([payout]), "{}", r.json);
                assert_eq!(stripe.requests_with_key(&format!("cadre-payout-{payout}")), 1);
                // Stripe delivers the event again: settled, once.
                let ok = deliver(&app, event).await;
                ok.assert_status(200);
                assert_eq!(ok.json["outcome"], "paid");
                assert_eq!(deliver(&app, event).await.json["duplicate"], true);
                let r = app.post("/v1/payouts/run", &admin.token, json!({})).await;
                assert_eq!(r.json["submitted"], json!([]));
                assert_eq!(r.json["retrying"], json!([]));
                assert_eq!(stripe.transfers().len(), 1);
                let tb = trial_balance(&app, &mut admin).await;
                assert_eq!(balance(&tb, "expert_payable", Some(&es[0].id)), 0);
                assert_eq!(balance(&tb, "cash_stripe", None), -4200);
    })
    .await;
}

#[tokio::test]
async fn a_labs_pipeline_hears_of_its_timesheets_and_invoices_signed_once_each() {
    use crate::webhooks::{Receiver, assert_signed, open_webhooks, register};
    on_both_with(open_webhooks, |app| async move {
        let w = world(&app, Opts { overlap: 1, ..Opts::default() }).await;
        let rx = Receiver::start(&[]).await;
        let events = json!(["timesheet.submitted", "timesheet.disputed", "invoice.issued", "invoice.paid"]);
        let (_, secret) = register(&app, &w, &rx.url, events).await;
        let mut admin = w.admin.clone();
        let mut e = qualified(&app, &w, None, json!({})).await;
        push(&app, &w, vec![item(1)]).await;
        work_one(&app, &mut e, 20).await;
        let event_of = |i: usize| -> Value {
            let got = rx.received();
            assert_signed(&got[i], &secret);
            let v: Value = serde_json::from_slice(&got[i].body).unwrap();
            assert_eq!(got[i].headers["cadre-event-type"], v["type"].as_str().unwrap());
            v
        };

        // The week ends: the sweep submits the sheet, and the lab hears of it.
        go_to(&app, 7, 1);
        app.drain_jobs().await;
        assert_eq!(rx.received().len(), 1);
        let submitted = event_of(0);
        assert_eq!(submitted["type"], "timesheet.submitted");
        let sheet = submitted["data"]["timesheet"]["id"].as_str().unwrap().to_owned();
        assert_eq!(submitted["data"]["timesheet"]["project_id"], w.project.as_str());
        assert_eq!(submitted["data"]["timesheet"]["currency"], "USD");
        assert!(submitted["data"]["timesheet"]["auto_approve_at"].is_string());
        // The expert appears by pseudonymous handle, never by id.
        assert!(submitted["data"]["timesheet"]["expert"].as_str().unwrap().starts_with("expert-"));
        assert!(!rx.received()[0].body.windows(e.id.len()).any(|b| b == e.id.as_bytes()));

        // The lab disputes a line.
        let mut lab = w.lab.clone();
        app.relogin(&mut lab).await;
        let s = app.get(&format!("/v1/timesheets/{sheet}"), &lab.token).await;
        let line = s.json["lines"][0]["id"].as_str().unwrap().to_owned();
        app.post(&format!("/v1/timesheets/{sheet}/dispute"), &lab.token,
            json!({"lines": [{"line_id": line, "reason": "Twenty minutes for one item is long"}]}))
            .await
            .assert_status(200);
        app.drain_jobs().await;
        let disputed = event_of(1);
        assert_eq!(disputed["type"], "timesheet.disputed");
        assert_eq!(disputed["data"]["timesheet_id"], sheet.as_str());
        assert_eq!(disputed["data"]["lines"][0]["line_id"], line.as_str());
        assert_eq!(disputed["data"]["lines"][0]["reason"], "Twenty minutes for one item is long");

        // The platform resolves it; the invoice is issued, then paid.
        app.relogin(&mut admin).await;
        app.post(&format!("/v1/timesheets/{sheet}/resolve"), &admin.token,
            json!({"lines": [{"line_id": line, "approved_seconds": 900}], "note": "Fifteen minutes stand"}))
            .await
            .assert_status(200);
        let run = app.post("/v1/invoices/run", &admin.token, json!({})).await;
        run.assert_status(200);
        let invoice = run.json["issued"][0]["id"]
            .as_str()
            .or(run.json["issued"][0].as_str())
            .unwrap_or_else(|| panic!("an invoice: {}", run.json))
            .to_owned();
        app.drain_jobs().await;
        let issued = event_of(2);
        assert_eq!(issued["type"], "invoice.issued");
        assert_eq!(issued["data"]["invoice"]["id"], invoice.as_str());
        assert_eq!(issued["data"]["invoice"]["currency"], "USD");
        assert_eq!(issued["data"]["invoice"]["timesheets"], 1);
        let total = issued["data"]["invoice"]["total_minor"].as_i64().unwrap();
        assert!(total > 0);
        app.post(&format!("/v1/invoices/{invoice}/mark-paid"), &admin.token, json!({"reference": "WIRE-2026-0042"}))
            .await
            .assert_status(200);
        // Marked twice: a conflict, and no second event.
        app.post(&format!("/v1/invoices/{invoice}/mark-paid"), &admin.token, json!({"reference": "WIRE-2026-0042"}))
            .await
            .assert_problem(409, None);
        app.drain_jobs().await;
        let paid = event_of(3);
        assert_eq!(paid["type"], "invoice.paid");
        assert_eq!(paid["data"]["invoice_id"], invoice.as_str());
        assert_eq!(paid["data"]["total_minor"], total);
        assert_eq!(paid["data"]["reference"], "WIRE-2026-0042");
        assert_eq!(rx.received().len(), 4, "one event each");
        let ids: std::collections::BTreeSet<String> = (0..4)
            .map(|i| event_of(i)["id"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(ids.len(), 4);
    })
    .await;
}

/// What Stripe's refusals say; none of it may reach an expert.
const STRIPE_WORDS: &[&str] = &[
    "Stripe",
    "API Key",
    "sk_test",
    "permission",
    "invalid_request_error",
    "401",
    "403",
];

fn assert_neutral(text: &str) {
    for w in STRIPE_WORDS {
        assert!(!text.contains(w), "`{w}` reached the expert: {text}");
    }
}

#[tokio::test]
async fn payout_accounts_are_opened_in_the_experts_country_and_unsupported_countries_are_refused() {
    on_both_with_stripe(|app, stripe| async move {
        let w = world(&app, Opts::default()).await;
        let mut german = applicant(
            &app,
            &w,
            None,
            json!({"country": "DE", "time_zone": "Europe/Berlin"}),
        )
        .await;
        let mut japanese = applicant(
            &app,
            &w,
            None,
            json!({"country": "JP", "time_zone": "Asia/Tokyo"}),
        )
        .await;
        for e in [&mut german, &mut japanese] {
            app.relogin(&mut e.account).await;
            app.post("/v1/experts/me/payout-account", &e.account.token, json!({}))
                .await
                .assert_status(200);
        }
        let country_of = |expert: &str| -> Value {
            let accounts: Vec<Value> = stripe
                .accounts()
                .into_iter()
                .filter(|a| a["metadata"]["cadre_expert_id"] == json!(expert))
                .collect();
            assert_eq!(accounts.len(), 1, "{accounts:?}");
            assert_eq!(accounts[0]["type"], "express");
            accounts[0]["country"].clone()
        };
        assert_eq!(country_of(&german.id), json!("DE"));
        assert_eq!(country_of(&japanese.id), json!("JP"));

        // Nigeria is not among the countries Stripe Connect opens Express accounts in.
        let mut nigerian = applicant(
            &app,
            &w,
            None,
            json!({"country": "NG", "time_zone": "Africa/Lagos"}),
        )
        .await;
        app.relogin(&mut nigerian.account).await;
        let before = stripe.request_count();
        let r = app
            .post(
                "/v1/experts/me/payout-account",
                &nigerian.account.token,
                json!({}),
            )
            .await;
        r.assert_problem(422, Some("country"));
        assert!(
            r.json["detail"].as_str().unwrap().contains("`NG`"),
            "{}",
            r.text
        );
        assert_eq!(stripe.request_count(), before, "Stripe is not asked");
        let acct = app
            .get("/v1/experts/me/payout-account", &nigerian.account.token)
            .await;
        acct.assert_status(200);
        assert_eq!(acct.json["stripe_account_id"], Value::Null);

        // Moving to a supported country (a new profile) opens the account there.
        let me = app.get("/v1/experts/me", &nigerian.account.token).await;
        let mut profile = json!({});
        for k in [
            "display_name",
            "headline",
            "bio",
            "domain_ids",
            "languages",
            "affiliations",
            "contact_consent",
        ] {
            profile[k] = me.json[k].clone();
        }
        profile["time_zone"] = json!("Europe/Dublin");
        profile["country"] = json!("IE");
        profile["desired_rate_minor"] = me.json["desired_rate"]["amount_minor"].clone();
        profile["desired_currency"] = me.json["desired_rate"]["currency"].clone();
        app.call(
            reqwest::Method::PATCH,
            "/v1/experts/me",
            Some(&nigerian.account.token),
            Some(profile),
        )
        .await
        .assert_status(200);
        app.post(
            "/v1/experts/me/payout-account",
            &nigerian.account.token,
            json!({}),
        )
        .await
        .assert_status(200);
        assert_eq!(country_of(&nigerian.id), json!("IE"));
    })
    .await;
}

#[tokio::test]
async fn an_installation_lists_the_countries_it_opens_payout_accounts_in() {
    let stripe = StripeStandIn::start().await;
    on_both_with(
        |s| {
            stripe.configure(s);
            s.payments.stripe.connect_countries = vec!["FR".into()];
        },
        |app| {
            stripe.reset();
            let stripe = stripe.clone();
            async move {
                let w = world(&app, Opts::default()).await;
                // Germany is supported by Stripe, but not by this installation.
                let mut german = applicant(&app, &w, None, json!({"country": "DE"})).await;
                app.relogin(&mut german.account).await;
                let r = app
                    .post(
                        "/v1/experts/me/payout-account",
                        &german.account.token,
                        json!({}),
                    )
                    .await;
                r.assert_problem(422, Some("country"));
                assert!(
                    r.json["detail"].as_str().unwrap().contains("(FR)"),
                    "{}",
                    r.text
                );
                let mut french = applicant(&app, &w, None, json!({"country": "FR"})).await;
                app.relogin(&mut french.account).await;
                app.post(
                    "/v1/experts/me/payout-account",
                    &french.account.token,
                    json!({}),
                )
                .await
                .assert_status(200);
                assert_eq!(stripe.accounts().len(), 1);
                assert_eq!(stripe.accounts()[0]["country"], "FR");
            }
        },
    )
    .await;
}

#[tokio::test]
async fn a_refused_stripe_key_is_a_503_for_the_expert_without_stripes_words() {
    let stripe = StripeStandIn::start().await;
    on_both_with(
        |s| {
            stripe.configure(s);
            // A key Stripe does not know (wrong, or revoked): every call is answered 401.
            s.payments.stripe.secret_key = Some("sk_test_revoked_long_ago".to_owned().into());
        },
        |app| {
            stripe.reset();
            let stripe = stripe.clone();
            async move {
                let w = world(&app, Opts::default()).await;
                let mut e = applicant(&app, &w, None, json!({"country": "DE"})).await;
                app.relogin(&mut e.account).await;
                let r = app
                    .post("/v1/experts/me/payout-account", &e.account.token, json!({}))
                    .await;
                r.assert_problem(503, None);
                assert_eq!(
                    r.json["detail"],
                    "the payments provider is unavailable; try again later"
                );
                assert_neutral(&r.text);
                // Stripe was asked, and refused: nothing was opened or recorded.
                assert_eq!(stripe.request_count(), 1);
                assert!(stripe.accounts().is_empty());
                let acct = app
                    .get("/v1/experts/me/payout-account", &e.account.token)
                    .await;
                acct.assert_status(200);
                assert_eq!(acct.json["stripe_account_id"], Value::Null);
            }
        },
    )
    .await;
}

#[tokio::test]
async fn a_key_without_transfer_permission_stops_the_payout_run_and_the_payouts_wait() {
    on_both_with_stripe(|app, stripe| async move {
        let w = world(&app, Opts::default()).await;
        let mut admin = w.admin.clone();
        let mut es = owed_experts(&app, &stripe, &w, &[1500, 2500]).await;
        // The operator rotated to a restricted key that may not make transfers: 403.
        stripe.deny_permission(true);
        app.relogin(&mut admin).await;
        let before = stripe.request_count();
        let r = app.post("/v1/payouts/run", &admin.token, json!({})).await;
        r.assert_status(200);
        assert_eq!(r.json["created"].as_array().unwrap().len(), 2, "{}", r.json);
        assert_eq!(r.json["submitted"], json!([]), "{}", r.json);
        assert_eq!(r.json["failed"], json!([]), "{}", r.json);
        let not_sent = r.json["not_sent"].as_array().unwrap().clone();
        assert_eq!(not_sent.len(), 2, "{}", r.json);
        let said = r.json["stripe_configuration_error"].as_str().unwrap();
        assert!(said.contains("payments.stripe.secret_key"), "{said}");
        assert!(stripe.transfers().is_empty());
        // The run stopped at the first refusal instead of trying every payout.
        assert_eq!(stripe.request_count() - before, 1);
        for e in &mut es {
            app.relogin(&mut e.account).await;
            let mine = app.get("/v1/payouts", &e.account.token).await;
            mine.assert_status(200);
            assert_eq!(mine.json["data"][0]["status"], "pending", "{}", mine.text);
            assert_neutral(&mine.text);
        }
        // Platform admins see what Stripe said.
        let p = app
            .get(
                &format!("/v1/payouts/{}", not_sent[0].as_str().unwrap()),
                &admin.token,
            )
            .await;
        assert_eq!(p.json["status"], "pending");
        assert!(
            p.json["last_error"].as_str().unwrap().contains("403"),
            "{}",
            p.text
        );
        // The key is fixed: the next run pays both, once each.
        stripe.deny_permission(false);
        let r = app.post("/v1/payouts/run", &admin.token, json!({})).await;
        r.assert_status(200);
        assert_eq!(
            r.json["submitted"].as_array().unwrap().len(),
            2,
            "{}",
            r.json
        );
        assert_eq!(r.json["not_sent"], json!([]));
        assert!(
            r.json.get("stripe_configuration_error").is_none(),
            "{}",
            r.json
        );
        assert_eq!(stripe.transfers().len(), 2);
        deliver_all(&app, &stripe).await;
        let tb = trial_balance(&app, &mut admin).await;
        for e in &es {
            assert_eq!(balance(&tb, "expert_payable", Some(&e.id)), 0);
        }
    })
    .await;
}
