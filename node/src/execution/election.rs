//! The validator election at epoch boundaries.

use jifen_protocol::{
    Address, Decode, PublicKey, StakeRecord, StateMap, Validator, ValidatorSet, stake_key,
};

/// Elects the validator set that signs the blocks of epoch `epoch_index`
/// (heights `epoch_index * L + 1 ..= (epoch_index + 1) * L`).
///
/// Candidates are the stake records with voting power > 0, ordered by power
/// (descending) then address. Without rotation the first `max_validators`
/// win; with rotation `r` the window of `max_validators` candidates starts
/// at `(epoch_index * r) mod candidates` and wraps around. Returns `None`
/// when there is no candidate (the caller keeps the current set).
#[must_use]
pub fn elect(
    state: &StateMap,
    max_validators: u32,
    rotate: u32,
    epoch_index: u64,
) -> Option<ValidatorSet> {
    let mut candidates: Vec<(u64, Address, PublicKey)> = state
        .iter()
        .filter_map(|(key, value)| {
            // A value decoding as a stake record is one only if it sits under
            // that record's stake key (keys commit to the record kind).
            StakeRecord::decode(value)
                .ok()
                .filter(|record| stake_key(&record.public_key.address()) == *key)
        })
        .map(|record| {
            (
                record.voting_power(),
                record.public_key.address(),
                record.public_key,
            )
        })
        .filter(|(power, _, _)| *power > 0)
        .collect();
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    candidates.dedup_by(|a, b| a.1 == b.1);
    let pool = candidates.len();
    if pool == 0 {
        return None;
    }
    let size = usize::try_from(max_validators)
        .unwrap_or(usize::MAX)
        .min(pool);
    let pool_u64 = u64::try_from(pool).unwrap_or(u64::MAX);
    let start =
        usize::try_from(epoch_index.wrapping_mul(u64::from(rotate)) % pool_u64).unwrap_or(0);
    let chosen: Vec<Validator> = (0..size)
        .filter_map(|i| candidates.get((start + i) % pool))
        .map(|(power, _, key)| Validator::new(*key, *power))
        .collect();
    ValidatorSet::new(chosen).ok()
}
