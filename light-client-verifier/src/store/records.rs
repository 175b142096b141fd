//! The store's records beside the blocks: the head, a chain link per
//! member, pins; and their byte encodings (fixed layouts, decoded strictly
//! with [`Reader`], so a damaged record is `lc-store-corrupt`, never a
//! panic).

use jifen_protocol::{DecodeError, Hash32, Reader};

use super::StoreError;
use crate::trust::Checkpoint;

/// The store format this build writes and reads. Format 1 (blocks only,
/// before issue 16) is migrated on first open; a higher one is refused
/// (`lc-store-format`).
pub const STORE_FORMAT: u32 = 2;

/// The head record: where the stored chain starts and ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoreHead {
    /// The store format ([`STORE_FORMAT`]).
    pub format: u32,
    /// The root: the checkpoint the chain grew from.
    pub root: Checkpoint,
    /// The latest trusted block.
    pub latest: Checkpoint,
    /// The member below the latest (`None` when the latest is the root).
    pub below_latest: Option<Checkpoint>,
}

/// A member of the stored chain, written when it was verified: its hash,
/// the member it verifies from, and whether it is a pivot (a member its
/// neighbours could not link across, kept for good).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChainLink {
    /// The member's height.
    pub height: u64,
    /// Its block hash.
    pub hash: Hash32,
    /// The member below it (`None` for the root).
    pub below: Option<u64>,
    /// Its neighbours do not link across it: never pruned.
    pub pivot: bool,
}

/// Why some members are kept whatever their age.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinKind {
    /// The trusted block below a fork (its validator set checks the
    /// evidence); released only by the user.
    Evidence,
    /// The root and path of an exported audit bundle.
    Bundle,
}

/// Members kept for evidence or a bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pin {
    /// The pin's id (an evidence or bundle file name).
    pub id: String,
    /// Why.
    pub kind: PinKind,
    /// The pinned members' heights, ascending.
    pub heights: Vec<u64>,
}

/// Longest pin id (bytes) and most heights per pin a record may hold.
const MAX_PIN_ID: usize = 1_024;
const MAX_PIN_HEIGHTS: u64 = 1 << 20;

fn corrupt(height: u64) -> impl FnOnce(DecodeError) -> StoreError {
    move |source| StoreError::Corrupt { height, source }
}

fn finish(reader: &Reader<'_>, what: &'static str) -> Result<(), DecodeError> {
    if reader.remaining() == 0 {
        Ok(())
    } else {
        Err(DecodeError::TrailingBytes {
            what,
            offset: reader.offset(),
            remaining: reader.remaining(),
        })
    }
}

fn flag(reader: &mut Reader<'_>, field: &'static str) -> Result<bool, DecodeError> {
    let offset = reader.offset();
    match reader.u8(field)? {
        0 => Ok(false),
        1 => Ok(true),
        got => Err(DecodeError::BadTag { field, offset, got }),
    }
}

fn put_checkpoint(out: &mut Vec<u8>, checkpoint: &Checkpoint) {
    out.extend_from_slice(&checkpoint.height.to_be_bytes());
    out.extend_from_slice(&checkpoint.hash.0);
}

fn checkpoint(reader: &mut Reader<'_>) -> Result<Checkpoint, DecodeError> {
    Ok(Checkpoint {
        height: reader.u64("checkpoint height")?,
        hash: Hash32(reader.array("checkpoint hash")?),
    })
}

impl StoreHead {
    /// The head's encoding: format ‖ root ‖ latest ‖ tag ‖ below-latest.
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(4 + 40 * 3 + 1);
        out.extend_from_slice(&self.format.to_be_bytes());
        put_checkpoint(&mut out, &self.root);
        put_checkpoint(&mut out, &self.latest);
        match &self.below_latest {
            Some(below) => {
                out.push(1);
                put_checkpoint(&mut out, below);
            }
            None => out.push(0),
        }
        out
    }

    /// Decodes [`StoreHead::to_bytes`]. A head of a newer format is
    /// refused before the rest is read (its layout may differ).
    ///
    /// # Errors
    /// [`StoreError::Format`]; [`StoreError::Corrupt`] (height 0).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, StoreError> {
        let mut reader = Reader::new(bytes);
        let format = reader.u32("store format").map_err(corrupt(0))?;
        if format > STORE_FORMAT {
            return Err(StoreError::Format {
                found: format,
                supported: STORE_FORMAT,
            });
        }
        let read = |reader: &mut Reader<'_>| -> Result<Self, DecodeError> {
            let root = checkpoint(reader)?;
            let latest = checkpoint(reader)?;
            let below_latest = if flag(reader, "below-latest tag")? {
                Some(checkpoint(reader)?)
            } else {
                None
            };
            finish(reader, "store head")?;
            Ok(Self {
                format,
                root,
                latest,
                below_latest,
            })
        };
        read(&mut reader).map_err(corrupt(0))
    }
}

impl ChainLink {
    /// The link's encoding (42 bytes): hash ‖ tag ‖ below ‖ pivot.
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(42);
        out.extend_from_slice(&self.hash.0);
        out.push(u8::from(self.below.is_some()));
        out.extend_from_slice(&self.below.unwrap_or(0).to_be_bytes());
        out.push(u8::from(self.pivot));
        out
    }

    /// Decodes [`ChainLink::to_bytes`] stored under `height`.
    ///
    /// # Errors
    /// [`StoreError::Corrupt`].
    pub fn from_bytes(height: u64, bytes: &[u8]) -> Result<Self, StoreError> {
        let read = || -> Result<Self, DecodeError> {
            let mut reader = Reader::new(bytes);
            let hash = Hash32(reader.array("link hash")?);
            let has_below = flag(&mut reader, "link below tag")?;
            let offset = reader.offset();
            let below = reader.u64("link below")?;
            // Without a member below, the height field is 0: one encoding per link.
            if !has_below && below != 0 {
                return Err(DecodeError::InvalidValue {
                    field: "link below",
                    offset,
                    reason: "a link without a member below has height 0",
                });
            }
            let pivot = flag(&mut reader, "link pivot")?;
            finish(&reader, "chain link")?;
            Ok(Self {
                height,
                hash,
                below: has_below.then_some(below),
                pivot,
            })
        };
        read().map_err(corrupt(height))
    }
}

impl Pin {
    /// The pin's encoding (its id is the key): kind ‖ count ‖ heights.
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(9 + 8 * self.heights.len());
        out.push(match self.kind {
            PinKind::Evidence => 0,
            PinKind::Bundle => 1,
        });
        out.extend_from_slice(&(self.heights.len() as u64).to_be_bytes());
        for height in &self.heights {
            out.extend_from_slice(&height.to_be_bytes());
        }
        out
    }

    /// Decodes [`Pin::to_bytes`] stored under `id`.
    ///
    /// # Errors
    /// [`StoreError::Corrupt`] (height 0).
    pub fn from_bytes(id: &str, bytes: &[u8]) -> Result<Self, StoreError> {
        let read = || -> Result<Self, DecodeError> {
            let mut reader = Reader::new(bytes);
            let offset = reader.offset();
            let kind = match reader.u8("pin kind")? {
                0 => PinKind::Evidence,
                1 => PinKind::Bundle,
                got => {
                    return Err(DecodeError::BadTag {
                        field: "pin kind",
                        offset,
                        got,
                    });
                }
            };
            let offset = reader.offset();
            let count = reader.u64("pin height count")?;
            if count > MAX_PIN_HEIGHTS || count.saturating_mul(8) > reader.remaining() as u64 {
                return Err(DecodeError::LengthOutOfBounds {
                    field: "pin heights",
                    offset,
                    got: count,
                    min: 0,
                    max: MAX_PIN_HEIGHTS.min(reader.remaining() as u64 / 8),
                });
            }
            let mut heights = Vec::new();
            for _ in 0..count {
                heights.push(reader.u64("pinned height")?);
            }
            finish(&reader, "pin")?;
            Ok(Self {
                id: id.to_owned(),
                kind,
                heights,
            })
        };
        if id.len() > MAX_PIN_ID {
            return Err(StoreError::Corrupt {
                height: 0,
                source: DecodeError::LengthOutOfBounds {
                    field: "pin id",
                    offset: 0,
                    got: id.len() as u64,
                    min: 0,
                    max: MAX_PIN_ID as u64,
                },
            });
        }
        read().map_err(corrupt(0))
    }
}
