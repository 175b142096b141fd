//! A minimal `tracing` subscriber writing one line per event to stderr, so
//! the binary needs no extra logging crates. Level from `JIFEN_LOG`
//! (`error`, `warn`, `info` (default), `debug`, `trace`).

use std::fmt::Write as _;
use std::io::Write as _;

use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Level, Metadata, Subscriber};

/// Writes events at or above a level to stderr.
#[derive(Debug, Clone, Copy)]
pub struct StderrLog {
    max: Level,
}

impl StderrLog {
    /// A logger at the level named by `JIFEN_LOG` (default `info`).
    #[must_use]
    pub fn from_env() -> Self {
        let max = std::env::var("JIFEN_LOG")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(Level::INFO);
        Self { max }
    }

    /// Installs it as the global subscriber (ignored if one is installed).
    pub fn install(self) {
        let _ = tracing::subscriber::set_global_default(self);
    }
}

struct Line(String);

impl Visit for Line {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            let _ = write!(self.0, " {value:?}");
        } else {
            let _ = write!(self.0, " {}={value:?}", field.name());
        }
    }
}

impl Subscriber for StderrLog {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        *metadata.level() <= self.max
    }

    fn new_span(&self, _span: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }

    fn record(&self, _span: &Id, _values: &Record<'_>) {}

    fn record_follows_from(&self, _span: &Id, _follows: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let mut line = Line(format!(
            "{} {} {}:",
            crate::devnet::now_ms(),
            event.metadata().level(),
            event.metadata().target()
        ));
        event.record(&mut line);
        let _ = writeln!(std::io::stderr().lock(), "{}", line.0);
    }

    fn enter(&self, _span: &Id) {}

    fn exit(&self, _span: &Id) {}
}
