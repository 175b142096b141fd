//! Logging: `tracing` events to stderr through `tracing-subscriber`, level
//! from `JIFEN_LOG` (`error`, `warn`, `info` (default), `debug`, `trace`, or any
//! `EnvFilter` directive such as `jifen_node=debug`).

use tracing_subscriber::EnvFilter;

/// Installs the stderr subscriber (once; later calls do nothing).
pub fn install_from_env() {
    let filter = EnvFilter::try_from_env("JIFEN_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(true)
        .try_init();
}
