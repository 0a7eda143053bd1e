//! Outgoing e-mail. Messages are never sent inline from a request: a feature renders an
//! [`OutgoingEmail`] (see [`templates`]) and enqueues it with [`enqueue`] in the same
//! transaction as the change it reports; the job worker sends it through the
//! configured [`Mailer`], retrying with backoff.
//!
//! Transports: SMTP (`smtp://`, `smtps://`, optional STARTTLS and credentials), a
//! directory of `.eml` files (the embedded default) and the log (recipient and subject
//! only; message bodies carry tokens and are never logged).

pub mod jobs;
pub mod templates;

use anyhow::{Context, bail};
use lettre::message::{Mailbox, header::ContentType};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};

use crate::config::{MailTransportKind, Settings, SmtpTls};
use crate::db::DbConn;

/// A rendered message, as stored in a `send_email` job.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct OutgoingEmail {
    pub to: String,
    pub subject: String,
    /// The plain-text body (every message has one).
    pub text: String,
}

pub const SEND_EMAIL: &str = "send_email";

/// Enqueues `email` on the mail queue inside the caller's transaction.
pub fn enqueue(
    conn: &mut DbConn,
    now: chrono::DateTime<chrono::Utc>,
    email: &OutgoingEmail,
) -> anyhow::Result<()> {
    crate::jobs::enqueue(conn, now, crate::jobs::Queue::Mail, SEND_EMAIL, email)?;
    Ok(())
}

pub fn parse_mailbox(s: &str) -> anyhow::Result<Mailbox> {
    s.parse::<Mailbox>()
        .with_context(|| format!("`{s}` is not a valid mailbox"))
}

/// Where and how to reach an SMTP server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmtpTarget {
    pub host: String,
    pub port: u16,
    pub tls: SmtpTls,
}

impl SmtpTarget {
    pub fn parse(url: &str, tls: Option<SmtpTls>) -> anyhow::Result<Self> {
        let parsed = url::Url::parse(url).with_context(|| format!("`{url}` is not a URL"))?;
        let (default_port, default_tls) = match parsed.scheme() {
            "smtp" => (25, SmtpTls::None),
            "smtps" => (465, SmtpTls::Tls),
            other => bail!("unsupported scheme `{other}` (use smtp:// or smtps://)"),
        };
        let host = parsed.host_str().context("the URL has no host")?.to_owned();
        Ok(Self {
            host,
            port: parsed.port().unwrap_or(default_port),
            tls: tls.unwrap_or(default_tls),
        })
    }
}

pub enum Mailer {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    File(AsyncFileTransport<Tokio1Executor>),
    Log,
}

impl Mailer {
    pub fn from_settings(settings: &Settings) -> anyhow::Result<Self> {
        let mail = &settings.mail;
        Ok(match mail.transport {
            MailTransportKind::Log => Mailer::Log,
            MailTransportKind::File => {
                let dir = settings.mail_dir();
                std::fs::create_dir_all(&dir)
                    .with_context(|| format!("creating the mail directory {}", dir.display()))?;
                Mailer::File(AsyncFileTransport::new(dir))
            }
            MailTransportKind::Smtp => {
                let url = mail
                    .smtp_url
                    .as_deref()
                    .context("mail.smtp_url is required")?;
                let target = SmtpTarget::parse(url, mail.smtp_tls)?;
                let mut builder = match target.tls {
                    SmtpTls::None => {
                        AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&target.host)
                    }
                    SmtpTls::Starttls => {
                        AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&target.host)?
                    }
                    SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&target.host)?,
                }
                .port(target.port)
                .timeout(Some(std::time::Duration::from_secs(30)));
                if let (Some(user), Some(password)) = (&mail.smtp_username, &mail.smtp_password) {
                    builder = builder.credentials(Credentials::new(
                        user.clone(),
                        password.expose_secret().to_owned(),
                    ));
                }
                Mailer::Smtp(builder.build())
            }
        })
    }

    pub async fn send(&self, from: &Mailbox, email: &OutgoingEmail) -> anyhow::Result<()> {
        let to: Mailbox = parse_mailbox(&email.to)?;
        let message = Message::builder()
            .from(from.clone())
            .to(to)
            .subject(email.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            .body(email.text.clone())
            .context("building the message")?;
        match self {
            Mailer::Smtp(t) => {
                t.send(message).await.context("SMTP delivery failed")?;
            }
            Mailer::File(t) => {
                t.send(message)
                    .await
                    .context("writing the .eml file failed")?;
            }
            Mailer::Log => {
                tracing::info!(subject = %email.subject, "e-mail (log transport): not delivered");
            }
        }
        Ok(())
    }
}

/// Drops queued mail to `address` and removes the address from the payload of any mail
/// job kept for the record (account deletion). Payloads hold the address as typed.
pub fn forget_recipient(
    conn: &mut crate::db::DbConn,
    address: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> diesel::QueryResult<()> {
    // The address as it appears in a job payload, with LIKE's wildcards escaped.
    let quoted = serde_json::to_string(address)
        .unwrap_or_default()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    let pattern = format!("%\"to\":{quoted}%");
    crate::jobs::redact_matching(
        conn,
        SEND_EMAIL,
        &pattern,
        "recipient deleted their account",
        "{\"erased\":true}",
        now,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smtp_urls_pick_port_and_tls() {
        let t = SmtpTarget::parse("smtp://127.0.0.1:2525", None).unwrap();
        assert_eq!(
            (t.host.as_str(), t.port, t.tls),
            ("127.0.0.1", 2525, SmtpTls::None)
        );
        let t = SmtpTarget::parse("smtps://mail.example.org", None).unwrap();
        assert_eq!((t.port, t.tls), (465, SmtpTls::Tls));
        let t = SmtpTarget::parse("smtp://mail.example.org:587", Some(SmtpTls::Starttls)).unwrap();
        assert_eq!(t.tls, SmtpTls::Starttls);
        assert!(SmtpTarget::parse("http://x", None).is_err());
    }
}
