//! The expert workbench: the work queue (`/app/work`) and the item page
//! (`/app/work/{assignment}`), where an expert takes, accepts, declines, judges and submits
//! work in a browser.
//!
//! Every action calls the function behind the matching API endpoint (`routing::work`:
//! `open`, `next`, `one`, `accept`, `decline`, `heartbeat`, `submit`), so the rules of who
//! may do what with an assignment exist once, and the page shows exactly the
//! [`WorkView`] the API shows the expert: no gold flag, no co-annotators, the judge's
//! confidence only where the project shows it. Another expert's assignment is a 404 page.
//! A judgment form becomes the label JSON the API takes; the label schema's validator
//! (`taxonomy::label_schema`) judges it there, and its field errors are shown on the form.
//! The heartbeat comes from `static/workbench.js` (no inline script: the CSP forbids it).

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::csrf::{check_header, read_form, read_pairs};
use super::errors::PageError;
use super::page::{Chrome, PageUser, ok, render, see_other};
use crate::auth::{Principal, UserPrincipal};
use crate::error::{AppError, Kind};
use crate::http::Validate;
use crate::ids::{AssignmentId, PublicId};
use crate::routing::work::{self, DeclineRequest, WorkRole, WorkStatus, WorkView};
use crate::state::AppState;
use crate::taxonomy::label_schema::LabelSchema;

type Fields = Vec<(String, String)>;

fn principal(user: &UserPrincipal) -> Principal {
    Principal::User(user.clone())
}

/// A path id that is not an assignment id names no page: 404, like another's assignment.
fn assignment_id(raw: &str) -> Result<AssignmentId, PageError> {
    AssignmentId::parse_id(raw)
        .map_err(|_| AppError::not_found(format!("assignment {raw} not found")).into())
}

/// The expert's time zone (their profile's), UTC without one.
async fn time_zone(state: &AppState, user: &UserPrincipal) -> Result<Tz, PageError> {
    let id = user.user_id.clone();
    let zone = state
        .db
        .read(move |conn| -> Result<_, AppError> {
            Ok(crate::experts::find_expert_by_user(conn, id.as_str())?.map(|e| e.time_zone))
        })
        .await?;
    Ok(zone.and_then(|z| z.parse().ok()).unwrap_or(Tz::UTC))
}

/// `Tue 08 Dec 2026, 14:30 CET`, in the expert's time zone.
fn local(t: DateTime<Utc>, tz: Tz) -> String {
    t.with_timezone(&tz)
        .format("%a %d %b %Y, %H:%M %Z")
        .to_string()
}

/// `in 1 h 20 min`, `in 5 min`, `past due`.
fn until(t: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let mins = (t - now).num_minutes();
    match mins {
        m if m < 0 => "past due".to_owned(),
        m if m < 60 => format!("in {m} min"),
        m if m < 48 * 60 => format!("in {} h {} min", m / 60, m % 60),
        m => format!("in {} days", m / (24 * 60)),
    }
}

fn duration(secs: i64) -> String {
    match secs {
        s if s < 60 => format!("{s} s"),
        s if s < 3600 => format!("{} min {} s", s / 60, s % 60),
        s => format!("{} h {} min", s / 3600, (s % 3600) / 60),
    }
}

fn status_text(s: WorkStatus) -> &'static str {
    match s {
        WorkStatus::Offered => "offered",
        WorkStatus::Accepted => "accepted",
        WorkStatus::Submitted => "submitted",
        WorkStatus::Declined => "declined",
        WorkStatus::Expired => "expired",
        WorkStatus::Cancelled => "cancelled by the lab",
    }
}

fn role_text(r: WorkRole) -> &'static str {
    match r {
        WorkRole::Annotator => "annotator",
        WorkRole::Adjudicator => "adjudicator",
    }
}

// ---------------------------------------------------------------- the queue

struct QueueLine {
    id: String,
    project: String,
    slice: String,
    role: &'static str,
    offered: bool,
    priority: i32,
    due: String,
    due_in: String,
}

#[derive(Template)]
#[template(path = "work.html")]
struct QueuePage {
    chrome: Chrome,
    lines: Vec<QueueLine>,
    notice: Option<String>,
    problem: Option<String>,
    fields: Fields,
    time_zone: String,
}

#[derive(Deserialize)]
pub struct QueueQuery {
    done: Option<String>,
}

async fn queue_page(
    state: &AppState,
    req: &HttpRequest,
    user: &UserPrincipal,
) -> Result<QueuePage, PageError> {
    let tz = time_zone(state, user).await?;
    let now = state.now();
    let open = work::open(state, principal(user)).await?;
    let lines = open
        .into_iter()
        .map(|v| QueueLine {
            id: v.id.to_string(),
            project: v.project.name,
            slice: v.slice.name,
            role: role_text(v.role),
            offered: matches!(v.status, WorkStatus::Offered),
            priority: v.priority,
            due: local(v.due_at, tz),
            due_in: until(v.due_at, now),
        })
        .collect();
    Ok(QueuePage {
        chrome: Chrome::new(req, Some(user)),
        lines,
        notice: None,
        problem: None,
        fields: Vec::new(),
        time_zone: tz.name().to_owned(),
    })
}

/// `/app/work`: the expert's offers and accepted work, most urgent first.
pub async fn queue(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: PageUser,
    q: web::Query<QueueQuery>,
) -> Result<HttpResponse, PageError> {
    let mut page = queue_page(&state, &req, &user.0).await?;
    page.notice = match q.done.as_deref() {
        Some("none") => Some(
            "Nothing for you right now. New work is offered to you as it arrives; \
             try again in a little while."
                .to_owned(),
        ),
        Some("submitted") => Some("Your judgment was submitted. Thank you.".to_owned()),
        Some("declined") => Some("Declined. The item goes to another expert.".to_owned()),
        _ => None,
    };
    ok(&page)
}

/// "Take next": `routing::work::next`, as `POST /v1/assignments/next`.
pub async fn take_next(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Bytes,
    user: PageUser,
) -> Result<HttpResponse, PageError> {
    let _: serde::de::IgnoredAny = read_form(&req, &body)?;
    Ok(match work::next(&state, principal(&user.0)).await? {
        Some(v) => see_other(&format!("/app/work/{}", v.id)),
        None => see_other("/app/work?done=none"),
    })
}

// ---------------------------------------------------------------- the item page

/// One top-level field of the payload: a string as it is, anything else as JSON.
struct Shown {
    name: String,
    text: String,
}

fn shown(name: &str, v: &Value) -> Shown {
    Shown {
        name: name.to_owned(),
        text: match v {
            Value::String(s) => s.clone(),
            other => serde_json::to_string_pretty(other).unwrap_or_default(),
        },
    }
}

/// The keys a pair of responses goes by in a pairwise payload.
const PAIRS: &[(&str, &str)] = &[
    ("response_a", "response_b"),
    ("a", "b"),
    ("A", "B"),
    ("left", "right"),
];

/// The payload as the page shows it: the two responses of a pairwise item side by side
/// (when the payload names them), every other field in order. Askama escapes it all.
fn payload_parts(payload: &Value, pairwise: bool) -> (Vec<Shown>, Option<(Shown, Shown)>) {
    let Some(obj) = payload.as_object() else {
        return (vec![shown("item", payload)], None);
    };
    let mut pair = None;
    let mut taken: Vec<&str> = Vec::new();
    if pairwise {
        if let Some((a, b)) = PAIRS
            .iter()
            .find(|(a, b)| obj.contains_key(*a) && obj.contains_key(*b))
        {
            pair = Some((shown("Response A", &obj[*a]), shown("Response B", &obj[*b])));
            taken = vec![a, b];
        } else if let Some(Value::Array(rs)) = obj.get("responses")
            && rs.len() == 2
        {
            pair = Some((shown("Response A", &rs[0]), shown("Response B", &rs[1])));
            taken = vec!["responses"];
        }
    }
    let rest = obj
        .iter()
        .filter(|(k, _)| !taken.contains(&k.as_str()))
        .map(|(k, v)| shown(k, v))
        .collect();
    (rest, pair)
}

/// A radio button or checkbox of the judgment form.
struct Opt {
    value: String,
    label: String,
    checked: bool,
}

struct ClauseLine {
    id: String,
    text: String,
    examples: Vec<String>,
    counter_examples: Vec<String>,
    cited: bool,
}

/// What the expert entered (kept when the form comes back with a refusal).
#[derive(Default)]
struct Entered {
    pairs: Fields,
}

impl Entered {
    fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn all(&self, name: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    fn is(&self, name: &str, value: &str) -> bool {
        self.get(name) == Some(value)
    }

    fn text(&self, name: &str) -> String {
        self.get(name).unwrap_or_default().to_owned()
    }
}

/// The judgment form's inputs for the slice's label kind.
#[derive(Default)]
struct Inputs {
    kind: &'static str,
    preferences: Vec<Opt>,
    strengths: Vec<Opt>,
    allow_both_bad: bool,
    both_bad: bool,
    labels: Vec<Opt>,
    scores: Vec<Opt>,
    /// An ordinal scale too long for buttons is a number input.
    score_range: Option<(i64, i64)>,
    score_text: String,
    rationale_required: bool,
    citations_required: bool,
}

fn opts(values: Vec<(String, String)>, entered: &Entered, name: &str) -> Vec<Opt> {
    values
        .into_iter()
        .map(|(value, label)| Opt {
            checked: entered.is(name, &value),
            value,
            label,
        })
        .collect()
}

fn inputs(schema: &LabelSchema, entered: &Entered) -> Inputs {
    match schema {
        LabelSchema::Pairwise(s) => {
            let mut prefs = vec![
                ("a".to_owned(), "Response A is better".to_owned()),
                ("b".to_owned(), "Response B is better".to_owned()),
            ];
            if s.allow_tie {
                prefs.push(("tie".to_owned(), "A tie".to_owned()));
            }
            let strengths = (1..=s.max_strength)
                .map(|n| {
                    let label = match n {
                        1 => format!("{n} (slightly)"),
                        n if n == s.max_strength => format!("{n} (clearly)"),
                        n => n.to_string(),
                    };
                    (n.to_string(), label)
                })
                .collect();
            Inputs {
                kind: "pairwise",
                preferences: opts(prefs, entered, "preference"),
                strengths: opts(strengths, entered, "strength"),
                allow_both_bad: s.allow_both_bad,
                both_bad: entered.get("both_bad").is_some(),
                rationale_required: s.rationale_required,
                citations_required: s.citations_required,
                ..Inputs::default()
            }
        }
        LabelSchema::Categorical(s) => Inputs {
            kind: "categorical",
            labels: opts(
                s.labels.iter().map(|l| (l.clone(), l.clone())).collect(),
                entered,
                "label",
            ),
            rationale_required: s.rationale_required,
            citations_required: s.citations_required,
            ..Inputs::default()
        },
        LabelSchema::Ordinal(s) => {
            let buttons = s.max - s.min <= 10;
            Inputs {
                kind: "ordinal",
                scores: if buttons {
                    opts(
                        (s.min..=s.max)
                            .map(|n| (n.to_string(), n.to_string()))
                            .collect(),
                        entered,
                        "score",
                    )
                } else {
                    Vec::new()
                },
                score_range: (!buttons).then_some((s.min, s.max)),
                score_text: entered.text("score"),
                rationale_required: s.rationale_required,
                citations_required: s.citations_required,
                ..Inputs::default()
            }
        }
    }
}

/// The judgment form as the label JSON the API takes: every field named as in the label
/// schema. Nothing is judged here; the schema's validator does that in `submit`. A number
/// that does not read as one is passed as text, so the validator names the field.
fn label_of(kind: &str, entered: &Entered) -> Value {
    let mut label = Map::new();
    let number = |v: &str| match v.trim().parse::<i64>() {
        Ok(n) => json!(n),
        Err(_) => json!(v),
    };
    match kind {
        "pairwise" => {
            if let Some(p) = entered.get("preference") {
                label.insert("preference".into(), json!(p));
            }
            // The strength buttons stay checked when the expert switches to a tie; a tie
            // has no strength, so it is not sent with one.
            if let Some(s) = entered.get("strength")
                && !entered.is("preference", "tie")
            {
                label.insert("strength".into(), number(s));
            }
            if entered.get("both_bad").is_some() {
                label.insert("both_bad".into(), json!(true));
            }
        }
        "categorical" => {
            if let Some(l) = entered.get("label") {
                label.insert("label".into(), json!(l));
            }
        }
        _ => {
            if let Some(s) = entered.get("score").filter(|s| !s.trim().is_empty()) {
                label.insert("score".into(), number(s));
            }
        }
    }
    let rationale = entered.text("rationale");
    if !rationale.trim().is_empty() {
        label.insert("rationale".into(), json!(rationale));
    }
    let cited = entered.all("cited_clauses");
    if !cited.is_empty() {
        label.insert("cited_clauses".into(), json!(cited));
    }
    Value::Object(label)
}

#[derive(Template)]
#[template(path = "work_item.html")]
struct ItemPage {
    chrome: Chrome,
    workbench_js: String,
    id: String,
    project: String,
    slice: String,
    slice_key: String,
    role: &'static str,
    status: &'static str,
    priority: i32,
    due: String,
    due_in: String,
    time_zone: String,
    worked: String,
    judge_confidence: Option<String>,
    payload: Vec<Shown>,
    /// The two responses of a pairwise item (empty when the payload names none).
    pair: Vec<Shown>,
    /// Other experts' judgments, anonymised (adjudication only).
    judgments: Vec<Shown>,
    constitution: Option<String>,
    clauses: Vec<ClauseLine>,
    inputs: Inputs,
    rationale: String,
    decline_reason: String,
    your_label: Option<String>,
    heartbeat_every: i64,
    idle_limit: i64,
    problem: Option<String>,
    fields: Fields,
}

impl ItemPage {
    fn accepted(&self) -> bool {
        self.status == "accepted"
    }

    fn offered(&self) -> bool {
        self.status == "offered"
    }
}

async fn item_page(
    state: &AppState,
    req: &HttpRequest,
    user: &UserPrincipal,
    v: WorkView,
    entered: &Entered,
) -> Result<ItemPage, PageError> {
    let tz = time_zone(state, user).await?;
    let now = state.now();
    let schema: LabelSchema = serde_json::from_value(v.slice.label_schema.clone())
        .map_err(|e| AppError::internal(anyhow::anyhow!("a slice's label schema: {e}")))?;
    let (payload, pair) = payload_parts(&v.payload, schema.kind() == "pairwise");
    let cited = entered.all("cited_clauses");
    let (constitution, clauses) = match v.constitution {
        Some(c) => (
            Some(format!("{} (version {})", c.title, c.version)),
            c.clauses
                .into_iter()
                .map(|c| ClauseLine {
                    cited: cited.contains(&c.id.as_str()),
                    id: c.id,
                    text: c.text,
                    examples: c.examples,
                    counter_examples: c.counter_examples,
                })
                .collect(),
        ),
        None => (None, Vec::new()),
    };
    let idle = state.settings.routing.idle_limit_secs;
    Ok(ItemPage {
        chrome: Chrome::new(req, Some(user)),
        workbench_js: super::assets::workbench_js_url(),
        id: v.id.to_string(),
        project: v.project.name,
        slice: v.slice.name,
        slice_key: v.slice.key,
        role: role_text(v.role),
        status: status_text(v.status),
        priority: v.priority,
        due: local(v.due_at, tz),
        due_in: until(v.due_at, now),
        time_zone: tz.name().to_owned(),
        worked: duration(v.active_seconds),
        judge_confidence: v.judge_confidence.map(|c| format!("{:.0} %", c * 100.0)),
        payload,
        pair: pair.map(|(a, b)| vec![a, b]).unwrap_or_default(),
        judgments: v
            .judgments
            .iter()
            .map(|j| shown(&j.name, &j.label))
            .collect(),
        constitution,
        clauses,
        inputs: inputs(&schema, entered),
        rationale: entered.text("rationale"),
        decline_reason: entered.text("reason"),
        your_label: v
            .your_label
            .as_ref()
            .map(|l| serde_json::to_string_pretty(l).unwrap_or_default()),
        // Well inside the idle limit, so one late beat does not end a work session.
        heartbeat_every: (idle / 3).clamp(5, 60),
        idle_limit: idle,
        problem: None,
        fields: Vec::new(),
    })
}

/// `/app/work/{assignment}`: the item, the constitution beside it, the judgment form.
pub async fn item(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: PageUser,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = assignment_id(&path)?;
    let v = work::one(&state, principal(&user.0), id).await?;
    ok(&item_page(&state, &req, &user.0, v, &Entered::default()).await?)
}

/// A refusal the form explains on itself (what was entered, a state that changed);
/// anything else is the error page.
fn shown_on_form(e: &AppError) -> bool {
    matches!(e.kind(), Kind::Invalid | Kind::Conflict)
}

/// The item page again, with the refusal and what was entered.
async fn refused(
    state: &AppState,
    req: &HttpRequest,
    user: &UserPrincipal,
    id: AssignmentId,
    e: &AppError,
    entered: &Entered,
) -> Result<HttpResponse, PageError> {
    let v = work::one(state, principal(user), id).await?;
    let mut page = item_page(state, req, user, v, entered).await?;
    page.problem = Some(match e.kind() {
        Kind::Invalid => "Please check your judgment.".to_owned(),
        _ => e.detail().to_owned(),
    });
    page.fields = e
        .field_errors()
        .iter()
        .map(|f| {
            let field = f.field.strip_prefix("label.").unwrap_or(&f.field);
            (field.to_owned(), f.message.clone())
        })
        .collect();
    render(super::errors::status_of(e.kind()).0, &page)
}

/// `routing::work::accept`, as `POST /v1/assignments/{a}/accept`; then the item page.
pub async fn accept(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Bytes,
    user: PageUser,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let _: serde::de::IgnoredAny = read_form(&req, &body)?;
    let id = assignment_id(&path)?;
    match work::accept(&state, principal(&user.0), id.clone()).await {
        Ok(v) => Ok(see_other(&format!("/app/work/{}", v.id))),
        Err(e) if shown_on_form(&e) => {
            refused(&state, &req, &user.0, id, &e, &Entered::default()).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `routing::work::decline`, as `POST /v1/assignments/{a}/decline`, with the API's own
/// check of the reason; then the queue.
pub async fn decline(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Bytes,
    user: PageUser,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let entered = Entered {
        pairs: read_pairs(&req, &body)?,
    };
    let id = assignment_id(&path)?;
    let check = DeclineRequest {
        reason: entered.text("reason"),
    };
    let result = match check.validate() {
        Ok(()) => work::decline(&state, principal(&user.0), id.clone(), check.reason).await,
        Err(errors) => Err(AppError::validation(errors)),
    };
    match result {
        Ok(_) => Ok(see_other("/app/work?done=declined")),
        Err(e) if shown_on_form(&e) => refused(&state, &req, &user.0, id, &e, &entered).await,
        Err(e) => Err(e.into()),
    }
}

/// `routing::work::submit`, as `POST /v1/assignments/{a}/submit`: the form becomes the
/// label; a refusal comes back on the form with what was entered.
pub async fn submit(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Bytes,
    user: PageUser,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let entered = Entered {
        pairs: read_pairs(&req, &body)?,
    };
    let id = assignment_id(&path)?;
    // The label kind is the slice's, read through the expert's own view of the work.
    let v = work::one(&state, principal(&user.0), id.clone()).await?;
    let schema: LabelSchema = serde_json::from_value(v.slice.label_schema)
        .map_err(|e| AppError::internal(anyhow::anyhow!("a slice's label schema: {e}")))?;
    let label = label_of(schema.kind(), &entered);
    match work::submit(&state, principal(&user.0), id.clone(), label).await {
        Ok(_) => Ok(see_other("/app/work?done=submitted")),
        Err(e) if shown_on_form(&e) => refused(&state, &req, &user.0, id, &e, &entered).await,
        Err(e) => Err(e.into()),
    }
}

/// `routing::work::heartbeat`, as `POST /v1/assignments/{a}/heartbeat`, for the item
/// page's script: the session cookie and the CSRF token in the `X-CSRF-Token` header.
pub async fn heartbeat(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: PageUser,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    check_header(&req)?;
    let id = assignment_id(&path)?;
    let beat = work::heartbeat(&state, principal(&user.0), id).await?;
    Ok(HttpResponse::Ok().json(json!({
        "active_seconds": beat.active_seconds,
        "idle_limit_secs": beat.idle_limit_secs,
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entered(pairs: &[(&str, &str)]) -> Entered {
        Entered {
            pairs: pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        }
    }

    #[test]
    fn a_pairwise_form_becomes_the_label_the_api_takes() {
        let e = entered(&[
            ("preference", "b"),
            ("strength", "2"),
            ("rationale", "B handles the error"),
            ("cited_clauses", "C1"),
            ("cited_clauses", "C2"),
        ]);
        assert_eq!(
            label_of("pairwise", &e),
            json!({"preference": "b", "strength": 2, "rationale": "B handles the error", "cited_clauses": ["C1", "C2"]})
        );
        // A tie drops the strength still checked from before; an empty rationale is absent.
        let tie = entered(&[
            ("preference", "tie"),
            ("strength", "3"),
            ("both_bad", "on"),
            ("rationale", "  "),
        ]);
        assert_eq!(
            label_of("pairwise", &tie),
            json!({"preference": "tie", "both_bad": true})
        );
    }

    #[test]
    fn categorical_and_ordinal_forms_become_labels_and_bad_numbers_stay_text() {
        assert_eq!(
            label_of("categorical", &entered(&[("label", "high")])),
            json!({"label": "high"})
        );
        assert_eq!(
            label_of("ordinal", &entered(&[("score", "4")])),
            json!({"score": 4})
        );
        assert_eq!(
            label_of("ordinal", &entered(&[("score", "four")])),
            json!({"score": "four"})
        );
        assert_eq!(label_of("ordinal", &entered(&[("score", "")])), json!({}));
    }

    #[test]
    fn a_pairwise_payload_shows_its_two_responses_side_by_side() {
        let (rest, pair) = payload_parts(
            &json!({"prompt": "Which is safer?", "response_a": "x?", "response_b": {"code": 1}}),
            true,
        );
        let (a, b) = pair.unwrap();
        assert_eq!(a.text, "x?");
        assert!(b.text.contains("\"code\": 1"));
        assert_eq!(rest.len(), 1);
        assert_eq!(rest[0].name, "prompt");
        let (rest, pair) = payload_parts(&json!({"report": "Kein Befund"}), false);
        assert!(pair.is_none());
        assert_eq!(rest[0].text, "Kein Befund");
        let (rest, _) = payload_parts(&json!("just text"), true);
        assert_eq!(rest[0].text, "just text");
    }

    #[test]
    fn due_times_read_in_the_experts_zone() {
        let t: DateTime<Utc> = "2026-12-08T13:30:00Z".parse().unwrap();
        assert_eq!(
            local(t, chrono_tz::Europe::Berlin),
            "Tue 08 Dec 2026, 14:30 CET"
        );
        assert_eq!(until(t, t - chrono::Duration::minutes(80)), "in 1 h 20 min");
        assert_eq!(until(t, t + chrono::Duration::minutes(1)), "past due");
    }
}
