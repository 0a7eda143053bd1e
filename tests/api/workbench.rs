//! The expert workbench in a browser with plain forms (`/app/work`, `/app/work/{a}`): the
//! queue lists offers with due times in the expert's zone, "Take next" accepts the most
//! urgent work, the item page renders each label kind's inputs beside the constitution,
//! a submitted form is the judgment the API stores, a refused one comes back with the
//! message, the page's heartbeat measures paid time, and nothing crosses experts.

use chrono::{DateTime, Duration, Utc};
use serde_json::{Value, json};

use crate::helpers::{TestApp, on_both};
use crate::pages::{Browser, Page, assert_secure_html};
use crate::routing::{Expert, Opts, World, push, qualified, work, world};

/// A browser signed in as the expert.
async fn signed_in<'a>(app: &'a TestApp, e: &Expert) -> Browser<'a> {
    let mut b = Browser::new(app);
    b.sign_in(&e.account.email).await;
    b
}

/// A world whose slice has `schema`, a qualified expert, and one item offered to them.
async fn offered(app: &TestApp, schema: Value, payload: Value) -> (World, Expert, String) {
    let w = world(
        app,
        Opts {
            overlap: 1,
            label_schema: schema,
            ..Opts::default()
        },
    )
    .await;
    let e = qualified(app, &w, None, json!({})).await;
    push(
        app,
        &w,
        vec![json!({"external_id": "wb-1", "payload": payload, "priority": 70})],
    )
    .await;
    let offers = work(app, &e, "offered").await;
    assert_eq!(offers.len(), 1, "{offers:?}");
    let id = offers[0]["id"].as_str().unwrap().to_owned();
    (w, e, id)
}

fn pairwise_payload() -> Value {
    json!({"prompt": "Which diff is safer?", "response_a": "let v = x.unwrap();", "response_b": "let v = x?;"})
}

/// The API's view of the expert's assignment.
async fn api_view(app: &TestApp, e: &Expert, id: &str) -> Value {
    let r = app
        .get(&format!("/v1/assignments/{id}"), &e.account.token)
        .await;
    r.assert_status(200);
    r.json
}

#[tokio::test]
async fn the_queue_lists_an_offer_due_in_the_experts_zone_and_take_next_accepts_it() {
    on_both(|app| async move {
        let (_, e, id) = offered(&app, json!({"kind": "pairwise"}), pairwise_payload()).await;
        let mut b = signed_in(&app, &e).await;
        let home = b.get("/app/").await;
        home.assert_status(200);
        assert!(home.html.contains("href=\"/app/work\""), "{}", home.html);

        let queue = b.get("/app/work").await;
        queue.assert_status(200);
        assert_secure_html(&queue);
        for text in ["Reviews", "Rust review", "offered", &format!("work-{id}")] {
            assert!(queue.html.contains(text), "{text}: {}", queue.html);
        }
        // Due in the expert's zone (their profile says Europe/London), as the API's instant.
        let due: DateTime<Utc> = api_view(&app, &e, &id).await["due_at"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        let london = due
            .with_timezone(&chrono_tz::Europe::London)
            .format("%a %d %b %Y, %H:%M %Z")
            .to_string();
        assert!(queue.html.contains(&london), "{london}: {}", queue.html);
        assert!(queue.html.contains("Europe/London"));
        // Accept and decline forms for the offer.
        queue.form(&format!("/app/work/{id}/accept"));
        queue.form(&format!("/app/work/{id}/decline"));

        let taken = b.submit(&queue, "/app/work/next", &[]).await;
        taken.assert_status(303);
        assert_eq!(taken.location(), format!("/app/work/{id}"));
        assert_eq!(api_view(&app, &e, &id).await["status"], "accepted");
        let queue = b.get("/app/work").await;
        assert!(queue.html.contains("Continue"), "{}", queue.html);

        // Nothing more to take: the queue says so.
        app.post(
            &format!("/v1/assignments/{id}/decline"),
            &e.account.token,
            json!({"reason": "conflict of interest"}),
        )
        .await
        .assert_status(200);
        let none = b.submit(&queue, "/app/work/next", &[]).await;
        none.assert_status(303);
        assert_eq!(none.location(), "/app/work?done=none");
        let queue = b.get(none.location()).await;
        assert!(
            queue.html.contains("Nothing for you right now"),
            "{}",
            queue.html
        );
        assert!(queue.html.contains("id=\"queue-empty\""), "{}", queue.html);
    })
    .await;
}

/// Takes the offer and opens the item page.
async fn accepted_page(app: &TestApp, b: &mut Browser<'_>, id: &str) -> Page {
    let queue = b.get("/app/work").await;
    let r = b
        .submit(&queue, &format!("/app/work/{id}/accept"), &[])
        .await;
    r.assert_status(303);
    assert_eq!(r.location(), format!("/app/work/{id}"));
    let _ = app;
    let page = b.get(&format!("/app/work/{id}")).await;
    page.assert_status(200);
    assert_secure_html(&page);
    page
}

#[track_caller]
fn assert_inputs(page: &Page, inputs: &[(&str, &str)]) {
    for (name, value) in inputs {
        let input = format!("name=\"{name}\" value=\"{value}\"");
        assert!(page.html.contains(&input), "no {input} in {}", page.html);
    }
}

#[tokio::test]
async fn the_item_page_of_a_pairwise_item_shows_the_responses_side_by_side_with_the_constitution() {
    on_both(|app| async move {
        let (_, e, id) = offered(
            &app,
            json!({"kind": "pairwise", "max_strength": 3}),
            pairwise_payload(),
        )
        .await;
        let mut b = signed_in(&app, &e).await;
        // An offer shows the item and an accept button, no judgment form yet.
        let offer = b.get(&format!("/app/work/{id}")).await;
        offer.assert_status(200);
        offer.form(&format!("/app/work/{id}/accept"));
        assert!(!offer.html.contains(&format!("/app/work/{id}/submit")));

        let page = accepted_page(&app, &mut b, &id).await;
        assert!(page.html.contains("class=\"pair\""), "{}", page.html);
        assert!(page.html.contains("Response A") && page.html.contains("let v = x?;"));
        assert_inputs(
            &page,
            &[
                ("preference", "a"),
                ("preference", "b"),
                ("preference", "tie"),
                ("strength", "1"),
                ("strength", "3"),
                ("both_bad", "true"),
                ("cited_clauses", "C1"),
                ("cited_clauses", "C2"),
            ],
        );
        assert!(!page.html.contains("name=\"strength\" value=\"4\""));
        for text in [
            "Correctness first.",
            "Prefer the safer change.",
            "<textarea id=\"rationale\" name=\"rationale\"",
        ] {
            assert!(page.html.contains(text), "{text}: {}", page.html);
        }
        for id in [
            "rationale",
            "cite-C1",
            "preference-a",
            "strength-2",
            "reason",
        ] {
            assert!(
                page.html.contains(&format!("<label for=\"{id}\"")),
                "no label for {id}"
            );
        }
        // The heartbeat script is an external file, and the page says where to beat.
        assert!(
            page.html.contains("src=\"/app/static/workbench.js?v="),
            "{}",
            page.html
        );
        assert!(
            page.html
                .contains(&format!("data-heartbeat=\"/app/work/{id}/heartbeat\""))
        );
        let js = b.get("/app/static/workbench.js").await;
        js.assert_status(200);
        assert!(js.header("content-type").starts_with("text/javascript"));
        assert!(js.html.contains("visibilitychange") && js.html.contains("X-CSRF-Token"));
        // What the API does not show the expert, the page does not either.
        for hidden in ["gold", "Gold", "judge_confidence", "AI judge"] {
            assert!(!page.html.contains(hidden), "{hidden} shown: {}", page.html);
        }
    })
    .await;
}

#[tokio::test]
async fn the_item_page_of_a_categorical_item_offers_its_labels() {
    on_both(|app| async move {
        let (_, e, id) = offered(
            &app,
            json!({"kind": "categorical", "labels": ["low", "medium", "high"], "citations_required": true}),
            json!({"finding": "8 mm nodule, right apex"}),
        )
        .await;
        let mut b = signed_in(&app, &e).await;
        let page = accepted_page(&app, &mut b, &id).await;
        assert_inputs(
            &page,
            &[("label", "low"), ("label", "medium"), ("label", "high"), ("cited_clauses", "C1")],
        );
        assert!(!page.html.contains("name=\"preference\""));
        assert!(page.html.contains("at least one is required"), "{}", page.html);
        assert!(page.html.contains("8 mm nodule, right apex"));
    })
    .await;
}

#[tokio::test]
async fn the_item_page_of_an_ordinal_item_offers_its_scale() {
    on_both(|app| async move {
        let (_, e, id) = offered(
            &app,
            json!({"kind": "ordinal", "min": 1, "max": 5}),
            json!({"report": "Kein Nachweis eines Pneumothorax."}),
        )
        .await;
        let mut b = signed_in(&app, &e).await;
        let page = accepted_page(&app, &mut b, &id).await;
        assert_inputs(&page, &[("score", "1"), ("score", "3"), ("score", "5")]);
        assert!(!page.html.contains("name=\"score\" value=\"6\""));
        assert!(!page.html.contains("name=\"label\""));

        // Submitting through the form stores the score as the API's judgment.
        let r = b
            .submit(
                &page,
                &format!("/app/work/{id}/submit"),
                &[
                    ("score", "2"),
                    ("rationale", "Misses the apical pneumothorax."),
                ],
            )
            .await;
        r.assert_status(303);
        let v = api_view(&app, &e, &id).await;
        assert_eq!(v["status"], "submitted", "{v}");
        assert_eq!(
            v["your_label"],
            json!({"score": 2, "rationale": "Misses the apical pneumothorax."})
        );
    })
    .await;
}

#[tokio::test]
async fn a_judgment_submitted_through_the_form_is_the_one_the_api_stores_and_a_refusal_keeps_the_form()
 {
    on_both(|app| async move {
        let (w, e, id) = offered(&app, json!({"kind": "pairwise"}), pairwise_payload()).await;
        let mut b = signed_in(&app, &e).await;
        let page = accepted_page(&app, &mut b, &id).await;
        let action = format!("/app/work/{id}/submit");

        // No preference, a clause the constitution lacks: the form again, with the
        // message and the fields named, what was typed kept, nothing stored.
        let refused = b
            .submit(
                &page,
                &action,
                &[("rationale", "B propagates <the> error"), ("cited_clauses", "C9")],
            )
            .await;
        refused.assert_status(422);
        assert_secure_html(&refused);
        assert!(refused.html.contains("Please check your judgment."), "{}", refused.html);
        assert!(refused.html.contains("<strong>preference</strong>"), "{}", refused.html);
        assert!(refused.html.contains("B propagates &#60;the&#62; error") || refused.html.contains("B propagates &lt;the&gt; error"), "{}", refused.html);
        refused.form(&action);
        assert_eq!(api_view(&app, &e, &id).await["status"], "accepted");

        let clause = b
            .submit(
                &page,
                &action,
                &[("preference", "b"), ("strength", "2"), ("rationale", "B propagates the error"), ("cited_clauses", "C9")],
            )
            .await;
        clause.assert_status(422);
        assert!(clause.html.contains("cited_clauses[0]"), "{}", clause.html);
        assert!(clause.html.contains("is not a clause of constitution version 1"), "{}", clause.html);
        // The choice made is still made.
        assert!(clause.html.contains("value=\"b\" required checked"), "{}", clause.html);

        let mut fields = page.form(&action);
        fields.extend(
            [
                ("preference", "b"),
                ("strength", "2"),
                ("rationale", "B propagates the error instead of panicking"),
                ("cited_clauses", "C1"),
                ("cited_clauses", "C2"),
            ]
            .map(|(k, v)| (k.to_owned(), v.to_owned())),
        );
        let done = b.post(&action, &fields).await;
        done.assert_status(303);
        assert_eq!(done.location(), "/app/work?done=submitted");
        let v = api_view(&app, &e, &id).await;
        assert_eq!(v["status"], "submitted", "{v}");
        assert_eq!(
            v["your_label"],
            json!({"preference": "b", "strength": 2, "rationale": "B propagates the error instead of panicking", "cited_clauses": ["C1", "C2"]})
        );
        // The lab sees the resolved item (overlap 1).
        let items = app
            .get(&format!("/v1/projects/{}/items", w.project), &w.lab.token)
            .await;
        assert_eq!(items.json["data"][0]["status"], "resolved", "{}", items.json);
        // The page shows the submitted judgment and no form any more.
        let after = b.get(&format!("/app/work/{id}")).await;
        assert!(after.html.contains("id=\"your-label\""));
        assert!(!after.html.contains(&action));
        // Submitting again is refused on the page, not as a raw error.
        let again = b.post(&action, &fields).await;
        again.assert_status(409);
        assert!(again.html.contains("already submitted"), "{}", again.html);
    })
    .await;
}

#[tokio::test]
async fn declining_through_the_form_needs_a_reason_and_frees_the_item() {
    on_both(|app| async move {
        let (_, e, id) = offered(&app, json!({"kind": "pairwise"}), pairwise_payload()).await;
        let mut b = signed_in(&app, &e).await;
        let page = b.get(&format!("/app/work/{id}")).await;
        let action = format!("/app/work/{id}/decline");
        let short = b.submit(&page, &action, &[("reason", "no")]).await;
        short.assert_status(422);
        assert!(
            short.html.contains("<strong>reason</strong>"),
            "{}",
            short.html
        );
        assert_eq!(api_view(&app, &e, &id).await["status"], "offered");
        let r = b
            .submit(
                &page,
                &action,
                &[("reason", "I reviewed this code for the vendor")],
            )
            .await;
        r.assert_status(303);
        assert_eq!(r.location(), "/app/work?done=declined");
        assert_eq!(api_view(&app, &e, &id).await["status"], "declined");
    })
    .await;
}

#[tokio::test]
async fn a_post_without_the_csrf_token_changes_no_work() {
    on_both(|app| async move {
        let (_, e, id) = offered(&app, json!({"kind": "pairwise"}), pairwise_payload()).await;
        let mut b = signed_in(&app, &e).await;
        for path in [
            "/app/work/next".to_owned(),
            format!("/app/work/{id}/accept"),
            format!("/app/work/{id}/decline"),
        ] {
            let r = b
                .post(
                    &path,
                    &[("reason".to_owned(), "not mine at all".to_owned())],
                )
                .await;
            r.assert_status(403);
            assert!(
                r.html.contains("This form has expired"),
                "{path}: {}",
                r.html
            );
        }
        assert_eq!(api_view(&app, &e, &id).await["status"], "offered");
        app.post(
            &format!("/v1/assignments/{id}/accept"),
            &e.account.token,
            json!({}),
        )
        .await
        .assert_status(200);
        let submit = b
            .post(
                &format!("/app/work/{id}/submit"),
                &[
                    ("preference".to_owned(), "a".to_owned()),
                    ("strength".to_owned(), "1".to_owned()),
                    ("rationale".to_owned(), "x".to_owned()),
                ],
            )
            .await;
        submit.assert_status(403);
        let heartbeat = format!("/app/work/{id}/heartbeat");
        b.post_from_script(&heartbeat, &[]).await.assert_status(403);
        b.post_from_script(&heartbeat, &[("x-csrf-token", "forged")])
            .await
            .assert_status(403);
        assert_eq!(api_view(&app, &e, &id).await["status"], "accepted");
    })
    .await;
}

#[tokio::test]
async fn another_experts_assignment_is_a_404_page() {
    on_both(|app| async move {
        let (w, e, id) = offered(&app, json!({"kind": "pairwise"}), pairwise_payload()).await;
        let other = qualified(&app, &w, None, json!({})).await;
        let mut b = signed_in(&app, &other).await;
        let page = b.get(&format!("/app/work/{id}")).await;
        page.assert_status(404);
        assert_secure_html(&page);
        assert!(page.html.contains("Not found"), "{}", page.html);
        assert!(!page.html.contains("Which diff is safer?"));
        let queue = b.get("/app/work").await;
        let csrf = b.csrf();
        for action in ["accept", "decline", "submit"] {
            let r = b
                .post(
                    &format!("/app/work/{id}/{action}"),
                    &[
                        ("csrf_token".to_owned(), csrf.clone()),
                        ("reason".to_owned(), "taking it over".to_owned()),
                    ],
                )
                .await;
            r.assert_status(404);
        }
        b.post_from_script(
            &format!("/app/work/{id}/heartbeat"),
            &[("x-csrf-token", &csrf)],
        )
        .await
        .assert_status(404);
        assert!(!queue.html.contains(&id));
        // A malformed id is no page either.
        b.get("/app/work/asg_nonsense").await.assert_status(404);
        assert_eq!(api_view(&app, &e, &id).await["status"], "offered");
    })
    .await;
}

#[tokio::test]
async fn a_payload_with_a_script_renders_as_text() {
    on_both(|app| async move {
        let (_, e, id) = offered(
            &app,
            json!({"kind": "pairwise"}),
            json!({"prompt": "<script>alert('x')</script>", "response_a": "<img src=x onerror=alert(1)>", "response_b": "</pre><b>bold</b>"}),
        )
        .await;
        let mut b = signed_in(&app, &e).await;
        let page = b.get(&format!("/app/work/{id}")).await;
        page.assert_status(200);
        assert_secure_html(&page);
        for raw in ["<script>alert", "<img src=x", "<b>bold</b>"] {
            assert!(!page.html.contains(raw), "{raw} unescaped: {}", page.html);
        }
        assert!(
            page.html.contains("&#60;script&#62;alert(&#39;x&#39;)&#60;/script&#62;")
                || page.html.contains("&lt;script&gt;alert"),
            "{}",
            page.html
        );
    })
    .await;
}

#[tokio::test]
async fn the_pages_heartbeat_measures_the_paid_time() {
    on_both(|app| async move {
        let (_, e, id) = offered(&app, json!({"kind": "pairwise"}), pairwise_payload()).await;
        let mut b = signed_in(&app, &e).await;
        let page = accepted_page(&app, &mut b, &id).await;
        let csrf = b.csrf();
        let heartbeat = format!("/app/work/{id}/heartbeat");
        // Four minutes of work between beats (inside the 5-minute idle limit), three times.
        for minutes in [4, 8, 12] {
            app.advance(Duration::minutes(4));
            let r = b
                .post_from_script(&heartbeat, &[("x-csrf-token", &csrf)])
                .await;
            r.assert_status(200);
            let beat: Value = serde_json::from_str(&r.html).unwrap();
            assert_eq!(beat["active_seconds"], minutes * 60, "{beat}");
        }
        assert_eq!(api_view(&app, &e, &id).await["active_seconds"], 720);
        let r = b
            .submit(
                &page,
                &format!("/app/work/{id}/submit"),
                &[
                    ("preference", "tie"),
                    ("rationale", "Both are fine"),
                    ("cited_clauses", "C1"),
                ],
            )
            .await;
        r.assert_status(303);
        let entries = app.get("/v1/time-entries", &e.account.token).await;
        entries.assert_status(200);
        let data = entries.json["data"].as_array().unwrap();
        assert_eq!(data.len(), 1, "{}", entries.json);
        assert_eq!(data[0]["source_id"], id.as_str(), "{}", entries.json);
        assert_eq!(data[0]["seconds"], 720, "{}", entries.json);
        // Finished work takes no more beats.
        b.post_from_script(&heartbeat, &[("x-csrf-token", &csrf)])
            .await
            .assert_status(409);
    })
    .await;
}

#[tokio::test]
async fn the_demo_expert_signs_in_finds_work_waiting_and_submits_a_judgment() {
    on_both(|app| async move {
        cadre::demo::seed(&app.state)
            .await
            .unwrap()
            .expect("an empty database is seeded");
        let mut b = Browser::new(&app);
        let sign_in = b.get("/app/sign-in").await;
        let r = b
            .submit(
                &sign_in,
                "/app/sign-in",
                &[
                    ("email", "dr.chen@experts.demo"),
                    ("password", cadre::demo::DEMO_PASSWORD),
                ],
            )
            .await;
        r.assert_status(303);
        let queue = b.get("/app/work").await;
        queue.assert_status(200);
        assert!(queue.html.contains("Europe/Berlin"), "{}", queue.html);
        assert!(queue.html.contains("offered"), "{}", queue.html);
        let taken = b.submit(&queue, "/app/work/next", &[]).await;
        taken.assert_status(303);
        let item = b.get(taken.location()).await;
        item.assert_status(200);
        // The radiology slice is ordinal 1–5 and the pinned constitution has clause C1.1.
        assert_inputs(
            &item,
            &[("score", "1"), ("score", "5"), ("cited_clauses", "C1.1")],
        );
        let action = format!("{}/submit", taken.location());
        let done = b
            .submit(
                &item,
                &action,
                &[
                    ("score", "4"),
                    ("rationale", "The report matches the image."),
                    ("cited_clauses", "C1"),
                ],
            )
            .await;
        done.assert_status(303);
        let login = app
            .login("dr.chen@experts.demo", cadre::demo::DEMO_PASSWORD)
            .await;
        let token = login.json["access_token"].as_str().unwrap();
        let id = taken.location().trim_start_matches("/app/work/");
        let v = app.get(&format!("/v1/assignments/{id}"), token).await;
        assert_eq!(v.json["status"], "submitted", "{}", v.json);
        assert_eq!(v.json["your_label"]["score"], 4, "{}", v.json);
    })
    .await;
}
