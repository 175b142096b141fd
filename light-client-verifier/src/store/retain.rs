//! What the store keeps ([`RetainPolicy`]) and the plan of one commit
//! ([`plan_commit`]): append a verified path, then drop the members that
//! left the recent tail when their neighbours still link across them.
//!
//! Kept: the root (bundles and verify-store start there), the tail (the
//! last [`RetainPolicy::tail_blocks`] members within
//! [`RetainPolicy::tail_bytes`], always including the latest and the
//! member below it, which open re-verifies), pinned members (evidence,
//! bundles), and pivots: members whose neighbours cannot link across them
//! (more than 2/3 of the trusted power changed, or more than the trusting
//! period between them). A failed attempt marks the member a pivot for
//! good, so each commit checks only the members that just left the tail
//! or were just unpinned, one or two commit checks each.

use std::collections::BTreeSet;

use jifen_protocol::Encode;

use super::change::head_of;
use super::{ChainLink, LightStore, StoreChange, StoreError};
use crate::light_block::LightBlock;
use crate::trust::{Options, TrustedState};
use crate::verifier::{self, Verdict};

/// How much recent history the store keeps beside the root, pins and
/// pivots.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetainPolicy {
    /// Most members in the tail (at least 2 are always kept: the latest
    /// and the member below it).
    pub tail_blocks: usize,
    /// Most bytes of block encodings in the tail (the latest two members
    /// are kept whatever their size).
    pub tail_bytes: u64,
}

impl Default for RetainPolicy {
    /// 32 members, at most 8 MiB: the headers of a burst of recent proofs
    /// stay local, and a council of 10,000 validators still fits a few
    /// blocks (ADR 0017).
    fn default() -> Self {
        Self {
            tail_blocks: 32,
            tail_bytes: 8 << 20,
        }
    }
}

/// The one write that stores `path` (ascending trusted states, verified
/// from the store's latest and cross-checked) and prunes what left the
/// tail: the new blocks with their links, the members dropped (each only
/// when the member above it verifies from the member below it, checked
/// here), the rewritten links, new pivots, and the new head. Apply it with
/// one [`LightStore::apply`]. An empty `path` plans pruning alone (after
/// an unpin or a migration).
///
/// # Errors
/// Read errors; [`StoreError::Missing`] when a member's block is not
/// stored; [`StoreError::Tampered`] when a member below a candidate does
/// not check in itself.
pub fn plan_commit(
    store: &impl LightStore,
    path: &[TrustedState],
    policy: &RetainPolicy,
    options: &Options,
) -> Result<StoreChange, StoreError> {
    let head = store.head()?;
    let mut change = StoreChange::append(head.as_ref(), path);
    let mut members = store.links()?;
    members.extend(change.puts().map(|(_, link)| *link));
    let pinned = pinned_heights(store)?;
    prune(store, &mut change, members, &pinned, policy, options)?;
    Ok(change)
}

/// Heights named by any pin.
pub(crate) fn pinned_heights(store: &impl LightStore) -> Result<BTreeSet<u64>, StoreError> {
    Ok(store
        .pins()?
        .into_iter()
        .flat_map(|pin| pin.heights)
        .collect())
}

/// Adds to `change` the pruning of `members` (the chain after `change`,
/// ascending) and the head it leaves.
pub(crate) fn prune(
    store: &impl LightStore,
    change: &mut StoreChange,
    mut members: Vec<ChainLink>,
    pinned: &BTreeSet<u64>,
    policy: &RetainPolicy,
    options: &Options,
) -> Result<(), StoreError> {
    let mut end = tail_start(store, change, &members, policy)?;
    let mut below: Option<TrustedState> = None;
    let mut index = 1;
    while index < end {
        let (Some(&link), Some(&prev), Some(&next)) = (
            members.get(index),
            members.get(index - 1),
            members.get(index + 1),
        ) else {
            break;
        };
        if link.pivot || pinned.contains(&link.height) {
            below = None;
            index += 1;
            continue;
        }
        let state = match below.take() {
            Some(state) if state.height() == prev.height => state,
            _ => {
                let block = block(store, change, prev.height)?;
                let chain_id = block.header.chain_id.clone();
                TrustedState::reloaded(block, &chain_id).map_err(|source| StoreError::Tampered {
                    height: prev.height,
                    source,
                })?
            }
        };
        let above = block(store, change, next.height)?;
        if matches!(
            verifier::verify_link(&state, &above, options),
            Verdict::Success(_)
        ) {
            change.remove(link.height);
            members.remove(index);
            let relinked = ChainLink {
                below: Some(prev.height),
                ..next
            };
            change.set_link(relinked);
            if let Some(slot) = members.get_mut(index) {
                *slot = relinked;
            }
            end -= 1;
            below = Some(state);
        } else {
            let pivot = ChainLink {
                pivot: true,
                ..link
            };
            change.set_link(pivot);
            if let Some(slot) = members.get_mut(index) {
                *slot = pivot;
            }
            index += 1;
        }
    }
    if let Some(head) = head_of(&members) {
        change.set_head(head);
    }
    Ok(())
}

/// The index of the first tail member: the last `tail_blocks` members
/// within `tail_bytes`, at least the latest two, never the root.
fn tail_start(
    store: &impl LightStore,
    change: &StoreChange,
    members: &[ChainLink],
    policy: &RetainPolicy,
) -> Result<usize, StoreError> {
    let mut bytes = 0u64;
    for (kept, (index, link)) in members.iter().enumerate().skip(1).rev().enumerate() {
        let size = block(store, change, link.height)?.encode().len() as u64;
        let over = kept >= policy.tail_blocks || bytes.saturating_add(size) > policy.tail_bytes;
        if kept >= 2 && over {
            return Ok(index + 1);
        }
        bytes = bytes.saturating_add(size);
    }
    Ok(1)
}

/// A member's block: new in `change`, or stored.
fn block(
    store: &impl LightStore,
    change: &StoreChange,
    height: u64,
) -> Result<LightBlock, StoreError> {
    if let Some(block) = change.put_block(height) {
        return Ok(block.clone());
    }
    store.get(height)?.ok_or(StoreError::Missing { height })
}
