//! Key and keystore figures for docs/benchmarks.md.
//!
//! `cargo bench -p jifen-crypto --bench crypto` prints:
//! - ECDSA signatures and verifications per second (secp256k1, RFC 6979, low-S);
//! - BIP32 derivations per second (one non-hardened child of an account key, and a
//!   full `m/44'/19014'/0'/0/i` path from the master key);
//! - the Argon2id parameters calibrated on this machine and the time a real keystore
//!   file takes to unlock with them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::indexing_slicing
)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use jifen_crypto::hd::{Chain, MasterKey, address_path};
use jifen_crypto::keystore::{self, KdfPolicy, Keystore, Password};
use jifen_crypto::mnemonic::Mnemonic;
use jifen_crypto::signer::{SecretKey, Signer};
use sha2::{Digest, Sha256};

/// Runs `f` repeatedly for about `budget` and returns operations per second.
fn rate(budget: Duration, mut f: impl FnMut(u64)) -> (f64, u64) {
    // Warm up.
    for i in 0..10 {
        f(i);
    }
    let start = Instant::now();
    let mut n = 0u64;
    while start.elapsed() < budget {
        for _ in 0..50 {
            f(n);
            n += 1;
        }
    }
    (n as f64 / start.elapsed().as_secs_f64(), n)
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing else: in
    // that case only check that everything runs once.
    let quick = !std::env::args().any(|a| a == "--bench");
    let budget = if quick {
        Duration::from_millis(50)
    } else {
        Duration::from_secs(3)
    };

    let key = SecretKey::from_bytes(&[0x42; 32]).unwrap();
    let public = key.public_key();
    let digests: Vec<[u8; 32]> = (0u32..256)
        .map(|i| Sha256::digest(i.to_be_bytes()).into())
        .collect();
    let signatures: Vec<_> = digests
        .iter()
        .map(|d| key.sign_digest(d).unwrap())
        .collect();

    let (sign_rate, n) = rate(budget, |i| {
        black_box(key.sign_digest(&digests[(i % 256) as usize]).unwrap());
    });
    println!("ecdsa sign (rfc6979, low-s):        {sign_rate:>10.0} /s  ({n} signatures)");
    let (verify_rate, n) = rate(budget, |i| {
        let i = (i % 256) as usize;
        public.verify_prehash(&digests[i], &signatures[i]).unwrap();
    });
    println!("ecdsa verify:                       {verify_rate:>10.0} /s  ({n} verifications)");
    println!(
        "one verification:                   {:>10.1} µs",
        1e6 / verify_rate
    );

    let mnemonic = Mnemonic::parse(
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
        None,
    )
    .unwrap();
    let master = MasterKey::from_seed(&mnemonic.to_seed("")).unwrap();
    let account = master.account(0).unwrap();
    let (child_rate, n) = rate(budget, |i| {
        black_box(
            account
                .signing_key(Chain::Receive, (i % 1_000_000) as u32)
                .unwrap(),
        );
    });
    println!("bip32 derive (account -> 0/i, 2 steps, private): {child_rate:>8.0} /s  ({n})");
    let watch = account.watch_only();
    let (pub_rate, n) = rate(budget, |i| {
        black_box(
            watch
                .address(Chain::Receive, (i % 1_000_000) as u32)
                .unwrap(),
        );
    });
    println!("bip32 derive (xpub -> 0/i address, 2 steps, public): {pub_rate:>5.0} /s  ({n})");
    let (full_rate, n) = rate(budget, |i| {
        let path = address_path(0, Chain::Receive, (i % 1_000_000) as u32).unwrap();
        black_box(master.derive(&path).unwrap());
    });
    println!("bip32 derive (master -> full 5-step path):        {full_rate:>8.0} /s  ({n})");

    if quick {
        println!("(quick run: skipping Argon2id calibration; use `cargo bench`)");
        return;
    }
    let policy = KdfPolicy::desktop();
    let started = Instant::now();
    let calibration = keystore::calibrate(&policy).unwrap();
    let calibration_time = started.elapsed();
    let p = calibration.params;
    println!(
        "argon2id calibrated: m = {} MiB, t = {}, p = {} (one derivation measured at {} ms; calibration took {:.1} s)",
        p.m_cost_kib / 1024,
        p.t_cost,
        p.p_cost,
        calibration.measured.as_millis(),
        calibration_time.as_secs_f64()
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.jks");
    let password = Password::new("benchmark password").unwrap();
    Keystore::create(&path, &[7u8; 40], b"{}", &password, p).unwrap();
    let mut times = Vec::new();
    for _ in 0..3 {
        let mut keystore = Keystore::open(&path).unwrap();
        let start = Instant::now();
        black_box(keystore.unlock(&password, &policy).unwrap());
        times.push(start.elapsed());
    }
    times.sort();
    println!(
        "keystore unlock (open file, argon2id, unwrap, decrypt): median {} ms (min {} ms, max {} ms, 3 runs)",
        times[1].as_millis(),
        times[0].as_millis(),
        times[2].as_millis()
    );
}
