//! The work queue under a backlog: an expert's `next` takes the most urgent waiting item
//! they are eligible for (through the same filters as push routing), two experts never
//! take one last slot, freed capacity is offered at once without the sweep, the sweep
//! touches nothing while nobody has capacity, and a transaction that hits a deadlock on
//! PostgreSQL is run again instead of answering 500.

use diesel::RunQueryDsl;
use diesel::connection::SimpleConnection;
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{Engine, TestApp, engines, on_both, on_both_with};
use crate::routing::{
    Expert, Opts, World, applicant, item, lab_item, prefer, push, qualified, set_standing, vet_to,
    work,
};

/// `POST /v1/assignments/next` as the expert.
async fn next(app: &TestApp, e: &Expert) -> crate::helpers::Resp {
    app.post("/v1/assignments/next", &e.account.token, json!({}))
        .await
}

fn urgent(n: usize, priority: i64) -> Value {
    let mut i = item(n);
    i["priority"] = json!(priority);
    i
}

/// One number from SQL (`SELECT … AS n`), on either engine.
async fn count(app: &TestApp, sql: &'static str) -> i64 {
    #[derive(diesel::QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    app.state
        .db
        .read(move |conn| {
            diesel::sql_query(sql)
                .get_result::<N>(conn)
                .map(|r| r.n)
                .map_err(|e| cadre::db::DbUnavailable::new(e.to_string()))
        })
        .await
        .expect("the count runs")
}

/// A fingerprint of everything routing writes: items, assignments, decisions, experts'
/// counters and the candidate table.
async fn routing_writes(app: &TestApp) -> Vec<i64> {
    vec![
        count(
            app,
            "SELECT COUNT(*) AS n FROM items WHERE status <> 'queued'",
        )
        .await,
        count(app, "SELECT COUNT(*) AS n FROM assignments").await,
        count(app, "SELECT COUNT(*) AS n FROM routing_decisions").await,
        count(
            app,
            "SELECT CAST(COALESCE(SUM(open_assignments), 0) AS BIGINT) AS n FROM experts",
        )
        .await,
        count(
            app,
            "SELECT COUNT(*) AS n FROM slice_standings WHERE theta IS NOT NULL",
        )
        .await,
        count(
            app,
            "SELECT COUNT(*) AS n FROM items WHERE updated_at <> created_at",
        )
        .await,
    ]
}

#[tokio::test]
async fn next_takes_the_most_urgent_waiting_item_and_a_submit_offers_the_next_at_once() {
    on_both_with(
        |s| s.routing.max_open_assignments = 1,
        |app| async move {
            let w = world_of(&app, 1).await;
            // Qualified in the slice but not yet approved: the items wait.
            let e = applicant(&app, &w, None, json!({})).await;
            vet_to(&app, &w, &e, "assessment").await;
            set_standing(&app, &w, &e, "qualified").await;
            let ids = push(&app, &w, vec![urgent(1, 20), urgent(2, 90), urgent(3, 50)]).await;
            let none = next(&app, &e).await;
            none.assert_status(204);
            assert_eq!(none.header("retry-after"), Some("5"));

            // Approved (no event offers anything): the expert's `next` takes the most
            // urgent waiting item and accepts it.
            app.credential_for_domain(&w.admin, &e.account, &e.id, &w.domain)
                .await;
            app.post(
                &format!("/v1/experts/{}/vetting/transitions", e.id),
                &w.admin.token,
                json!({"to": "approved", "reason": "all checks passed"}),
            )
            .await
            .assert_status(200);
            assert!(work(&app, &e, "offered").await.is_empty());
            let first = next(&app, &e).await;
            first.assert_status(200);
            assert_eq!(first.json["status"], "accepted", "{}", first.json);
            assert_eq!(first.json["priority"], 90, "{}", first.json);
            assert_eq!(lab_item(&app, &w, &ids[1]).await["status"], "assigned");
            let explained = app
                .get(&format!("/v1/items/{}/routing", ids[1]), &w.lab.token)
                .await;
            let note = explained.json["decisions"]
                .as_array()
                .unwrap()
                .last()
                .unwrap()["note"]
                .clone();
            assert_eq!(note, "taken by the expert (next)", "{}", explained.json);
            // Asking again returns the same accepted work (a read).
            let again = next(&app, &e).await;
            again.assert_status(200);
            assert_eq!(again.json["id"], first.json["id"]);

            // Submitting frees the slot: the next most urgent item is offered to the
            // expert at once, without a sweep.
            let a = first.json["id"].as_str().unwrap();
            app.post(
                &format!("/v1/assignments/{a}/submit"),
                &e.account.token,
                json!({"label": prefer("a", 2)}),
            )
            .await
            .assert_status(200);
            let offered = work(&app, &e, "offered").await;
            assert_eq!(offered.len(), 1, "{offered:?}");
            assert_eq!(offered[0]["priority"], 50);
            assert_eq!(lab_item(&app, &w, &ids[0]).await["status"], "queued");
            // `next` accepts the offer.
            let taken = next(&app, &e).await;
            taken.assert_status(200);
            assert_eq!(taken.json["id"], offered[0]["id"]);
            assert_eq!(taken.json["status"], "accepted");
        },
    )
    .await;
}

/// A world with one slice and a project of the given overlap.
async fn world_of(app: &TestApp, overlap: i64) -> World {
    crate::routing::world(
        app,
        Opts {
            overlap,
            ..Opts::default()
        },
    )
    .await
}

/// The filtered expert's `next` finds nothing while a waiting item needs someone; a
/// good expert's `next` takes that very item.
async fn next_skips(app: &TestApp, w: &World, filtered: &Expert, item_id: &str) {
    let r = next(app, filtered).await;
    assert_eq!(r.status.as_u16(), 204, "{}", r.json);
    let good = qualified(app, w, None, json!({})).await;
    let r = next(app, &good).await;
    r.assert_status(200);
    let mine = work(app, &good, "accepted").await;
    assert_eq!(mine.len(), 1);
    let item = lab_item(app, w, item_id).await;
    assert_eq!(item["progress"]["accepted"], 1, "{item}");
}

#[tokio::test]
async fn next_applies_the_same_filters_as_push_routing() {
    // Not approved, suspended, language, an excluded expert, already on the item: each
    // filtered expert gets 204 while the item waits for a second annotator.
    on_both(|app| async move {
        let w = world_of(&app, 2).await;
        let holder = qualified(&app, &w, None, json!({})).await;
        // The filtered experts exist before the item arrives (push routing skips them too).
        let unapproved = applicant(&app, &w, None, json!({})).await;
        vet_to(&app, &w, &unapproved, "assessment").await;
        set_standing(&app, &w, &unapproved, "qualified").await;
        let suspended = qualified(&app, &w, None, json!({})).await;
        set_standing(&app, &w, &suspended, "suspended").await;
        let german = qualified(&app, &w, None, json!({"languages": ["de"]})).await;
        let excluded = qualified(&app, &w, None, json!({})).await;
        app.call(
            Method::PATCH,
            &format!("/v1/projects/{}", w.project),
            Some(&w.lab.token),
            Some(json!({"exclusions": {"expert_ids": [excluded.id]}})),
        )
        .await
        .assert_status(200);
        // Everyone else is busy elsewhere: the one waiting item is offered to the holder.
        let ids = push(&app, &w, vec![item(1)]).await;
        assert_eq!(work(&app, &holder, "offered").await.len(), 1);
        for filtered in [&unapproved, &suspended, &german, &excluded] {
            assert_eq!(next(&app, filtered).await.status.as_u16(), 204);
        }

        // The holder declines: they are on the item and never get it back.
        let a = work(&app, &holder, "offered").await[0]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        app.post(
            &format!("/v1/assignments/{a}/decline"),
            &holder.account.token,
            json!({"reason": "conflict of interest"}),
        )
        .await
        .assert_status(200);
        assert_eq!(next(&app, &holder).await.status.as_u16(), 204);

        // Nobody above could take it; a good expert does.
        next_skips(&app, &w, &unapproved, &ids[0]).await;
    })
    .await;
}

#[tokio::test]
async fn next_respects_the_cap_the_vendor_exclusion_and_required_credentials() {
    on_both_with(
        |s| s.routing.max_open_assignments = 1,
        |app| async move {
            let rival = app.vendor("Rival").await;
            let w = crate::routing::world(
                &app,
                Opts {
                    overlap: 3,
                    exclusions: json!({"vendor_ids": [rival.org()]}),
                    ..Opts::default()
                },
            )
            .await;
            let busy = qualified(&app, &w, None, json!({})).await;
            let ids = push(&app, &w, vec![item(1), item(2)]).await;
            // The busy expert holds one offer (cap 1): no more.
            assert_eq!(work(&app, &busy, "offered").await.len(), 1);
            let from_rival = qualified(&app, &w, Some(&rival), json!({})).await;
            assert_eq!(next(&app, &from_rival).await.status.as_u16(), 204);
            next_skips(&app, &w, &from_rival, &ids[0]).await;
        },
    )
    .await;
    on_both(|app| async move {
        let w = crate::routing::world(
            &app,
            Opts {
                overlap: 2,
                requirements: json!([{"kind": "licence", "field": "software"}]),
                ..Opts::default()
            },
        )
        .await;
        let unlicensed = qualified(&app, &w, None, json!({})).await;
        crate::routing::revoke_credentials(&app, &w, &unlicensed).await;
        let ids = push(&app, &w, vec![item(1)]).await;
        assert_eq!(next(&app, &unlicensed).await.status.as_u16(), 204);
        assert_eq!(lab_item(&app, &w, &ids[0]).await["status"], "queued");
    })
    .await;
}

#[tokio::test]
async fn two_experts_pulling_at_once_never_take_the_same_last_slot() {
    on_both(|app| async move {
        let w = world_of(&app, 2).await;
        let first = qualified(&app, &w, None, json!({})).await;
        let ids = push(&app, &w, vec![item(1)]).await;
        assert_eq!(work(&app, &first, "offered").await.len(), 1);
        let a = qualified(&app, &w, None, json!({})).await;
        let b = qualified(&app, &w, None, json!({})).await;
        let (ra, rb) = tokio::join!(next(&app, &a), next(&app, &b));
        let mut statuses = [ra.status.as_u16(), rb.status.as_u16()];
        statuses.sort();
        assert_eq!(
            statuses,
            [200, 204],
            "one pull wins, the other finds nothing"
        );
        let item = lab_item(&app, &w, &ids[0]).await;
        assert_eq!(item["status"], "assigned", "{item}");
        assert_eq!(
            item["progress"]["offered"].as_i64().unwrap()
                + item["progress"]["accepted"].as_i64().unwrap(),
            2,
            "{item}"
        );
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) AS n FROM (SELECT item_id, expert_id FROM assignments \
                 WHERE item_id IS NOT NULL GROUP BY item_id, expert_id HAVING COUNT(*) > 1) d"
            )
            .await,
            0
        );
    })
    .await;
}

#[tokio::test]
async fn a_sweep_over_a_backlog_nobody_has_capacity_for_writes_nothing() {
    on_both_with(
        |s| s.routing.max_open_assignments = 1,
        |app| async move {
            let w = world_of(&app, 1).await;
            let e = qualified(&app, &w, None, json!({})).await;
            push(&app, &w, vec![item(0)]).await;
            next(&app, &e).await.assert_status(200);
            // 2,000 items arrive while the only expert is at the cap: stored, not routed.
            for batch in 0..2 {
                let items: Vec<Value> = (1..=1000).map(|n| item(batch * 1000 + n)).collect();
                push(&app, &w, items).await;
            }
            let queued = "SELECT COUNT(*) AS n FROM items WHERE status = 'queued'";
            assert_eq!(count(&app, queued).await, 2000);
            let before = routing_writes(&app).await;
            let sweeps = "SELECT COUNT(*) AS n FROM jobs WHERE kind = 'routing.sweep' AND status = 'succeeded'";
            let swept = count(&app, sweeps).await;
            app.advance(chrono::Duration::seconds(
                app.settings.routing.sweep_interval_secs + 1,
            ));
            app.drain_jobs().await;
            assert!(count(&app, sweeps).await > swept, "the sweep ran");
            assert_eq!(routing_writes(&app).await, before);
            assert_eq!(count(&app, queued).await, 2000);
        },
    )
    .await;
}

#[tokio::test]
async fn a_deadlock_on_postgresql_is_run_again_and_the_submit_succeeds() {
    // Retrying transient failures is PostgreSQL's (SQLite's single writer cannot deadlock).
    for engine in engines() {
        if engine != Engine::Postgres {
            continue;
        }
        let app = TestApp::spawn(engine).await;
        let w = world_of(&app, 1).await;
        let e = qualified(&app, &w, None, json!({})).await;
        push(&app, &w, vec![item(1)]).await;
        let a = next(&app, &e).await;
        a.assert_status(200);
        let id = a.json["id"].as_str().unwrap().to_owned();
        // The first transaction that submits fails as a deadlock victim would; the
        // sequence is not transactional, so the second attempt passes.
        app.state
            .db
            .read(|conn| {
                conn.batch_execute(
                    "CREATE SEQUENCE injected_deadlocks; \
                     CREATE FUNCTION inject_deadlock() RETURNS trigger AS $$ BEGIN \
                       IF NEW.status = 'submitted' AND nextval('injected_deadlocks') = 1 THEN \
                         RAISE EXCEPTION 'deadlock detected (injected by the test)' USING ERRCODE = '40P01'; \
                       END IF; RETURN NEW; END $$ LANGUAGE plpgsql; \
                     CREATE TRIGGER inject_deadlock BEFORE UPDATE ON assignments \
                       FOR EACH ROW EXECUTE FUNCTION inject_deadlock();",
                )
                .map_err(|e| cadre::db::DbUnavailable::new(e.to_string()))
            })
            .await
            .expect("the trigger is installed");
        let r = app
            .post(
                &format!("/v1/assignments/{id}/submit"),
                &e.account.token,
                json!({"label": prefer("b", 1)}),
            )
            .await;
        r.assert_status(200);
        assert_eq!(r.json["status"], "submitted");
        assert!(
            count(&app, "SELECT last_value AS n FROM injected_deadlocks").await >= 2,
            "the trigger fired again on the retry"
        );
    }
}
