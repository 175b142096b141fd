//! Argon2id: parameters, their bounds, the device policy and calibration.

use std::time::{Duration, Instant};

use argon2::{Algorithm, Argon2, Params, Version};
use zeroize::Zeroizing;

use super::error::{KeystoreError, Result};
use super::password::Password;

/// Smallest memory cost accepted in a file or by `create`, in KiB.
///
/// This is a sanity bound, not the security floor: the floor is
/// [`KdfPolicy::floor`], enforced by upgrading on unlock. A file whose
/// parameters were lowered by someone without the password simply fails to
/// unlock (the parameters are bound into the slot's associated data and
/// change the derived key).
pub const MIN_M_COST_KIB: u32 = 64;
/// Largest memory cost accepted, in KiB (4 GiB).
pub const MAX_M_COST_KIB: u32 = 4 * 1024 * 1024;
/// Smallest accepted number of passes.
pub const MIN_T_COST: u32 = 1;
/// Largest accepted number of passes.
pub const MAX_T_COST: u32 = 100;
/// Smallest accepted number of lanes.
pub const MIN_P_COST: u32 = 1;
/// Largest accepted number of lanes.
pub const MAX_P_COST: u32 = 16;

/// Argon2id cost parameters (version 0x13, 32-byte output).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct KdfParams {
    /// Memory in KiB.
    pub m_cost_kib: u32,
    /// Number of passes over memory.
    pub t_cost: u32,
    /// Number of lanes.
    pub p_cost: u32,
}

impl KdfParams {
    /// Check every parameter against the format's hard bounds. Nothing is
    /// allocated or hashed before this check passes.
    ///
    /// # Errors
    /// [`KeystoreError::KdfOutOfBounds`] naming the first offending parameter.
    pub fn check_bounds(&self) -> Result<()> {
        check(
            "m_cost_kib",
            self.m_cost_kib,
            MIN_M_COST_KIB,
            MAX_M_COST_KIB,
        )?;
        check("t_cost", self.t_cost, MIN_T_COST, MAX_T_COST)?;
        check("p_cost", self.p_cost, MIN_P_COST, MAX_P_COST)?;
        // Argon2 needs at least 8 KiB per lane.
        let min_m = self.p_cost.saturating_mul(8).max(MIN_M_COST_KIB);
        check("m_cost_kib", self.m_cost_kib, min_m, MAX_M_COST_KIB)
    }

    /// True if either cost is below the corresponding cost of `floor`.
    #[must_use]
    pub fn is_below(&self, floor: &KdfParams) -> bool {
        self.m_cost_kib < floor.m_cost_kib || self.t_cost < floor.t_cost
    }
}

fn check(param: &'static str, got: u32, min: u32, max: u32) -> Result<()> {
    if (min..=max).contains(&got) {
        Ok(())
    } else {
        Err(KeystoreError::KdfOutOfBounds {
            param,
            got: got.into(),
            min: min.into(),
            max: max.into(),
        })
    }
}

/// How strong the password KDF must be on this kind of device.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KdfPolicy {
    floor: KdfParams,
    target_min: Duration,
    target_max: Duration,
    max_m_cost_kib: u32,
}

impl KdfPolicy {
    /// Desktop policy: floor m = 64 MiB, t = 3, p = 1; calibrated unlock time
    /// 0.5..=1.0 s; memory grows up to 1 GiB before passes are added.
    ///
    /// `p = 1` because the `argon2` crate (without its `parallel` feature)
    /// computes lanes one after the other: more lanes would cost the user
    /// time without costing a parallel attacker anything extra.
    #[must_use]
    pub const fn desktop() -> Self {
        Self {
            floor: KdfParams {
                m_cost_kib: 64 * 1024,
                t_cost: 3,
                p_cost: 1,
            },
            target_min: Duration::from_millis(500),
            target_max: Duration::from_millis(1000),
            max_m_cost_kib: 1024 * 1024,
        }
    }

    /// A custom policy (mobile devices, tests with small parameters).
    ///
    /// # Errors
    /// [`KeystoreError::KdfOutOfBounds`] if `floor` is outside the hard bounds;
    /// [`KeystoreError::InvalidPolicy`] if `target_min > target_max`, the
    /// target is zero, or `max_m_cost_kib` is below the floor or above
    /// [`MAX_M_COST_KIB`].
    pub fn new(
        floor: KdfParams,
        target_min: Duration,
        target_max: Duration,
        max_m_cost_kib: u32,
    ) -> Result<Self> {
        floor.check_bounds()?;
        if target_max.is_zero() || target_min > target_max {
            return Err(KeystoreError::InvalidPolicy {
                detail: "target range is empty",
            });
        }
        if max_m_cost_kib < floor.m_cost_kib || max_m_cost_kib > MAX_M_COST_KIB {
            return Err(KeystoreError::InvalidPolicy {
                detail: "memory cap must lie between the floor and the hard maximum",
            });
        }
        Ok(Self {
            floor,
            target_min,
            target_max,
            max_m_cost_kib,
        })
    }

    /// The weakest parameters this policy accepts; weaker files are upgraded on unlock.
    #[must_use]
    pub const fn floor(&self) -> KdfParams {
        self.floor
    }

    /// The unlock-time range calibration aims for.
    #[must_use]
    pub const fn target(&self) -> (Duration, Duration) {
        (self.target_min, self.target_max)
    }

    /// The largest memory cost calibration will choose, in KiB.
    #[must_use]
    pub const fn max_m_cost_kib(&self) -> u32 {
        self.max_m_cost_kib
    }
}

/// The outcome of [`calibrate`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Calibration {
    /// The chosen parameters (never below the policy's floor).
    pub params: KdfParams,
    /// The time one derivation with `params` took on this device.
    pub measured: Duration,
}

/// Choose Argon2id parameters that take the policy's target time on this device.
///
/// Starts at the floor; if that is faster than the target, memory grows
/// (up to the policy cap) and then passes, aiming at the middle of the
/// target range (accepting its middle half); each guess is measured, at
/// most six times in all, and the last measurement is returned. The
/// result is never below the floor, even on a device where the floor is
/// slower than the target maximum.
///
/// # Errors
/// [`KeystoreError::Random`] or [`KeystoreError::Crypto`] if a measurement fails.
pub fn calibrate(policy: &KdfPolicy) -> Result<Calibration> {
    let aim = policy.target_min.saturating_add(policy.target_max) / 2;
    // Accept the middle half of the target range, so that ordinary jitter
    // (another program busy on the device) keeps later unlocks in range.
    let quarter = policy.target_max.saturating_sub(policy.target_min) / 4;
    let (accept_min, accept_max) = (aim.saturating_sub(quarter), aim.saturating_add(quarter));
    let mut params = policy.floor;
    let mut measured = measure(&params)?;
    for _ in 0..5 {
        if measured >= accept_min && measured <= accept_max {
            break;
        }
        // Work is about proportional to m * t; scale it by aim / measured.
        let scale = aim.as_secs_f64() / measured.as_secs_f64().max(1e-6);
        let next = scale_params(policy, &params, scale);
        if next == params {
            break;
        }
        params = next;
        measured = measure(&params)?;
    }
    Ok(Calibration { params, measured })
}

fn scale_params(policy: &KdfPolicy, current: &KdfParams, scale: f64) -> KdfParams {
    let work = f64::from(current.m_cost_kib) * f64::from(current.t_cost) * scale;
    let floor = policy.floor;
    let min_work = f64::from(floor.m_cost_kib) * f64::from(floor.t_cost);
    let work = work.max(min_work);
    // Memory first (it is what makes GPU attacks expensive), then passes.
    let m = (work / f64::from(floor.t_cost)).clamp(
        f64::from(floor.m_cost_kib),
        f64::from(policy.max_m_cost_kib),
    );
    let t = (work / m)
        .ceil()
        .clamp(f64::from(floor.t_cost), f64::from(MAX_T_COST));
    // Round memory down to a whole MiB when above one MiB, for tidy files.
    let (m, t) = (m as u32, t as u32);
    let m = if m >= 1024 { m - m % 1024 } else { m };
    KdfParams {
        m_cost_kib: m.max(floor.m_cost_kib),
        t_cost: t,
        p_cost: floor.p_cost,
    }
}

/// Time one derivation with `params` (random password and salt).
///
/// # Errors
/// [`KeystoreError::KdfOutOfBounds`] or [`KeystoreError::Crypto`] if Argon2id fails, plus [`KeystoreError::Random`].
pub fn measure(params: &KdfParams) -> Result<Duration> {
    let mut input = Zeroizing::new([0u8; 48]);
    getrandom::fill(input.as_mut_slice()).map_err(|_| KeystoreError::Random)?;
    let (pw, salt) = input.split_at(16);
    let start = Instant::now();
    let _kek = derive_raw(pw, salt, params)?;
    Ok(start.elapsed())
}

/// Derive the 32-byte key-encryption key of a password slot.
///
/// # Errors
/// [`KeystoreError::KdfOutOfBounds`] if `params` fail the hard bounds (checked
/// before Argon2 allocates); [`KeystoreError::Crypto`] if Argon2 fails anyway
/// (for example out of memory).
pub(crate) fn derive_kek(
    password: &Password,
    salt: &[u8],
    params: &KdfParams,
) -> Result<Zeroizing<[u8; 32]>> {
    derive_raw(password.as_bytes(), salt, params)
}

fn derive_raw(pw: &[u8], salt: &[u8], params: &KdfParams) -> Result<Zeroizing<[u8; 32]>> {
    params.check_bounds()?;
    let argon_params = Params::new(params.m_cost_kib, params.t_cost, params.p_cost, Some(32))
        .map_err(|_| KeystoreError::Crypto {
            detail: "argon2 rejected the parameters",
        })?;
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, argon_params);
    let mut out = Zeroizing::new([0u8; 32]);
    argon
        .hash_password_into(pw, salt, out.as_mut_slice())
        .map_err(|_| KeystoreError::Crypto {
            detail: "argon2 derivation failed",
        })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(m: u32, t: u32, pc: u32) -> KdfParams {
        KdfParams {
            m_cost_kib: m,
            t_cost: t,
            p_cost: pc,
        }
    }

    #[test]
    fn bounds_table() {
        let cases = [
            ("smallest accepted", p(64, 1, 1), None),
            ("desktop floor", p(65536, 3, 1), None),
            ("largest accepted", p(MAX_M_COST_KIB, 100, 16), None),
            ("memory too small", p(63, 1, 1), Some("m_cost_kib")),
            (
                "memory too large",
                p(MAX_M_COST_KIB + 1, 1, 1),
                Some("m_cost_kib"),
            ),
            ("zero passes", p(1024, 0, 1), Some("t_cost")),
            ("too many passes", p(1024, 101, 1), Some("t_cost")),
            ("zero lanes", p(1024, 1, 0), Some("p_cost")),
            ("too many lanes", p(1024, 1, 17), Some("p_cost")),
            ("less than 8 KiB per lane", p(64, 1, 16), Some("m_cost_kib")),
        ];
        for (name, params, want) in cases {
            match (params.check_bounds(), want) {
                (Ok(()), None) => {}
                (Err(KeystoreError::KdfOutOfBounds { param, .. }), Some(w)) => {
                    assert_eq!(param, w, "{name}");
                }
                (got, _) => panic!("{name}: unexpected {got:?}"),
            }
        }
    }

    #[test]
    fn derivation_is_deterministic_and_salted() {
        let pw = Password::new("pw").unwrap();
        let params = p(256, 1, 1);
        let a = derive_kek(&pw, &[1; 16], &params).unwrap();
        let b = derive_kek(&pw, &[1; 16], &params).unwrap();
        let c = derive_kek(&pw, &[2; 16], &params).unwrap();
        assert_eq!(*a, *b);
        assert_ne!(*a, *c);
    }

    #[test]
    fn scaling_never_goes_below_floor_and_respects_cap() {
        let policy = KdfPolicy::new(
            p(1024, 2, 1),
            Duration::from_millis(5),
            Duration::from_millis(10),
            4096,
        )
        .unwrap();
        let down = scale_params(&policy, &p(2048, 4, 1), 0.01);
        assert_eq!(down, p(1024, 2, 1));
        let up = scale_params(&policy, &p(1024, 2, 1), 8.0);
        assert_eq!(up.m_cost_kib, 4096, "memory grows to the cap first");
        assert_eq!(up.t_cost, 4, "then passes");
    }

    #[test]
    fn calibration_with_small_policy_meets_floor() {
        let policy = KdfPolicy::new(
            p(256, 1, 1),
            Duration::from_millis(20),
            Duration::from_millis(40),
            8192,
        )
        .unwrap();
        let cal = calibrate(&policy).unwrap();
        assert!(!cal.params.is_below(&policy.floor()));
        assert!(cal.params.m_cost_kib <= 8192);
    }

    #[test]
    fn policy_rejects_inconsistent_values() {
        let floor = p(1024, 1, 1);
        let s = Duration::from_secs(1);
        assert!(KdfPolicy::new(floor, s, Duration::ZERO, 2048).is_err());
        assert!(KdfPolicy::new(floor, Duration::ZERO, s, 512).is_err());
        assert!(KdfPolicy::new(p(1, 1, 1), Duration::ZERO, s, 2048).is_err());
        assert!(KdfPolicy::new(floor, Duration::ZERO, s, 2048).is_ok());
    }
}
