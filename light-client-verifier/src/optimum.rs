//! The offline optimum (cargo feature `test-support`): the fewest light
//! blocks a skipping verifier with the same [`Options`] needs from height
//! `a` to height `b` of a known chain, to compare a schedule with.
//!
//! The chain is a graph: heights are vertices, and `i -> j` (`j > i`) is an
//! edge iff [`crate::verify`] of block `j` from the trusted block `i`
//! succeeds at `now_ms`. On an honest chain (hash links and set hashes
//! right, which the fixture's own check covers) that is: `i` is within the
//! trusting period, `j` is not from the future and its commit holds more
//! than 2/3 of its own set's power, and either `j = i + 1` or the power, in
//! the set `i` announces (`N_i`, its next set), of `j`'s signers (same
//! address and key) exceeds the trust threshold. The minimum is the BFS
//! distance from `a` to `b` (`a` not counted).
//!
//! Compression, exact: an edge out of `i` depends on `i` only through
//! `(N_i, time_i)`. For `i < i'` with `N_i = N_i'` and `i'` not expired,
//! `out(i) ∩ (i', b] ⊆ out(i')` (same set, same verdict for every later
//! `j`; `i'` is not older). So a BFS layer expands, per distinct next set
//! `r`, only its lowest unexpired height `i_r`, with a bitset `ok_r` over
//! heights (`j`'s signers exceed the threshold in `r`), plus every height's
//! sequential step. No signature is checked: the optimum is defined on the
//! chain as given.
//!
//! Cost: `n` heights, `m` next sets reached, `s` signers per commit, `k`
//! the answer. Building the bitsets is `m · n · s` additions, expanding
//! `O(k · m · n / 64)` words; memory is `m · n / 8` bytes of bitsets plus
//! about `24 + 2s` bytes per height.

use std::collections::{BTreeMap, HashMap};

use jifen_protocol::message::{Arg, Coded};
use jifen_protocol::{Hash32, Header, ValidatorSet};

use crate::light_block::LightBlock;
use crate::trust::Options;
use crate::verifier::PowerTally;

/// What [`min_light_blocks`] needs of a chain: per height its time, its
/// set, the set it announces and its commit's signers; sets interned by
/// hash.
#[derive(Debug, Clone, Default)]
pub struct ChainShape {
    first: u64,
    times: Vec<u64>,
    sets: Vec<u32>,
    nexts: Vec<u32>,
    quorum: Vec<bool>,
    signer_start: Vec<usize>,
    signers: Vec<u16>,
    interned: Vec<ValidatorSet>,
    ids: HashMap<Hash32, u32>,
}

impl ChainShape {
    /// An empty shape; the first [`ChainShape::push`] sets its first height.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The shape of a [`crate::test_chain::Chain`], every block signed by
    /// its whole set (as [`crate::test_chain::Chain::block`] serves it).
    ///
    /// # Panics
    /// Never on a test chain (its heights are consecutive).
    #[cfg(feature = "test-support")]
    #[must_use]
    #[allow(clippy::expect_used)]
    pub fn from_test_chain(chain: &crate::test_chain::Chain) -> Self {
        let mut shape = Self::new();
        for height in 1..=chain.len() {
            let validators = chain.set_at(height);
            let all: Vec<u16> = (0..validators.len())
                .map(|index| u16::try_from(index).expect("a set of at most 10,000"))
                .collect();
            shape
                .push(
                    chain.header(height),
                    validators,
                    chain.set_at(height + 1),
                    &all,
                )
                .expect("a test chain's heights are consecutive");
        }
        shape
    }

    /// Appends the next height: its header, its set, the set it announces
    /// and the indices (into `validators`) of its commit's signers.
    ///
    /// # Errors
    /// [`ShapeError`] when the height is not the next one, the time does not
    /// increase, or a signer index is outside the set.
    pub fn push(
        &mut self,
        header: &Header,
        validators: &ValidatorSet,
        next: &ValidatorSet,
        signers: &[u16],
    ) -> Result<(), ShapeError> {
        let height = header.height;
        if self.times.is_empty() {
            self.first = height;
        } else {
            let expected = self.last().saturating_add(1);
            if height != expected {
                return Err(ShapeError::NotConsecutive {
                    expected,
                    got: height,
                });
            }
            if self
                .times
                .last()
                .is_some_and(|&time| header.time_ms <= time)
            {
                return Err(ShapeError::TimeNotIncreasing { height });
            }
        }
        let mut signed: u64 = 0;
        for &index in signers {
            let validator = validators
                .get(usize::from(index))
                .ok_or(ShapeError::SignerOutOfRange { height, index })?;
            signed = signed.saturating_add(validator.voting_power);
        }
        let quorum = PowerTally {
            signed_power: signed,
            total_power: validators.total_power(),
        }
        .exceeds(jifen_protocol::TrustThreshold::TWO_THIRDS);
        let set = self.intern(validators);
        let next = self.intern(next);
        self.times.push(header.time_ms);
        self.sets.push(set);
        self.nexts.push(next);
        self.quorum.push(quorum);
        self.signer_start.push(self.signers.len());
        self.signers.extend_from_slice(signers);
        Ok(())
    }

    /// [`ChainShape::push`] of a light block, with the signer indices its
    /// commit names (signatures are not checked).
    ///
    /// # Errors
    /// As [`ChainShape::push`].
    pub fn push_light_block(&mut self, block: &LightBlock) -> Result<(), ShapeError> {
        let signers: Vec<u16> = block
            .commit
            .signatures
            .iter()
            .map(|signature| signature.validator_index)
            .collect();
        self.push(
            &block.header,
            &block.validators,
            &block.next_validators,
            &signers,
        )
    }

    /// The lowest height held (0 when empty).
    #[must_use]
    pub fn first(&self) -> u64 {
        self.first
    }

    /// The highest height held (`first - 1` when empty).
    #[must_use]
    pub fn last(&self) -> u64 {
        (self.first + self.times.len() as u64).saturating_sub(1)
    }

    /// How many distinct validator sets the shape holds.
    #[must_use]
    pub fn distinct_sets(&self) -> usize {
        self.interned.len()
    }

    fn intern(&mut self, set: &ValidatorSet) -> u32 {
        let hash = set.hash();
        if let Some(&id) = self.ids.get(&hash) {
            return id;
        }
        let id = u32::try_from(self.interned.len()).unwrap_or(u32::MAX);
        self.interned.push(set.clone());
        self.ids.insert(hash, id);
        id
    }

    fn signers_of(&self, index: usize) -> &[u16] {
        let start = self.signer_start.get(index).copied().unwrap_or(0);
        let end = self
            .signer_start
            .get(index + 1)
            .copied()
            .unwrap_or(self.signers.len());
        self.signers.get(start..end).unwrap_or(&[])
    }

    /// Bit `j` set iff the signers of height index `j` hold more than the
    /// threshold of the power of set `next`.
    fn trusted_by(&self, next: u32, options: &Options) -> Vec<u64> {
        let Some(trusted) = self.interned.get(next as usize) else {
            return vec![0; self.times.len().div_ceil(64)];
        };
        // Per signing set: the power in `trusted` of each of its members.
        let mut weights: HashMap<u32, Vec<u64>> = HashMap::new();
        let mut bits = vec![0u64; self.times.len().div_ceil(64)];
        for (index, &set) in self.sets.iter().enumerate() {
            let weight = weights.entry(set).or_insert_with(|| {
                self.interned
                    .get(set as usize)
                    .map(|signing| {
                        signing
                            .validators()
                            .iter()
                            .map(|validator| match trusted.find(&validator.address) {
                                Some((_, known)) if known.public_key == validator.public_key => {
                                    known.voting_power
                                }
                                _ => 0,
                            })
                            .collect()
                    })
                    .unwrap_or_default()
            });
            let signed = self.signers_of(index).iter().fold(0u64, |sum, &signer| {
                sum.saturating_add(weight.get(usize::from(signer)).copied().unwrap_or(0))
            });
            let tally = PowerTally {
                signed_power: signed,
                total_power: trusted.total_power(),
            };
            if tally.exceeds(options.trust_threshold)
                && let Some(word) = bits.get_mut(index / 64)
            {
                *word |= 1 << (index % 64);
            }
        }
        bits
    }
}

/// Why a height cannot be added to a [`ChainShape`].
///
/// Codes: `lc-shape-not-consecutive`, `lc-shape-time-not-increasing`,
/// `lc-shape-signer-out-of-range`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ShapeError {
    /// The height is not the one after the last.
    #[error("expected height {expected}, got {got}")]
    NotConsecutive {
        /// The next height.
        expected: u64,
        /// The height given.
        got: u64,
    },
    /// The header's time is not after the previous one's.
    #[error("time does not increase at height {height}")]
    TimeNotIncreasing {
        /// The height.
        height: u64,
    },
    /// A signer index is outside the block's set.
    #[error("signer index {index} is outside the set at height {height}")]
    SignerOutOfRange {
        /// The height.
        height: u64,
        /// The index.
        index: u16,
    },
}

impl ShapeError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotConsecutive { .. } => "lc-shape-not-consecutive",
            Self::TimeNotIncreasing { .. } => "lc-shape-time-not-increasing",
            Self::SignerOutOfRange { .. } => "lc-shape-signer-out-of-range",
        }
    }
}

impl Coded for ShapeError {
    fn code(&self) -> &'static str {
        ShapeError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        let args = match self {
            Self::NotConsecutive { expected, got } => {
                vec![("expected", (*expected).into()), ("got", (*got).into())]
            }
            Self::TimeNotIncreasing { height } => vec![("height", (*height).into())],
            Self::SignerOutOfRange { height, index } => vec![
                ("height", (*height).into()),
                ("index", u64::from(*index).into()),
            ],
        };
        crate::with_detail(args, self)
    }
}

/// A shortest way from `from` to `to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptimalPath {
    /// Light blocks verified after `from` (the length of `heights`).
    pub light_blocks: u64,
    /// The heights verified, ascending, ending with `to`.
    pub heights: Vec<u64>,
}

const NONE: u32 = u32::MAX;

fn get_bit(bits: &[u64], index: usize) -> bool {
    bits.get(index / 64)
        .is_some_and(|word| word & (1 << (index % 64)) != 0)
}

fn set_bit(bits: &mut [u64], index: usize) {
    if let Some(word) = bits.get_mut(index / 64) {
        *word |= 1 << (index % 64);
    }
}

/// The fewest light blocks that verify `to` from the trusted block `from`
/// of `shape` at `now_ms` (see the module docs), with one shortest path;
/// `None` when `to` cannot be reached (expired trust, a height outside the
/// shape, `to < from`).
#[must_use]
pub fn min_light_blocks(
    shape: &ChainShape,
    from: u64,
    to: u64,
    options: &Options,
    now_ms: u64,
) -> Option<OptimalPath> {
    if from < shape.first() || to > shape.last() || to < from || shape.times.is_empty() {
        return None;
    }
    if from == to {
        return Some(OptimalPath {
            light_blocks: 0,
            heights: Vec::new(),
        });
    }
    let start = usize::try_from(from - shape.first).ok()?;
    let end = usize::try_from(to - shape.first).ok()?;
    let period = options.trusting_period_ms();
    let limit = now_ms.saturating_add(options.clock_drift_ms());
    let expired = |index: usize| {
        shape
            .times
            .get(index)
            .is_none_or(|&time| now_ms >= time.saturating_add(period))
    };
    // A block `verify` can accept at all: a quorum, not from the future.
    let admissible = |index: usize| {
        shape.quorum.get(index).copied().unwrap_or(false)
            && shape.times.get(index).is_some_and(|&time| time < limit)
    };
    let words = shape.times.len().div_ceil(64);
    let mut visited = vec![0u64; words];
    let mut parent = vec![NONE; shape.times.len()];
    let mut trusted_by: HashMap<u32, Vec<u64>> = HashMap::new();
    set_bit(&mut visited, start);
    let mut layer = vec![start];
    while !layer.is_empty() {
        let mut next = vec![0u64; words];
        // Lowest unexpired height of each next set in the layer (the layer
        // is ascending).
        let mut lowest: BTreeMap<u32, usize> = BTreeMap::new();
        for &index in &layer {
            if expired(index) {
                continue;
            }
            let step = index + 1;
            if step <= end && !get_bit(&visited, step) && admissible(step) {
                set_bit(&mut next, step);
                if let Some(slot) = parent.get_mut(step) {
                    *slot = u32::try_from(index).unwrap_or(NONE);
                }
            }
            let set = shape.nexts.get(index).copied().unwrap_or(NONE);
            lowest.entry(set).or_insert(index);
        }
        for (set, source) in lowest {
            let ok = trusted_by
                .entry(set)
                .or_insert_with(|| shape.trusted_by(set, options));
            let first = source + 2;
            if first > end {
                continue;
            }
            for word_index in first / 64..=end / 64 {
                let mut fresh = ok.get(word_index).copied().unwrap_or(0)
                    & !visited.get(word_index).copied().unwrap_or(0)
                    & !next.get(word_index).copied().unwrap_or(0);
                while fresh != 0 {
                    let bit = fresh.trailing_zeros() as usize;
                    fresh &= fresh - 1;
                    let target = word_index * 64 + bit;
                    if target < first || target > end || !admissible(target) {
                        continue;
                    }
                    set_bit(&mut next, target);
                    if let Some(slot) = parent.get_mut(target) {
                        *slot = u32::try_from(source).unwrap_or(NONE);
                    }
                }
            }
        }
        if get_bit(&next, end) {
            let mut heights = Vec::new();
            let mut at = end;
            while at != start {
                heights.push(shape.first + at as u64);
                at = parent.get(at).copied().map_or(start, |p| p as usize);
            }
            heights.reverse();
            return Some(OptimalPath {
                light_blocks: heights.len() as u64,
                heights,
            });
        }
        layer.clear();
        for (word_index, (word, seen)) in next.iter().zip(visited.iter_mut()).enumerate() {
            *seen |= word;
            let mut bits = *word;
            while bits != 0 {
                let bit = bits.trailing_zeros() as usize;
                layer.push(word_index * 64 + bit);
                bits &= bits - 1;
            }
        }
    }
    None
}
