//! Every verification predicate, and `verify` as a whole, with named cases
//! on a real signed chain.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::time::Duration;

use jifen_light_client_verifier::test_chain::{
    BLOCK_MS, Chain, T0, replaced_set, rotating_set, static_set,
};
use jifen_light_client_verifier::verifier::{
    MIN_BLOCK_INTERVAL_MS, has_quorum, is_header_from_past, is_linked_to_parent,
    is_monotonic_height, is_monotonic_time, is_parent_of, is_within_trust_period,
    max_plausible_height, trusted_signers_power, valid_next_validator_set,
};
use jifen_light_client_verifier::{
    Checkpoint, LightBlock, Options, PowerTally, TrustedState, Verdict, VerificationError, verify,
};
use jifen_protocol::{ChainId, Hash32, TrustThreshold};

const DAY_MS: u64 = 24 * 60 * 60 * 1_000;

fn options() -> Options {
    Options::default()
}

fn trusted_at(chain: &Chain, height: u64) -> TrustedState {
    TrustedState::bootstrap(
        chain.block(height),
        &chain.checkpoint(height),
        &options(),
        chain.time_after(height),
    )
    .unwrap()
}

fn code(verdict: &Verdict) -> &'static str {
    match verdict {
        Verdict::Success(_) => "success",
        Verdict::NotEnoughTrust { .. } => "not-enough-trust",
        Verdict::Invalid(error) => error.code(),
    }
}

#[test]
fn predicate_is_within_trust_period() {
    let cases = [
        ("fresh", 1_000, 100, 1_050, Ok(())),
        ("last millisecond", 1_000, 100, 1_099, Ok(())),
        ("expired exactly at the end", 1_000, 100, 1_100, Err(1_100)),
        ("expired long ago", 1_000, 100, 9_999, Err(1_100)),
        (
            "saturates instead of overflowing",
            u64::MAX - 5,
            100,
            u64::MAX - 1,
            Ok(()),
        ),
    ];
    for (name, trusted, period, now, expected) in cases {
        let got = is_within_trust_period(trusted, period, now).map_err(|error| match error {
            VerificationError::TrustExpired { expired_at_ms, .. } => expired_at_ms,
            other => panic!("{name}: unexpected {other:?}"),
        });
        assert_eq!(got, expected, "{name}");
    }
}

#[test]
fn predicate_is_header_from_past() {
    let cases = [
        ("in the past", 900, 5, 1_000, true),
        ("now", 1_000, 5, 1_000, true),
        ("within drift", 1_004, 5, 1_000, true),
        ("at now plus drift", 1_005, 5, 1_000, false),
        ("far future", 9_000, 5, 1_000, false),
        ("no drift, now is too late", 1_000, 0, 1_000, false),
    ];
    for (name, header, drift, now, ok) in cases {
        let got = is_header_from_past(header, drift, now);
        assert_eq!(got.is_ok(), ok, "{name}");
        if let Err(error) = got {
            assert_eq!(error.code(), "lc-header-from-future", "{name}");
        }
    }
}

#[test]
fn predicate_is_monotonic_height_and_time() {
    let heights = [
        ("above", 5, 6, true),
        ("equal", 5, 5, false),
        ("below", 5, 4, false),
    ];
    for (name, trusted, untrusted, ok) in heights {
        let got = is_monotonic_height(trusted, untrusted);
        assert_eq!(got.is_ok(), ok, "height {name}");
        if let Err(error) = got {
            assert_eq!(error.code(), "lc-non-increasing-height");
            assert_eq!(
                error,
                VerificationError::NonIncreasingHeight {
                    trusted,
                    got: untrusted
                }
            );
        }
    }
    let times = [
        ("after", 5, 6, true),
        ("same", 5, 5, false),
        ("before", 5, 4, false),
    ];
    for (name, trusted, untrusted, ok) in times {
        let got = is_monotonic_time(trusted, untrusted);
        assert_eq!(got.is_ok(), ok, "time {name}");
        if let Err(error) = got {
            assert_eq!(error.code(), "lc-non-increasing-time");
        }
    }
}

#[test]
fn predicate_valid_next_validator_set() {
    let chain = Chain::new(12, 5, replaced_set);
    // Heights 5 -> 6 cross an epoch boundary: the hash chain still holds.
    let cases = [("inside an epoch", 2), ("across a set change", 5)];
    for (name, height) in cases {
        let got = valid_next_validator_set(chain.header(height), chain.header(height + 1));
        assert_eq!(got, Ok(()), "{name}");
    }
    // A header signed by a set the trusted header did not announce.
    let mut header = chain.header(6).clone();
    header.validators_hash = chain.set_at(11).hash();
    assert_eq!(
        valid_next_validator_set(chain.header(5), &header),
        Err(VerificationError::SequentialValidatorsMismatch {
            expected: chain.header(5).next_validators_hash,
            got: chain.set_at(11).hash(),
        })
    );
}

#[test]
fn predicate_is_linked_to_parent() {
    let chain = Chain::new(4, 10, static_set);
    assert_eq!(
        is_linked_to_parent(chain.header(2), chain.header(3)),
        Ok(())
    );
    let got = is_linked_to_parent(chain.header(1), chain.header(3)).unwrap_err();
    assert_eq!(got.code(), "lc-parent-hash-mismatch");
    assert_eq!(
        got,
        VerificationError::ParentHashMismatch {
            expected: chain.header(1).hash(),
            got: Some(chain.header(2).hash()),
        }
    );
}

/// Backwards steps: a header below a trusted one is proven by the hash its
/// child names, whatever signed it; a fork below (re-signed by the same
/// validators) or a header of another height is refused.
#[test]
fn predicate_is_parent_of() {
    let chain = Chain::new(6, 10, static_set);
    assert!(is_parent_of(chain.header(5), chain.header(4)).is_ok());
    let mut fork = chain.block(4);
    fork.header.state_root = Hash32([9; 32]);
    chain.resign(&mut fork);
    let error = is_parent_of(chain.header(5), &fork.header).unwrap_err();
    assert_eq!(error.code(), "lc-not-parent");
    assert!(matches!(
        error,
        VerificationError::NotParent { height: 4, expected, got }
            if expected == Some(chain.header(4).hash()) && got == fork.header.hash()
    ));
    assert_eq!(
        is_parent_of(chain.header(5), chain.header(3))
            .unwrap_err()
            .code(),
        "lc-not-parent"
    );
    assert_eq!(
        is_parent_of(chain.header(1), chain.header(1))
            .unwrap_err()
            .code(),
        "lc-not-parent"
    );
}

/// No chain makes more blocks than milliseconds pass (time strictly
/// increases), up to now plus the clock drift.
#[test]
fn predicate_max_plausible_height() {
    assert_eq!(MIN_BLOCK_INTERVAL_MS, 1);
    let cases = [
        ("a second later", 10, 1_000, 0, 2_000, 1_010),
        ("with the drift", 10, 1_000, 5_000, 2_000, 6_010),
        ("clock behind the header", 10, 9_000, 0, 2_000, 10),
        ("saturates", u64::MAX - 1, 0, 5, u64::MAX, u64::MAX),
    ];
    for (name, height, time, drift, now, expected) in cases {
        assert_eq!(
            max_plausible_height(height, time, drift, now),
            expected,
            "{name}"
        );
    }
    // A real chain is always within the bound at its own tip's time.
    let chain = Chain::new(50, 10, static_set);
    let tip = chain.header(50);
    let root = chain.header(1);
    assert!(max_plausible_height(1, root.time_ms, 0, tip.time_ms) >= tip.height);
}

#[test]
fn predicate_has_quorum() {
    let chain = Chain::new(3, 10, static_set);
    // Four validators of power 10: 3 of 4 is 30/40 > 2/3; 2 of 4 is not.
    let cases: [(&str, &[usize], Result<u64, &str>); 4] = [
        ("all signed", &[0, 1, 2, 3], Ok(40)),
        ("three of four", &[0, 2, 3], Ok(30)),
        (
            "half is not a quorum",
            &[1, 3],
            Err("lc-insufficient-quorum"),
        ),
        ("one is not a quorum", &[2], Err("lc-insufficient-quorum")),
    ];
    for (name, signers, expected) in cases {
        let block = chain.block_signed_by(2, signers);
        let got = has_quorum(&block)
            .map(|tally| tally.signed_power)
            .map_err(|error| error.code());
        assert_eq!(got, expected, "{name}");
    }
}

#[test]
fn predicate_has_quorum_rejects_a_forged_signature() {
    let chain = Chain::new(3, 10, static_set);
    let mut block = chain.block(2);
    // Validator 1's signature replaced by validator 0's: a forgery.
    block.commit.signatures[1].signature = block.commit.signatures[0].signature;
    let error = has_quorum(&block).unwrap_err();
    assert_eq!(error.code(), "lc-invalid-commit");
    assert!(matches!(
        error,
        VerificationError::InvalidCommit { height: 2, .. }
    ));
}

#[test]
fn predicate_trusted_signers_power() {
    // Rotating sets: epoch e is keys e+1..=e+4, epochs of 10 blocks.
    let chain = Chain::new(60, 10, rotating_set);
    let trusted_next = chain.set_at(11); // announced by block 10: keys 2..=5
    let cases = [
        ("same epoch, all trusted", 20, 40),
        ("one epoch on, three of four", 30, 30),
        ("two epochs on, half", 40, 20),
        ("three epochs on, a quarter", 50, 10),
        ("four epochs on, none", 60, 0),
    ];
    for (name, height, power) in cases {
        let block = chain.block(height);
        let tally = has_quorum(&block).unwrap();
        assert_eq!(
            trusted_signers_power(&block, &tally, trusted_next),
            PowerTally {
                signed_power: power,
                total_power: 40
            },
            "{name}"
        );
    }
}

#[test]
fn light_block_validate_basic() {
    let chain = Chain::new(8, 4, replaced_set);
    let chain_id = chain.chain_id.clone();
    type Mutation = fn(&mut LightBlock, &Chain);
    let cases: [(&str, Mutation, &str); 6] = [
        ("honest", |_, _| {}, "ok"),
        (
            "header rule broken",
            |block, _| block.header.previous_block_hash = None,
            "lc-invalid-header",
        ),
        (
            "validators not the header's",
            |block, chain| block.validators = chain.set_at(6).clone(),
            "lc-validators-hash-mismatch",
        ),
        (
            "next validators not the header's",
            |block, chain| block.next_validators = chain.set_at(6).clone(),
            "lc-next-validators-hash-mismatch",
        ),
        (
            "commit for another block",
            |block, chain| block.commit = chain.block(2).commit,
            "lc-commit-not-for-header",
        ),
        (
            "commit for another hash at the same height",
            |block, _| block.commit.block_hash = Hash32([9; 32]),
            "lc-commit-not-for-header",
        ),
    ];
    for (name, mutate, expected) in cases {
        let mut block = chain.block(3);
        mutate(&mut block, &chain);
        let got = block
            .validate_basic(&chain_id)
            .map_or_else(|e| e.code(), |()| "ok");
        assert_eq!(got, expected, "{name}");
    }
    let other = ChainId::new("jifen-testnet").unwrap();
    assert_eq!(
        chain.block(3).validate_basic(&other).unwrap_err().code(),
        "lc-chain-id-mismatch"
    );
}

#[test]
fn bootstrap_cases() {
    let chain = Chain::new(5, 10, static_set);
    let now = chain.time_after(5);
    assert_eq!(
        TrustedState::bootstrap(chain.block(1), &chain.checkpoint(1), &options(), now)
            .unwrap()
            .height(),
        1
    );
    let wrong_hash = Checkpoint {
        height: 3,
        hash: Hash32([1; 32]),
    };
    let cases: [(&str, LightBlock, Checkpoint, u64, &str); 4] = [
        (
            "checkpoint names another hash",
            chain.block(3),
            wrong_hash,
            now,
            "lc-checkpoint-mismatch",
        ),
        (
            "checkpoint names another height",
            chain.block(3),
            chain.checkpoint(4),
            now,
            "lc-checkpoint-mismatch",
        ),
        (
            "checkpoint block without quorum",
            chain.block_signed_by(3, &[0]),
            chain.checkpoint(3),
            now,
            "lc-insufficient-quorum",
        ),
        (
            "checkpoint older than the trusting period",
            chain.block(3),
            chain.checkpoint(3),
            now + 15 * DAY_MS,
            "lc-trust-expired",
        ),
    ];
    for (name, block, checkpoint, now, expected) in cases {
        let got = TrustedState::bootstrap(block, &checkpoint, &options(), now).unwrap_err();
        assert_eq!(got.code(), expected, "{name}");
    }
}

#[test]
fn verify_sequential_and_skipping_succeed() {
    let chain = Chain::new(40, 10, rotating_set);
    let now = chain.time_after(40);
    let cases = [
        ("sequential inside an epoch", 1, 2),
        ("sequential across a set change", 10, 11),
        ("skip inside an epoch", 1, 10),
        ("skip epoch end to epoch end", 10, 20),
        ("skip across one set change (3/4 overlap)", 10, 30),
    ];
    for (name, from, to) in cases {
        let mut trusted = trusted_at(&chain, from);
        let verdict = verify(&trusted, &chain.block(to), &options(), now);
        let Verdict::Success(verified) = verdict else {
            panic!("{name}: {verdict:?}");
        };
        trusted.apply(verified);
        assert_eq!(trusted.height(), to, "{name}");
    }
}

#[test]
fn verify_not_enough_trust_is_not_invalid() {
    let chain = Chain::new(60, 10, rotating_set);
    let trusted = trusted_at(&chain, 10); // next set: keys 2..=5
    let now = chain.time_after(60);
    let cases = [
        ("a quarter of the trusted power", 50, 10),
        ("none of the trusted power", 60, 0),
    ];
    for (name, height, power) in cases {
        let verdict = verify(&trusted, &chain.block(height), &options(), now);
        assert_eq!(
            verdict,
            Verdict::NotEnoughTrust {
                tally: PowerTally {
                    signed_power: power,
                    total_power: 40
                },
                threshold: TrustThreshold::ONE_THIRD,
            },
            "{name}"
        );
    }
}

#[test]
fn verify_trust_threshold_is_strict() {
    // Three trusted validators of power 10; block 20's signers keep exactly
    // one of them (10 of 30 = 1/3): not more than 1/3.
    fn thirds(epoch: u64) -> Vec<(u32, u64)> {
        match epoch {
            0 => vec![(1, 10), (2, 10), (3, 10)],
            1 => vec![(1, 10), (2, 10), (3, 10)],
            _ => vec![(3, 10), (7, 10), (8, 10)],
        }
    }
    let chain = Chain::new(30, 10, thirds);
    let trusted = trusted_at(&chain, 1);
    let now = chain.time_after(30);
    assert_eq!(
        code(&verify(&trusted, &chain.block(25), &options(), now)),
        "not-enough-trust"
    );
    // With two thirds demanded, even the same set must sign more than 2/3.
    let strict = Options {
        trust_threshold: TrustThreshold::TWO_THIRDS,
        ..options()
    };
    assert_eq!(
        code(&verify(&trusted, &chain.block(15), &strict, now)),
        "success"
    );
    let block = chain.block_signed_by(15, &[0, 1]);
    assert_eq!(
        code(&verify(&trusted, &block, &strict, now)),
        "lc-insufficient-quorum"
    );
}

#[test]
fn verify_invalid_cases_name_the_rule() {
    let chain = Chain::new(12, 5, replaced_set);
    let other = Chain::new(12, 5, |e| replaced_set(e + 7));
    let now = chain.time_after(12);
    type Forge = fn(&Chain, &Chain) -> LightBlock;
    // (name, trusted height, forged block, expected code)
    let cases: [(&str, u64, Forge, &str); 12] = [
        (
            "forged signature",
            1,
            |chain, _| {
                let mut block = chain.block(2);
                block.commit.signatures[2].signature = block.commit.signatures[0].signature;
                block
            },
            "lc-invalid-commit",
        ),
        (
            "validators swapped for another set",
            1,
            |chain, _| {
                let mut block = chain.block(2);
                block.validators = chain.set_at(6).clone();
                block
            },
            "lc-validators-hash-mismatch",
        ),
        (
            "next validators swapped",
            1,
            |chain, _| {
                let mut block = chain.block(2);
                block.next_validators = chain.set_at(6).clone();
                block
            },
            "lc-next-validators-hash-mismatch",
        ),
        (
            "commit of another block",
            1,
            |chain, _| {
                let mut block = chain.block(2);
                block.commit = chain.block(3).commit;
                block
            },
            "lc-commit-not-for-header",
        ),
        (
            "another chain",
            1,
            |chain, _| {
                let mut block = chain.block(2);
                block.header.chain_id = ChainId::new("jifen-testnet").unwrap();
                chain.resign(&mut block);
                block
            },
            "lc-chain-id-mismatch",
        ),
        (
            "half the signers",
            1,
            |chain, _| chain.block_signed_by(2, &[0, 1]),
            "lc-insufficient-quorum",
        ),
        (
            "not above the trusted height",
            4,
            |chain, _| chain.block(4),
            "lc-non-increasing-height",
        ),
        (
            "time going backwards",
            2,
            |chain, _| {
                let mut block = chain.block(3);
                block.header.time_ms = T0;
                chain.resign(&mut block);
                block
            },
            "lc-non-increasing-time",
        ),
        (
            "from the future",
            1,
            |chain, _| {
                let mut block = chain.block(3);
                block.header.time_ms = T0 + 1_000 * BLOCK_MS;
                chain.resign(&mut block);
                block
            },
            "lc-header-from-future",
        ),
        (
            "next header signed by an unannounced set",
            5,
            |_, other| {
                // A self-consistent block 6 from a chain with other validators.
                other.block(6)
            },
            "lc-sequential-validators-mismatch",
        ),
        (
            "next header not linked to the trusted one",
            2,
            |chain, _| {
                let mut block = chain.block(3);
                block.header.previous_block_hash = Some(Hash32([3; 32]));
                chain.resign(&mut block);
                block
            },
            "lc-parent-hash-mismatch",
        ),
        (
            "skip to a header signed by strangers is only untrusted",
            1,
            |_, other| other.block(12),
            "not-enough-trust",
        ),
    ];
    for (name, from, forge, expected) in cases {
        let trusted = trusted_at(&chain, from);
        let block = forge(&chain, &other);
        assert_eq!(
            code(&verify(&trusted, &block, &options(), now)),
            expected,
            "{name}"
        );
    }
}

#[test]
fn verify_refuses_expired_trust_until_a_new_checkpoint() {
    let chain = Chain::new(10, 5, static_set);
    let trusted = trusted_at(&chain, 1);
    let short = Options {
        trusting_period: Duration::from_secs(3),
        ..options()
    };
    let late = chain.time_after(10);
    let verdict = verify(&trusted, &chain.block(10), &short, late);
    assert_eq!(code(&verdict), "lc-trust-expired");
    // The user's new checkpoint is the way on.
    let fresh =
        TrustedState::bootstrap(chain.block(9), &chain.checkpoint(9), &short, late).unwrap();
    assert_eq!(
        code(&verify(&fresh, &chain.block(10), &short, late)),
        "success"
    );
}

#[test]
fn options_validate() {
    assert_eq!(Options::default().validate(), Ok(()));
    let low = Options {
        trust_threshold: TrustThreshold::new(1, 4).unwrap(),
        ..Options::default()
    };
    assert_eq!(
        low.validate().unwrap_err().code(),
        "lc-trust-threshold-too-low"
    );
    let zero = Options {
        trusting_period: Duration::ZERO,
        ..Options::default()
    };
    assert_eq!(
        zero.validate().unwrap_err().code(),
        "lc-zero-trusting-period"
    );
}

#[test]
fn checkpoint_text() {
    let chain = Chain::new(3, 10, static_set);
    let checkpoint = chain.checkpoint(3);
    let text = checkpoint.to_string();
    assert_eq!(text.parse::<Checkpoint>(), Ok(checkpoint));
    assert_eq!(
        Checkpoint::genesis(chain.header(1).hash()),
        chain.checkpoint(1)
    );
    let hash = chain.header(1).hash().to_string();
    let cases = [
        (
            "no separator",
            hash.clone(),
            "lc-checkpoint-missing-separator",
        ),
        (
            "height zero",
            format!("0:{hash}"),
            "lc-checkpoint-bad-height",
        ),
        (
            "height not a number",
            format!("x:{hash}"),
            "lc-checkpoint-bad-height",
        ),
        ("short hash", "5:abcd".to_owned(), "lc-checkpoint-bad-hash"),
    ];
    for (name, text, expected) in cases {
        assert_eq!(
            text.parse::<Checkpoint>().unwrap_err().code(),
            expected,
            "{name}"
        );
    }
}
