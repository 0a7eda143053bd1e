//! Logging: human-readable by default, JSON lines with `log.format = "json"`.
//! `RUST_LOG` overrides `log.level`. Request spans (with request ids) come from
//! tracing-actix-web. Nothing personal or secret is logged: no bodies, tokens,
//! passwords or e-mail addresses.

use tracing_subscriber::EnvFilter;

use crate::config::{LogFormat, LogSettings};

pub fn init(settings: &LogSettings) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(&settings.level));
    use std::io::IsTerminal;
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal());
    // try_init: a second call (tests, or the CLI after a failed start) is harmless.
    let _ = match settings.format {
        LogFormat::Human => builder.try_init(),
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
    };
}
