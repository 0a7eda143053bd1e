//! Demo scheduling: availability, a capacity request booked into shifts, a calendar feed.

use chrono::Duration;
use serde_json::json;

use crate::audit::Actor;
use crate::auth::tokens;
use crate::db::DbConn;
use crate::ids::UserId;

/// Scheduling: Dr. Chen's evenings in Berlin (Mon–Thu 18:00–22:00, Saturday mornings, a day
/// off next week), a Helix capacity request for radiology next week booked into his shifts
/// (the first confirmed; one expert short of the two asked for), and his calendar feed.
pub(super) fn seed_scheduling(
    conn: &mut DbConn,
    now: chrono::DateTime<chrono::Utc>,
    settings: &crate::config::Settings,
    ada: &UserId,
) -> anyhow::Result<String> {
    use crate::scheduling::{self as store, service};

    let chen = super::expert_by_email(conn, "dr.chen@experts.demo")?.id;
    let slot = |d: &str, a: &str, b: &str| json!({"weekday": d, "start": a, "end": b});
    let weekly = json!([
        slot("mon", "18:00", "22:00"),
        slot("tue", "18:00", "22:00"),
        slot("wed", "18:00", "22:00"),
        slot("thu", "18:00", "22:00"),
        slot("sat", "09:00", "13:00"),
    ]);
    store::upsert_schedule(
        conn,
        &chen,
        &store::ScheduleInput {
            time_zone: "Europe/Berlin",
            weekly_rules: &weekly.to_string(),
            max_minutes_per_week: 16 * 60,
            min_notice_minutes: 12 * 60,
        },
        now,
    )?;
    // A day off in the second week (local dates in Berlin).
    let berlin: chrono_tz::Tz = chrono_tz::Europe::Berlin;
    let day_off = (now.with_timezone(&berlin) + Duration::days(9)).date_naive();
    store::insert_exception(
        conn,
        &chen,
        false,
        day_off.and_time(chrono::NaiveTime::MIN),
        (day_off + Duration::days(1)).and_time(chrono::NaiveTime::MIN),
        "conference",
        now,
    )?;
    // Helix's radiology project and slice, from its routed items.
    let first = crate::routing::all_item_ids(conn)?
        .into_iter()
        .next()
        .ok_or_else(|| anyhow::anyhow!("demo items missing"))?;
    let item = crate::routing::find_item(conn, &first)?
        .ok_or_else(|| anyhow::anyhow!("demo item vanished"))?;
    let (project, slice, org) = (item.project_id, item.slice_id, item.org_id);
    // The seven UTC days from tomorrow.
    let tomorrow = (now + Duration::days(1))
        .date_naive()
        .and_time(chrono::NaiveTime::MIN)
        .and_utc();
    let id = store::insert_request(
        conn,
        &store::NewRequest {
            org: &org,
            project: &project,
            slice: &slice,
            minutes_needed: 10 * 60,
            window_start: tomorrow,
            window_end: tomorrow + Duration::days(7),
            min_shift_minutes: 120,
            max_shift_minutes: 240,
            min_experts: 2,
            created_by: ada.as_str(),
        },
        now,
    )?;
    let lab = Actor::user(ada, None);
    let report = service::plan(conn, now, settings, &lab, id.as_str())
        .map_err(|e| anyhow::anyhow!("demo capacity plan: {e}"))?;
    let shifts = store::shifts_of_request(conn, id.as_str())?;
    if let Some(first) = shifts.first() {
        service::confirm(conn, now, &Actor::system(), first)
            .map_err(|e| anyhow::anyhow!("demo shift: {e}"))?;
    }
    let token = tokens::random_secret();
    store::set_calendar_token(conn, &chen, Some(&tokens::hash_secret(&token)), now)?;
    let feed = crate::state::public_link(
        &settings.http.public_url,
        &format!("/v1/experts/{chen}/calendar.ics?token={token}"),
    );
    Ok(format!(
        "\x20 scheduling       capacity request {id} (Helix, radiology, 10 h next week): {} shifts booked for Dr. Chen (the first confirmed), {} min and {} expert(s) short\n\
         \x20 Dr. Chen's calendar feed (subscribe in any calendar app): {feed}",
        report.booked, report.shortfall_minutes, report.shortfall_experts
    ))
}
