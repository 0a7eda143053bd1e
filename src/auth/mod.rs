//! Identity and access: users and passwords, sessions with rotating refresh tokens,
//! short-lived JWT access tokens, organisation API keys, and the [`Principal`] every
//! handler receives from one extractor. Authorisation is explicit: each handler calls a
//! policy check (`principal.org_admin(&org)`, `principal.require_scope(..)`, …), and
//! those checks are the only place roles are interpreted.
//!
//! Owns: `users`, `sessions`, `refresh_tokens`, `email_tokens`, `api_keys`, `login_failures`, `rate_limit_hits`.

pub mod account;
pub mod admin;
pub mod api_keys;
pub mod jwt;
pub mod password;
pub mod password_policy;
pub mod principal;
pub mod ratelimit;
pub mod routes;
pub mod service;
mod store;
pub mod tokens;

pub use principal::{ApiKeyPrincipal, Principal, UserPrincipal};

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// What an organisation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    /// An AI lab: posts projects and items, pays for expert hours.
    Lab,
    /// A vendor: runs a roster of experts.
    Vendor,
}

impl OrgKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OrgKind::Lab => "lab",
            OrgKind::Vendor => "vendor",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "lab" => Some(OrgKind::Lab),
            "vendor" => Some(OrgKind::Vendor),
            _ => None,
        }
    }

    /// The role a founder or org administrator holds.
    pub fn admin_role(self) -> OrgRole {
        match self {
            OrgKind::Lab => OrgRole::LabAdmin,
            OrgKind::Vendor => OrgRole::VendorAdmin,
        }
    }
}

/// Where an organisation stands with the platform (issue 21, "Approved vendors"). A vendor
/// starts `pending`; a platform admin approves or rejects it (rejection is final). Labs are
/// always `approved`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrgApproval {
    Pending,
    Approved,
    Rejected,
}

impl OrgApproval {
    pub fn as_str(self) -> &'static str {
        match self {
            OrgApproval::Pending => "pending",
            OrgApproval::Approved => "approved",
            OrgApproval::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "pending" => Some(OrgApproval::Pending),
            "approved" => Some(OrgApproval::Approved),
            "rejected" => Some(OrgApproval::Rejected),
            _ => None,
        }
    }

    /// The approval an organisation of `kind` starts with.
    pub fn initial(kind: OrgKind) -> Self {
        match kind {
            OrgKind::Lab => OrgApproval::Approved,
            OrgKind::Vendor => OrgApproval::Pending,
        }
    }
}

/// A member's role in one organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrgRole {
    LabAdmin,
    LabMember,
    VendorAdmin,
}

impl OrgRole {
    pub fn as_str(self) -> &'static str {
        match self {
            OrgRole::LabAdmin => "lab_admin",
            OrgRole::LabMember => "lab_member",
            OrgRole::VendorAdmin => "vendor_admin",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "lab_admin" => Some(OrgRole::LabAdmin),
            "lab_member" => Some(OrgRole::LabMember),
            "vendor_admin" => Some(OrgRole::VendorAdmin),
            _ => None,
        }
    }

    pub fn is_admin(self) -> bool {
        matches!(self, OrgRole::LabAdmin | OrgRole::VendorAdmin)
    }

    /// Roles exist per kind of organisation: a lab has no vendor admins and vice versa.
    pub fn fits(self, kind: OrgKind) -> bool {
        match kind {
            OrgKind::Lab => matches!(self, OrgRole::LabAdmin | OrgRole::LabMember),
            OrgKind::Vendor => matches!(self, OrgRole::VendorAdmin),
        }
    }
}

/// What an API key may do. Keys belong to one organisation and act only inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
pub enum Scope {
    /// Read the organisation's profile (`GET /v1/orgs/{org}`).
    #[serde(rename = "org:read")]
    OrgRead,
    /// List the organisation's members (`GET /v1/orgs/{org}/members`).
    #[serde(rename = "members:read")]
    MembersRead,
    /// Read the organization's projects and their constitutions (`GET /v1/projects…`).
    #[serde(rename = "projects:read")]
    ProjectsRead,
    /// Read the organization's gold items with their answers (`GET /v1/projects/{project}/gold-items`).
    #[serde(rename = "gold:read")]
    GoldRead,
    /// Push escalated items into the organization's active projects (`POST /v1/projects/{project}/items`).
    #[serde(rename = "items:write")]
    ItemsWrite,
    /// Read the organization's items and their status (`GET /v1/projects/{project}/items`, `GET /v1/items/{item}`).
    #[serde(rename = "items:read")]
    ItemsRead,
    /// Read the organization's timesheets and invoices (`GET /v1/timesheets…`, `GET /v1/invoices…`).
    #[serde(rename = "billing:read")]
    BillingRead,
}

impl Scope {
    pub const ALL: [Scope; 7] = [
        Scope::OrgRead,
        Scope::MembersRead,
        Scope::ProjectsRead,
        Scope::GoldRead,
        Scope::ItemsWrite,
        Scope::ItemsRead,
        Scope::BillingRead,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::OrgRead => "org:read",
            Scope::MembersRead => "members:read",
            Scope::ProjectsRead => "projects:read",
            Scope::GoldRead => "gold:read",
            Scope::ItemsWrite => "items:write",
            Scope::ItemsRead => "items:read",
            Scope::BillingRead => "billing:read",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Scope::ALL.into_iter().find(|scope| scope.as_str() == s)
    }
}

/// Normalises an e-mail address for uniqueness: trimmed and lower-cased.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// A pragmatic e-mail syntax check (the verification e-mail is the real check).
pub fn is_plausible_email(email: &str) -> bool {
    let email = email.trim();
    if email.len() > 254 || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let Some((local, domain)) = email.rsplit_once('@') else {
        return false;
    };
    !local.is_empty()
        && local.len() <= 64
        && !local.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
}

/// What other features may use of this feature's store.
pub use store::{
    ERASED_PASSWORD, NewUser, UserRow, claim_unverified_user, count_users, emails_of, erase_user,
    find_user, find_user_by_email, insert_user, revoke_user_sessions,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_fit_their_kind_of_organisation() {
        assert!(OrgRole::LabAdmin.fits(OrgKind::Lab));
        assert!(OrgRole::LabMember.fits(OrgKind::Lab));
        assert!(!OrgRole::VendorAdmin.fits(OrgKind::Lab));
        assert!(OrgRole::VendorAdmin.fits(OrgKind::Vendor));
        assert!(!OrgRole::LabMember.fits(OrgKind::Vendor));
    }

    #[test]
    fn scopes_round_trip() {
        for s in Scope::ALL {
            assert_eq!(Scope::parse(s.as_str()), Some(s));
        }
        assert_eq!(Scope::parse("items:delete"), None);
    }

    #[test]
    fn email_checks() {
        assert!(is_plausible_email("ada@example.com"));
        assert!(is_plausible_email("a.b+tag@sub.example.co.uk"));
        assert!(!is_plausible_email("ada@"));
        assert!(!is_plausible_email("ada example.com"));
        assert!(!is_plausible_email("ada@localhost"));
        assert!(!is_plausible_email("ada@@example.com"));
        assert_eq!(normalize_email("  Ada@Example.COM "), "ada@example.com");
    }
}
