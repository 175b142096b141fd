//! Test support shared by Jifen's crates, in one place (as BDK's `testenv`):
//! [`process`] (child processes with readiness lines and deadlines),
//! [`junk`] (a hostile HTTP peer that answers junk),
//! `crash` (crash-kill cycles: SIGKILL a writing child at random moments, unix),
//! `modes` (file modes under a folder, unix),
//! `kdf` (fast Argon2id parameters, feature `keystore`) and `devnet` (an
//! in-process devnet with test defaults and manual block production,
//! feature `devnet`). Only for `[dev-dependencies]`: helpers here may
//! panic, as test code does.
//!
//! Why each exists: `docs/adr/0010-durable-files-and-test-environment.md#test-environment`.

#[cfg(unix)]
pub mod crash;
#[cfg(feature = "devnet")]
pub mod devnet;
pub mod junk;
#[cfg(feature = "keystore")]
pub mod kdf;
#[cfg(unix)]
pub mod modes;
pub mod process;

use std::time::Duration;

/// How long a test waits for something that should happen soon (a child's
/// readiness line, a block, a lock's release): generous, because a loaded CI
/// machine starts processes and schedules threads slowly, and bounded, so
/// that what never happens fails the test instead of hanging it.
pub const DEADLINE: Duration = Duration::from_secs(60);
