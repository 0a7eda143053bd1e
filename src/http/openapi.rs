//! The OpenAPI 3.1 document, generated from the handlers' `#[utoipa::path]` attributes.
//! [`routes`] is the single list of routes: the server mounts it, and [`spec`] builds
//! the document from the same list, so the document cannot miss an endpoint.

use actix_web::App;
use utoipa::openapi::OpenApi as OpenApiDoc;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::AppExt;
use utoipa_actix_web::service_config::ServiceConfig;

use super::{Problem, error::FieldError};

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut OpenApiDoc) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "A user's access token (JWT from `/v1/auth/login`) or an organization API key (`cadre_sk_…`).",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "metrics_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "The scraper's token for `/metrics`, configured as `http.metrics_token`.",
                    ))
                    .build(),
            ),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Cadre API",
        description = "Expert-workforce marketplace backend: vetting, routing, scoring, scheduling and hourly payment of credentialed experts for AI data work. Errors are `application/problem+json` (RFC 9457); lists are cursor-paginated by id.",
        license(name = "Apache-2.0", identifier = "Apache-2.0"),
    ),
    components(
        schemas(Problem, FieldError),
        responses(
            super::BadRequest,
            super::Unauthorized,
            super::Forbidden,
            super::NotFound,
            super::Conflict,
            super::Gone,
            super::PayloadTooLarge,
            super::UnsupportedMediaType,
            super::UnprocessableEntity,
            super::TooManyRequests,
            super::ServiceUnavailable,
        )
    ),
    modifiers(&BearerAuth),
    tags(
        (name = "auth", description = "Registration, login, tokens, e-mail verification"),
        (name = "orgs", description = "Organizations, members, invitations and API keys"),
        (name = "taxonomy", description = "Rubric domains, credential requirements and capability slices"),
        (name = "projects", description = "Lab projects and their versioned constitutions"),
        (name = "gold", description = "Gold items: known answers for verification, calibration and assessment"),
        (name = "experts", description = "Expert applications, profiles and the vetting pipeline"),
        (name = "rosters", description = "Vendor rosters: invitations, removal, transfers with the expert's consent, membership history, bulk tiers and tier coverage"),
        (name = "credentials", description = "Experts' credentials, evidence (files and institutional e-mail checks), review, revocation and domain eligibility"),
        (name = "standings", description = "Experts' per-slice status (probation, qualified, suspended) and tier (annotator, senior, adjudicator)"),
        (name = "assessments", description = "Qualification assessments drawn from a slice's shared assessment pool"),
        (name = "items", description = "Escalated items pushed by a lab's pipeline, their results and routing explanations"),
        (name = "scores", description = "Per-slice score profiles, slice reliability and project quality"),
        (name = "calibration", description = "Calibration sessions: fixed item sets answered by a roster, agreement with the reference and among participants, drift"),
        (name = "appeals", description = "Experts' appeals of sanctions and gold answers, and their decisions"),
        (name = "scheduling", description = "Experts' availability in their time zone, labs' capacity requests, booked shifts and calendar feeds"),
        (name = "ledger", description = "The double-entry ledger: trial balance and transactions (platform administrators), and measured time entries"),
        (name = "payments", description = "Hourly payment: pay rates, weekly timesheets, lab invoices, payout accounts (Stripe Connect), payouts and Stripe's webhook"),
        (name = "webhooks", description = "Signed outbound webhooks to a lab: endpoints, deliveries, attempts and redelivery"),
        (name = "work", description = "An expert's own assignments: claim, accept, decline, heartbeat, submit"),
        (name = "audit", description = "The audit log (platform administrators)"),
        (name = "ops", description = "Health, readiness and metrics"),
    )
)]
pub struct ApiDoc;

/// Every route of the service.
pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(
        utoipa_actix_web::scope("/v1")
            .configure(crate::auth::routes::configure)
            .configure(crate::orgs::routes::configure)
            .configure(crate::orgs::vendor_routes::configure)
            .configure(crate::taxonomy::routes::configure)
            .configure(crate::projects::routes::configure)
            .configure(crate::gold::routes::configure)
            .configure(crate::rosters::routes::configure)
            .configure(crate::rosters::tiers::configure)
            .configure(crate::rosters::dashboard_routes::configure)
            .configure(crate::rosters::chart_routes::configure)
            .configure(crate::rosters::comparison_routes::configure)
            .configure(crate::experts::routes::configure)
            .configure(crate::privacy::routes::configure)
            .configure(crate::credentials::routes::configure)
            .configure(crate::standings::routes::configure)
            .configure(crate::assessments::routes::configure)
            .configure(crate::routing::routes::configure)
            .configure(crate::routing::lifecycle_routes::configure)
            .configure(crate::routing::results::configure)
            .configure(crate::webhooks::routes::configure)
            .configure(crate::scoring::routes::configure)
            .configure(crate::calibration::routes::configure)
            .configure(crate::appeals::routes::configure)
            .configure(crate::scheduling::routes::configure)
            .configure(crate::payments::routes::configure)
            .configure(crate::routing::work::configure)
            .configure(crate::audit::routes::configure),
    )
    .configure(super::health::configure);
}

/// The OpenAPI document of [`routes`].
pub fn spec() -> OpenApiDoc {
    let mut spec = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .configure(routes)
        .split_for_parts()
        .1;
    add_derived_errors(&mut spec);
    let components = spec.components.get_or_insert_with(Default::default);
    for (name, schema) in super::webhook_events::schemas() {
        components.schemas.entry(name).or_insert(schema);
    }
    spec.webhooks = Some(super::webhook_events::webhooks());
    spec
}

/// The problem responses an operation can give by its shape, documented here once for
/// all of them (each is what a shared extractor or check answers, whatever the handler):
///
/// - a JSON body: 400 (unreadable JSON), 413 (too large), 415 (not JSON), 422 (invalid
///   fields) — the [`super::Json`] extractor;
/// - a path parameter: 400 (not an id of that kind, [`super::path_id`]) and 404 (no such
///   object visible to the caller: another tenant's is a 404 too);
/// - a query parameter: 400 (outside its documented schema, [`super::fallback`], or
///   unreadable, [`super::Query`]);
/// - bearer authentication: 401 (no or bad credentials) and 403 (authenticated, not
///   allowed: a role, a scope, an API key where a user session is needed).
fn add_derived_errors(spec: &mut OpenApiDoc) {
    use utoipa::openapi::path::ParameterIn;
    use utoipa::openapi::{Ref, RefOr};
    for item in spec.paths.paths.values_mut() {
        let shared = item.parameters.clone().unwrap_or_default();
        for op in [
            &mut item.get,
            &mut item.post,
            &mut item.put,
            &mut item.patch,
            &mut item.delete,
        ]
        .into_iter()
        .flatten()
        {
            let params: Vec<_> = shared
                .iter()
                .chain(op.parameters.iter().flatten())
                .filter_map(|p| match p {
                    RefOr::T(p) => Some(p.parameter_in.clone()),
                    RefOr::Ref(_) => None,
                })
                .collect();
            let mut codes: Vec<(&str, &str)> = Vec::new();
            if op.request_body.is_some() {
                codes.extend([
                    ("400", "BadRequest"),
                    ("413", "PayloadTooLarge"),
                    ("415", "UnsupportedMediaType"),
                    ("422", "UnprocessableEntity"),
                ]);
            }
            if params.iter().any(|p| matches!(p, ParameterIn::Path)) {
                codes.extend([("400", "BadRequest"), ("404", "NotFound")]);
            }
            if params.iter().any(|p| matches!(p, ParameterIn::Query)) {
                codes.push(("400", "BadRequest"));
            }
            let bearer = op
                .security
                .iter()
                .flatten()
                .any(|s| serde_json::to_value(s).is_ok_and(|v| v.get("bearer").is_some()));
            if bearer {
                codes.extend([("401", "Unauthorized"), ("403", "Forbidden")]);
            }
            for (code, name) in codes {
                op.responses
                    .responses
                    .entry(code.to_owned())
                    .or_insert_with(|| RefOr::Ref(Ref::from_response_name(name)));
            }
        }
    }
}

/// The document as committed at `openapi/openapi.json` (pretty, trailing newline).
pub fn spec_json() -> String {
    let mut json = spec()
        .to_pretty_json()
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    json.push('\n');
    json
}
