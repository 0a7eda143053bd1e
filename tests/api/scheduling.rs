//! Scheduling: availability in the expert's zone across daylight-saving changes, capacity
//! requests booked into shifts (confirm, decline → re-plan, caps, shortfall, no double
//! booking under concurrency), coverage and who sees which shifts, the iCalendar feed read
//! by a real parser, reminders over SMTP, and routing that follows the schedule.

use std::collections::HashMap;

use chrono::{DateTime, TimeZone, Utc};
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{Account, TestApp, on_both, on_both_with};
use crate::routing::{Expert, Opts, World, handle, item, push, qualified, world};

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn at(d: u32, h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, d, h, m, 0).unwrap()
}

fn days(names: &[&str], start: &str, end: &str) -> Value {
    json!(
        names
            .iter()
            .map(|d| json!({"weekday": d, "start": start, "end": end}))
            .collect::<Vec<_>>()
    )
}

const WEEKDAYS: [&str; 5] = ["mon", "tue", "wed", "thu", "fri"];

async fn set_availability(app: &TestApp, e: &Expert, body: Value) -> Value {
    let r = app
        .call(
            Method::PUT,
            "/v1/experts/me/availability",
            Some(&e.account.token),
            Some(body),
        )
        .await;
    r.assert_status(200);
    r.json
}

/// A qualified expert in UTC, available on `weekdays` from `start` to `end`, no notice.
async fn on_call(app: &TestApp, w: &World, weekdays: &[&str], start: &str, end: &str) -> Expert {
    let e = qualified(app, w, None, json!({"time_zone": "UTC"})).await;
    set_availability(
        app,
        &e,
        json!({"weekly": days(weekdays, start, end), "min_notice_minutes": 0}),
    )
    .await;
    e
}

async fn intervals(app: &TestApp, token: &str, e: &Expert, from: &str, to: &str) -> Value {
    let r = app
        .get(
            &format!(
                "/v1/experts/{}/availability/intervals?from={from}&to={to}",
                e.id
            ),
            token,
        )
        .await;
    r.assert_status(200);
    r.json
}

type Span = (DateTime<Utc>, DateTime<Utc>);

/// A shift as the lab sees it: id, expert handle, start, end, status.
type ShiftRow = (String, String, DateTime<Utc>, DateTime<Utc>, String);

fn spans(v: &Value) -> Vec<Span> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                utc(i["start"].as_str().unwrap()),
                utc(i["end"].as_str().unwrap()),
            )
        })
        .collect()
}

async fn request(app: &TestApp, w: &World, body: Value) -> Value {
    let mut b = json!({"project_id": w.project, "slice_id": w.slice});
    for (k, v) in body.as_object().unwrap() {
        b[k] = v.clone();
    }
    let r = app.post("/v1/capacity-requests", &w.lab.token, b).await;
    r.assert_status(201);
    r.json
}

/// A request's shifts.
fn shifts_of(detail: &Value) -> Vec<ShiftRow> {
    detail["shifts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap().to_owned(),
                s["expert_handle"].as_str().unwrap().to_owned(),
                utc(s["starts_at"].as_str().unwrap()),
                utc(s["ends_at"].as_str().unwrap()),
                s["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn live(s: &str) -> bool {
    s == "offered" || s == "confirmed"
}

#[tokio::test]
async fn availability_keeps_local_hours_across_the_new_york_dst_change_with_exceptions() {
    on_both(|app| async move {
        let w = world(&app, Opts::default()).await;
        let e = qualified(&app, &w, None, json!({"time_zone": "America/New_York"})).await;
        // Not yet set: 404 that says how to set it.
        app.get("/v1/experts/me/availability", &e.account.token)
            .await
            .assert_problem(404, None);
        let v = set_availability(
            &app,
            &e,
            json!({"weekly": days(&["mon", "tue", "wed", "thu"], "18:00", "22:00"),
                "max_hours_per_week": 12, "min_notice_minutes": 0}),
        )
        .await;
        // The zone defaults to the profile's.
        assert_eq!(v["time_zone"], "America/New_York");
        assert_eq!(v["max_hours_per_week"], 12.0);
        let got = intervals(
            &app,
            &e.account.token,
            &e,
            "2026-03-02T00:00:00Z",
            "2026-03-14T00:00:00Z",
        )
        .await;
        // Before 8 March New York is UTC−5 (18:00 = 23:00Z), after it UTC−4 (22:00Z).
        let mut want = Vec::new();
        for d in 2..=5 {
            want.push((at(d, 23, 0), at(d + 1, 3, 0)));
        }
        for d in 9..=12 {
            want.push((at(d, 22, 0), at(d + 1, 2, 0)));
        }
        assert_eq!(spans(&got["available"]), want, "{got}");

        // Time off on Tuesday 10 March (local) and extra hours on Saturday 7 March.
        let off = app
            .post(
                "/v1/experts/me/availability/exceptions",
                &e.account.token,
                json!({"kind": "time_off", "start": "2026-03-10T00:00", "end": "2026-03-11T00:00",
                    "reason": "conference"}),
            )
            .await;
        off.assert_status(201);
        assert_eq!(off.json["kind"], "time_off");
        app.post(
            "/v1/experts/me/availability/exceptions",
            &e.account.token,
            json!({"kind": "extra_hours", "start": "2026-03-07T10:00", "end": "2026-03-07T12:00"}),
        )
        .await
        .assert_status(201);
        let got = intervals(
            &app,
            &e.account.token,
            &e,
            "2026-03-02T00:00:00Z",
            "2026-03-14T00:00:00Z",
        )
        .await;
        let mut want2: Vec<_> = want
            .iter()
            .copied()
            .filter(|(s, _)| *s != at(10, 22, 0))
            .collect();
        want2.push((at(7, 15, 0), at(7, 17, 0)));
        want2.sort();
        assert_eq!(spans(&got["available"]), want2, "{got}");
        // With no bookings and no notice, everything available in the future is free.
        assert_eq!(spans(&got["free"]), want2);

        // Removing the time off restores Tuesday.
        let id = off.json["id"].as_str().unwrap();
        app.call(
            Method::DELETE,
            &format!("/v1/experts/me/availability/exceptions/{id}"),
            Some(&e.account.token),
            None,
        )
        .await
        .assert_status(204);
        let got = intervals(
            &app,
            &e.account.token,
            &e,
            "2026-03-10T00:00:00Z",
            "2026-03-11T12:00:00Z",
        )
        .await;
        // Monday's evening runs into the window's first two hours.
        assert_eq!(
            spans(&got["available"]),
            [(at(10, 0, 0), at(10, 2, 0)), (at(10, 22, 0), at(11, 2, 0))]
        );

        // Bad input names the field.
        for (body, field) in [
            (
                json!({"time_zone": "Mars/Olympus", "weekly": []}),
                "time_zone",
            ),
            (
                json!({"weekly": days(&["mon"], "25:00", "22:00")}),
                "weekly[0].start",
            ),
            (
                json!({"weekly": days(&["mon"], "18:00", "18:00")}),
                "weekly[0].end",
            ),
            (
                json!({"weekly": [{"weekday": "someday", "start": "18:00", "end": "22:00"}]}),
                "weekly[0].weekday",
            ),
            (
                json!({"weekly": [], "max_hours_per_week": 500}),
                "max_hours_per_week",
            ),
        ] {
            app.call(
                Method::PUT,
                "/v1/experts/me/availability",
                Some(&e.account.token),
                Some(body),
            )
            .await
            .assert_problem(422, Some(field));
        }
        app.post(
            "/v1/experts/me/availability/exceptions",
            &e.account.token,
            json!({"kind": "time_off", "start": "2026-03-10T09:00", "end": "2026-03-10T08:00"}),
        )
        .await
        .assert_problem(422, Some("end"));
        app.get(
            &format!(
                "/v1/experts/{}/availability/intervals?from=2026-03-02T00:00:00Z&to=2026-09-01T00:00:00Z",
                e.id
            ),
            &e.account.token,
        )
        .await
        .assert_problem(400, Some("to"));

        // Nobody else sees it: another expert, the lab.
        let other = qualified(&app, &w, None, json!({})).await;
        for token in [&other.account.token, &w.lab.token] {
            app.get(
                &format!(
                    "/v1/experts/{}/availability/intervals?from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z",
                    e.id
                ),
                token,
            )
            .await
            .assert_problem(404, None);
        }
    })
    .await;
}

/// Three experts with weekday hours in Berlin and New York; the first on Acme's roster.
async fn three_experts(app: &TestApp, w: &World, vendor: &Account) -> [Expert; 3] {
    let a = qualified(app, w, Some(vendor), json!({"time_zone": "Europe/Berlin"})).await;
    let b = qualified(app, w, None, json!({"time_zone": "America/New_York"})).await;
    let c = qualified(app, w, None, json!({"time_zone": "Europe/Berlin"})).await;
    set_availability(
        app,
        &a,
        json!({"weekly": days(&WEEKDAYS, "09:00", "13:00"), "max_hours_per_week": 6}),
    )
    .await;
    set_availability(
        app,
        &b,
        json!({"weekly": days(&WEEKDAYS, "09:00", "13:00"), "max_hours_per_week": 20}),
    )
    .await;
    set_availability(
        app,
        &c,
        json!({"weekly": days(&WEEKDAYS, "14:00", "18:00"), "max_hours_per_week": 20}),
    )
    .await;
    [a, b, c]
}

/// Every live shift lies inside the expert's availability and no two of one expert overlap.
async fn assert_sound(app: &TestApp, w: &World, experts: &[&Expert], detail: &Value) {
    let mut by_handle: HashMap<String, &Expert> = HashMap::new();
    for e in experts {
        by_handle.insert(handle(app, w, e).await, e);
    }
    let mut mine: HashMap<String, Vec<Span>> = HashMap::new();
    for (_, h, s, e, status) in shifts_of(detail) {
        if live(&status) {
            mine.entry(h).or_default().push((s, e));
        }
    }
    for (h, mut list) in mine {
        let expert = by_handle[&h];
        let avail = intervals(
            app,
            &expert.account.token,
            expert,
            "2026-03-02T00:00:00Z",
            "2026-03-16T00:00:00Z",
        )
        .await;
        let avail = spans(&avail["available"]);
        list.sort();
        for pair in list.windows(2) {
            assert!(pair[0].1 <= pair[1].0, "overlap for {h}: {list:?}");
        }
        for (s, e) in &list {
            assert!(
                avail.iter().any(|(a, b)| a <= s && e <= b),
                "shift {s}–{e} of {h} outside {avail:?}"
            );
        }
    }
}

#[tokio::test]
async fn a_capacity_request_books_shifts_experts_confirm_and_a_decline_is_replanned() {
    on_both(|app| async move {
        let w = world(&app, Opts::default()).await;
        let acme = app.vendor("Acme Experts").await;
        let [a, b, c] = three_experts(&app, &w, &acme).await;
        // Tuesday to Thursday (exclusive), 16 hours in shifts of 2–4 h by at least 2 experts.
        let d = request(
            &app,
            &w,
            json!({"hours": 16, "window_start": "2026-03-03T00:00:00Z",
                "window_end": "2026-03-05T00:00:00Z", "min_shift_minutes": 120,
                "max_shift_minutes": 240, "min_experts": 2}),
        )
        .await;
        assert_eq!(d["minutes_needed"], 960);
        assert_eq!(d["minutes_booked"], 960, "{d}");
        assert_eq!(d["shortfall_minutes"], 0);
        assert_eq!(d["shortfall_experts"], 0);
        assert_eq!(d["note"], "fully booked");
        assert_eq!(d["plan"]["booked"], d["shifts"].as_array().unwrap().len());
        let shifts = shifts_of(&d);
        assert!(shifts.iter().all(|s| s.4 == "offered"));
        for s in &shifts {
            let len = (s.3 - s.2).num_minutes();
            assert!((120..=240).contains(&len), "{len}");
            assert!(s.2 >= at(3, 0, 0) && s.3 <= at(5, 0, 0));
        }
        // Labs see pseudonymous handles, never expert ids.
        assert!(d["shifts"][0].get("expert_id").is_none(), "{d}");
        assert_sound(&app, &w, &[&a, &b, &c], &d).await;
        // A's cap of 6 h per week binds (A has 8 h of availability in the window).
        let ha = handle(&app, &w, &a).await;
        let a_minutes: i64 = shifts
            .iter()
            .filter(|s| s.1 == ha)
            .map(|s| (s.3 - s.2).num_minutes())
            .sum();
        assert!(a_minutes <= 360, "{a_minutes}");
        // Coverage per day adds up to the bookings.
        let cov = d["coverage"].as_array().unwrap();
        assert_eq!(cov.len(), 2);
        assert_eq!(cov[0]["requested_minutes"], 480);
        let offered: i64 = cov.iter().map(|c| c["offered_minutes"].as_i64().unwrap()).sum();
        assert_eq!(offered, 960);

        // Every booked expert is e-mailed (over SMTP) with their shifts in local time.
        app.drain_jobs().await;
        for e in [&a, &b, &c] {
            let h = handle(&app, &w, e).await;
            let n = shifts.iter().filter(|s| s.1 == h).count();
            let mails = app.mail_to(&e.account.email);
            let booked: Vec<_> = mails
                .iter()
                .filter(|m| m.subject().contains("booked for you"))
                .collect();
            assert_eq!(booked.len(), usize::from(n > 0), "{h}");
            if n > 0 {
                let body = booked[0].body();
                assert_eq!(body.matches("[shf_").count(), n, "{body}");
            }
        }
        // Every expert is asked (one shift each per round, so work spreads). B's mail
        // shows New York time next to UTC: 09:00–13:00 local is 14:00–18:00Z.
        let hb = handle(&app, &w, &b).await;
        for e in [&a, &b, &c] {
            let h = handle(&app, &w, e).await;
            assert!(shifts.iter().any(|s| s.1 == h), "{h} got no shift: {d}");
        }
        let m = app
            .mail_to(&b.account.email)
            .into_iter()
            .find(|m| m.subject().contains("booked"))
            .unwrap();
        assert!(
            m.body().contains("09:00–13:00 America/New_York"),
            "{}",
            m.body()
        );

        // Experts see only their own shifts; the expert's own view carries their id.
        let mine = app.get("/v1/shifts", &a.account.token).await;
        mine.assert_status(200);
        let a_shifts = mine.json["data"].as_array().unwrap().clone();
        assert!(!a_shifts.is_empty());
        assert!(a_shifts.iter().all(|s| s["expert_id"] == json!(a.id)));
        // Confirm one (twice is harmless); someone else cannot.
        let s1 = a_shifts[0]["id"].as_str().unwrap().to_owned();
        for _ in 0..2 {
            let r = app
                .post(&format!("/v1/shifts/{s1}/confirm"), &a.account.token, json!({}))
                .await;
            r.assert_status(200);
            assert_eq!(r.json["status"], "confirmed");
            assert_eq!(r.json["sequence"], 1);
        }
        app.post(&format!("/v1/shifts/{s1}/confirm"), &b.account.token, json!({}))
            .await
            .assert_problem(404, None);
        app.post(&format!("/v1/shifts/{s1}/confirm"), &w.lab.token, json!({}))
            .await
            .assert_problem(403, None);

        // The vendor admin sees the roster's bookings (A's only) with identities; another
        // vendor sees none.
        let roster = app.get("/v1/shifts?limit=200", &acme.token).await;
        roster.assert_status(200);
        let r = roster.json["data"].as_array().unwrap();
        assert_eq!(r.len(), a_shifts.len());
        assert!(r.iter().all(|s| s["expert_id"] == json!(a.id)));
        let other_vendor = app.vendor("Other Pod").await;
        let none = app.get("/v1/shifts", &other_vendor.token).await;
        assert_eq!(none.json["data"], json!([]));
        // Another lab cannot see the request or its shifts.
        let other_lab = app.lab("Rival").await;
        let rid = d["id"].as_str().unwrap();
        app.get(&format!("/v1/capacity-requests/{rid}"), &other_lab.token)
            .await
            .assert_problem(404, None);
        app.get(&format!("/v1/shifts/{s1}"), &other_lab.token)
            .await
            .assert_problem(404, None);
        let listed = app.get("/v1/capacity-requests", &other_lab.token).await;
        assert_eq!(listed.json["data"], json!([]));

        // One of B's shifts is declined: the request is re-planned at once.
        let (decliner, dh) = (&b, hb.clone());
        let victim = shifts.iter().find(|s| s.1 == dh).unwrap().clone();
        app.post(
            &format!("/v1/shifts/{}/decline", victim.0),
            &decliner.account.token,
            json!({}),
        )
        .await
        .assert_problem(422, Some("reason"));
        let r = app
            .post(
                &format!("/v1/shifts/{}/decline", victim.0),
                &decliner.account.token,
                json!({"reason": "family emergency"}),
            )
            .await;
        r.assert_status(200);
        assert_eq!(r.json["shift"]["status"], "declined");
        assert_eq!(r.json["shift"]["reason"], "family emergency");
        assert!(r.json["replan"]["booked"].as_u64().unwrap() >= 1, "{}", r.json);
        let after = app
            .get(&format!("/v1/capacity-requests/{rid}"), &w.lab.token)
            .await;
        after.assert_status(200);
        assert_eq!(after.json["minutes_booked"], 960, "{}", after.json);
        assert_eq!(after.json["shortfall_minutes"], 0);
        let new: Vec<_> = shifts_of(&after.json)
            .into_iter()
            .filter(|s| !shifts.iter().any(|o| o.0 == s.0))
            .collect();
        assert!(!new.is_empty());
        assert!(
            new.iter()
                .all(|s| s.1 != dh || s.3 <= victim.2 || s.2 >= victim.3),
            "the declined time was offered again: {new:?}"
        );
        assert_sound(&app, &w, &[&a, &b, &c], &after.json).await;
        // The lab sees that the expert declined, not why, and never expert ids.
        let lab_view = app.get("/v1/shifts?limit=200", &w.lab.token).await;
        lab_view.assert_status(200);
        let lv = lab_view.json["data"].as_array().unwrap();
        assert_eq!(lv.len(), shifts_of(&after.json).len());
        assert!(lv.iter().all(|s| s.get("expert_id").is_none()));
        let declined = lv.iter().find(|s| s["id"] == json!(victim.0)).unwrap();
        assert_eq!(declined["reason"], "declined by the expert");
        let own = app
            .get(&format!("/v1/shifts/{}", victim.0), &decliner.account.token)
            .await;
        assert_eq!(own.json["reason"], "family emergency");
        let rival = app.get("/v1/shifts", &other_lab.token).await;
        assert_eq!(rival.json["data"], json!([]));
        // Declining again is a conflict.
        app.post(
            &format!("/v1/shifts/{}/decline", victim.0),
            &decliner.account.token,
            json!({"reason": "again"}),
        )
        .await
        .assert_problem(409, None);
        // Bad input to a request names the field.
        for (body, field) in [
            (json!({"hours": 0}), "hours"),
            (
                json!({"window_start": "2026-03-05T00:00:00Z", "window_end": "2026-03-04T00:00:00Z"}),
                "window_end",
            ),
            (json!({"min_shift_minutes": 5}), "min_shift_minutes"),
            (json!({"hours": "many"}), "hours"),
        ] {
            let mut b = json!({"project_id": w.project, "slice_id": w.slice, "hours": 4,
                "window_start": "2026-03-03T00:00:00Z", "window_end": "2026-03-05T00:00:00Z"});
            for (k, v) in body.as_object().unwrap() {
                b[k] = v.clone();
            }
            app.post("/v1/capacity-requests", &w.lab.token, b)
                .await
                .assert_problem(422, Some(field));
        }
        // Only the lab's admins request capacity.
        app.post(
            "/v1/capacity-requests",
            &other_lab.token,
            json!({"project_id": w.project, "slice_id": w.slice, "hours": 4,
                "window_start": "2026-03-03T00:00:00Z", "window_end": "2026-03-05T00:00:00Z"}),
        )
        .await
        .assert_problem(404, None);
    })
    .await;
}

#[tokio::test]
async fn weekly_caps_and_minimum_notice_limit_bookings_and_the_shortfall_is_reported() {
    on_both(|app| async move {
        let w = world(&app, Opts::default()).await;
        let e = qualified(&app, &w, None, json!({"time_zone": "UTC"})).await;
        // Available every weekday 08:00–18:00 UTC, at most 6 hours a week, 1 day's notice.
        set_availability(
            &app,
            &e,
            json!({"weekly": days(&WEEKDAYS, "08:00", "18:00"), "max_hours_per_week": 6,
                "min_notice_minutes": 1440}),
        )
        .await;
        // Now is Monday 09:00: nothing before Tuesday 09:00 can be booked.
        let d = request(
            &app,
            &w,
            json!({"hours": 10, "window_start": "2026-03-02T09:00:00Z",
                "window_end": "2026-03-07T00:00:00Z", "min_shift_minutes": 60,
                "max_shift_minutes": 240, "min_experts": 2}),
        )
        .await;
        let shifts = shifts_of(&d);
        let total: i64 = shifts.iter().map(|s| (s.3 - s.2).num_minutes()).sum();
        assert_eq!(total, 360, "{d}");
        assert!(shifts.iter().all(|s| s.2 >= at(3, 9, 0)), "{d}");
        assert_eq!(d["shortfall_minutes"], 240);
        assert_eq!(d["shortfall_experts"], 1);
        let note = d["note"].as_str().unwrap();
        assert!(note.contains("short by 4 h 00 min"), "{note}");
        assert!(note.contains("1 distinct expert"), "{note}");
        // The next week's cap is separate: a request there books again.
        let d2 = request(
            &app,
            &w,
            json!({"hours": 2, "window_start": "2026-03-09T00:00:00Z",
                "window_end": "2026-03-10T00:00:00Z"}),
        )
        .await;
        assert_eq!(d2["minutes_booked"], 120, "{d2}");
        // Time off over a booked shift is refused until the shift is declined.
        let s = &shifts[0];
        let r = app
            .post(
                "/v1/experts/me/availability/exceptions",
                &e.account.token,
                json!({"kind": "time_off", "start": s.2.format("%Y-%m-%dT%H:%M").to_string(),
                    "end": s.3.format("%Y-%m-%dT%H:%M").to_string()}),
            )
            .await;
        r.assert_problem(409, None);
        assert!(r.json["detail"].as_str().unwrap().contains(&s.0));

        // A second expert sets hours: the lab re-plans and the shortfall is covered.
        let rid = d["id"].as_str().unwrap();
        let rival = app.lab("Rival").await;
        app.post(
            &format!("/v1/capacity-requests/{rid}/plan"),
            &rival.token,
            json!({}),
        )
        .await
        .assert_problem(404, None);
        on_call(&app, &w, &WEEKDAYS, "08:00", "18:00").await;
        let r = app
            .post(
                &format!("/v1/capacity-requests/{rid}/plan"),
                &w.lab.token,
                json!({}),
            )
            .await;
        r.assert_status(200);
        assert_eq!(r.json["plan"]["minutes_booked"], 240, "{}", r.json);
        assert_eq!(r.json["shortfall_minutes"], 0);
        assert_eq!(r.json["shortfall_experts"], 0);
        assert_eq!(r.json["note"], "fully booked");
    })
    .await;
}

#[tokio::test]
async fn concurrent_capacity_requests_never_double_book_an_expert() {
    on_both(|app| async move {
        let w = world(&app, Opts::default()).await;
        let e = qualified(&app, &w, None, json!({"time_zone": "UTC"})).await;
        set_availability(
            &app,
            &e,
            json!({"weekly": days(&WEEKDAYS, "08:00", "12:00"), "max_hours_per_week": 40,
                "min_notice_minutes": 0}),
        )
        .await;
        let body = |n: i64| {
            json!({"project_id": w.project, "slice_id": w.slice, "hours": 3 + n,
                "window_start": "2026-03-03T00:00:00Z", "window_end": "2026-03-05T00:00:00Z",
                "min_shift_minutes": 60, "max_shift_minutes": 240})
        };
        let (r1, r2, r3) = tokio::join!(
            app.post("/v1/capacity-requests", &w.lab.token, body(0)),
            app.post("/v1/capacity-requests", &w.lab.token, body(1)),
            app.post("/v1/capacity-requests", &w.lab.token, body(2)),
        );
        let mut all = Vec::new();
        for r in [r1, r2, r3] {
            r.assert_status(201);
            all.extend(shifts_of(&r.json).into_iter().filter(|s| live(&s.4)));
        }
        all.sort_by_key(|s| s.2);
        for pair in all.windows(2) {
            assert!(pair[0].3 <= pair[1].2, "double booking: {all:?}");
        }
        // Two mornings of 4 hours: 8 hours in all, whoever asked first.
        let total: i64 = all.iter().map(|s| (s.3 - s.2).num_minutes()).sum();
        assert_eq!(total, 480, "{all:?}");
    })
    .await;
}

fn parse_feed(text: &str) -> Vec<HashMap<String, String>> {
    let unfolded = icalendar::parser::unfold(text);
    let cal = icalendar::parser::read_calendar(&unfolded).expect("a valid iCalendar feed");
    cal.components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .map(|ev| {
            ev.properties
                .iter()
                .map(|p| (p.name.as_str().to_owned(), p.val.as_str().to_owned()))
                .collect()
        })
        .collect()
}

#[tokio::test]
async fn the_calendar_feed_parses_with_stable_uids_and_keeps_cancelled_events() {
    on_both(|app| async move {
        let w = world(&app, Opts::default()).await;
        let e = qualified(&app, &w, None, json!({"time_zone": "Europe/Berlin"})).await;
        set_availability(
            &app,
            &e,
            json!({"weekly": days(&WEEKDAYS, "09:00", "12:00"), "min_notice_minutes": 0}),
        )
        .await;
        let d = request(
            &app,
            &w,
            json!({"hours": 6, "window_start": "2026-03-03T00:00:00Z",
                "window_end": "2026-03-05T00:00:00Z", "min_shift_minutes": 180}),
        )
        .await;
        let shifts = shifts_of(&d);
        assert_eq!(shifts.len(), 2, "{d}");
        let feed = app
            .post("/v1/experts/me/calendar-feed", &e.account.token, json!({}))
            .await;
        feed.assert_status(201);
        let url = feed.json["url"].as_str().unwrap().to_owned();
        let path = url.strip_prefix("https://cadre.test").unwrap().to_owned();
        let r = app.get_anon(&path).await;
        r.assert_status(200);
        assert_eq!(
            r.header("content-type"),
            Some("text/calendar; charset=utf-8")
        );
        let events = parse_feed(&r.text);
        assert_eq!(events.len(), 2);
        for (ev, s) in events.iter().zip(&shifts) {
            assert_eq!(ev["UID"], format!("{}@cadre.test", s.0));
            // Berlin 09:00 in March (UTC+1) is 08:00Z.
            assert_eq!(ev["DTSTART"], s.2.format("%Y%m%dT%H%M%SZ").to_string());
            assert_eq!(ev["DTEND"], s.3.format("%Y%m%dT%H%M%SZ").to_string());
            assert_eq!(s.2.format("%H:%M").to_string(), "08:00");
            assert_eq!(ev["STATUS"], "TENTATIVE");
            assert_eq!(ev["SEQUENCE"], "0");
            assert!(ev["SUMMARY"].contains("Rust review"), "{ev:?}");
        }
        // Confirm one, decline the other: same UIDs, new status and sequence.
        app.post(
            &format!("/v1/shifts/{}/confirm", shifts[0].0),
            &e.account.token,
            json!({}),
        )
        .await
        .assert_status(200);
        app.post(
            &format!("/v1/shifts/{}/decline", shifts[1].0),
            &e.account.token,
            json!({"reason": "travelling, sorry"}),
        )
        .await
        .assert_status(200);
        let events = parse_feed(&app.get_anon(&path).await.text);
        assert_eq!(events.len(), 2);
        assert_eq!(events[0]["UID"], format!("{}@cadre.test", shifts[0].0));
        assert_eq!(events[0]["STATUS"], "CONFIRMED");
        assert_eq!(events[0]["SEQUENCE"], "1");
        assert_eq!(events[1]["UID"], format!("{}@cadre.test", shifts[1].0));
        assert_eq!(events[1]["STATUS"], "CANCELLED");
        assert_eq!(events[1]["SEQUENCE"], "1");
        // The parser unescapes the comma in the reason.
        assert!(
            events[1]["DESCRIPTION"].contains("Reason: travelling, sorry."),
            "{:?}",
            events[1]
        );
        // The lab cancels the request: the confirmed shift turns cancelled too.
        let rid = d["id"].as_str().unwrap();
        let c = app
            .post(
                &format!("/v1/capacity-requests/{rid}/cancel"),
                &w.lab.token,
                json!({"reason": "project paused"}),
            )
            .await;
        c.assert_status(200);
        assert_eq!(c.json["status"], "cancelled");
        let events = parse_feed(&app.get_anon(&path).await.text);
        assert!(events.iter().all(|ev| ev["STATUS"] == "CANCELLED"));
        assert_eq!(events[0]["SEQUENCE"], "2");
        app.drain_jobs().await;
        let cancelled = app
            .mail_to(&e.account.email)
            .into_iter()
            .filter(|m| m.subject().contains("cancelled"))
            .count();
        assert_eq!(cancelled, 1);
        app.post(
            &format!("/v1/capacity-requests/{rid}/cancel"),
            &w.lab.token,
            json!({"reason": "twice"}),
        )
        .await
        .assert_problem(409, None);

        // A wrong token, another expert's id, a replaced URL and a revoked one: 404.
        let token = path.split("token=").nth(1).unwrap().to_owned();
        let other = qualified(&app, &w, None, json!({})).await;
        for p in [
            format!("/v1/experts/{}/calendar.ics?token=wrong", e.id),
            format!("/v1/experts/{}/calendar.ics?token={token}", other.id),
        ] {
            app.get_anon(&p).await.assert_problem(404, None);
        }
        let again = app
            .post("/v1/experts/me/calendar-feed", &e.account.token, json!({}))
            .await;
        again.assert_status(201);
        app.get_anon(&path).await.assert_problem(404, None);
        let path2 = again.json["url"]
            .as_str()
            .unwrap()
            .strip_prefix("https://cadre.test")
            .unwrap()
            .to_owned();
        app.get_anon(&path2).await.assert_status(200);
        app.call(
            Method::DELETE,
            "/v1/experts/me/calendar-feed",
            Some(&e.account.token),
            None,
        )
        .await
        .assert_status(204);
        app.get_anon(&path2).await.assert_problem(404, None);
    })
    .await;
}

#[tokio::test]
async fn reminders_arrive_over_smtp_the_configured_time_before_a_shift() {
    on_both_with(
        |s| s.scheduling.reminder_before_minutes = 30,
        |app| async move {
            let w = world(&app, Opts::default()).await;
            let e = on_call(&app, &w, &["tue", "wed"], "10:00", "12:00").await;
            let d = request(
                &app,
                &w,
                json!({"hours": 4, "window_start": "2026-03-03T00:00:00Z",
                    "window_end": "2026-03-05T00:00:00Z", "min_shift_minutes": 120}),
            )
            .await;
            let shifts = shifts_of(&d);
            assert_eq!(shifts.len(), 2, "{d}");
            app.post(
                &format!("/v1/shifts/{}/confirm", shifts[0].0),
                &e.account.token,
                json!({}),
            )
            .await
            .assert_status(200);
            app.post(
                &format!("/v1/shifts/{}/decline", shifts[1].0),
                &e.account.token,
                json!({"reason": "not that day"}),
            )
            .await
            .assert_status(200);
            app.drain_jobs().await;
            let reminders = |app: &TestApp| {
                app.mail_to(&e.account.email)
                    .into_iter()
                    .filter(|m| m.subject().starts_with("Reminder"))
                    .collect::<Vec<_>>()
            };
            // An hour before Tuesday 10:00: not yet (the reminder is 30 minutes before).
            app.clock.set(at(3, 9, 0));
            app.drain_jobs().await;
            assert!(reminders(&app).is_empty());
            app.clock.set(at(3, 9, 30));
            app.drain_jobs().await;
            let got = reminders(&app);
            assert_eq!(got.len(), 1);
            assert!(got[0].body().contains(&shifts[0].0), "{}", got[0].body());
            assert!(got[0].body().contains("You confirmed this shift."));
            // The declined Wednesday shift is not reminded.
            app.clock.set(at(4, 9, 45));
            app.drain_jobs().await;
            assert_eq!(reminders(&app).len(), 1);
        },
    )
    .await;
}

async fn routing_of(app: &TestApp, w: &World, item: &str) -> Value {
    let r = app
        .get(&format!("/v1/items/{item}/routing"), &w.lab.token)
        .await;
    r.assert_status(200);
    r.json
}

#[tokio::test]
async fn routing_prefers_experts_on_shift_and_skips_those_unavailable_until_after_the_deadline() {
    on_both(|app| async move {
        let mut w = world(
            &app,
            Opts {
                overlap: 1,
                ..Opts::default()
            },
        )
        .await;
        // On shift now (Monday 09:00 UTC) for this project and slice.
        let on = qualified(&app, &w, None, json!({"time_zone": "UTC"})).await;
        set_availability(
            &app,
            &on,
            json!({"weekly": days(&["mon"], "09:00", "12:00"), "min_notice_minutes": 0}),
        )
        .await;
        let d = request(
            &app,
            &w,
            json!({"hours": 3, "window_start": "2026-03-02T09:00:00Z",
                "window_end": "2026-03-02T12:00:00Z", "min_shift_minutes": 60}),
        )
        .await;
        let shift = shifts_of(&d)[0].0.clone();
        app.post(
            &format!("/v1/shifts/{shift}/confirm"),
            &on.account.token,
            json!({}),
        )
        .await
        .assert_status(200);
        // Available only on Sundays: not before a deadline six hours from now.
        let sunday = qualified(&app, &w, None, json!({"time_zone": "Asia/Tokyo"})).await;
        set_availability(
            &app,
            &sunday,
            json!({"weekly": days(&["sun"], "09:00", "17:00")}),
        )
        .await;
        // Available this afternoon (Berlin 15:00–16:00 is 14:00Z), before the deadline.
        let later = qualified(&app, &w, None, json!({"time_zone": "Europe/Berlin"})).await;
        set_availability(
            &app,
            &later,
            json!({"weekly": days(&["mon"], "15:00", "16:00")}),
        )
        .await;
        // No schedule at all: time is not a filter for them.
        let open = qualified(&app, &w, None, json!({})).await;

        let mut it = item(1);
        it["deadline"] = json!("2026-03-02T15:00:00Z");
        let ids = push(&app, &w, vec![it]).await;
        let e = routing_of(&app, &w, &ids[0]).await;
        let dec = &e["decisions"][0];
        assert_eq!(
            dec["chosen"][0]["expert"],
            json!(handle(&app, &w, &on).await),
            "{e}"
        );
        assert_eq!(dec["chosen"][0]["on_shift"], true);
        assert_eq!(dec["chosen"][0]["terms"]["shift"], 1.5);
        assert_eq!(dec["removed"], json!({"schedule": 1}), "{e}");
        assert!(
            dec["note"]
                .as_str()
                .unwrap()
                .contains("1 not available before the deadline"),
            "{e}"
        );

        // Once the shift is over (and with it the on-shift expert's hours), the experts
        // available this afternoon or without a schedule get the items.
        let (h_on, h_sunday, h_later, h_open) = (
            handle(&app, &w, &on).await,
            handle(&app, &w, &sunday).await,
            handle(&app, &w, &later).await,
            handle(&app, &w, &open).await,
        );
        app.clock.set(at(2, 12, 30));
        app.relogin(&mut w.lab).await;
        let mut seen = std::collections::HashSet::new();
        // Six items, five open offers at most per expert: both remaining experts get some.
        for n in 2..8 {
            let mut it = item(n);
            it["deadline"] = json!("2026-03-02T18:00:00Z");
            let ids = push(&app, &w, vec![it]).await;
            let e = routing_of(&app, &w, &ids[0]).await;
            let dec = &e["decisions"][0];
            assert_eq!(dec["removed"]["schedule"], 2, "{e}");
            let chosen = &dec["chosen"][0];
            assert_eq!(chosen["on_shift"], false);
            let h = chosen["expert"].as_str().unwrap().to_owned();
            // The expert free from 14:00 gets the item from then on; the one without a
            // schedule from now.
            let from = if h == h_later {
                "2026-03-02T14:00:00Z"
            } else {
                "2026-03-02T12:30:00Z"
            };
            assert_eq!(
                utc(chosen["available_from"].as_str().unwrap()),
                utc(from),
                "{e}"
            );
            seen.insert(h);
        }
        let want: std::collections::HashSet<String> = [h_later.clone(), h_open.clone()].into();
        assert_eq!(seen, want, "{h_on} {h_sunday}");
        // The later expert's offer is due two hours after 14:00 (capped by the deadline),
        // not two hours from now, when they are not there.
        let mut acct = later.account.clone();
        app.relogin(&mut acct).await;
        let offered = app
            .get("/v1/assignments?status=offered&limit=200", &acct.token)
            .await;
        offered.assert_status(200);
        let dues: Vec<DateTime<Utc>> = offered.json["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| utc(a["due_at"].as_str().unwrap()))
            .collect();
        assert!(!dues.is_empty());
        assert!(dues.iter().all(|d| *d == at(2, 16, 0)), "{dues:?}");
    })
    .await;
}

#[tokio::test]
async fn a_deleted_account_loses_its_availability_and_its_future_shifts_go_to_someone_else() {
    on_both(|app| async move {
        let w = world(&app, Opts::default()).await;
        let leaving = qualified(&app, &w, None, json!({"time_zone": "UTC"})).await;
        let staying = qualified(&app, &w, None, json!({"time_zone": "UTC"})).await;
        for e in [&leaving, &staying] {
            set_availability(
                &app,
                e,
                json!({"weekly": days(&["tue"], "08:00", "12:00"), "min_notice_minutes": 0}),
            )
            .await;
        }
        // 4 hours: one expert's Tuesday morning (the one planned first).
        let d = request(
            &app,
            &w,
            json!({"hours": 4, "window_start": "2026-03-03T00:00:00Z",
                "window_end": "2026-03-04T00:00:00Z", "min_shift_minutes": 240}),
        )
        .await;
        let first = shifts_of(&d);
        assert_eq!(first.len(), 1, "{d}");
        let (gone, other) = if first[0].1 == handle(&app, &w, &leaving).await {
            (&leaving, &staying)
        } else {
            (&staying, &leaving)
        };
        let feed = app
            .post(
                "/v1/experts/me/calendar-feed",
                &gone.account.token,
                json!({}),
            )
            .await;
        let path = feed.json["url"]
            .as_str()
            .unwrap()
            .strip_prefix("https://cadre.test")
            .unwrap()
            .to_owned();
        app.post(
            "/v1/experts/me/delete",
            &gone.account.token,
            json!({"password": crate::helpers::PASSWORD}),
        )
        .await
        .assert_status(204);
        // The re-plan runs as a job, committed with the deletion.
        app.drain_jobs().await;
        let after = app
            .get(
                &format!("/v1/capacity-requests/{}", d["id"].as_str().unwrap()),
                &w.lab.token,
            )
            .await;
        let shifts = shifts_of(&after.json);
        assert_eq!(shifts.len(), 2, "{}", after.json);
        assert_eq!(shifts.iter().filter(|s| s.4 == "cancelled").count(), 1);
        let new = shifts.iter().find(|s| s.4 == "offered").unwrap();
        assert_eq!(new.1, handle(&app, &w, other).await);
        assert_eq!(after.json["minutes_booked"], 240);
        app.get_anon(&path).await.assert_problem(404, None);
    })
    .await;
}

#[tokio::test]
async fn planning_books_only_eligible_experts_outside_time_off_and_spreads_for_min_experts() {
    on_both(|app| async move {
        let w = world(&app, Opts::default()).await;
        let mut team = Vec::new();
        for _ in 0..3 {
            let e = on_call(&app, &w, &["tue", "wed"], "08:00", "16:00").await;
            team.push(e);
        }
        let [suspended, away, fine] = [team[0].clone(), team[1].clone(), team[2].clone()];
        crate::routing::set_standing(&app, &w, &suspended, "suspended").await;
        app.post(
            "/v1/experts/me/availability/exceptions",
            &away.account.token,
            json!({"kind": "time_off", "start": "2026-03-03T00:00", "end": "2026-03-04T00:00"}),
        )
        .await
        .assert_status(201);
        // 4 hours on Tuesday by two experts; one expert could cover it alone.
        let d = request(
            &app,
            &w,
            json!({"hours": 4, "window_start": "2026-03-03T00:00:00Z",
                "window_end": "2026-03-04T00:00:00Z", "min_shift_minutes": 60,
                "max_shift_minutes": 480, "min_experts": 2}),
        )
        .await;
        let shifts = shifts_of(&d);
        let hs = handle(&app, &w, &suspended).await;
        let ha = handle(&app, &w, &away).await;
        let hf = handle(&app, &w, &fine).await;
        // The suspended expert and the one on time off are never booked; the one left
        // gets 2 h (a share, not everything), and the request is one expert short.
        assert!(shifts.iter().all(|s| s.1 != hs && s.1 != ha), "{d}");
        assert_eq!(shifts.len(), 2, "{d}");
        assert!(
            shifts
                .iter()
                .all(|s| s.1 == hf && (s.3 - s.2).num_minutes() == 120)
        );
        assert_eq!(d["shortfall_experts"], 1);
        assert_eq!(d["shortfall_minutes"], 0);

        // Wednesday, with both available: the same request shape books two experts.
        let d2 = request(
            &app,
            &w,
            json!({"hours": 4, "window_start": "2026-03-04T00:00:00Z",
                "window_end": "2026-03-05T00:00:00Z", "min_shift_minutes": 60,
                "max_shift_minutes": 480, "min_experts": 2}),
        )
        .await;
        let s2 = shifts_of(&d2);
        let mut who: Vec<_> = s2.iter().map(|s| s.1.clone()).collect();
        who.sort();
        who.dedup();
        assert_eq!(who.len(), 2, "{d2}");
        assert_eq!(d2["shortfall_experts"], 0);

        // Suspending a booked expert releases their shifts ahead; the re-plan moves the
        // hours to the expert left and the suspended one is told.
        crate::routing::set_standing(&app, &w, &fine, "suspended").await;
        app.drain_jobs().await;
        let after = app
            .get(
                &format!("/v1/capacity-requests/{}", d2["id"].as_str().unwrap()),
                &w.lab.token,
            )
            .await;
        let s3 = shifts_of(&after.json);
        assert!(
            s3.iter().filter(|s| s.1 == hf).all(|s| s.4 == "cancelled"),
            "{}",
            after.json
        );
        assert_eq!(after.json["minutes_booked"], 240, "{}", after.json);
        let away_minutes: i64 = s3
            .iter()
            .filter(|s| s.1 == ha && live(&s.4))
            .map(|s| (s.3 - s.2).num_minutes())
            .sum();
        assert_eq!(away_minutes, 240, "{}", after.json);
        assert_eq!(after.json["shortfall_experts"], 1);
        assert!(
            app.mail_to(&fine.account.email)
                .iter()
                .any(|m| m.subject().contains("cancelled")
                    && m.body().contains("suspended in code/rust-review"))
        );
    })
    .await;
}

#[tokio::test]
async fn an_offer_not_confirmed_in_time_lapses_and_is_planned_again() {
    on_both_with(
        |s| s.scheduling.confirm_within_hours = 6,
        |app| async move {
            let w = world(&app, Opts::default()).await;
            let e = on_call(&app, &w, &["wed", "thu"], "08:00", "10:00").await;
            let d = request(
                &app,
                &w,
                json!({"hours": 2, "window_start": "2026-03-04T00:00:00Z",
                    "window_end": "2026-03-06T00:00:00Z", "min_shift_minutes": 120}),
            )
            .await;
            let first = shifts_of(&d);
            assert_eq!(first.len(), 1);
            assert_eq!(first[0].2, at(4, 8, 0));
            app.drain_jobs().await;
            // Six hours later the offer is still unanswered: it lapses, and the re-plan
            // books Thursday instead (never the lapsed time again).
            app.clock.set(at(2, 15, 0));
            app.drain_jobs().await;
            let mut lab = w.lab.clone();
            app.relogin(&mut lab).await;
            let after = app
                .get(
                    &format!("/v1/capacity-requests/{}", d["id"].as_str().unwrap()),
                    &lab.token,
                )
                .await;
            let s = shifts_of(&after.json);
            assert_eq!(s.len(), 2, "{}", after.json);
            assert_eq!(s[0].4, "expired");
            assert_eq!((s[1].2, s[1].4.as_str()), (at(5, 8, 0), "offered"));
            let lapsed = app
                .mail_to(&e.account.email)
                .into_iter()
                .filter(|m| m.body().contains("not confirmed in time"))
                .count();
            assert_eq!(lapsed, 1);
        },
    )
    .await;
}

#[tokio::test]
async fn exceptions_refuse_far_dates_and_changes_that_would_strand_booked_shifts() {
    on_both(|app| async move {
        let w = world(&app, Opts::default()).await;
        let e = qualified(&app, &w, None, json!({"time_zone": "UTC"})).await;
        set_availability(&app, &e, json!({"weekly": [], "min_notice_minutes": 0})).await;
        let ex = "/v1/experts/me/availability/exceptions";
        for (start, end, field) in [
            ("+262143-12-31T00:00", "+262143-12-31T23:00", "start"),
            ("2026-13-01T00:00", "2026-13-01T02:00", "start"),
            ("2031-03-03T08:00", "2031-03-03T10:00", "start"),
            ("2025-03-03T08:00", "2025-03-03T10:00", "end"),
        ] {
            app.post(
                ex,
                &e.account.token,
                json!({"kind": "extra_hours", "start": start, "end": end}),
            )
            .await
            .assert_problem(422, Some(field));
        }
        // Extra hours on Tuesday morning, booked; removing them would strand the shift.
        let extra = app
            .post(
                ex,
                &e.account.token,
                json!({"kind": "extra_hours", "start": "2026-03-03T08:00", "end": "2026-03-03T10:00"}),
            )
            .await;
        extra.assert_status(201);
        let d = request(
            &app,
            &w,
            json!({"hours": 2, "window_start": "2026-03-03T00:00:00Z",
                "window_end": "2026-03-04T00:00:00Z", "min_shift_minutes": 120}),
        )
        .await;
        let shift = shifts_of(&d)[0].0.clone();
        let id = extra.json["id"].as_str().unwrap();
        let r = app
            .call(
                Method::DELETE,
                &format!("{ex}/{id}"),
                Some(&e.account.token),
                None,
            )
            .await;
        r.assert_problem(409, None);
        assert!(r.json["detail"].as_str().unwrap().contains(&shift));
        // Changing the zone would move the exception's hours: refused while it exists.
        app.call(
            Method::PUT,
            "/v1/experts/me/availability",
            Some(&e.account.token),
            Some(json!({"time_zone": "Asia/Tokyo", "weekly": []})),
        )
        .await
        .assert_problem(409, None);
        // Once the shift is declined, both go through.
        app.post(
            &format!("/v1/shifts/{shift}/decline"),
            &e.account.token,
            json!({"reason": "changed plans"}),
        )
        .await
        .assert_status(200);
        app.call(
            Method::DELETE,
            &format!("{ex}/{id}"),
            Some(&e.account.token),
            None,
        )
        .await
        .assert_status(204);
        set_availability(&app, &e, json!({"time_zone": "Asia/Tokyo", "weekly": []})).await;
        // A request smaller than one shortest shift names `hours`.
        app.post(
            "/v1/capacity-requests",
            &w.lab.token,
            json!({"project_id": w.project, "slice_id": w.slice, "hours": 0.5,
                "window_start": "2026-03-03T00:00:00Z", "window_end": "2026-03-04T00:00:00Z"}),
        )
        .await
        .assert_problem(422, Some("hours"));
        app.post(
            "/v1/capacity-requests",
            &w.lab.token,
            json!({"project_id": w.project, "slice_id": w.slice, "hours": 20, "min_shift_minutes": 600,
                "window_start": "2026-03-03T00:00:00Z", "window_end": "2026-03-04T00:00:00Z"}),
        )
        .await
        .assert_problem(422, Some("min_shift_minutes"));
    })
    .await;
}
