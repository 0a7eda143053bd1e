//! Cursor pagination. Lists order by id (ids sort by creation time); the cursor is the
//! last id of the previous page, opaque to clients. Never by timestamp: two rows may
//! share one, ids never do.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::error::ApiError;

pub const DEFAULT_LIMIT: i64 = 50;
pub const MAX_LIMIT: i64 = 200;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    /// `next_cursor` from the previous page.
    pub cursor: Option<String>,
}

pub use crate::db::PageRequest;

impl PageParams {
    /// Validates the limit and checks the cursor is an id of the listed kind (`prefix`).
    pub fn resolve(&self, prefix: &str) -> Result<PageRequest, ApiError> {
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(ApiError::bad_parameter(
                "limit",
                format!("must be between 1 and {MAX_LIMIT}"),
            ));
        }
        let after = match &self.cursor {
            None => None,
            Some(c) if crate::ids::is_valid(prefix, c) => Some(c.clone()),
            Some(_) => {
                return Err(ApiError::bad_parameter(
                    "cursor",
                    "is not a cursor returned by this list",
                ));
            }
        };
        Ok(PageRequest { limit, after })
    }
}

/// One page of a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T: ToSchema> {
    pub data: Vec<T>,
    /// Pass as `cursor` to get the next page; null on the last page.
    pub next_cursor: Option<String>,
}

impl<T: ToSchema> Page<T> {
    /// Builds a page from up to `limit + 1` rows fetched in id order.
    pub fn from_rows<R>(
        rows: Vec<R>,
        req: &PageRequest,
        id_of: impl Fn(&R) -> String,
        view: impl Fn(R) -> T,
    ) -> Self {
        match Self::try_from_rows(rows, req, id_of, |r| {
            Ok::<T, std::convert::Infallible>(view(r))
        }) {
            Ok(page) => page,
            Err(never) => match never {},
        }
    }

    /// [`Page::try_from_rows`] with one view of the whole page at once, so a view that reads
    /// more data does it with one query per page instead of one per row.
    pub fn try_from_page<R, E>(
        mut rows: Vec<R>,
        req: &PageRequest,
        id_of: impl Fn(&R) -> String,
        views: impl FnOnce(Vec<R>) -> Result<Vec<T>, E>,
    ) -> Result<Self, E> {
        let has_more = rows.len() as i64 > req.limit;
        rows.truncate(req.limit as usize);
        let next_cursor = if has_more {
            rows.last().map(&id_of)
        } else {
            None
        };
        Ok(Page {
            data: views(rows)?,
            next_cursor,
        })
    }

    /// [`Page::from_rows`] with a fallible view (one that reads more data, say).
    pub fn try_from_rows<R, E>(
        rows: Vec<R>,
        req: &PageRequest,
        id_of: impl Fn(&R) -> String,
        view: impl FnMut(R) -> Result<T, E>,
    ) -> Result<Self, E> {
        Self::try_from_page(rows, req, id_of, |rows| {
            rows.into_iter().map(view).collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limit_bounds_and_cursor_kind_are_checked() {
        assert!(
            PageParams {
                limit: Some(0),
                cursor: None
            }
            .resolve("usr")
            .is_err()
        );
        assert!(
            PageParams {
                limit: Some(201),
                cursor: None
            }
            .resolve("usr")
            .is_err()
        );
        assert_eq!(
            PageParams::default().resolve("usr").unwrap().limit,
            DEFAULT_LIMIT
        );
        let e = PageParams {
            limit: None,
            cursor: Some("org_01jd3v7q8y2k5m9n4p6r8s0t2w".into()),
        }
        .resolve("usr")
        .unwrap_err();
        assert_eq!(e.field_errors()[0].field, "cursor");
    }

    #[test]
    fn next_cursor_is_the_last_id_only_when_more_rows_exist() {
        let req = PageRequest {
            limit: 2,
            after: None,
        };
        #[derive(utoipa::ToSchema)]
        struct V(#[allow(dead_code)] u32);
        let p = Page::from_rows(vec![1u32, 2, 3], &req, |r| r.to_string(), V);
        assert_eq!(p.data.len(), 2);
        assert_eq!(p.next_cursor.as_deref(), Some("2"));
        let p = Page::from_rows(vec![1u32, 2], &req, |r| r.to_string(), V);
        assert_eq!(p.next_cursor, None);
    }
}
