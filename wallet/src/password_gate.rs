//! Throttling of wrong passwords, per wallet file, in this process.
//!
//! The key derivation (Argon2id, calibrated to about a second) is what makes
//! guessing expensive for whoever holds the file. This gate is for the caller
//! that does not hold it: a script in the app's webview, or anything else
//! that can only ask the running wallet. After [`FREE_TRIES`] wrong passwords
//! in a row, each further try must wait twice as long as the one before,
//! from one second up to [`MAX_DELAY`]; a right password clears the count.
//! Refused tries cost no key derivation. The policy is recorded in
//! `docs/adr/0012-reauthentication-and-password-throttle.md`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use jifen_crypto::keystore::KeystoreError;

use crate::error::WalletError;

/// Wrong passwords accepted in a row before tries are spaced out.
pub const FREE_TRIES: u32 = 3;

/// The longest wait between two tries.
pub const MAX_DELAY: Duration = Duration::from_secs(300);

#[derive(Debug, Clone, Copy)]
struct Failures {
    count: u32,
    not_before: Instant,
}

/// Wrong-password counts by wallet file. One process, many wallets (and, in
/// tests, many data directories), so the key is the wallet's own file.
static FAILURES: Mutex<Option<HashMap<PathBuf, Failures>>> = Mutex::new(None);

/// The wait after `count` wrong passwords in a row.
#[must_use]
pub fn delay_after(count: u32) -> Duration {
    if count < FREE_TRIES {
        return Duration::ZERO;
    }
    let doublings = (count - FREE_TRIES).min(16);
    Duration::from_secs(1u64 << doublings).min(MAX_DELAY)
}

fn with_table<T>(f: impl FnOnce(&mut HashMap<PathBuf, Failures>) -> T) -> T {
    // A panic elsewhere while holding the lock leaves the counts usable.
    let mut guard = FAILURES.lock().unwrap_or_else(PoisonError::into_inner);
    f(guard.get_or_insert_with(HashMap::new))
}

/// Runs `check` (which derives the key from a typed password) unless the
/// wallet at `key` is still waiting after wrong passwords; counts the
/// outcome.
///
/// # Errors
/// [`WalletError::TooManyAttempts`] while waiting (nothing is derived), or
/// whatever `check` returns.
pub(crate) fn guarded<T>(
    key: &Path,
    check: impl FnOnce() -> Result<T, WalletError>,
) -> Result<T, WalletError> {
    let now = Instant::now();
    if let Some(wait) = with_table(|t| {
        t.get(key)
            .map(|f| f.not_before.saturating_duration_since(now))
            .filter(|wait| !wait.is_zero())
    }) {
        return Err(WalletError::TooManyAttempts {
            retry_after_s: wait.as_secs() + u64::from(wait.subsec_nanos() > 0),
        });
    }
    let outcome = check();
    match &outcome {
        Ok(_) => with_table(|t| {
            t.remove(key);
        }),
        Err(WalletError::Keystore(KeystoreError::WrongPassword)) => with_table(|t| {
            let entry = t.entry(key.to_path_buf()).or_insert(Failures {
                count: 0,
                not_before: now,
            });
            entry.count = entry.count.saturating_add(1);
            entry.not_before = Instant::now() + delay_after(entry.count);
        }),
        Err(_) => {}
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_free_tries_then_doubling_up_to_five_minutes() {
        let waits: Vec<u64> = (0..14).map(|n| delay_after(n).as_secs()).collect();
        assert_eq!(waits, [0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300]);
        assert_eq!(delay_after(u32::MAX), MAX_DELAY);
    }

    #[test]
    fn wrong_passwords_are_spaced_out_and_a_right_one_clears_them() {
        let key = Path::new("/nonexistent/gate-test/wallet");
        let wrong = || -> Result<(), WalletError> {
            Err(WalletError::Keystore(KeystoreError::WrongPassword))
        };
        for _ in 0..FREE_TRIES {
            assert!(matches!(
                guarded(key, wrong),
                Err(WalletError::Keystore(KeystoreError::WrongPassword))
            ));
        }
        let mut derived = false;
        let refused = guarded(key, || {
            derived = true;
            Ok(())
        });
        assert!(matches!(
            refused,
            Err(WalletError::TooManyAttempts { retry_after_s: 1 })
        ));
        assert!(!derived, "a refused try must not derive the key");
        // Other errors neither count nor clear.
        with_table(|t| t.get_mut(key).unwrap().not_before = Instant::now());
        assert!(matches!(
            guarded(key, || -> Result<(), _> { Err(WalletError::Locked) }),
            Err(WalletError::Locked)
        ));
        assert_eq!(with_table(|t| t[key].count), FREE_TRIES);
        assert!(guarded(key, || Ok(())).is_ok());
        assert!(with_table(|t| !t.contains_key(key)));
    }
}
