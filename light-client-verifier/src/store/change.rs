//! [`StoreChange`]: everything one write does to a store, applied by
//! [`super::LightStore::apply`] in one transaction. Only this crate builds
//! one, and new blocks come only from [`TrustedState`]s: "only verified
//! data is stored" is a fact of the types.

use std::collections::BTreeMap;

use super::{ChainLink, Pin, STORE_FORMAT, StoreHead};
use crate::light_block::LightBlock;
use crate::trust::{Checkpoint, TrustedState};

/// One atomic write: a backend applies `clear` first, then the new blocks
/// with their links, the rewritten links, the removals, the pins and the
/// head.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoreChange {
    clear: bool,
    puts: BTreeMap<u64, (LightBlock, ChainLink)>,
    relinks: BTreeMap<u64, ChainLink>,
    removes: Vec<u64>,
    pins: Vec<Pin>,
    unpins: Vec<String>,
    head: Option<StoreHead>,
}

impl StoreChange {
    /// Appends `path` (ascending trusted states, each verified from the
    /// one before it, the first from the head's latest) above the head,
    /// each linked to the member below it, and moves the head. A state at
    /// or below the head's latest height is already covered by the chain
    /// and is left out. With no head the first state becomes the root.
    #[must_use]
    pub fn append(head: Option<&StoreHead>, path: &[TrustedState]) -> Self {
        let mut change = Self::default();
        let mut head = head.copied();
        for state in path {
            let checkpoint = state.checkpoint();
            let next = match head {
                None => StoreHead {
                    format: STORE_FORMAT,
                    root: checkpoint,
                    latest: checkpoint,
                    below_latest: None,
                },
                Some(current) if checkpoint.height > current.latest.height => StoreHead {
                    format: STORE_FORMAT,
                    root: current.root,
                    latest: checkpoint,
                    below_latest: Some(current.latest),
                },
                Some(_) => continue,
            };
            let link = ChainLink {
                height: checkpoint.height,
                hash: checkpoint.hash,
                below: next.below_latest.map(|below| below.height),
                pivot: false,
            };
            change
                .puts
                .insert(link.height, (state.light_block().clone(), link));
            head = Some(next);
        }
        change.head = head.filter(|_| !change.puts.is_empty());
        change
    }

    /// Adds (or replaces) a pin.
    #[must_use]
    pub fn pin(pin: Pin) -> Self {
        Self {
            pins: vec![pin],
            ..Self::default()
        }
    }

    /// Removes the pin `id` (its members become prunable at the next
    /// commit).
    #[must_use]
    pub fn unpin(id: &str) -> Self {
        Self {
            unpins: vec![id.to_owned()],
            ..Self::default()
        }
    }

    /// Empties the store (blocks, links, pins, head).
    #[must_use]
    pub fn clear() -> Self {
        Self {
            clear: true,
            ..Self::default()
        }
    }

    /// Rewrites a member's link (or a new block's, if it is in this change).
    pub(crate) fn set_link(&mut self, link: ChainLink) {
        match self.puts.get_mut(&link.height) {
            Some((_, put)) => *put = link,
            None => {
                self.relinks.insert(link.height, link);
            }
        }
    }

    /// Removes a member (or drops a new block of this change).
    pub(crate) fn remove(&mut self, height: u64) {
        self.relinks.remove(&height);
        if self.puts.remove(&height).is_none() {
            self.removes.push(height);
        }
    }

    /// Sets the head this change leaves.
    pub(crate) fn set_head(&mut self, head: StoreHead) {
        self.head = Some(head);
    }

    /// This change, also removing the pin `id` (in the same write).
    #[must_use]
    pub fn and_unpin(mut self, id: &str) -> Self {
        self.unpins.push(id.to_owned());
        self
    }

    /// The new block at `height` in this change.
    pub(crate) fn put_block(&self, height: u64) -> Option<&LightBlock> {
        self.puts.get(&height).map(|(block, _)| block)
    }

    /// Whether the store is emptied first.
    #[must_use]
    pub fn clears(&self) -> bool {
        self.clear
    }

    /// New blocks with their links, ascending.
    pub fn puts(&self) -> impl Iterator<Item = (&LightBlock, &ChainLink)> {
        self.puts.values().map(|(block, link)| (block, link))
    }

    /// Links of members already stored, rewritten.
    pub fn relinks(&self) -> impl Iterator<Item = &ChainLink> {
        self.relinks.values()
    }

    /// Members removed (block and link).
    #[must_use]
    pub fn removes(&self) -> &[u64] {
        &self.removes
    }

    /// Pins added or replaced.
    #[must_use]
    pub fn pins(&self) -> &[Pin] {
        &self.pins
    }

    /// Pin ids removed.
    #[must_use]
    pub fn unpins(&self) -> &[String] {
        &self.unpins
    }

    /// The head written (none: unchanged, or gone after a clear).
    #[must_use]
    pub fn head(&self) -> Option<&StoreHead> {
        self.head.as_ref()
    }

    /// Nothing to write.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        !self.clear
            && self.puts.is_empty()
            && self.relinks.is_empty()
            && self.removes.is_empty()
            && self.pins.is_empty()
            && self.unpins.is_empty()
            && self.head.is_none()
    }
}

/// The head of a chain whose members, ascending, are `members` (root
/// first).
pub(crate) fn head_of(members: &[ChainLink]) -> Option<StoreHead> {
    let checkpoint = |link: &ChainLink| Checkpoint {
        height: link.height,
        hash: link.hash,
    };
    let root = members.first()?;
    let latest = members.last()?;
    let below = members.len().checked_sub(2).and_then(|i| members.get(i));
    Some(StoreHead {
        format: STORE_FORMAT,
        root: checkpoint(root),
        latest: checkpoint(latest),
        below_latest: below.map(checkpoint),
    })
}
