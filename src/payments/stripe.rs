//! Cadre's calls to Stripe, through async-stripe pointed at `payments.stripe.api_base`:
//! Express connected accounts and their onboarding links, transfers to them (payouts), and
//! PaymentIntents (lab invoices). Every creating call carries an idempotency key derived
//! from the Cadre object it is for, so repeating it never creates a second object.
//!
//! Stripe's own words (a [`CallError`]'s text) are for the server log and platform admins
//! only; experts and labs are told in neutral terms that the payments provider failed.

use std::collections::HashMap;

use secrecy::ExposeSecret;
use stripe::{Client, ClientBuilder, IdempotencyKey, RequestStrategy, StripeError, StripeRequest};
use stripe_connect::account::{
    CreateAccount, CreateAccountCapabilities, CreateAccountCapabilitiesTransfers, CreateAccountType,
};
use stripe_connect::account_link::{CreateAccountLink, CreateAccountLinkType};
use stripe_connect::transfer::{CreateTransfer, ListTransfer};
use stripe_core::payment_intent::{
    CreatePaymentIntent, CreatePaymentIntentAutomaticPaymentMethods,
};
use stripe_types::Currency;

use crate::config::StripeSettings;

/// How a call failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallError {
    /// Stripe answered and refused the request (invalid request, card or account error):
    /// repeating it would not help.
    Refused(String),
    /// The outcome is unknown or temporary (network error, timeout, 5xx, rate limit):
    /// repeat it later with the same idempotency key.
    Uncertain(String),
    /// Stripe refused Cadre's own credentials (401: the secret key is wrong or revoked;
    /// 403: a restricted key lacks a permission). Nothing was done, and nothing will work
    /// until an operator fixes `payments.stripe.secret_key`: a configuration error,
    /// logged at error level, never shown to experts or labs.
    Configuration(String),
}

impl std::fmt::Display for CallError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CallError::Refused(m) => write!(f, "Stripe refused the request: {m}"),
            CallError::Uncertain(m) => write!(f, "Stripe call failed: {m}"),
            CallError::Configuration(m) => write!(
                f,
                "Stripe refused Cadre's API key (check payments.stripe.secret_key and its permissions): {m}"
            ),
        }
    }
}

fn classify(e: StripeError) -> CallError {
    match e {
        StripeError::Stripe(err, status) => {
            let message = format!(
                "{status} {}: {}",
                err.code
                    .as_ref()
                    .map(|c| format!("{c:?}"))
                    .unwrap_or_else(|| format!("{:?}", err.type_)),
                err.message.unwrap_or_default()
            );
            // An idempotency error means a request with this key already reached Stripe:
            // the transfer may exist, so it is reconciled, never treated as refused.
            let idempotency = format!("{:?}", err.type_) == "IdempotencyError";
            if matches!(status, 401 | 403) {
                CallError::Configuration(message)
            } else if matches!(status, 400 | 402 | 404) && !idempotency {
                CallError::Refused(message)
            } else {
                CallError::Uncertain(message)
            }
        }
        other => CallError::Uncertain(other.to_string()),
    }
}

/// Reports a [`CallError::Configuration`] to operators: at error level, with Stripe's
/// message (Stripe masks the key in it) and what Cadre was doing.
pub fn log_configuration_error(e: &CallError, doing: &str) {
    tracing::error!(
        error = %e,
        doing,
        "Stripe refused Cadre's API key: payments.stripe.secret_key is wrong, revoked or \
         lacks a permission; no Stripe call can succeed until an operator fixes it"
    );
}

fn key(k: &str) -> Result<RequestStrategy, CallError> {
    IdempotencyKey::new(k)
        .map(RequestStrategy::Idempotent)
        .map_err(|e| CallError::Refused(format!("bad idempotency key: {e:?}")))
}

fn currency(c: &str) -> Result<Currency, CallError> {
    c.to_ascii_lowercase()
        .parse::<Currency>()
        .map_err(|_| CallError::Refused(format!("Stripe does not know the currency {c}")))
}

/// A connected account's state as Cadre tracks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountState {
    pub id: String,
    pub details_submitted: bool,
    pub payouts_enabled: bool,
    pub requirements_due: Vec<String>,
}

impl AccountState {
    fn of(a: &stripe_connect::Account) -> Self {
        AccountState {
            id: a.id.as_str().to_owned(),
            details_submitted: a.details_submitted.unwrap_or(false),
            payouts_enabled: a.payouts_enabled.unwrap_or(false),
            requirements_due: a
                .requirements
                .as_ref()
                .and_then(|r| r.currently_due.clone())
                .unwrap_or_default(),
        }
    }

    /// From an `account.updated` event's `data.object` (Stripe's account JSON).
    pub fn from_json(v: &serde_json::Value) -> Option<Self> {
        Some(AccountState {
            id: v.get("id")?.as_str()?.to_owned(),
            details_submitted: v
                .get("details_submitted")
                .and_then(serde_json::Value::as_bool)
                .unwrap_or(false),
            payouts_enabled: v
                .get("payouts_enabled")
                .and_then(serde_json::Value::as_bool)
                .unwrap_or(false),
            requirements_due: v
                .pointer("/requirements/currently_due")
                .and_then(serde_json::Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(|x| x.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default(),
        })
    }
}

/// The Stripe client, built when a secret key is configured.
#[derive(Clone)]
pub struct StripeApi {
    client: Client,
    /// Where Express accounts may be opened (`payments.stripe.connect_countries`).
    countries: Vec<String>,
}

impl StripeApi {
    pub fn from_settings(s: &StripeSettings) -> anyhow::Result<Option<Self>> {
        if let Some(c) = &s.connect_country {
            tracing::warn!(
                connect_country = %c,
                "payments.stripe.connect_country is ignored: a payout account is opened in the \
                 country of the expert's profile, if it is listed in \
                 payments.stripe.connect_countries; remove the key"
            );
        }
        let Some(secret) = &s.secret_key else {
            return Ok(None);
        };
        let client = ClientBuilder::new(secret.expose_secret())
            .url(s.api_base.as_str())
            // The client has no timeout of its own; an unanswered call is an unknown outcome,
            // repeated later with the same idempotency key.
            .timeout(std::time::Duration::from_secs(30))
            .build()
            .map_err(|e| anyhow::anyhow!("payments.stripe: cannot build the Stripe client: {e}"))?;
        Ok(Some(StripeApi {
            client,
            countries: s.connect_countries.clone(),
        }))
    }

    /// May an Express account be opened in `country` (ISO 3166-1 alpha-2)?
    pub fn opens_accounts_in(&self, country: &str) -> bool {
        self.countries.iter().any(|c| c == country)
    }

    /// The countries Express accounts may be opened in, as configured.
    pub fn connect_countries(&self) -> &[String] {
        &self.countries
    }

    /// Creates the expert's Express account in `country`, the country of their profile
    /// (Stripe fixes an account's country at creation). One per expert: the idempotency
    /// key is the expert's id.
    pub async fn create_account(
        &self,
        expert: &str,
        email: &str,
        country: &str,
    ) -> Result<AccountState, CallError> {
        let metadata = HashMap::from([("cadre_expert_id".to_owned(), expert.to_owned())]);
        let a = CreateAccount::new()
            .type_(CreateAccountType::Express)
            .country(country)
            .email(email)
            .capabilities(CreateAccountCapabilities {
                transfers: Some(CreateAccountCapabilitiesTransfers {
                    requested: Some(true),
                }),
                ..Default::default()
            })
            .metadata(metadata)
            .customize()
            .request_strategy(key(&format!("cadre-account-{expert}"))?)
            .send(&self.client)
            .await
            .map_err(classify)?;
        Ok(AccountState::of(&a))
    }

    /// A single-use onboarding link (Stripe-hosted) and when it expires (Unix seconds).
    pub async fn onboarding_link(
        &self,
        account: &str,
        refresh_url: &str,
        return_url: &str,
    ) -> Result<(String, i64), CallError> {
        let l = CreateAccountLink::new(account, CreateAccountLinkType::AccountOnboarding)
            .refresh_url(refresh_url)
            .return_url(return_url)
            .send(&self.client)
            .await
            .map_err(classify)?;
        Ok((l.url, l.expires_at))
    }

    /// Transfers a payout to the expert's connected account; returns the transfer id.
    pub async fn create_transfer(
        &self,
        amount: i64,
        currency_code: &str,
        destination: &str,
        payout: &str,
        expert: &str,
        idempotency_key: &str,
    ) -> Result<String, CallError> {
        let metadata = HashMap::from([
            ("cadre_payout_id".to_owned(), payout.to_owned()),
            ("cadre_expert_id".to_owned(), expert.to_owned()),
        ]);
        let t = CreateTransfer::new(currency(currency_code)?, destination)
            .amount(amount)
            .metadata(metadata)
            .transfer_group(payout)
            .customize()
            .request_strategy(key(idempotency_key)?)
            .send(&self.client)
            .await
            .map_err(classify)?;
        Ok(t.id.as_str().to_owned())
    }

    /// The transfer already made for a payout, if any (found by its transfer group, the
    /// payout id): checked before a payout whose earlier attempt had an unknown outcome is
    /// sent again, since Stripe keeps idempotency keys for a day only.
    pub async fn find_transfer(&self, payout: &str) -> Result<Option<(String, i64)>, CallError> {
        let list = ListTransfer::new()
            .transfer_group(payout)
            .send(&self.client)
            .await
            .map_err(classify)?;
        Ok(list
            .data
            .into_iter()
            .find(|t| t.metadata.get("cadre_payout_id").map(String::as_str) == Some(payout))
            .map(|t| (t.id.as_str().to_owned(), t.amount)))
    }

    /// A PaymentIntent for an invoice; returns its id and client secret.
    pub async fn create_payment_intent(
        &self,
        amount: i64,
        currency_code: &str,
        invoice: &str,
        lab: &str,
    ) -> Result<(String, String), CallError> {
        let metadata = HashMap::from([
            ("cadre_invoice_id".to_owned(), invoice.to_owned()),
            ("cadre_org_id".to_owned(), lab.to_owned()),
        ]);
        let pi = CreatePaymentIntent::new(amount, currency(currency_code)?)
            .metadata(metadata)
            .automatic_payment_methods(CreatePaymentIntentAutomaticPaymentMethods::new(true))
            .customize()
            .request_strategy(key(&format!("cadre-invoice-{invoice}"))?)
            .send(&self.client)
            .await
            .map_err(classify)?;
        let secret = pi
            .client_secret
            .ok_or_else(|| CallError::Uncertain("the PaymentIntent has no client_secret".into()))?;
        Ok((pi.id.as_str().to_owned(), secret))
    }
}
