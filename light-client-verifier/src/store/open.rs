//! Reading a store back without trusting it: [`open_trusted`] (constant
//! time, on every open), [`load_checked`] (one member, on use),
//! [`verify_store`] (everything, on request) and [`load_trusted`] (the full
//! check of a store of format 1, run once to migrate it).
//!
//! Links and head are unkeyed: they catch corruption, partial edits and
//! foreign files; whoever can write the store can rewrite them too, which
//! [`verify_store`] catches only against the user's own checkpoint (ADR
//! 0017 says why there is no MAC).

use std::collections::BTreeSet;

use jifen_protocol::{ChainId, Encode};

use super::change::head_of;
use super::retain::prune;
use super::{ChainLink, LightStore, Pin, RetainPolicy, STORE_FORMAT, StoreChange, StoreError};
use crate::light_block::LightBlock;
use crate::trust::{Checkpoint, Options, TrustedState};
use crate::verifier::{self, Verdict, VerificationError};

/// What [`verify_store`] checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreAudit {
    /// The store format found (1: before issue 16, not yet migrated).
    pub format: u32,
    /// The root (the checkpoint).
    pub root: Checkpoint,
    /// The latest trusted block.
    pub latest: Checkpoint,
    /// Members of the stored chain (root and latest included).
    pub members: usize,
    /// Members kept because their neighbours cannot link across them.
    pub pivots: usize,
    /// Pins (evidence, bundles).
    pub pins: Vec<Pin>,
    /// Commits checked (one per member).
    pub commits_checked: usize,
    /// Bytes of stored block encodings.
    pub bytes: u64,
}

/// A stored block whose hash is not what the store's records say.
fn mismatch(height: u64, expected: Checkpoint, got: Checkpoint) -> StoreError {
    StoreError::Tampered {
        height,
        source: VerificationError::CheckpointMismatch { expected, got },
    }
}

fn checkpoint_of(block: &LightBlock) -> Checkpoint {
    Checkpoint {
        height: block.height(),
        hash: block.hash(),
    }
}

/// The block the record `expected` names, with that hash.
fn named_block(store: &impl LightStore, expected: &Checkpoint) -> Result<LightBlock, StoreError> {
    let block = store.get(expected.height)?.ok_or(StoreError::Missing {
        height: expected.height,
    })?;
    let got = checkpoint_of(&block);
    if &got != expected {
        return Err(mismatch(expected.height, *expected, got));
    }
    Ok(block)
}

fn reloaded(block: LightBlock, chain_id: &ChainId) -> Result<TrustedState, StoreError> {
    let height = block.height();
    TrustedState::reloaded(block, chain_id)
        .map_err(|source| StoreError::Tampered { height, source })
}

/// `state` moved to `above` if `above` verifies from it.
fn link_to(
    mut state: TrustedState,
    above: &LightBlock,
    options: &Options,
) -> Result<TrustedState, StoreError> {
    let height = above.height();
    match verifier::verify_link(&state, above, options) {
        Verdict::Success(verified) => {
            state.apply(verified);
            Ok(state)
        }
        Verdict::NotEnoughTrust { tally, .. } => Err(StoreError::BrokenChain { height, tally }),
        Verdict::Invalid(source) => Err(StoreError::Tampered { height, source }),
    }
}

/// Opens the stored trusted state in time independent of the history:
/// reads the head, the root, the latest block and the member below it (and
/// the highest stored key), checks each against the head, and re-verifies
/// the one link into the latest block (one commit check, two with the
/// below block's own). Returns the state at the latest block, or `None`
/// for an empty store. A store of format 1 (blocks only) is checked in
/// full once and migrated in one write ([`LightStore::apply`]).
///
/// A changed member between the root and the block below the latest is
/// not read here: it is caught on use ([`load_checked`]) and by
/// [`verify_store`].
///
/// # Errors
/// [`StoreError::CheckpointMismatch`] (the store grew from another root),
/// [`StoreError::Format`], [`StoreError::Tampered`],
/// [`StoreError::BrokenChain`], [`StoreError::Missing`], read errors.
pub fn open_trusted(
    store: &mut impl LightStore,
    checkpoint: &Checkpoint,
    options: &Options,
) -> Result<Option<TrustedState>, StoreError> {
    let Some(head) = store.head()? else {
        if store.last_height()?.is_none() {
            return Ok(None);
        }
        return migrate(store, checkpoint, options);
    };
    if &head.root != checkpoint {
        return Err(StoreError::CheckpointMismatch {
            expected: *checkpoint,
            got: head.root,
        });
    }
    let root = named_block(store, &head.root)?;
    let chain_id = root.header.chain_id.clone();
    let latest = if head.latest == head.root {
        root.clone()
    } else {
        named_block(store, &head.latest)?
    };
    if let Some(last) = store.last_height()?
        && last != head.latest.height
    {
        let got = store.get(last)?.map_or(
            Checkpoint {
                height: last,
                hash: jifen_protocol::Hash32::ZERO,
            },
            |block| checkpoint_of(&block),
        );
        return Err(mismatch(last, head.latest, got));
    }
    if head.latest == head.root {
        return reloaded(root, &chain_id).map(Some);
    }
    let Some(below) = head.below_latest else {
        return Err(mismatch(head.latest.height, head.root, head.latest));
    };
    let below = if below == head.root {
        root
    } else {
        named_block(store, &below)?
    };
    let state = reloaded(below, &chain_id)?;
    link_to(state, &latest, options).map(Some)
}

/// One stored member as a [`TrustedState`] to verify from: its hash must be
/// its chain link's, and it must check in itself (hashes, commit quorum,
/// `chain_id`). What reads use for a stored block (open did not read it).
///
/// # Errors
/// [`StoreError::Missing`] when `height` is not a member or its block is
/// gone, [`StoreError::Tampered`] when the block is not its link's or does
/// not check, read errors.
pub fn load_checked(
    store: &impl LightStore,
    height: u64,
    chain_id: &ChainId,
) -> Result<TrustedState, StoreError> {
    let link = store.link(height)?.ok_or(StoreError::Missing { height })?;
    let block = named_block(
        store,
        &Checkpoint {
            height,
            hash: link.hash,
        },
    )?;
    reloaded(block, chain_id)
}

/// Re-verifies everything stored, against the user's `checkpoint`: the
/// links form one chain from the root to the head's latest; the stored
/// blocks are exactly the members; every block's hash is its link's; the
/// root is the checkpoint and checks in itself; every member verifies from
/// the one below it (one commit check each, bounded by what the store
/// keeps); pins name members. `None` for an empty store. A store of format
/// 1 gets the full check of [`load_trusted`].
///
/// # Errors
/// [`StoreError::CheckpointMismatch`], [`StoreError::Tampered`],
/// [`StoreError::BrokenChain`], [`StoreError::Missing`],
/// [`StoreError::Format`], read errors.
pub fn verify_store(
    store: &impl LightStore,
    checkpoint: &Checkpoint,
    options: &Options,
) -> Result<Option<StoreAudit>, StoreError> {
    let Some(head) = store.head()? else {
        return verify_legacy(store, checkpoint, options);
    };
    if &head.root != checkpoint {
        return Err(StoreError::CheckpointMismatch {
            expected: *checkpoint,
            got: head.root,
        });
    }
    let links = store.links()?;
    let members: BTreeSet<u64> = links.iter().map(|link| link.height).collect();
    for height in store.heights()? {
        if !members.contains(&height) {
            let got = store
                .get(height)?
                .map_or(head.latest, |block| checkpoint_of(&block));
            return Err(mismatch(height, head.latest, got));
        }
    }
    if head_of(&links).as_ref() != Some(&head) || head.format != STORE_FORMAT {
        let got = links.last().map_or(head.root, |link| Checkpoint {
            height: link.height,
            hash: link.hash,
        });
        return Err(mismatch(got.height, head.latest, got));
    }
    let mut state: Option<TrustedState> = None;
    let mut below: Option<u64> = None;
    let mut bytes = 0u64;
    for link in &links {
        let expected = Checkpoint {
            height: link.height,
            hash: link.hash,
        };
        if link.below != below {
            let got = Checkpoint {
                height: link.below.unwrap_or(0),
                hash: link.hash,
            };
            return Err(mismatch(link.height, expected, got));
        }
        let block = named_block(store, &expected)?;
        bytes = bytes.saturating_add(block.encode().len() as u64);
        state = Some(match state {
            None => {
                let chain_id = block.header.chain_id.clone();
                reloaded(block, &chain_id)?
            }
            Some(state) => link_to(state, &block, options)?,
        });
        below = Some(link.height);
    }
    let pins = store.pins()?;
    for pin in &pins {
        if let Some(&height) = pin.heights.iter().find(|h| !members.contains(h)) {
            return Err(StoreError::Missing { height });
        }
    }
    Ok(Some(StoreAudit {
        format: head.format,
        root: head.root,
        latest: head.latest,
        members: links.len(),
        pivots: links.iter().filter(|link| link.pivot).count(),
        pins,
        commits_checked: links.len(),
        bytes,
    }))
}

/// [`verify_store`] of a store of format 1 (blocks only).
fn verify_legacy(
    store: &impl LightStore,
    checkpoint: &Checkpoint,
    options: &Options,
) -> Result<Option<StoreAudit>, StoreError> {
    let Some(state) = load_trusted(store, checkpoint, options)? else {
        return Ok(None);
    };
    let heights = store.heights()?;
    let mut bytes = 0u64;
    for &height in &heights {
        let block = store.get(height)?.ok_or(StoreError::Missing { height })?;
        bytes = bytes.saturating_add(block.encode().len() as u64);
    }
    Ok(Some(StoreAudit {
        format: 1,
        root: *checkpoint,
        latest: state.checkpoint(),
        members: heights.len(),
        pivots: 0,
        pins: Vec::new(),
        commits_checked: heights.len(),
        bytes,
    }))
}

/// The full check of a store's blocks, whatever its records say (a store
/// of format 1 has none): the lowest stored block must be the user's
/// `checkpoint` and consistent in itself with a quorum, and every higher
/// block must verify from the one below it ([`verifier::verify_link`]).
/// Returns the state at the highest block, or `None` for an empty store.
///
/// The trusting period is not applied (old blocks verified when they were
/// new); the caller's next [`verifier::verify`] checks that the returned
/// state has not expired. Cost: one commit check per stored block.
///
/// # Errors
/// [`StoreError::CheckpointMismatch`], [`StoreError::Tampered`],
/// [`StoreError::BrokenChain`], and read errors.
pub fn load_trusted(
    store: &impl LightStore,
    checkpoint: &Checkpoint,
    options: &Options,
) -> Result<Option<TrustedState>, StoreError> {
    let heights = store.heights()?;
    let Some((&lowest, rest)) = heights.split_first() else {
        return Ok(None);
    };
    let root = store
        .get(lowest)?
        .ok_or(StoreError::Missing { height: lowest })?;
    let got = checkpoint_of(&root);
    if &got != checkpoint {
        return Err(StoreError::CheckpointMismatch {
            expected: *checkpoint,
            got,
        });
    }
    let chain_id = root.header.chain_id.clone();
    let mut state = reloaded(root, &chain_id)?;
    for &height in rest {
        let block = store.get(height)?.ok_or(StoreError::Missing { height })?;
        state = link_to(state, &block, options)?;
    }
    Ok(Some(state))
}

/// Migrates a store of format 1: the full check once, then in one write a
/// link per block (they form a chain: that is what was checked), the head,
/// and the pruning of the default [`RetainPolicy`].
fn migrate(
    store: &mut impl LightStore,
    checkpoint: &Checkpoint,
    options: &Options,
) -> Result<Option<TrustedState>, StoreError> {
    let Some(state) = load_trusted(store, checkpoint, options)? else {
        return Ok(None);
    };
    let mut change = StoreChange::default();
    let mut links: Vec<ChainLink> = Vec::new();
    for height in store.heights()? {
        let block = store.get(height)?.ok_or(StoreError::Missing { height })?;
        let link = ChainLink {
            height,
            hash: block.hash(),
            below: links.last().map(|below| below.height),
            pivot: false,
        };
        change.set_link(link);
        links.push(link);
    }
    prune(
        store,
        &mut change,
        links,
        &BTreeSet::new(),
        &RetainPolicy::default(),
        options,
    )?;
    store.apply(&change)?;
    Ok(Some(state))
}
