//! Results to the lab: the cursor feed in resolution order (with its lag), polling with
//! the last cursor, tenancy, and the JSONL and DPO exports.

use chrono::Duration;
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{TestApp, on_both, on_both_with};
use crate::routing::{
    Expert, Opts, World, accept_and_submit, applicant, prefer, push, qualified, set_standing,
    vet_to, work, world,
};
use crate::scoring::{answer_gold, upload_gold};

fn pair(n: usize) -> Value {
    json!({"external_id": format!("pair-{n}"), "payload": {"prompt": format!("Which diff is safer? #{n}"),
        "a": format!("diff A{n}"), "b": format!("diff B{n}")}, "judge_confidence": 0.4, "stakes": "high"})
}

/// Both experts judge the offered item whose payload prompt ends in `#n`.
async fn judge(app: &TestApp, experts: &[Expert], n: usize, label: Value) {
    for e in experts {
        let offered = work(app, e, "offered").await;
        let a = offered
            .iter()
            .find(|a| {
                a["payload"]["prompt"]
                    .as_str()
                    .unwrap()
                    .ends_with(&format!("#{n}"))
            })
            .unwrap_or_else(|| panic!("item {n} offered to the expert: {offered:?}"));
        accept_and_submit(app, e, a["id"].as_str().unwrap(), label.clone()).await;
    }
}

async fn feed(app: &TestApp, w: &World, query: &str) -> Value {
    let r = app
        .get(
            &format!("/v1/projects/{}/results{query}", w.project),
            &w.lab.token,
        )
        .await;
    r.assert_status(200);
    r.json
}

fn external_ids(page: &Value) -> Vec<String> {
    page["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["external_id"].as_str().unwrap().to_owned())
        .collect()
}

async fn export(app: &TestApp, w: &World, query: &str) -> Vec<Value> {
    let r = app
        .call(
            Method::GET,
            &format!("/v1/projects/{}/results/export{query}", w.project),
            Some(&w.lab.token),
            None,
        )
        .await;
    r.assert_status(200);
    assert_eq!(r.header("content-type"), Some("application/x-ndjson"));
    r.text
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[tokio::test]
async fn the_feed_returns_results_in_resolution_order_and_polling_continues_from_the_cursor() {
    on_both(|app| async move {
        let w = world(&app, Opts::default()).await;
        let experts = [
            qualified(&app, &w, None, json!({})).await,
            qualified(&app, &w, None, json!({})).await,
        ];
        push(&app, &w, vec![pair(1), pair(2), pair(3)]).await;
        // Item 2 resolves first, then item 1; item 3 stays open.
        judge(&app, &experts, 2, prefer("b", 2)).await;
        app.advance(Duration::seconds(1));
        judge(
            &app,
            &experts,
            1,
            json!({"preference": "tie", "rationale": "equal"}),
        )
        .await;

        // Within the lag nothing is visible yet.
        let page = feed(&app, &w, "").await;
        assert_eq!(external_ids(&page), Vec::<String>::new());
        assert_eq!(page["next_cursor"], Value::Null);
        assert_eq!(page["has_more"], false);

        app.advance(Duration::seconds(6));
        let first = feed(&app, &w, "?limit=1").await;
        assert_eq!(external_ids(&first), ["pair-2"]);
        assert_eq!(first["has_more"], true);
        let r = &first["data"][0]["result"];
        assert_eq!(r["resolution"], "agreement");
        assert_eq!(r["final_label"]["preference"], "b");
        assert_eq!(r["judgments"].as_array().unwrap().len(), 2);
        assert_eq!(r["judgments"][0]["label"]["cited_clauses"], json!(["C1"]));
        assert_eq!(first["data"][0]["constitution_version"], 1);

        let cursor = first["next_cursor"].as_str().unwrap().to_owned();
        let second = feed(&app, &w, &format!("?limit=1&cursor={cursor}")).await;
        assert_eq!(external_ids(&second), ["pair-1"]);
        assert_eq!(second["has_more"], false);
        let cursor = second["next_cursor"].as_str().unwrap().to_owned();

        // Caught up: an empty page that hands back the same cursor.
        let idle = feed(&app, &w, &format!("?cursor={cursor}")).await;
        assert_eq!(external_ids(&idle), Vec::<String>::new());
        assert_eq!(idle["next_cursor"], json!(cursor));

        // A later resolution shows up when polling with the kept cursor.
        judge(&app, &experts, 3, prefer("a", 3)).await;
        app.advance(Duration::seconds(6));
        let later = feed(&app, &w, &format!("?cursor={cursor}")).await;
        assert_eq!(external_ids(&later), ["pair-3"]);

        // The slice filter and bad parameters.
        let all = feed(&app, &w, &format!("?slice={}", w.slice)).await;
        assert_eq!(external_ids(&all), ["pair-2", "pair-1", "pair-3"]);
        for (q, field) in [
            ("?cursor=nonsense", "cursor"),
            ("?limit=0", "limit"),
            ("?slice=42", "slice"),
        ] {
            app.get(
                &format!("/v1/projects/{}/results{q}", w.project),
                &w.lab.token,
            )
            .await
            .assert_problem(400, Some(field));
        }

        // Another lab sees neither the feed nor the export.
        let other = app.lab("Other Lab").await;
        for path in ["results", "results/export"] {
            app.get(&format!("/v1/projects/{}/{path}", w.project), &other.token)
                .await
                .assert_problem(404, None);
        }
    })
    .await;
}

#[tokio::test]
async fn exports_write_every_result_as_jsonl_and_material_preferences_as_dpo_pairs() {
    on_both(|app| async move {
        let w = world(&app, Opts::default()).await;
        let experts = [
            qualified(&app, &w, None, json!({})).await,
            qualified(&app, &w, None, json!({})).await,
        ];
        push(&app, &w, vec![pair(1), pair(2), pair(3), pair(4)]).await;
        judge(&app, &experts, 1, prefer("b", 2)).await;
        judge(
            &app,
            &experts,
            2,
            json!({"preference": "tie", "rationale": "equal"}),
        )
        .await;
        judge(&app, &experts, 3, prefer("a", 3)).await;
        // Item 4 is never resolved.

        let lines = export(&app, &w, "").await;
        let ids: Vec<&str> = lines
            .iter()
            .map(|l| l["external_id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["pair-1", "pair-2", "pair-3"]);
        assert!(lines.iter().all(|l| l["status"] == "resolved"));

        let pairs = export(&app, &w, "?format=dpo").await;
        assert_eq!(pairs.len(), 2, "the tie makes no pair: {pairs:?}");
        assert_eq!(pairs[0]["prompt"], "Which diff is safer? #1");
        assert_eq!(pairs[0]["chosen"], "diff B1");
        assert_eq!(pairs[0]["rejected"], "diff A1");
        assert_eq!(pairs[0]["external_id"], "pair-1");
        assert_eq!(pairs[1]["chosen"], "diff A3");
        assert_eq!(pairs[1]["rejected"], "diff B3");

        // Items resolved at the same instant page in id order (the cursor's tie-break).
        app.advance(Duration::seconds(6));
        let mut seen = Vec::new();
        let mut cursor = String::new();
        for _ in 0..3 {
            let q = if cursor.is_empty() {
                "?limit=1".to_owned()
            } else {
                format!("?limit=1&cursor={cursor}")
            };
            let page = feed(&app, &w, &q).await;
            seen.extend(external_ids(&page));
            cursor = page["next_cursor"].as_str().unwrap().to_owned();
        }
        assert_eq!(seen, ["pair-1", "pair-2", "pair-3"]);

        // Payload fields named differently: no pair unless the export is told the names.
        let renamed = export(&app, &w, "?format=dpo&prompt_field=question").await;
        assert!(renamed.is_empty(), "{renamed:?}");

        // A resolution window: `resolved_after` includes its instant, `resolved_before`
        // excludes it.
        let resolved: chrono::DateTime<chrono::Utc> =
            lines[0]["resolved_at"].as_str().unwrap().parse().unwrap();
        let stamp = |t: chrono::DateTime<chrono::Utc>| {
            t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
        };
        let at = stamp(resolved);
        let next = stamp(resolved + Duration::microseconds(1));
        assert_eq!(
            export(&app, &w, &format!("?resolved_after={at}"))
                .await
                .len(),
            3
        );
        assert!(
            export(&app, &w, &format!("?resolved_before={at}"))
                .await
                .is_empty()
        );
        assert!(
            export(&app, &w, &format!("?resolved_after={next}"))
                .await
                .is_empty()
        );
        assert_eq!(
            export(&app, &w, &format!("?resolved_before={next}"))
                .await
                .len(),
            3
        );
        app.get(
            &format!("/v1/projects/{}/results/export?format=csv", w.project),
            &w.lab.token,
        )
        .await
        .assert_problem(400, Some("format"));
    })
    .await;
}

/// The judgment with this handle in a feed or export record.
fn judgment_of<'a>(record: &'a Value, handle: &str) -> &'a Value {
    record["result"]["judgments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|j| j["expert"] == handle)
        .unwrap_or_else(|| panic!("no judgment by {handle}: {record}"))
}

#[tokio::test]
async fn each_judgment_carries_its_provenance_as_it_was_when_submitted() {
    on_both_with(
        |s| {
            s.routing.seed = Some(61);
            s.routing.max_open_assignments = 10_000;
        },
        |app| async move {
            let w = world(
                &app,
                Opts {
                    overlap: 1,
                    gold_rate: 0.5,
                    ..Opts::default()
                },
            )
            .await;
            upload_gold(&app, &w, 20).await;
            let e = applicant(&app, &w, None, json!({})).await;
            vet_to(&app, &w, &e, "approved").await;
            set_standing(&app, &w, &e, "probation").await;
            push(&app, &w, (1..=20).map(pair).collect()).await;
            // Three correct gold answers: a gold-accuracy bound exists.
            for _ in 0..3 {
                assert!(answer_gold(&app, &e, true).await, "ran out of gold offers");
            }

            // A real item, worked for a measured while.
            let offered = work(&app, &e, "offered").await;
            let a = offered
                .iter()
                .find(|a| a["payload"].get("gold").is_none())
                .expect("a real item is offered");
            let id = a["id"].as_str().unwrap().to_owned();
            app.post(
                &format!("/v1/assignments/{id}/accept"),
                &e.account.token,
                json!({}),
            )
            .await
            .assert_status(200);
            for _ in 0..3 {
                app.advance(Duration::seconds(40));
                app.post(
                    &format!("/v1/assignments/{id}/heartbeat"),
                    &e.account.token,
                    json!({}),
                )
                .await
                .assert_status(200);
            }
            // What the expert's history shows at the moment of the judgment.
            let s = app
                .get(&format!("/v1/experts/{}/scores", e.id), &w.admin.token)
                .await;
            s.assert_status(200);
            let then = s.json["data"]
                .as_array()
                .unwrap()
                .iter()
                .find(|x| x["slice_id"] == w.slice.as_str())
                .unwrap()
                .clone();
            let gold = then["metrics"]
                .as_array()
                .unwrap()
                .iter()
                .find(|m| m["metric"] == "gold_accuracy")
                .unwrap()
                .clone();
            assert_eq!(then["status"], "probation");
            assert_eq!(gold["n"], 3, "{gold}");
            app.post(
                &format!("/v1/assignments/{id}/submit"),
                &e.account.token,
                json!({"label": prefer("b", 2)}),
            )
            .await
            .assert_status(200);
            let mine = app
                .get(&format!("/v1/assignments/{id}"), &e.account.token)
                .await;
            mine.assert_status(200);
            let worked = mine.json["active_seconds"].as_i64().unwrap();
            assert_eq!(worked, 120, "three heartbeats 40 s apart");

            // Later the standing changes; the judgment keeps the one it was made under.
            set_standing(&app, &w, &e, "qualified").await;
            app.advance(Duration::seconds(10));
            let handle = crate::routing::handle(&app, &w, &e).await;
            let page = feed(&app, &w, "?limit=50").await;
            let record = page["data"]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["payload"]["prompt"] == a["payload"]["prompt"])
                .unwrap_or_else(|| panic!("the item is in the feed: {page}"));
            let j = judgment_of(record, &handle);
            assert_eq!(j["active_seconds"], 120);
            assert_eq!(j["constitution_version"], 1);
            assert!(j["submitted_at"].is_string());
            let st = &j["standing_at_submit"];
            assert_eq!(st["status"], "probation", "{j}");
            assert_eq!(st["tier"], "annotator");
            let bound = st["gold_lower_bound"].as_f64().expect("a bound after gold");
            assert!(
                (bound - gold["lower_bound"].as_f64().unwrap()).abs() < 1e-4,
                "{bound} vs {gold}"
            );
            assert!(
                (st["gold_answers"].as_f64().unwrap() - gold["effective_n"].as_f64().unwrap())
                    .abs()
                    < 1e-3
            );

            // The export writes the same record; the DPO pair carries the judgments too.
            let lines = export(&app, &w, "").await;
            let line = lines
                .iter()
                .find(|l| l["payload"]["prompt"] == a["payload"]["prompt"])
                .unwrap();
            assert_eq!(judgment_of(line, &handle), j);
            let pairs = export(&app, &w, "?format=dpo").await;
            let p = pairs
                .iter()
                .find(|l| l["prompt"] == a["payload"]["prompt"])
                .unwrap();
            let pj = &p["judgments"][0];
            assert_eq!(pj["expert"], handle.as_str());
            assert_eq!(pj["active_seconds"], 120);
            assert_eq!(pj["standing_at_submit"], *st);
        },
    )
    .await;
}
