//! The route table read from the OpenAPI document, and what it enforces before a handler
//! runs:
//!
//! - a path that exists with other methods answers 405 with an `Allow` header, 404 when
//!   no route has it — both as problem+json;
//! - concrete paths win over templated ones, as OpenAPI says: `GET /v1/payouts/run` is
//!   `/v1/payouts/run` (POST only, so 405), never `/v1/payouts/{payout}` with the id
//!   `run`;
//! - query parameters are checked against their documented schema (numeric ranges,
//!   lengths, patterns, enumerations): a value outside it answers 400 naming the
//!   parameter, so the document and the server cannot disagree on a rule.
//!
//! The table is built from the same document the server serves, so it cannot drift from
//! the real routes.

use std::collections::BTreeMap;

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ResourceDef, ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{Error, HttpRequest, HttpResponse, ResponseError, web};
use serde_json::Value;
use utoipa::openapi::OpenApi;

use super::ApiError;

const METHODS: [&str; 5] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/// What a documented query parameter accepts.
#[derive(Debug, Default)]
struct QueryRule {
    name: String,
    integer: bool,
    minimum: Option<f64>,
    maximum: Option<f64>,
    min_length: Option<usize>,
    max_length: Option<usize>,
    pattern: Option<regex::Regex>,
    one_of: Option<Vec<String>>,
}

impl QueryRule {
    /// Reads a parameter's schema, following one `$ref` into the components (ids and
    /// enumerations are components).
    fn from_schema(name: &str, schema: &Value, components: &Value) -> Self {
        let schema = match schema["$ref"].as_str() {
            Some(r) => r
                .strip_prefix("#/components/schemas/")
                .and_then(|n| components.get(n))
                .unwrap_or(&Value::Null),
            None => schema,
        };
        let number = |k: &str| schema.get(k).and_then(Value::as_f64);
        let length = |k: &str| {
            schema
                .get(k)
                .and_then(Value::as_u64)
                .and_then(|n| usize::try_from(n).ok())
        };
        Self {
            name: name.to_owned(),
            integer: schema["type"] == "integer",
            minimum: number("minimum"),
            maximum: number("maximum"),
            min_length: length("minLength"),
            max_length: length("maxLength"),
            // A pattern the regex crate cannot compile is not enforced here (the handler
            // still parses the value).
            pattern: schema["pattern"]
                .as_str()
                .and_then(|p| regex::Regex::new(p).ok()),
            one_of: schema["enum"].as_array().map(|values| {
                values
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            }),
        }
    }

    /// Why `value` is outside the documented schema, if it is.
    fn refuse(&self, value: &str) -> Option<String> {
        if self.integer {
            let Ok(n) = value.parse::<i64>() else {
                return Some("must be an integer".to_owned());
            };
            #[allow(clippy::cast_precision_loss)]
            let n = n as f64;
            return match (self.minimum, self.maximum) {
                (Some(min), Some(max)) if n < min || n > max => {
                    Some(format!("must be between {min} and {max}"))
                }
                (Some(min), _) if n < min => Some(format!("must be at least {min}")),
                (_, Some(max)) if n > max => Some(format!("must be at most {max}")),
                _ => None,
            };
        }
        let chars = value.chars().count();
        if let Some(min) = self.min_length.filter(|m| chars < *m) {
            return Some(format!("must be at least {min} characters"));
        }
        if let Some(max) = self.max_length.filter(|m| chars > *m) {
            return Some(format!("must be at most {max} characters"));
        }
        if let Some(values) = &self.one_of
            && !values.iter().any(|v| v == value)
        {
            return Some(format!("must be one of {}", values.join(", ")));
        }
        if let Some(p) = &self.pattern
            && !p.is_match(value)
        {
            return Some(format!("must match {}", p.as_str()));
        }
        None
    }
}

struct Route {
    def: ResourceDef,
    /// Per path segment, whether it is literal: a concrete path outranks a template.
    shape: Vec<bool>,
    /// Method → its documented query parameters.
    methods: BTreeMap<&'static str, Vec<QueryRule>>,
}

pub struct RouteTable {
    routes: Vec<Route>,
}

impl RouteTable {
    pub fn from_spec(spec: &OpenApi) -> Self {
        let doc = serde_json::to_value(spec).unwrap_or(Value::Null);
        let components = &doc["components"]["schemas"];
        let routes = doc["paths"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(path, item)| {
                let methods = METHODS
                    .iter()
                    .filter_map(|m| {
                        let op = item.get(m.to_ascii_lowercase())?;
                        let rules = op["parameters"]
                            .as_array()
                            .into_iter()
                            .flatten()
                            .filter(|p| p["in"] == "query")
                            .filter_map(|p| {
                                let name = p["name"].as_str()?;
                                Some(QueryRule::from_schema(name, &p["schema"], components))
                            })
                            .collect();
                        Some((*m, rules))
                    })
                    .collect();
                Route {
                    def: ResourceDef::new(path.as_str()),
                    shape: path.split('/').map(|s| !s.contains('{')).collect(),
                    methods,
                }
            })
            .collect();
        Self { routes }
    }

    /// The documented routes `path` belongs to: the most concrete of those matching it.
    fn matching(&self, path: &str) -> Vec<&Route> {
        let candidates: Vec<&Route> = self
            .routes
            .iter()
            .filter(|r| r.def.is_match(path))
            .collect();
        let Some(best) = candidates.iter().map(|r| &r.shape).max() else {
            return Vec::new();
        };
        candidates
            .iter()
            .copied()
            .filter(|r| &r.shape == best)
            .collect()
    }

    /// Methods the path supports, if it is a known path.
    pub fn allowed(&self, path: &str) -> Option<Vec<&'static str>> {
        let mut allowed: Vec<&'static str> = self
            .matching(path)
            .into_iter()
            .flat_map(|r| r.methods.keys().copied())
            .collect();
        if allowed.is_empty() {
            return None;
        }
        allowed.sort_unstable();
        allowed.dedup();
        Some(allowed)
    }

    /// Checks a request against the document: 405 for a method the path does not have,
    /// 400 for a query parameter outside its schema. `None`: not a documented path, or
    /// nothing to refuse.
    fn refuse(&self, method: &str, path: &str, query: &str) -> Option<ApiError> {
        let routes = self.matching(path);
        if routes.is_empty() {
            return None;
        }
        let Some(rules) = routes.iter().find_map(|r| r.methods.get(method)) else {
            let allow = self.allowed(path).unwrap_or_default();
            return Some(ApiError::method_not_allowed(&allow));
        };
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            if let Some(rule) = rules.iter().find(|r| r.name == key)
                && let Some(message) = rule.refuse(&value)
            {
                return Some(ApiError::bad_parameter(rule.name.clone(), message));
            }
        }
        None
    }
}

/// Middleware: refuses what the document says the route does not take (see the module
/// docs) before routing can hand it to a handler of another route.
pub async fn enforce_contract(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, Error> {
    let refusal = req
        .app_data::<web::Data<RouteTable>>()
        .and_then(|t| t.refuse(req.method().as_str(), req.path(), req.query_string()));
    match refusal {
        Some(e) => Ok(req.into_response(e.error_response()).map_into_right_body()),
        None => Ok(next.call(req).await?.map_into_left_body()),
    }
}

pub async fn not_matched(req: HttpRequest, table: web::Data<RouteTable>) -> HttpResponse {
    match table.allowed(req.path()) {
        Some(allow) => ApiError::method_not_allowed(&allow).error_response(),
        None => ApiError::not_found(format!("no route for {} {}", req.method(), req.path()))
            .error_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> RouteTable {
        RouteTable::from_spec(&super::super::openapi::spec())
    }

    #[test]
    fn a_concrete_path_outranks_a_template() {
        let t = table();
        assert_eq!(t.allowed("/v1/payouts/run"), Some(vec!["POST"]));
        assert_eq!(
            t.allowed("/v1/payouts/pay_01jd3v7q8y2k5m9n4p6r8s0t2w"),
            Some(vec!["GET"])
        );
        let e = t
            .refuse("GET", "/v1/payouts/run", "")
            .map(|e| e.error_response());
        assert_eq!(e.map(|r| r.status().as_u16()), Some(405));
        assert!(t.refuse("POST", "/v1/payouts/run", "").is_none());
        assert!(
            t.refuse("GET", "/v1/nowhere", "").is_none(),
            "unknown paths are the router's"
        );
    }

    #[test]
    fn query_values_outside_their_schema_are_refused() {
        let t = table();
        let status = |q: &str| {
            t.refuse("GET", "/v1/experts", q)
                .map(|e| e.error_response().status().as_u16())
        };
        assert_eq!(status("min_days_in_status=-1"), Some(400));
        assert_eq!(status("min_days_in_status=3651"), Some(400));
        assert_eq!(status("min_days_in_status=x"), Some(400));
        assert_eq!(status("min_days_in_status=0&limit=200"), None);
        assert_eq!(status("limit=0"), Some(400));
        assert_eq!(
            status("status=nonsense"),
            Some(400),
            "an enumeration (by $ref)"
        );
        assert_eq!(
            status("unknown=1"),
            None,
            "unknown parameters are the handler's"
        );
    }
}
