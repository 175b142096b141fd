//! What the devnet's subchain blocks carry: a few readable entries that are
//! a function of the height alone, so the node can give the state after any
//! height without storing it (and after a restart, without replaying).

use jifen_protocol::StateMap;
use jifen_protocol::subchain::{Entry, subchain_state_key};

use super::bft::{SET_EVERY, committee_epoch};
use crate::chain::SubchainStates;

/// The value of `demo/greeting` on `trace-consortium`.
pub const GREETING: &str = "你好，积分 — hello from the trace consortium";

/// The entries of one of the devnet's subchains.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Workload {
    /// `trace-consortium` (bft): `demo/height` every block, `demo/greeting`
    /// at height 1, `demo/committee` (the committee's epoch) when it changes.
    Trace,
    /// `xor-demo` (pow-xor): `pow/height` every block.
    XorDemo,
    /// `rogue-committee` (bft): `rogue/height` every block; its committee
    /// equivocates at [`super::ROGUE_EQUIVOCATES_AT`] (the second header
    /// also writes `rogue/fork`, which the kept state never holds).
    Rogue,
}

fn entry(key: &str, value: impl ToString) -> Entry {
    Entry {
        key: key.to_owned(),
        value: value.to_string().into_bytes(),
    }
}

impl Workload {
    /// The entries of the block at `height` (from 1).
    #[must_use]
    pub fn entries(self, height: u64) -> Vec<Entry> {
        match self {
            Self::Trace => {
                let mut entries = Vec::new();
                if height == 1 {
                    entries.push(entry("demo/greeting", GREETING));
                }
                if (height.saturating_sub(1)).is_multiple_of(SET_EVERY) {
                    entries.push(entry("demo/committee", committee_epoch(height)));
                }
                entries.push(entry("demo/height", height));
                entries
            }
            Self::XorDemo => vec![entry("pow/height", height)],
            Self::Rogue => vec![entry("rogue/height", height)],
        }
    }

    /// The entries of the second, conflicting block a misbehaving committee
    /// signs at `height` (`rogue-committee` only).
    #[must_use]
    pub fn conflicting_entries(self, height: u64) -> Vec<Entry> {
        let mut entries = self.entries(height);
        entries.push(entry("rogue/fork", "the other history"));
        entries
    }

    /// The state after `height` (empty at 0): the entries of heights
    /// `1..=height` applied in order, written in closed form.
    #[must_use]
    pub fn state(self, height: u64) -> StateMap {
        let mut map = StateMap::new();
        if height == 0 {
            return map;
        }
        let mut put = |e: Entry| map.set(subchain_state_key(&e.key), Some(e.value));
        match self {
            Self::Trace => {
                put(entry("demo/greeting", GREETING));
                put(entry("demo/committee", committee_epoch(height)));
                put(entry("demo/height", height));
            }
            Self::XorDemo => put(entry("pow/height", height)),
            Self::Rogue => put(entry("rogue/height", height)),
        }
        map
    }
}

impl SubchainStates for Workload {
    fn state_at(&self, height: u64) -> StateMap {
        self.state(height)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closed_form_is_the_replay_of_the_entries() {
        for workload in [Workload::Trace, Workload::XorDemo, Workload::Rogue] {
            let mut replayed = StateMap::new();
            assert_eq!(workload.state(0), replayed);
            for height in 1..=3 * SET_EVERY + 2 {
                for e in workload.entries(height) {
                    replayed.set(subchain_state_key(&e.key), Some(e.value));
                }
                assert_eq!(workload.state(height), replayed, "{workload:?} {height}");
            }
        }
    }
}
