//! `cadre serve --demo` seeds a usable instance, once.

use serde_json::{Value, json};

use crate::helpers::on_both;

#[tokio::test]
async fn the_demo_seed_gives_a_newcomer_a_working_instance_once() {
    on_both(|app| async move {
        let summary = cadre::demo::seed(&app.state)
            .await
            .unwrap()
            .expect("an empty database is seeded");
        assert!(summary.contains("cadre_sk_"), "{summary}");
        assert!(
            cadre::demo::seed(&app.state).await.unwrap().is_none(),
            "a second run seeds nothing"
        );

        let login = app
            .login("ada@helix.demo", cadre::demo::DEMO_PASSWORD)
            .await;
        login.assert_status(200);
        let token = login.json["access_token"].as_str().unwrap();
        let projects = app.get("/v1/projects", token).await;
        let helix = &projects.json["data"][0];
        assert_eq!(
            (
                helix["status"].clone(),
                helix["constitution_version"].clone()
            ),
            (json!("active"), json!(1))
        );
        let id = helix["id"].as_str().unwrap();
        let gold = app
            .get(&format!("/v1/projects/{id}/gold-items"), token)
            .await;
        assert_eq!(gold.json["data"].as_array().unwrap().len(), 2);
        let items = app
            .get(&format!("/v1/projects/{id}/items?status=queued"), token)
            .await;
        assert_eq!(items.json["data"].as_array().unwrap().len(), 3);
        // A fourth waiting item is past its deadline: overdue, still routed.
        let overdue = app
            .get(&format!("/v1/projects/{id}/items?status=overdue"), token)
            .await;
        let overdue = overdue.json["data"].as_array().unwrap().clone();
        assert_eq!(overdue.len(), 1, "{overdue:?}");
        assert_eq!(overdue[0]["external_id"], "helix-esc-0005");
        assert_eq!(overdue[0]["stage"], "queued");
        let mut waiting = items.json["data"].as_array().unwrap().clone();
        waiting.extend(overdue);
        // Each was routed to the one qualified radiologist and waits for a second: offered
        // to her, unless a gold item took that offer's slot (gold looks like work; the
        // demo's draws are random).
        let mut offered_items = 0;
        for item in &waiting {
            let offered = item["progress"]["offered"].as_i64().unwrap();
            assert!(offered <= 1, "{item}");
            offered_items += offered;
            let why = app
                .get(
                    &format!("/v1/items/{}/routing", item["id"].as_str().unwrap()),
                    token,
                )
                .await;
            why.assert_status(200);
            assert!(
                why.json["decisions"]
                    .as_array()
                    .is_some_and(|d| !d.is_empty()),
                "{}",
                why.text
            );
        }
        // Helix's webhook endpoint was told about each waiting item.
        let org = helix["org_id"].as_str().unwrap();
        let hooks = app
            .get(&format!("/v1/orgs/{org}/webhook-endpoints"), token)
            .await;
        hooks.assert_status(200);
        assert_eq!(hooks.json["data"].as_array().unwrap().len(), 1);
        let hook = hooks.json["data"][0]["id"].as_str().unwrap();
        let deliveries = app
            .get(
                &format!("/v1/orgs/{org}/webhook-endpoints/{hook}/deliveries"),
                token,
            )
            .await;
        let d = deliveries.json["data"].as_array().unwrap();
        assert_eq!(d.len(), 5, "{}", deliveries.text);
        let kinds = |k: &str| d.iter().filter(|d| d["event_type"] == k).count();
        assert_eq!(kinds("item.needs_attention"), 4, "{}", deliveries.text);
        assert_eq!(kinds("item.deadline_missed"), 1, "{}", deliveries.text);
        let chen = app
            .login("dr.chen@experts.demo", cadre::demo::DEMO_PASSWORD)
            .await;
        let work = app
            .get(
                "/v1/assignments?status=offered",
                chen.json["access_token"].as_str().unwrap(),
            )
            .await;
        // The four items, plus any gold item routing mixed in at the project's gold rate
        // (the demo draws are random, so there may be none).
        let gold_refs: Vec<&Value> = gold.json["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| &g["payload"]["image_ref"])
            .collect();
        let mut items_offered = 0;
        for a in work.json["data"].as_array().unwrap() {
            let r = &a["payload"]["image_ref"];
            if r.as_str().unwrap().starts_with("cxr-helix-esc-") {
                items_offered += 1;
            } else {
                assert!(gold_refs.contains(&r), "neither an item nor gold: {a}");
            }
        }
        assert_eq!(items_offered, offered_items, "{}", work.text);
        assert_eq!(
            work.json["data"].as_array().unwrap().len(),
            4,
            "one offer per routed item, real or gold in its slot: {}",
            work.text
        );
        let diff = app
            .get(
                &format!("/v1/projects/{id}/constitutions/2/diff?from=1"),
                token,
            )
            .await;
        assert_eq!(diff.json["added"][0]["id"], "C4");
        let slices = app.get("/v1/slices", token).await;
        assert_eq!(
            slices.json["data"].as_array().unwrap().len(),
            5,
            "4 shared + Helix's private slice"
        );

        // Northwind sees its own project and not Helix's private slice.
        let alan = app
            .login("alan@northwind.demo", cadre::demo::DEMO_PASSWORD)
            .await;
        let alan = alan.json["access_token"].as_str().unwrap();
        assert_eq!(
            app.get("/v1/slices", alan).await.json["data"]
                .as_array()
                .unwrap()
                .len(),
            4
        );
        app.get(&format!("/v1/projects/{id}"), alan)
            .await
            .assert_problem(404, None);

        // Meridian's admin sees the five experts on its roster, at different stages.
        let maria = app
            .login("maria@meridian.demo", cadre::demo::DEMO_PASSWORD)
            .await;
        let roster = app
            .get("/v1/experts", maria.json["access_token"].as_str().unwrap())
            .await;
        let statuses: Vec<&str> = roster.json["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["vetting_status"].as_str().unwrap())
            .collect();
        assert_eq!(
            statuses,
            ["approved", "screening", "rejected", "approved", "approved"]
        );
        // Eight weeks of calibration give the roster's dashboards and charts history, and
        // Atlas shares the platform's radiology pool with Meridian for the comparison.
        let maria_token = maria.json["access_token"].as_str().unwrap();
        let meridian = roster.json["data"][0]["vendor_id"].as_str().unwrap();
        let d = app
            .get(&format!("/v1/vendors/{meridian}/dashboard"), maria_token)
            .await;
        d.assert_status(200);
        let radiology = d.json["slices"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["slice_key"] == "medicine/radiology:de")
            .expect("radiology on the dashboard")
            .clone();
        // Chen's 4 + 8 × 5 + Weber's and Rossi's 8 × 5 each; 40 − (5 + 12 + 13) off.
        assert_eq!(
            radiology["period"]["calibration"]["n"], 124,
            "{}",
            radiology["period"]
        );
        assert_eq!(radiology["tiers"]["senior"], 1);
        // Each week's five reads were answered by three of them: 40 units for alpha.
        assert_eq!(radiology["period"]["calibration_agreement"]["items"], 40);
        assert!(radiology["period"]["calibration_agreement"]["krippendorff_alpha"].is_number());
        let slice = radiology["slice_id"].as_str().unwrap();
        let chart = app
            .get(
                &format!(
                    "/v1/vendors/{meridian}/charts/accuracy.svg?slice={slice}&metric=calibration"
                ),
                maria_token,
            )
            .await;
        chart.assert_status(200);
        // Three experts' lines and their legend samples, and the two thresholds'.
        assert!(
            chart.text.matches("<polyline").count() >= 3 * 2 + 2 * 2,
            "{}",
            chart.text
        );
        let invitations = app
            .get(
                &format!("/v1/vendors/{meridian}/roster/invitations"),
                maria_token,
            )
            .await;
        assert_eq!(invitations.json["data"][0]["status"], "pending");
        let admin = app
            .login("admin@cadre.demo", cadre::demo::DEMO_PASSWORD)
            .await;
        let c = app
            .get(
                &format!("/v1/slices/{slice}/vendor-comparison"),
                admin.json["access_token"].as_str().unwrap(),
            )
            .await;
        c.assert_status(200);
        assert_eq!(c.json["common_items"], 5, "{}", c.json);
        assert_eq!(c.json["vendors"].as_array().unwrap().len(), 2);
        let chen = app
            .login("dr.chen@experts.demo", cadre::demo::DEMO_PASSWORD)
            .await;
        let me = app
            .get(
                "/v1/experts/me",
                chen.json["access_token"].as_str().unwrap(),
            )
            .await;
        assert_eq!(me.json["time_zone"], "Europe/Berlin");
        let creds = app
            .get(
                "/v1/experts/me/credentials",
                chen.json["access_token"].as_str().unwrap(),
            )
            .await;
        assert_eq!(creds.json["data"][0]["status"], "verified");
        assert_eq!(
            creds.json["data"][0]["evidence"][0]["content_type"],
            "application/pdf"
        );
        let chen_token = chen.json["access_token"].as_str().unwrap();
        assert_eq!(
            creds.json["data"][1]["evidence"][0]["kind"],
            "email_domain_verified"
        );
        let id = me.json["id"].as_str().unwrap();
        let slices = app
            .get(&format!("/v1/experts/{id}/slices"), chen_token)
            .await;
        assert_eq!(slices.json["data"][0]["status"], "qualified");
        assert_eq!(slices.json["data"][0]["tier"], "adjudicator");
        let eligibility = app
            .get(&format!("/v1/experts/{id}/eligibility"), chen_token)
            .await;
        assert!(
            eligibility.json["domains"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["slug"] == "medicine/radiology" && d["eligible"] == true)
        );
        // The certificate expiring in 20 days is reminded about by the first sweep (the
        // address is shared by both engines' runs, so count what this run adds).
        let reminders = || {
            app.mail_to("dr.chen@experts.demo")
                .iter()
                .filter(|m| m.subject().starts_with("Your credential expires on"))
                .count()
        };
        let before = reminders();
        app.drain_jobs().await;
        assert_eq!(reminders(), before + 1);

        // Hana, in the assessment stage, can take the Rust review assessment.
        let hana = app
            .login("h.nakamura@experts.demo", cadre::demo::DEMO_PASSWORD)
            .await;
        let hana = hana.json["access_token"].as_str().unwrap();
        let all = app.get("/v1/slices", hana).await;
        let rust = all.json["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["key"] == "code/rust-review")
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let a = app
            .post(&format!("/v1/slices/{rust}/assessments"), hana, json!({}))
            .await;
        a.assert_status(201);
        assert_eq!(a.json["items"].as_array().unwrap().len(), 10);

        // Scoring: Dr. Chen's calibration answers fed the profile; the appeal awaits the admin.
        assert!(summary.contains("calibration session cal_"), "{summary}");
        let chen = app
            .login("dr.chen@experts.demo", cadre::demo::DEMO_PASSWORD)
            .await;
        let chen = chen.json["access_token"].as_str().unwrap().to_owned();
        let me = app.get("/v1/experts/me", &chen).await;
        let chen_id = me.json["id"].as_str().unwrap().to_owned();
        let s = app
            .get(&format!("/v1/experts/{chen_id}/scores"), &chen)
            .await;
        s.assert_status(200);
        let rad = s.json["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["slice_key"] == "medicine/radiology:de")
            .unwrap()
            .clone();
        let cal = rad["metrics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["metric"] == "calibration")
            .unwrap()
            .clone();
        // This month's session (4 answered) and eight weekly ones (5 each, 6 reads off).
        assert_eq!(cal["n"], 44, "{rad}");
        assert_eq!(rad["failed_gold_checks"].as_array().unwrap().len(), 7);
        let admin = app
            .login("admin@cadre.demo", cadre::demo::DEMO_PASSWORD)
            .await;
        let admin = admin.json["access_token"].as_str().unwrap().to_owned();
        let open = app.get("/v1/appeals?status=open", &admin).await;
        open.assert_status(200);
        assert_eq!(open.json["data"].as_array().unwrap().len(), 1);

        // Scheduling: Dr. Chen's Berlin evenings, Helix's request booked into her shifts,
        // and her calendar feed, whose URL the summary prints.
        let av = app.get("/v1/experts/me/availability", &chen).await;
        av.assert_status(200);
        assert_eq!(av.json["time_zone"], "Europe/Berlin");
        assert_eq!(av.json["exceptions"][0]["kind"], "time_off");
        let reqs = app.get("/v1/capacity-requests", token).await;
        reqs.assert_status(200);
        let rid = reqs.json["data"][0]["id"].as_str().unwrap();
        let d = app
            .get(&format!("/v1/capacity-requests/{rid}"), token)
            .await;
        let shifts = d.json["shifts"].as_array().unwrap();
        assert!(!shifts.is_empty(), "{}", d.json);
        assert_eq!(shifts[0]["status"], "confirmed");
        assert_eq!(d.json["shortfall_experts"], 1);
        let feed = summary
            .split_whitespace()
            .find(|w| w.contains("/calendar.ics?token="))
            .unwrap();
        let path = &feed[feed.find("/v1/").unwrap()..];
        let ics = app.get_anon(path).await;
        ics.assert_status(200);
        assert_eq!(ics.text.matches("BEGIN:VEVENT").count(), shifts.len());
        assert!(ics.text.contains("STATUS:CONFIRMED"));

        // Payments: last week's sheets (approved, disputed), Helix's open invoice for the
        // approved one, and the scheduled run's manual payout to Dr. Chen.
        let sheets = app.get("/v1/timesheets", token).await;
        sheets.assert_status(200);
        let statuses: Vec<&str> = sheets.json["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["status"].as_str().unwrap())
            .collect();
        assert_eq!(statuses, ["approved", "disputed"], "{}", sheets.json);
        assert!(
            sheets.json["data"][1]["lines"][0]["dispute_reason"]
                .as_str()
                .is_some()
        );
        let invoices = app.get("/v1/invoices", token).await;
        assert_eq!(invoices.json["data"][0]["status"], "open");
        assert_eq!(
            invoices.json["data"][0]["total_minor"],
            sheets.json["data"][0]["bill_minor"]
        );
        app.drain_jobs().await;
        let mine = app.get("/v1/payouts", &chen).await;
        assert_eq!(mine.json["data"][0]["method"], "manual", "{}", mine.json);
        let own = app.get("/v1/timesheets", &chen).await;
        assert!(own.json["data"][0]["pay_minor"].as_i64().unwrap() > 0);
        // The payout is the approved sheet plus the eight weekly calibration sessions,
        // paid as training time: 40 reads × 300 s at Dr. Chen's 90.00 EUR/h = 300.00.
        assert_eq!(
            mine.json["data"][0]["amount_minor"].as_i64().unwrap(),
            own.json["data"][0]["pay_minor"].as_i64().unwrap() + 30_000
        );
    })
    .await;
}
