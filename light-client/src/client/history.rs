//! The proven history of an account (`docs/protocol.md#history`): the
//! account record, proven at the trusted header, commits to its history
//! (`history_len`, `history_head`); the entries come from a peer's
//! `jifen_history` pages and are folded onto a checkpoint until the fold
//! reaches the proven count and head.
//!
//! **One peer answers both.** The account proof and the pages of one read
//! come from the same peer: a peer that proves the account at the trusted
//! height has executed every block up to it, so it holds every entry the
//! record commits to, and a page that does not fold to the record is a lie
//! (demoted with the `history-*` code), never lag. A peer that cannot prove
//! the account at that height is lagging or unreachable, as for any read.
//!
//! **Bounded.** Pages are asked from the checkpoint's length, each for at
//! most [`HISTORY_PAGE`] entries and never past the proven count, so an
//! honest peer fills every page and a read costs at most
//! `(history_len - start.len) / 1000 + 1` pages. A page with more entries
//! than asked is refused; a shorter page ends the read (the fold then
//! falls short and the peer is demoted).
//!
//! **The checkpoint is the caller's.** A checkpoint longer than the proven
//! history, with an entry above the proven height, or of the proven length
//! with another head, is not a prefix of it:
//! [`ClientError::HistoryNotPrefix`], blamed on no peer. A checkpoint of a
//! possible length whose head is not the chain's can only be told from a
//! lying peer by the whole history: when the entries after a non-empty
//! checkpoint do not fold to the record, the same peer is asked for the
//! whole history once (at most `history_len / 1000 + 1` more pages); if
//! that verifies, the checkpoint is compared with its prefix, so a damaged
//! checkpoint never demotes an honest peer.

use jifen_protocol::history::{HistoryCheckpoint, HistoryEntry, HistoryError, verify_history};
use jifen_protocol::{Account, Address, Header};

use super::{ClientError, LightClient, LightReader};
use crate::peer::{Peer, PeerError};
use crate::progress::ProgressEvent;
use crate::proof::{self, ProofError, Proven};
use crate::store::LightStore;

/// Entries asked per page: the most one `jifen_history` answer holds
/// (`jifen_rpc_types::MAX_HISTORY_ENTRIES`).
pub const HISTORY_PAGE: u64 = 1_000;

/// An account's history, proven complete and in order at the trusted
/// header from `start` on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProvenHistory {
    /// The account record, proven at the trusted header (its `history_len`
    /// and `history_head` are what the entries were checked against).
    pub account: Proven<Account>,
    /// The checkpoint the entries continue (the empty history for a whole
    /// read).
    pub start: HistoryCheckpoint,
    /// The entries after `start`, oldest first: every transaction the
    /// address was party to, up to the proven height. Prove each one's
    /// inclusion and result with `LightClient::tx_inclusion`.
    pub entries: Vec<HistoryEntry>,
    /// The checkpoint after them (equal to the account's `history_len` and
    /// `history_head`): keep it to read only newer entries next time.
    pub end: HistoryCheckpoint,
}

/// Why one peer's history read failed.
#[derive(Debug)]
enum Fetch {
    /// The peer did not answer, or answered malformed.
    Peer(PeerError),
    /// Its account proof does not prove.
    Proof(ProofError),
    /// Its entries are not the history the proven account commits to.
    History(HistoryError),
    /// The caller's checkpoint is not a prefix of the proven history (the
    /// account's `history_len`).
    NotPrefix {
        /// The proven account's `history_len`.
        proven_len: u64,
    },
}

/// The entries after `start` that `peer` serves for `address`, folded and
/// checked against `account`, proven at `height`; with the checkpoint after
/// them. `start` must be at most `account.history_len` long.
fn fetch_history(
    peer: &dyn Peer,
    address: &Address,
    start: HistoryCheckpoint,
    account: &Account,
    height: u64,
) -> Result<(Vec<HistoryEntry>, HistoryCheckpoint), Fetch> {
    let wanted = account.history_len.saturating_sub(start.len);
    let mut entries =
        Vec::with_capacity(usize::try_from(wanted.min(HISTORY_PAGE)).unwrap_or_default());
    let mut at = start;
    while at.len < account.history_len {
        let limit = (account.history_len - at.len).min(HISTORY_PAGE);
        let page = peer.history(address, at.len, limit).map_err(Fetch::Peer)?;
        let got = u64::try_from(page.len()).unwrap_or(u64::MAX);
        if got > limit {
            return Err(Fetch::Peer(PeerError::Inconsistent {
                field: "entries",
                expected: format!("at most {limit}"),
                got: got.to_string(),
            }));
        }
        at = at.extend(&page).map_err(Fetch::History)?;
        if at.last_height > height {
            return Err(Fetch::History(HistoryError::AfterProvenHeight {
                height: at.last_height,
                proven: height,
            }));
        }
        entries.extend(page);
        if got < limit {
            break;
        }
    }
    // The fold is done: check its end (count, head, height) against the
    // proven record.
    verify_history(account, height, at, &[]).map_err(Fetch::History)?;
    Ok((entries, at))
}

/// Whether `start` can be a prefix of the history `account` (proven at
/// `height`) commits to, judged from the record alone.
fn possible_prefix(start: HistoryCheckpoint, account: &Account, height: u64) -> bool {
    !(start.len > account.history_len
        || start.last_height > height
        || (start.len == 0 && start != HistoryCheckpoint::EMPTY)
        || (start.len == account.history_len && start.head != account.history_head))
}

/// `peer`'s proven account and history after `start` (see the module
/// docs): when the entries do not fold to the record from a non-empty
/// `start`, the whole history decides between the peer and the checkpoint.
fn read_from_peer(
    peer: &dyn Peer,
    header: &Header,
    address: &Address,
    start: HistoryCheckpoint,
) -> Result<(Account, Vec<HistoryEntry>, HistoryCheckpoint), Fetch> {
    let height = header.height;
    let answer = peer.account(address, height).map_err(Fetch::Peer)?;
    let account = proof::verify_account(header, address, &answer).map_err(Fetch::Proof)?;
    let not_prefix = Fetch::NotPrefix {
        proven_len: account.history_len,
    };
    if !possible_prefix(start, &account, height) {
        return Err(not_prefix);
    }
    match fetch_history(peer, address, start, &account, height) {
        Ok((entries, end)) => Ok((account, entries, end)),
        Err(Fetch::History(error)) if start != HistoryCheckpoint::EMPTY => {
            let (whole, _) =
                fetch_history(peer, address, HistoryCheckpoint::EMPTY, &account, height)?;
            let prefix = usize::try_from(start.len)
                .ok()
                .and_then(|len| whole.get(..len))
                .map(|entries| HistoryCheckpoint::EMPTY.extend(entries));
            match prefix {
                // The peer served the entries after `start` two ways: it
                // lied the first time.
                Some(Ok(prefix)) if prefix == start => Err(Fetch::History(error)),
                _ => Err(not_prefix),
            }
        }
        Err(other) => Err(other),
    }
}

impl LightReader {
    /// `address`'s whole history, proven complete and in order at the
    /// trusted header: [`LightReader::history_since`] from the empty
    /// history.
    ///
    /// # Errors
    /// As [`LightReader::history_since`].
    pub fn history(&self, address: &Address) -> Result<ProvenHistory, ClientError> {
        self.history_since(address, HistoryCheckpoint::EMPTY)
    }

    /// The entries of `address`'s history after `start` (a checkpoint an
    /// earlier read returned as [`ProvenHistory::end`]), proven complete
    /// and in order at the trusted header: the account record is proven,
    /// the peer's pages are folded onto `start` and must end at the
    /// record's `history_len` and `history_head`, with no entry above the
    /// proven height. A peer whose pages do not (an entry left out, added,
    /// altered or moved, one after the proven height) is demoted with the
    /// `history-*` code (`lc-peer-*` for a malformed page or one with more
    /// entries than asked) and the next peer is asked, as for a bad state
    /// proof. Each entry's inclusion and result are proven separately
    /// (`LightClient::tx_inclusion`).
    ///
    /// # Errors
    /// [`ClientError::NoTrustedState`] before the first sync;
    /// [`ClientError::HistoryNotPrefix`] when `start` is not a prefix of
    /// the proven history; [`ClientError::NoPeer`] when no peer gives a
    /// proven account and its history.
    pub fn history_since(
        &self,
        address: &Address,
        start: HistoryCheckpoint,
    ) -> Result<ProvenHistory, ClientError> {
        let header = self.trusted_header()?;
        let peers = &self.shared.peers;
        let mut events = |_: &ProgressEvent| {};
        for index in peers.read_order() {
            match read_from_peer(peers.peer(index).as_ref(), &header, address, start) {
                Ok((account, entries, end)) => {
                    return Ok(ProvenHistory {
                        account: Proven {
                            value: account,
                            height: header.height,
                            header_hash: header.hash(),
                        },
                        start,
                        entries,
                        end,
                    });
                }
                Err(Fetch::Peer(error)) => peers.peer_failed(index, &error, None, &mut events),
                Err(Fetch::Proof(error)) => {
                    peers.demote(index, error.code(), error.to_string(), &mut events);
                }
                Err(Fetch::History(error)) => {
                    peers.demote(index, error.code(), error.to_string(), &mut events);
                }
                Err(Fetch::NotPrefix { proven_len }) => {
                    return Err(ClientError::HistoryNotPrefix {
                        len: start.len,
                        proven_len,
                        height: header.height,
                    });
                }
            }
        }
        Err(self.shared.no_peer())
    }
}

impl<S: LightStore> LightClient<S> {
    /// `address`'s whole history, proven at the trusted header
    /// ([`LightReader::history`]), after a first sync if nothing is trusted
    /// yet.
    ///
    /// # Errors
    /// As [`LightReader::history_since`], and the errors of
    /// [`LightClient::sync`] when nothing was trusted yet.
    pub fn history(&mut self, address: &Address) -> Result<ProvenHistory, ClientError> {
        self.trust_first()?;
        self.reader().history(address)
    }

    /// The entries of `address`'s history after `start`, proven at the
    /// trusted header ([`LightReader::history_since`]), after a first sync
    /// if nothing is trusted yet.
    ///
    /// # Errors
    /// As [`LightClient::history`].
    pub fn history_since(
        &mut self,
        address: &Address,
        start: HistoryCheckpoint,
    ) -> Result<ProvenHistory, ClientError> {
        self.trust_first()?;
        self.reader().history_since(address, start)
    }
}

#[cfg(all(test, feature = "rpc"))]
mod tests {
    #[test]
    fn a_page_is_the_most_the_node_serves() {
        assert_eq!(super::HISTORY_PAGE, jifen_rpc_types::MAX_HISTORY_ENTRIES);
    }
}
