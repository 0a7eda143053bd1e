//! What happens when no route matched: 405 with an `Allow` header when the path exists
//! with other methods, 404 otherwise — both as problem+json. The table of paths and
//! methods is read from the OpenAPI document, so it cannot drift from the real routes.

use actix_web::dev::ResourceDef;
use actix_web::{HttpRequest, HttpResponse, ResponseError, web};
use utoipa::openapi::OpenApi;

use super::ApiError;

pub struct RouteTable {
    routes: Vec<(ResourceDef, Vec<&'static str>)>,
}

impl RouteTable {
    pub fn from_spec(spec: &OpenApi) -> Self {
        let routes = spec
            .paths
            .paths
            .iter()
            .map(|(path, item)| {
                let mut methods = Vec::new();
                for (name, present) in [
                    ("GET", item.get.is_some()),
                    ("POST", item.post.is_some()),
                    ("PUT", item.put.is_some()),
                    ("PATCH", item.patch.is_some()),
                    ("DELETE", item.delete.is_some()),
                ] {
                    if present {
                        methods.push(name);
                    }
                }
                (ResourceDef::new(path.as_str()), methods)
            })
            .collect();
        Self { routes }
    }

    /// Methods the path supports, if it is a known path.
    pub fn allowed(&self, path: &str) -> Option<Vec<&'static str>> {
        let mut allowed: Vec<&'static str> = self
            .routes
            .iter()
            .filter(|(def, _)| def.is_match(path))
            .flat_map(|(_, m)| m.iter().copied())
            .collect();
        if allowed.is_empty() {
            return None;
        }
        allowed.sort_unstable();
        allowed.dedup();
        Some(allowed)
    }
}

pub async fn not_matched(req: HttpRequest, table: web::Data<RouteTable>) -> HttpResponse {
    match table.allowed(req.path()) {
        Some(allow) => ApiError::method_not_allowed(&allow).error_response(),
        None => ApiError::not_found(format!("no route for {} {}", req.method(), req.path()))
            .error_response(),
    }
}
