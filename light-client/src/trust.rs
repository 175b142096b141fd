//! Trust: the core's options, clock trait, checkpoints and trusted state
//! (`jifen_light_client_verifier::trust`), and the operating system's clock,
//! which only the IO layer reads.

pub use jifen_light_client_verifier::trust::*;

/// The operating system's wall clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_ms(&self) -> u64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |elapsed| {
                u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX)
            })
    }
}
