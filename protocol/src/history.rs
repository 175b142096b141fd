//! The proven history of an account (`docs/protocol.md#history`).
//!
//! Every account record carries `history_len` and `history_head`: a hash
//! chain over the transactions the address was party to, in execution
//! order, updated by the node when it executes them:
//!
//! `head' = tagged_hash("jifen/history", head || tx_id || height u64)`,
//! starting from 32 zero bytes.
//!
//! A wallet that proves the account record at some height and is given the
//! list of `(tx_id, height)` entries (by `jifen_history`) recomputes the
//! chain with [`verify_history`]: a node that leaves out, adds, reorders or
//! alters an entry is caught, because the head would differ. Each entry's
//! inclusion and result are then proven one by one (`jifen_txProof`).
//!
//! ```
//! use jifen_protocol::history::{HistoryCheckpoint, HistoryEntry, verify_history};
//! use jifen_protocol::{Account, Hash32};
//!
//! let entries = [
//!     HistoryEntry { tx_id: Hash32([1; 32]), height: 5 },
//!     HistoryEntry { tx_id: Hash32([2; 32]), height: 9 },
//! ];
//! let end = HistoryCheckpoint::EMPTY.extend(&entries)?;
//! let account = Account { history_len: end.len, history_head: end.head, ..Account::new(7, 1) };
//! verify_history(&account, 9, HistoryCheckpoint::EMPTY, &entries)?;
//! // Leaving out an entry is caught.
//! assert!(verify_history(&account, 9, HistoryCheckpoint::EMPTY, &entries[1..]).is_err());
//! # Ok::<(), jifen_protocol::history::HistoryError>(())
//! ```

use crate::encoding::{Decode, DecodeError, Encode, Reader};
use crate::hash::{Hash32, tagged_hash_parts, tags};
use crate::state::Account;

/// One step of the chain: `tagged_hash("jifen/history", head || tx_id || height u64)`.
#[must_use]
pub fn history_step(head: &Hash32, tx_id: &Hash32, height: u64) -> Hash32 {
    Hash32(tagged_hash_parts(
        tags::HISTORY,
        &[head.as_bytes(), tx_id.as_bytes(), &height.to_be_bytes()],
    ))
}

/// One transaction in an account's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HistoryEntry {
    /// The transaction id.
    pub tx_id: Hash32,
    /// The height of the block that executed it.
    pub height: u64,
}

impl Encode for HistoryEntry {
    /// `tx_id (32) || height u64` (40 bytes).
    fn encode_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.tx_id.as_bytes());
        out.extend_from_slice(&self.height.to_be_bytes());
    }
}

impl Decode for HistoryEntry {
    const NAME: &'static str = "history entry";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let tx_id = Hash32(reader.array("tx id")?);
        let offset = reader.offset();
        let height = reader.u64("height")?;
        if height == 0 {
            return Err(DecodeError::InvalidValue {
                field: "height",
                offset,
                reason: "transactions execute in blocks of height 1 or more",
            });
        }
        Ok(Self { tx_id, height })
    }
}

/// A point in a history chain: how many entries and the head after them.
/// A wallet keeps the last one it verified and extends it with new entries
/// instead of fetching the whole history again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HistoryCheckpoint {
    /// Entries folded so far.
    pub len: u64,
    /// The head after them.
    pub head: Hash32,
    /// Height of the last entry (0 for none).
    pub last_height: u64,
}

impl HistoryCheckpoint {
    /// The empty history.
    pub const EMPTY: Self = Self {
        len: 0,
        head: Hash32::ZERO,
        last_height: 0,
    };

    /// The checkpoint after `entries`.
    ///
    /// # Errors
    /// [`HistoryError::HeightOrder`] when an entry's height is below the
    /// previous one's (execution order never goes back);
    /// [`HistoryError::TooLong`] when the count would overflow.
    pub fn extend(self, entries: &[HistoryEntry]) -> Result<Self, HistoryError> {
        let mut at = self;
        for entry in entries {
            if entry.height < at.last_height || entry.height == 0 {
                return Err(HistoryError::HeightOrder {
                    index: at.len,
                    height: entry.height,
                    previous: at.last_height,
                });
            }
            at = Self {
                len: at.len.checked_add(1).ok_or(HistoryError::TooLong)?,
                head: history_step(&at.head, &entry.tx_id, entry.height),
                last_height: entry.height,
            };
        }
        Ok(at)
    }
}

/// Checks that `entries`, appended to `start`, are exactly the history that
/// `account` (proven at `proven_height`) commits to.
///
/// # Errors
/// A [`HistoryError`] naming the first disagreement.
pub fn verify_history(
    account: &Account,
    proven_height: u64,
    start: HistoryCheckpoint,
    entries: &[HistoryEntry],
) -> Result<(), HistoryError> {
    let end = start.extend(entries)?;
    if end.last_height > proven_height {
        return Err(HistoryError::AfterProvenHeight {
            height: end.last_height,
            proven: proven_height,
        });
    }
    if end.len != account.history_len {
        return Err(HistoryError::LengthMismatch {
            expected: account.history_len,
            got: end.len,
        });
    }
    if end.head != account.history_head {
        return Err(HistoryError::HeadMismatch {
            expected: account.history_head,
            got: end.head,
        });
    }
    Ok(())
}

/// Why a list of entries is not the history an account commits to.
///
/// Codes: `history-length-mismatch`, `history-head-mismatch`,
/// `history-height-order`, `history-after-proven-height`, `history-too-long`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HistoryError {
    /// The entries are more or fewer than the account's count: an entry was
    /// left out or added.
    #[error("the history has {got} entries but the account commits to {expected}")]
    LengthMismatch {
        /// The proven count.
        expected: u64,
        /// The entries' count.
        got: u64,
    },
    /// The entries do not hash to the account's head: one was altered,
    /// replaced or moved.
    #[error("the history hashes to {got}, the account commits to {expected}")]
    HeadMismatch {
        /// The proven head.
        expected: Hash32,
        /// The recomputed head.
        got: Hash32,
    },
    /// An entry's height is below the previous entry's.
    #[error("history entry {index} at height {height} comes after height {previous}")]
    HeightOrder {
        /// Position of the entry.
        index: u64,
        /// Its height.
        height: u64,
        /// The previous entry's height.
        previous: u64,
    },
    /// An entry is above the height the account was proven at.
    #[error("a history entry at height {height} is above the proven height {proven}")]
    AfterProvenHeight {
        /// The entry's height.
        height: u64,
        /// The proven height.
        proven: u64,
    },
    /// More than `u64::MAX` entries.
    #[error("the history is too long")]
    TooLong,
}

impl HistoryError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::LengthMismatch { .. } => "history-length-mismatch",
            Self::HeadMismatch { .. } => "history-head-mismatch",
            Self::HeightOrder { .. } => "history-height-order",
            Self::AfterProvenHeight { .. } => "history-after-proven-height",
            Self::TooLong => "history-too-long",
        }
    }
}

impl crate::message::Coded for HistoryError {
    fn code(&self) -> &'static str {
        HistoryError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, crate::message::Arg)> {
        match self {
            HistoryError::LengthMismatch { expected, got } => {
                vec![("expected", (*expected).into()), ("got", (*got).into())]
            }
            HistoryError::HeadMismatch { expected, got } => vec![
                ("expected", expected.to_string().into()),
                ("got", got.to_string().into()),
            ],
            HistoryError::HeightOrder {
                index,
                height,
                previous,
            } => vec![
                ("index", (*index).into()),
                ("height", (*height).into()),
                ("previous", (*previous).into()),
            ],
            HistoryError::AfterProvenHeight { height, proven } => {
                vec![("height", (*height).into()), ("proven", (*proven).into())]
            }
            HistoryError::TooLong => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(n: u8, height: u64) -> HistoryEntry {
        HistoryEntry {
            tx_id: Hash32([n; 32]),
            height,
        }
    }

    fn account_of(entries: &[HistoryEntry]) -> Account {
        let end = HistoryCheckpoint::EMPTY.extend(entries).unwrap();
        Account {
            history_len: end.len,
            history_head: end.head,
            ..Account::new(1, 0)
        }
    }

    #[test]
    fn every_alteration_is_caught() {
        let entries = [entry(1, 2), entry(2, 2), entry(3, 7)];
        let account = account_of(&entries);
        verify_history(&account, 7, HistoryCheckpoint::EMPTY, &entries).unwrap();
        let omitted = [entries[0], entries[2]];
        assert_eq!(
            verify_history(&account, 7, HistoryCheckpoint::EMPTY, &omitted)
                .unwrap_err()
                .code(),
            "history-length-mismatch"
        );
        let swapped = [entries[1], entries[0], entries[2]];
        assert_eq!(
            verify_history(&account, 7, HistoryCheckpoint::EMPTY, &swapped)
                .unwrap_err()
                .code(),
            "history-head-mismatch"
        );
        let moved = [entries[0], entries[1], entry(3, 6)];
        assert_eq!(
            verify_history(&account, 7, HistoryCheckpoint::EMPTY, &moved)
                .unwrap_err()
                .code(),
            "history-head-mismatch"
        );
        let backwards = [entries[2], entries[0]];
        assert_eq!(
            HistoryCheckpoint::EMPTY
                .extend(&backwards)
                .unwrap_err()
                .code(),
            "history-height-order"
        );
        assert_eq!(
            verify_history(&account, 6, HistoryCheckpoint::EMPTY, &entries)
                .unwrap_err()
                .code(),
            "history-after-proven-height"
        );
    }

    #[test]
    fn a_checkpoint_extends_like_the_whole() {
        let entries = [entry(1, 2), entry(2, 3), entry(3, 3), entry(4, 10)];
        let account = account_of(&entries);
        let middle = HistoryCheckpoint::EMPTY.extend(&entries[..2]).unwrap();
        verify_history(&account, 10, middle, &entries[2..]).unwrap();
        assert_eq!(
            history_step(&Hash32::ZERO, &Hash32([1; 32]), 2),
            HistoryCheckpoint::EMPTY.extend(&entries[..1]).unwrap().head
        );
    }

    #[test]
    fn entries_round_trip_and_refuse_height_zero() {
        let e = entry(5, 42);
        assert_eq!(e.encode().len(), 40);
        assert_eq!(HistoryEntry::decode(&e.encode()).unwrap(), e);
        assert_eq!(
            HistoryEntry::decode(&entry(5, 0).encode())
                .unwrap_err()
                .code(),
            "decode-invalid-value"
        );
    }
}
