//! Mining `xor-demo` blocks: the bits the retarget rule asks for, and a
//! nonce search (cheap at the devnet's 8-12 bits: about a thousand hashes).

use jifen_protocol::subchain::pow::starts_window;
use jifen_protocol::subchain::{
    PowParams, Seal, SubchainHeader, SubchainTip, TipState, expected_bits, meets_work,
};

/// Most nonces tried for one block before giving up (the producer skips a
/// height rather than burn a core if the difficulty ever climbs).
pub const MAX_TRIES: u64 = 1 << 22;
/// The producer does not mine above this many bits.
pub const MAX_DEVNET_BITS: u8 = 20;

/// The bits height `tip.height + 1` must be mined at on top of `tip` (the
/// rule `apply_report` checks: `docs/protocol.md#pow-xor`).
#[must_use]
pub fn next_bits(params: &PowParams, tip: &SubchainTip) -> u8 {
    let height = tip.height.saturating_add(1);
    let TipState::Pow {
        bits,
        window_start_ms,
    } = tip.state
    else {
        return params.initial_bits;
    };
    if height == 1 {
        params.initial_bits
    } else if starts_window(params, height) {
        expected_bits(params, bits, tip.time_ms.saturating_sub(window_start_ms))
    } else {
        bits
    }
}

/// The first header from nonce `start` on (`template` with its nonce
/// replaced) whose id has the template's bits, if one is found within
/// [`MAX_TRIES`].
#[must_use]
pub fn mine(template: &SubchainHeader, start: u64) -> Option<SubchainHeader> {
    let Seal::Pow { bits, .. } = template.seal else {
        return None;
    };
    let mut header = template.clone();
    (start..start.saturating_add(MAX_TRIES)).find_map(|nonce| {
        header.seal = Seal::Pow { bits, nonce };
        meets_work(&header.hash(), bits).then(|| header.clone())
    })
}
