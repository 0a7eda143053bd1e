//! The ledger: balanced transactions posted once per source, reversals, append-only rows
//! (the database refuses updates and deletes), the trial balance for platform admins and
//! the consistency check.

use diesel::RunQueryDsl;
use serde_json::json;

use cadre::payments::amounts::{Rates, split};
use cadre::payments::ledger;
use cadre::payments::{Posted, Source, check_ledger, post_to_ledger, reverse_in_ledger};

use crate::helpers::{TestApp, on_both};

async fn post(
    app: &TestApp,
    t: ledger::Transaction,
    source: &'static str,
) -> Result<Posted, String> {
    let now = app.clock_now();
    app.state
        .db
        .write(move |conn| -> anyhow::Result<Posted> {
            Ok(post_to_ledger(
                conn,
                now,
                &t,
                "test",
                &Source {
                    kind: "test",
                    id: source,
                },
                None,
            )?)
        })
        .await
        .map_err(|e| e.to_string())
}

#[tokio::test]
async fn money_moves_in_balanced_transactions_posted_once_and_the_trial_balance_shows_it() {
    on_both(|app| async move {
        let admin = app.platform_admin().await;
        let line = split(
            2 * 3600,
            &Rates {
                bill_per_hour: 15000,
                pay_per_hour: 9000,
                platform_fee_bps: 1500,
                vendor_margin_bps: Some(1000),
            },
        );
        let t = ledger::timesheet_line(&line, "USD", "org_lab", "exp_one", Some("org_vendor"));
        let first = post(&app, t.clone(), "line-1").await.unwrap();
        assert!(matches!(first, Posted::New(_)));
        // Another amount under the same source is refused: a correction needs its own.
        let mut other =
            ledger::timesheet_line(&line, "USD", "org_lab", "exp_one", Some("org_vendor"));
        other.postings[0].amount += 1;
        other.postings[1].amount -= 1;
        let e = post(&app, other, "line-1").await.unwrap_err();
        assert!(e.contains("other amounts"), "{e}");
        // The same step retried posts nothing new.
        assert_eq!(
            post(&app, t, "line-1").await.unwrap(),
            Posted::Existing(first.id().to_owned())
        );
        post(&app, ledger::invoice_paid(30000, "USD", "org_lab"), "inv-1")
            .await
            .unwrap();
        let payout = post(&app, ledger::payout_sent(18000, "USD", "exp_one"), "pay-1")
            .await
            .unwrap();
        // An unbalanced transaction is refused before anything is written.
        let mut bad = ledger::invoice_paid(500, "EUR", "org_lab");
        bad.postings[0].amount = 499;
        let e = post(&app, bad, "inv-2").await.unwrap_err();
        assert!(e.contains("sum to -1") || e.contains("EUR"), "{e}");

        // The payout failed: reversed once, which returns the pay to the expert.
        let now = app.clock_now();
        let pid = payout.id().to_owned();
        let reversed = app
            .state
            .db
            .write(move |conn| -> anyhow::Result<(Posted, Posted)> {
                let a = reverse_in_ledger(conn, now, &pid, "transfer failed", None)?;
                let b = reverse_in_ledger(conn, now, &pid, "transfer failed", None)?;
                Ok((a, b))
            })
            .await
            .unwrap();
        assert!(matches!(reversed.0, Posted::New(_)));
        assert_eq!(reversed.1, Posted::Existing(reversed.0.id().to_owned()));
        // The reversed payout cannot be "posted again" under its old source.
        let e = post(&app, ledger::payout_sent(18000, "USD", "exp_one"), "pay-1")
            .await
            .unwrap_err();
        assert!(e.contains("reversed"), "{e}");
        let missing = app
            .state
            .db
            .write(move |conn| {
                anyhow::Ok(
                    reverse_in_ledger(conn, now, "ltx_01jd3v7q8y2k5m9n4p6r8s0t2w", "x", None)
                        .map_err(|e| e.to_string()),
                )
            })
            .await
            .unwrap();
        assert!(missing.unwrap_err().contains("not found"));

        let r = app.get("/v1/ledger/trial-balance", &admin.token).await;
        r.assert_status(200);
        assert_eq!(r.json["balanced"], true, "{}", r.json);
        assert_eq!(r.json["transactions"], 4);
        assert_eq!(
            r.json["currencies"],
            json!([{"currency": "USD", "debits": 30000, "credits": 30000}])
        );
        let balance = |kind: &str, owner: Option<&str>| {
            r.json["accounts"]
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["account"] == kind && a["owner_id"] == json!(owner))
                .map(|a| a["balance"].as_i64().unwrap())
        };
        // Billed 300.00 and paid; the expert is owed 180.00 again after the reversal.
        assert_eq!(balance("lab_receivable", Some("org_lab")), Some(0));
        assert_eq!(balance("expert_payable", Some("exp_one")), Some(-18000));
        assert_eq!(balance("vendor_payable", Some("org_vendor")), Some(-3000));
        assert_eq!(balance("platform_revenue", None), Some(-9000));
        assert_eq!(balance("cash_stripe", None), Some(30000));

        let tx = app
            .get(
                &format!("/v1/ledger/transactions/{}", reversed.0.id()),
                &admin.token,
            )
            .await;
        tx.assert_status(200);
        assert_eq!(tx.json["kind"], "reversal");
        assert_eq!(tx.json["reverses"], json!(payout.id()));
        let amounts: Vec<i64> = tx.json["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["amount"].as_i64().unwrap())
            .collect();
        assert_eq!(amounts.iter().sum::<i64>(), 0);
        assert!(amounts.contains(&-18000) && amounts.contains(&18000));

        // Only platform admins.
        let lab = app.lab("Helix").await;
        app.get("/v1/ledger/trial-balance", &lab.token)
            .await
            .assert_problem(403, None);
        app.get(
            &format!("/v1/ledger/transactions/{}", payout.id()),
            &lab.token,
        )
        .await
        .assert_problem(403, None);
        app.get(
            "/v1/ledger/transactions/ltx_01jd3v7q8y2k5m9n4p6r8s0t2w",
            &admin.token,
        )
        .await
        .assert_problem(404, None);

        // The check behind `cadre ledger check` agrees.
        let check = app
            .state
            .db
            .read(|conn| anyhow::Ok(check_ledger(conn)?))
            .await
            .unwrap();
        assert!(check.ok(), "{check:?}");
        assert_eq!((check.transactions, check.entries), (4, 4 + 2 + 2 + 2));
    })
    .await;
}

#[tokio::test]
async fn the_database_refuses_to_change_or_delete_ledger_rows() {
    on_both(|app| async move {
        post(&app, ledger::invoice_paid(1234, "EUR", "org_lab"), "inv-1")
            .await
            .unwrap();
        for statement in [
            "UPDATE ledger_entries SET amount = 0",
            "DELETE FROM ledger_entries",
            "UPDATE ledger_transactions SET description = 'changed'",
            "DELETE FROM ledger_transactions",
        ] {
            let r = app
                .state
                .db
                .read(move |conn| anyhow::Ok(diesel::sql_query(statement).execute(conn)?))
                .await;
            let e = r.expect_err(statement).to_string();
            assert!(e.contains("append-only"), "{statement}: {e}");
        }
        let check = app
            .state
            .db
            .read(|conn| anyhow::Ok(check_ledger(conn)?))
            .await
            .unwrap();
        assert!(check.ok());
        assert_eq!(check.entries, 2);
    })
    .await;
}

#[tokio::test]
async fn paid_time_is_measured_from_heartbeats_and_an_idle_gap_ends_a_session() {
    use crate::routing::{Opts, handle, item, prefer, push, qualified, work, world};
    use chrono::Duration;
    on_both(|app| async move {
        let w = world(
            &app,
            Opts {
                overlap: 1,
                ..Opts::default()
            },
        )
        .await;
        let acme = app.vendor("Acme").await;
        let mut e = qualified(&app, &w, Some(&acme), json!({})).await;
        let h = handle(&app, &w, &e).await;
        push(&app, &w, vec![item(1)]).await;
        let a = work(&app, &e, "offered").await[0]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        // Ten minutes in the queue are never paid.
        app.advance(Duration::minutes(10));
        app.relogin(&mut e.account).await;
        let t0 = app.clock_now();
        app.post(
            &format!("/v1/assignments/{a}/accept"),
            &e.account.token,
            json!({}),
        )
        .await
        .assert_status(200);
        for minutes in [2, 2, 10, 2] {
            // 0 → 2 → 4 | idle 10 min (> 5) | 14 → 16
            app.advance(Duration::minutes(minutes));
            app.relogin(&mut e.account).await;
            app.post(
                &format!("/v1/assignments/{a}/heartbeat"),
                &e.account.token,
                json!({}),
            )
            .await
            .assert_status(200);
        }
        app.advance(Duration::minutes(1));
        app.post(
            &format!("/v1/assignments/{a}/submit"),
            &e.account.token,
            json!({ "label": prefer("a", 2) }),
        )
        .await
        .assert_status(200);

        let mine = app.get("/v1/time-entries", &e.account.token).await;
        mine.assert_status(200);
        let entries = mine.json["data"].as_array().unwrap();
        assert_eq!(entries.len(), 1, "{}", mine.json);
        let t = &entries[0];
        assert_eq!(t["source_id"], json!(a));
        assert_eq!(t["expert_id"], json!(e.id));
        // Sessions 0–4 min and 14–17 min: 7 minutes.
        assert_eq!(t["seconds"], 420, "{t}");
        assert_eq!(t["measured_seconds"], 420);
        assert_eq!(t["idle_limit_secs"], 300);
        let sessions = t["sessions"].as_array().unwrap();
        assert_eq!(sessions.len(), 2);
        assert_eq!(
            sessions[0]["started_at"]
                .as_str()
                .map(|s| s.parse::<chrono::DateTime<chrono::Utc>>().unwrap()),
            Some(t0)
        );
        assert_eq!(
            sessions
                .iter()
                .map(|s| s["seconds"].as_i64().unwrap())
                .collect::<Vec<_>>(),
            [240, 180]
        );
        assert_eq!(t["payer_type"], "lab");
        assert_eq!(t["payer_org_id"], json!(w.lab.org()));

        // The lab sees the entry by handle only; the vendor admin sees the roster's with
        // the id; another lab and another expert see nothing.
        let mut lab = w.lab.clone();
        app.relogin(&mut lab).await;
        let l = app.get("/v1/time-entries", &lab.token).await;
        assert_eq!(l.json["data"].as_array().unwrap().len(), 1);
        assert!(l.json["data"][0].get("expert_id").is_none());
        assert_eq!(l.json["data"][0]["expert_handle"], json!(h));
        let mut vendor = acme.clone();
        app.relogin(&mut vendor).await;
        let v = app.get("/v1/time-entries", &vendor.token).await;
        assert_eq!(v.json["data"][0]["expert_id"], json!(e.id));
        // Labs cannot link an expert id to a handle.
        app.get(&format!("/v1/time-entries?expert={}", e.id), &lab.token)
            .await
            .assert_problem(404, None);
        let other_vendor = app.vendor("Other pod").await;
        assert_eq!(
            app.get("/v1/time-entries", &other_vendor.token).await.json["data"],
            json!([])
        );
        app.get(
            "/v1/time-entries?week=-262143-01-01T00:00:00Z",
            &e.account.token,
        )
        .await
        .assert_problem(400, Some("week"));
        let rival = app.lab("Rival").await;
        assert_eq!(
            app.get("/v1/time-entries", &rival.token).await.json["data"],
            json!([])
        );
        let other = app.expert().await;
        assert_eq!(
            app.get("/v1/time-entries", &other.token).await.json["data"],
            json!([])
        );
        app.get("/v1/time-entries?week=yesterday", &e.account.token)
            .await
            .assert_problem(400, Some("week"));
    })
    .await;
}

#[tokio::test]
#[should_panic(expected = "the ledger does not balance after this test")]
async fn the_harness_fails_a_test_that_leaves_the_ledger_unbalanced() {
    // The triggers forbid changing rows, not adding them: a lone entry written around the
    // service is what the harness's check (run when every test app is dropped) must catch.
    let app = TestApp::spawn(crate::helpers::Engine::Sqlite).await;
    app.state
        .db
        .read(|conn| {
            anyhow::Ok(diesel::sql_query(
                "INSERT INTO ledger_transactions (id, kind, description, source_type, source_id, created_at) \
                 VALUES ('ltx_01jd3v7q8y2k5m9n4p6r8s0t2w', 'invoice_paid', 'x', 'test', 'x', '2026-03-02 09:00:00'); \
                 ",
            )
            .execute(conn)?)
        })
        .await
        .unwrap();
    app.state
        .db
        .read(|conn| {
            anyhow::Ok(diesel::sql_query(
                "INSERT INTO ledger_entries (id, transaction_id, account_kind, owner_id, currency, amount, created_at) \
                 VALUES ('len_01jd3v7q8y2k5m9n4p6r8s0t2w', 'ltx_01jd3v7q8y2k5m9n4p6r8s0t2w', 'cash_stripe', NULL, 'USD', 100, '2026-03-02 09:00:00')",
            )
            .execute(conn)?)
        })
        .await
        .unwrap();
    drop(app);
}
