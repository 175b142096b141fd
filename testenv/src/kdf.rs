//! Argon2id parameters small enough for tests (milliseconds, not a second
//! per unlock). Never in product code: the desktop policy is
//! `KdfPolicy::desktop()`.

use std::time::Duration;

use jifen_crypto::keystore::{KdfParams, KdfPolicy};

/// Tiny Argon2id costs: 256 KiB, one pass, one lane.
pub const FAST_KDF: KdfParams = KdfParams {
    m_cost_kib: 256,
    t_cost: 1,
    p_cost: 1,
};

/// A policy whose floor is [`FAST_KDF`] (files made with it are not
/// upgraded on unlock) and whose calibration stays within 1 MiB and a few
/// milliseconds (target 1-2 ms).
///
/// # Panics
/// Never: the values are within the keystore's bounds (a test checks it).
#[must_use]
pub fn fast_kdf_policy() -> KdfPolicy {
    let policy = KdfPolicy::new(
        FAST_KDF,
        Duration::from_millis(1),
        Duration::from_millis(2),
        1024,
    );
    #[allow(clippy::expect_used)] // Constants, checked by the test below.
    policy.expect("the fast test policy is within the keystore's bounds")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_policy_is_valid_and_its_floor_is_the_fast_parameters() {
        let policy = fast_kdf_policy();
        assert_eq!(policy.floor(), FAST_KDF);
        assert!(!FAST_KDF.is_below(&policy.floor()));
        assert!(FAST_KDF.check_bounds().is_ok());
    }
}
