//! Gold that looks like work (issue 21, attack 3): an expert who lists their assignments
//! cannot tell gold from real work — not by the confidence shown, not by offer or due
//! times paired with a real offer, not by priority, ids or ordering — and the lab hears
//! once when an expert has seen the whole gold pool. Failed gold is named only later.

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};
use serde_json::{Value, json};

use crate::helpers::{TestApp, on_both_with};
use crate::routing::{Expert, Opts, World, prefer, qualified, world};

/// Gold payloads carry `n` from this value up; real items below it. Only the test knows.
const GOLD_N: u64 = 100_000;

async fn upload_gold(app: &TestApp, w: &World, from: usize, n: usize) {
    let gold: Vec<Value> = (from..from + n)
        .map(|i| json!({"external_id": format!("gold-{i}"), "payload": {"prompt": "Which diff is safer?", "n": GOLD_N + i as u64},
            "answer": {"preference": "a", "strength": 2, "rationale": "A is safer", "cited_clauses": ["C1"]},
            "explanation": "A checks the bounds"}))
        .collect();
    let up = app
        .post(
            &format!("/v1/projects/{}/gold-items", w.project),
            &w.lab.token,
            json!(gold),
        )
        .await;
    up.assert_status(200);
    assert_eq!(up.json["created"], n, "{}", up.text);
}

fn is_gold(a: &Value) -> bool {
    a["payload"]["n"].as_u64().unwrap() >= GOLD_N
}

/// Every assignment the expert can list, all statuses, oldest id first.
async fn all_work(app: &TestApp, e: &Expert) -> Vec<Value> {
    let mut out = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/v1/assignments?limit=200&cursor={c}"),
            None => "/v1/assignments?limit=200".to_owned(),
        };
        let r = app.get(&path, &e.account.token).await;
        r.assert_status(200);
        out.extend(r.json["data"].as_array().unwrap().iter().cloned());
        match r.json["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    out.sort_by(|a, b| a["id"].as_str().unwrap().cmp(b["id"].as_str().unwrap()));
    out
}

fn at(v: &Value) -> DateTime<Utc> {
    v.as_str().unwrap().parse().unwrap()
}

/// A small deterministic generator for the test's own choices (priorities, confidences,
/// deadlines, pauses): splitmix64.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn long_tokens(s: &mut cadre::config::Settings) {
    // The clock moves by days; nobody should have to log in again mid-test.
    s.auth.access_token_ttl_secs = 30 * 24 * 3600;
}

// ---------------------------------------------------------------------------------------
// (a) The attack as it was run: with the judge's confidence shown, gold showed null; and
// each gold offer arrived in the same instant as a real one, with its times and priority.

#[tokio::test]
async fn gold_shows_a_confidence_like_real_work_and_never_arrives_paired_with_a_real_offer() {
    on_both_with(
        |s| {
            long_tokens(s);
            s.routing.seed = Some(2_112_003);
            s.routing.max_open_assignments = 10_000;
        },
        |app| async move {
            let w = world(
                &app,
                Opts {
                    overlap: 2,
                    adjudication: false,
                    gold_rate: 0.5,
                    show_judge_confidence: true,
                    ..Opts::default()
                },
            )
            .await;
            upload_gold(&app, &w, 0, 60).await;
            let experts = [
                qualified(&app, &w, None, json!({})).await,
                qualified(&app, &w, None, json!({})).await,
                qualified(&app, &w, None, json!({})).await,
            ];
            // One item per routing instant.
            for n in 0..30 {
                let r = app
                    .post(&format!("/v1/projects/{}/items", w.project), &w.lab.token,
                        json!([{"external_id": format!("esc-{n}"), "payload": {"prompt": "Which diff is safer?", "n": n},
                            "judge_confidence": 0.41, "priority": 80}]))
                    .await;
                r.assert_status(200);
                app.advance(Duration::seconds(37));
            }
            let (mut gold_n, mut real_n) = (0, 0);
            for e in &experts {
                let mine = all_work(&app, e).await;
                let real: Vec<&Value> = mine.iter().filter(|a| !is_gold(a)).collect();
                for a in mine.iter().filter(|a| is_gold(a)) {
                    gold_n += 1;
                    // The confidence a real offer shows, never a tell-tale null.
                    assert_eq!(a["judge_confidence"], 0.41, "{a}");
                    // No real offer to this expert in the same routing instant.
                    for r in &real {
                        assert_ne!(a["offered_at"], r["offered_at"], "gold paired with a real offer: {a} {r}");
                        assert_ne!(a["due_at"], r["due_at"], "gold due with a real offer: {a} {r}");
                    }
                }
                real_n += real.len();
            }
            assert!(gold_n >= 5 && real_n >= 20, "{gold_n} gold, {real_n} real");
        },
    )
    .await;
}

// ---------------------------------------------------------------------------------------
// (b) Statistical indistinguishability.

/// The best accuracy a single-threshold rule on `x` reaches at telling gold (`y`) from
/// real, less the accuracy of calling everything the majority class; in items (not yet
/// divided by n). Predicting "gold" on one side of a threshold gains (gold − real) on
/// that side over calling everything real (and symmetrically for a gold majority), so the
/// excess is the largest such difference over the prefixes and suffixes of the sorted
/// values, cut only between distinct values.
fn threshold_excess(samples: &[(f64, bool)]) -> i64 {
    let mut s: Vec<(f64, bool)> = samples.to_vec();
    s.sort_by(|a, b| a.0.total_cmp(&b.0));
    let gold = s.iter().filter(|x| x.1).count() as i64;
    let real = s.len() as i64 - gold;
    // Signed "minority minus majority" steps: the minority class is gold here.
    let minority_is_gold = gold <= real;
    let step = |g: bool| if g == minority_is_gold { 1 } else { -1 };
    let mut best = 0i64;
    for order in [false, true] {
        let seq: Vec<&(f64, bool)> = if order {
            s.iter().rev().collect()
        } else {
            s.iter().collect()
        };
        let mut sum = 0i64;
        let mut i = 0;
        while i < seq.len() {
            // Take the whole run of equal values: a threshold cannot split ties.
            let v = seq[i].0;
            while i < seq.len() && seq[i].0 == v {
                sum += step(seq[i].1);
                i += 1;
            }
            best = best.max(sum);
        }
    }
    best
}

#[tokio::test]
async fn no_field_or_ordering_an_expert_sees_separates_gold_from_real_work() {
    on_both_with(
        |s| {
            long_tokens(s);
            s.routing.seed = Some(2_112_004);
            s.routing.max_open_assignments = 3;
        },
        |app| async move {
            let w = world(
                &app,
                Opts {
                    overlap: 1,
                    adjudication: false,
                    gold_rate: 0.2,
                    show_judge_confidence: true,
                    ..Opts::default()
                },
            )
            .await;
            upload_gold(&app, &w, 0, 200).await;
            let mut experts = Vec::new();
            for _ in 0..4 {
                experts.push(qualified(&app, &w, None, json!({})).await);
            }
            let mut rng = Lcg(20_261_203);
            let mut n = 0u64;
            // Rounds of work: the lab pushes a few items (priorities, confidences and
            // deadlines drawn by the test), then each expert in turn takes their next
            // assignment and submits it, the clock moving between every step.
            for round in 0..60 {
                let batch = 3 + rng.below(6);
                let now = app.clock_now();
                let items: Vec<Value> = (0..batch)
                    .map(|_| {
                        n += 1;
                        let conf = match rng.below(10) {
                            0 => Value::Null,
                            c => json!(c as f64 / 10.0 + rng.below(10) as f64 / 100.0),
                        };
                        let deadline = now + Duration::minutes(150 + rng.below(450) as i64);
                        json!({"external_id": format!("esc-{n}"), "payload": {"prompt": "Which diff is safer?", "n": n},
                            "judge_confidence": conf, "priority": 10 + rng.below(81), "deadline": deadline})
                    })
                    .collect();
                app.post(&format!("/v1/projects/{}/items", w.project), &w.lab.token, json!(items))
                    .await
                    .assert_status(200);
                app.advance(Duration::seconds(1 + rng.below(120) as i64));
                for k in 0..experts.len() {
                    let e = &experts[(k + round) % experts.len()];
                    for _ in 0..2 {
                        let next = app.post("/v1/assignments/next", &e.account.token, json!({})).await;
                        if next.status == 204u16 {
                            break;
                        }
                        next.assert_status(200);
                        app.advance(Duration::seconds(5 + rng.below(200) as i64));
                        let id = next.json["id"].as_str().unwrap();
                        let done = app.post(&format!("/v1/assignments/{id}/submit"), &e.account.token,
                            json!({"label": prefer("a", 2)}))
                            .await;
                        if done.status == 409u16 {
                            // An item near its deadline (the curve puts those first) was
                            // due at the deadline, and this expert took longer: the work
                            // expires, as it would for a slow expert. The sweep ends it.
                            assert!(done.text.contains("past its due time"), "{}", done.text);
                            app.drain_jobs().await;
                            break;
                        }
                        done.assert_status(200);
                        app.advance(Duration::seconds(1 + rng.below(60) as i64));
                    }
                }
            }

            // What each expert can see, turned into features.
            let names = [
                "priority",
                "judge confidence",
                "due_at - offered_at",
                "offered_at - previous offer's",
                "next offer's offered_at - offered_at",
                "position in id order",
                "accepted_at - offered_at",
                "id order disagrees with offered_at order",
            ];
            let mut features: Vec<Vec<(f64, bool)>> = vec![Vec::new(); names.len()];
            let mut keys: HashSet<Vec<String>> = HashSet::new();
            let (mut gold_n, mut total) = (0usize, 0usize);
            for e in &experts {
                let mine = all_work(&app, e).await;
                let len = mine.len();
                for (i, a) in mine.iter().enumerate() {
                    let g = is_gold(a);
                    gold_n += usize::from(g);
                    total += 1;
                    keys.insert(a.as_object().unwrap().keys().cloned().collect());
                    let offered = at(&a["offered_at"]);
                    let secs = |d: Duration| d.num_milliseconds() as f64 / 1000.0;
                    let prev = i.checked_sub(1).map(|j| at(&mine[j]["offered_at"]));
                    let next = mine.get(i + 1).map(|b| at(&b["offered_at"]));
                    let accepted = a["accepted_at"].as_str().map(|s| s.parse::<DateTime<Utc>>().unwrap());
                    let later_before = mine[..i].iter().any(|b| at(&b["offered_at"]) > offered);
                    let values = [
                        a["priority"].as_f64().unwrap(),
                        a["judge_confidence"].as_f64().unwrap_or(-1.0),
                        secs(at(&a["due_at"]) - offered),
                        prev.map_or(-1.0, |p| secs(offered - p)),
                        next.map_or(-1.0, |x| secs(x - offered)),
                        i as f64 / len as f64,
                        accepted.map_or(-1.0, |x| secs(x - offered)),
                        f64::from(u8::from(later_before)),
                    ];
                    for (f, v) in features.iter_mut().zip(values) {
                        f.push((v, g));
                    }
                }
            }
            assert_eq!(keys.len(), 1, "gold and real work have different fields: {keys:?}");
            assert!(total >= 300, "only {total} offers");
            // The project asked for 20 % gold: binomial sd ≈ 0.02 at n ≈ 400; ± 0.1 is five
            // of them.
            let share = gold_n as f64 / total as f64;
            assert!((0.1..=0.3).contains(&share), "gold share {share} ({gold_n} of {total})");

            // The margin. If a feature carries no information about gold, the labels along
            // the feature's sorted order are an exchangeable sequence with gold share π, and
            // the excess of the best threshold over the majority rate is the largest prefix
            // (or suffix) sum of a walk stepping +1 on gold and −1 on real. For a walk with
            // up-probability π < 1/2, P(its maximum ever reaches d) ≤ (π / (1 − π))^d
            // (gambler's ruin); ties only remove thresholds. With 8 features × 2 directions,
            // d is the smallest value making 16 · (π/(1−π))^d < 1e-9, so a chance failure is
            // below one in a billion runs, while a real tell (today: a null confidence on
            // every gold item, 20 % of the sample) gains ≈ πn, far above d (≈ 17 of ≈ 400
            // at π = 0.2, a margin of ≈ 4 accuracy points).
            let pi = share.min(1.0 - share);
            let ratio = pi / (1.0 - pi);
            let d = ((1e-9f64 / 16.0).ln() / ratio.ln()).ceil() as i64;
            assert!(
                d < (gold_n.min(total - gold_n) as i64) / 2,
                "the margin {d} would not catch a tell on {gold_n} gold items"
            );
            for (name, f) in names.iter().zip(&features) {
                let excess = threshold_excess(f);
                eprintln!("{name}: best threshold gains {excess} of {total} (margin {d})");
                let majority = (total - gold_n).max(gold_n) as f64 / total as f64;
                assert!(
                    excess < d,
                    "{name} separates gold from real: the best threshold is right on {:.3} of the offers, \
                     calling everything real on {majority:.3} (margin {d} of {total})",
                    majority + excess as f64 / total as f64
                );
            }
            // The statistic itself catches a tell: a feature that is the label is found.
            let tell: Vec<(f64, bool)> = features[0].iter().map(|(_, g)| (f64::from(u8::from(*g)), *g)).collect();
            assert_eq!(threshold_excess(&tell), gold_n.min(total - gold_n) as i64);
        },
    )
    .await;
}

// ---------------------------------------------------------------------------------------
// (c) The lab hears once when an expert has seen the whole gold pool.

#[tokio::test]
async fn the_lab_hears_once_when_an_expert_has_seen_the_whole_gold_pool_and_again_after_it_grows() {
    on_both_with(
        |s| {
            long_tokens(s);
            s.routing.seed = Some(2_112_005);
            s.routing.max_open_assignments = 10_000;
            s.webhooks.allow_http = true;
            s.webhooks.allow_private_addresses = true;
        },
        |app| async move {
            let w = world(
                &app,
                Opts {
                    overlap: 1,
                    adjudication: false,
                    gold_rate: 0.5,
                    ..Opts::default()
                },
            )
            .await;
            let hook = app
                .post(&format!("/v1/orgs/{}/webhook-endpoints", w.lab.org()), &w.lab.token,
                    json!({"url": "http://127.0.0.1:9/hook", "events": ["gold.pool_exhausted"], "description": "gold"}))
                .await;
            hook.assert_status(201);
            let endpoint = hook.json["id"].as_str().unwrap().to_owned();
            upload_gold(&app, &w, 0, 3).await;
            let e = qualified(&app, &w, None, json!({})).await;
            let push = |from: usize| {
                let app = &app;
                let w = &w;
                async move {
                    let items: Vec<Value> = (from..from + 40)
                        .map(|n| json!({"external_id": format!("esc-{n}"), "payload": {"prompt": "p", "n": n}}))
                        .collect();
                    app.post(&format!("/v1/projects/{}/items", w.project), &w.lab.token, json!(items))
                        .await
                        .assert_status(200);
                }
            };
            let alerts = |app: &TestApp, w: &World| {
                app.mail_to(&w.lab.email)
                    .into_iter()
                    .filter(|m| m.subject().contains("Gold pool exhausted"))
                    .collect::<Vec<_>>()
            };
            let deliveries = async |app: &TestApp, w: &World| -> Vec<Value> {
                let r = app
                    .get(&format!("/v1/orgs/{}/webhook-endpoints/{endpoint}/deliveries", w.lab.org()), &w.lab.token)
                    .await;
                r.assert_status(200);
                r.json["data"].as_array().unwrap().clone()
            };

            push(0).await;
            app.advance(Duration::seconds(30));
            push(40).await;
            app.drain_mail_jobs().await;
            let gold_seen = all_work(&app, &e).await.iter().filter(|a| is_gold(a)).count();
            assert_eq!(gold_seen, 3, "the expert saw the whole pool");
            let mail = alerts(&app, &w);
            assert_eq!(mail.len(), 1, "one alert, not one per offer");
            let handle = crate::routing::handle(&app, &w, &e).await;
            assert!(mail[0].body().contains(&handle), "{}", mail[0].body());
            assert!(mail[0].body().contains("all 3 gold items"), "{}", mail[0].body());
            let d = deliveries(&app, &w).await;
            assert_eq!(d.len(), 1, "{d:?}");
            assert_eq!(d[0]["event_type"], "gold.pool_exhausted");

            // The pool grows: the expert gets the new gold, and the lab hears again once.
            upload_gold(&app, &w, 3, 1).await;
            app.advance(Duration::seconds(30));
            push(80).await;
            push(120).await;
            app.drain_mail_jobs().await;
            let gold_seen = all_work(&app, &e).await.iter().filter(|a| is_gold(a)).count();
            assert_eq!(gold_seen, 4);
            assert_eq!(alerts(&app, &w).len(), 2);
            assert_eq!(deliveries(&app, &w).await.len(), 2);
        },
    )
    .await;
}

// ---------------------------------------------------------------------------------------
// Failed gold is named to the expert only after `routing.gold_feedback_delay_hours`.

#[tokio::test]
async fn a_failed_gold_check_is_named_to_the_expert_only_after_the_delay() {
    on_both_with(
        |s| {
            long_tokens(s);
            s.routing.seed = Some(2_112_006);
            s.routing.max_open_assignments = 10_000;
            s.routing.gold_feedback_delay_hours = 48;
        },
        |app| async move {
            let w = world(
                &app,
                Opts {
                    overlap: 1,
                    adjudication: false,
                    gold_rate: 0.5,
                    ..Opts::default()
                },
            )
            .await;
            upload_gold(&app, &w, 0, 20).await;
            // Certified, the gold counts in the slice standing the expert's scores show.
            let list = app
                .get(&format!("/v1/projects/{}/gold-items?limit=100", w.project), &w.lab.token)
                .await;
            list.assert_status(200);
            for g in list.json["data"].as_array().unwrap() {
                app.call(
                    reqwest::Method::PUT,
                    &format!("/v1/gold-items/{}/certification", g["id"].as_str().unwrap()),
                    Some(&w.admin.token),
                    Some(json!({"certified": true, "reason": "reviewed"})),
                )
                .await
                .assert_status(200);
            }
            let e = qualified(&app, &w, None, json!({})).await;
            let items: Vec<Value> = (0..20)
                .map(|n| json!({"external_id": format!("esc-{n}"), "payload": {"prompt": "p", "n": n}}))
                .collect();
            app.post(&format!("/v1/projects/{}/items", w.project), &w.lab.token, json!(items))
                .await
                .assert_status(200);
            let gold = all_work(&app, &e)
                .await
                .into_iter()
                .find(is_gold)
                .expect("a gold offer");
            let id = gold["id"].as_str().unwrap().to_owned();
            // The expert's gold-accuracy count, as the expert and as the platform see it.
            let gold_n = async |app: &TestApp, token: &str| -> i64 {
                let r = app.get(&format!("/v1/experts/{}/scores", e.id), token).await;
                r.assert_status(200);
                r.json["data"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .flat_map(|s| s["metrics"].as_array().cloned().unwrap_or_default())
                    .filter(|m| m["metric"] == "gold_accuracy")
                    .map(|m| m["n"].as_i64().unwrap_or(0))
                    .sum()
            };
            let before = gold_n(&app, &e.account.token).await;
            app.post(&format!("/v1/assignments/{id}/accept"), &e.account.token, json!({}))
                .await
                .assert_status(200);
            app.post(&format!("/v1/assignments/{id}/submit"), &e.account.token, json!({"label": prefer("b", 3)}))
                .await
                .assert_status(200);
            // The count does not move for the expert until the delay (it would name the
            // item as gold); the platform sees it at once.
            assert_eq!(gold_n(&app, &e.account.token).await, before, "the expert's count moved at once");
            assert_eq!(gold_n(&app, &w.admin.token).await, before + 1);
            let failed = async |app: &TestApp| -> Vec<String> {
                let r = app.get(&format!("/v1/experts/{}/scores", e.id), &e.account.token).await;
                r.assert_status(200);
                r.json["data"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .flat_map(|s| s["failed_gold_checks"].as_array().cloned().unwrap_or_default())
                    .map(|c| c["assignment_id"].as_str().unwrap().to_owned())
                    .collect()
            };
            assert!(failed(&app).await.is_empty(), "named at once");
            // Nor can an appeal tell: before the delay, appealing the failed gold answer
            // answers exactly as appealing a real item's answer does.
            let real = all_work(&app, &e)
                .await
                .into_iter()
                .find(|a| !is_gold(a) && a["status"] == "offered")
                .expect("a real offer");
            let real = real["id"].as_str().unwrap().to_owned();
            app.post(&format!("/v1/assignments/{real}/accept"), &e.account.token, json!({}))
                .await
                .assert_status(200);
            app.post(&format!("/v1/assignments/{real}/submit"), &e.account.token, json!({"label": prefer("b", 3)}))
                .await
                .assert_status(200);
            let appeal = async |app: &TestApp, a: &str| {
                let r = app
                    .post("/v1/appeals", &e.account.token,
                        json!({"assignment_id": a, "explanation": "The reference answer misreads clause C1."}))
                    .await;
                (r.status.as_u16(), r.json["detail"].clone())
            };
            let on_real = appeal(&app, &real).await;
            assert_eq!(on_real.0, 409, "{on_real:?}");
            assert_eq!(appeal(&app, &id).await, on_real, "an appeal before the delay marks the gold");
            app.advance(Duration::hours(47));
            assert!(failed(&app).await.is_empty(), "named before the delay");
            assert_eq!(appeal(&app, &id).await, on_real);
            assert_eq!(gold_n(&app, &e.account.token).await, before);
            app.advance(Duration::hours(2));
            assert_eq!(failed(&app).await, std::slice::from_ref(&id));
            assert_eq!(gold_n(&app, &e.account.token).await, before + 1);
            assert_eq!(appeal(&app, &id).await.0, 201, "appealable once named");
            assert_eq!(appeal(&app, &real).await, on_real);
        },
    )
    .await;
}
