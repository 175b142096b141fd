//! pow-xor: work, the retarget rule and the XOR fork choice
//! (`docs/protocol.md#pow-xor-fork-choice`).

use core::cmp::Ordering;

use super::MAX_POW_BITS;
use super::record::PowParams;
use crate::Hash32;

/// Leading zero bits of `id` read as a 256-bit big-endian number.
#[must_use]
pub fn leading_zero_bits(id: &Hash32) -> u32 {
    let mut bits = 0;
    for byte in id.as_bytes() {
        if *byte == 0 {
            bits += 8;
        } else {
            return bits + byte.leading_zeros();
        }
    }
    bits
}

/// Whether `id` has at least `bits` leading zero bits.
#[must_use]
pub fn meets_work(id: &Hash32, bits: u8) -> bool {
    leading_zero_bits(id) >= u32::from(bits)
}

/// `id XOR parent`, a 256-bit big-endian unsigned number (as bytes, so
/// comparing the arrays compares the numbers).
#[must_use]
pub fn xor_distance(id: &Hash32, parent: &Hash32) -> [u8; 32] {
    let mut out = [0u8; 32];
    for (o, (a, b)) in out
        .iter_mut()
        .zip(id.as_bytes().iter().zip(parent.as_bytes()))
    {
        *o = a ^ b;
    }
    out
}

/// Whether sibling `candidate` beats `incumbent` under the XOR fork choice:
/// both children of `parent`, the one whose id is XOR-closer to `parent`
/// wins. Distinct ids never tie (XOR with one parent is a bijection); equal
/// ids are the same block, which does not beat itself.
#[must_use]
pub fn xor_wins(candidate: &Hash32, incumbent: &Hash32, parent: &Hash32) -> bool {
    xor_distance(candidate, parent).cmp(&xor_distance(incumbent, parent)) == Ordering::Less
}

/// The bits required at the first height `h = k·I + 1` (`k >= 1`) of a new
/// window, from the previous window's bits and its span
/// `time(h-1) - time(h-I)`: one more when `2·span < target`, one less when
/// `span > 2·target` (never below `min_bits`, never above 64), where
/// `target = (I-1) · target_spacing_ms`. A window of one block has no span
/// and keeps its bits.
#[must_use]
pub fn expected_bits(params: &PowParams, previous_bits: u8, span_ms: u64) -> u8 {
    let intervals = u128::from(params.retarget_interval.saturating_sub(1));
    if intervals == 0 {
        return previous_bits;
    }
    let target = intervals * u128::from(params.target_spacing_ms);
    let span = u128::from(span_ms);
    if span * 2 < target {
        previous_bits.saturating_add(1).min(MAX_POW_BITS)
    } else if span > target * 2 {
        previous_bits.saturating_sub(1).max(params.min_bits)
    } else {
        previous_bits
    }
}

/// Whether `height` opens a new retarget window after the first one.
#[must_use]
pub const fn starts_window(params: &PowParams, height: u64) -> bool {
    let interval = params.retarget_interval as u64;
    height > interval && (height - 1).is_multiple_of(interval)
}
