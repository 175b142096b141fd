//! Light-block ranges in binary: the answer to `jifen_lightBlocks` when the
//! request carries `Accept: application/vnd.jifen.light-blocks.v1`
//! (`docs/rpc.md#binary-light-block-ranges`,
//! `docs/adr/0018-binary-light-block-ranges.md`).
//!
//! Frame v1, every integer big-endian, every object in its canonical
//! encoding (`docs/protocol.md#encoding`):
//!
//! | bytes | what |
//! |---|---|
//! | 4 | magic `JLB1` |
//! | 8 | `from`: the first height |
//! | 4 | `count`: the blocks, `to - from + 1` |
//! | 4 | `sets`: the distinct validator sets |
//! | … | each set, in the order blocks first name it |
//! | … | per block: header, commit, set index (u32), next-set index (u32) |
//!
//! A block's next set is the next block's set, so a range carries each set
//! once: a stable range of 100 blocks carries one set instead of 200 in
//! hex. [`LightBlocksResult::from_frame`] is as strict as the JSON reader
//! and stricter about the sets: one frame per content (sets distinct, in
//! order of first reference, every one referenced), each set the one its
//! header names, no trailing bytes. Nothing read here is trusted: the light
//! client verifies the blocks as it does those read from JSON.

use std::collections::HashMap;

use jifen_protocol::validator::VALIDATOR_LEN;
use jifen_protocol::{Commit, Decode, DecodeError, Encode, Hash32, Header, Reader, ValidatorSet};

use crate::blocks::{LightBlockResult, LightBlocksResult};
use crate::field::WireError;

/// The media type of a binary light-block range (frame v1).
pub const LIGHT_BLOCKS_CONTENT_TYPE: &str = "application/vnd.jifen.light-blocks.v1";

/// The first four bytes of a frame v1.
pub const FRAME_MAGIC: [u8; 4] = *b"JLB1";

/// Bytes before the first set: magic, `from`, `count`, `sets`.
pub const FRAME_HEAD_LEN: usize = 4 + 8 + 4 + 4;

/// Whether a `Content-Type` (or one media range of an `Accept`) value names
/// [`LIGHT_BLOCKS_CONTENT_TYPE`]: the media type compared without case,
/// parameters ignored except `q=0`, which refuses it.
#[must_use]
pub fn names_light_blocks_type(value: &str) -> bool {
    let mut parts = value.split(';');
    let media = parts.next().unwrap_or_default().trim();
    if !media.eq_ignore_ascii_case(LIGHT_BLOCKS_CONTENT_TYPE) {
        return false;
    }
    !parts.any(|parameter| {
        let (name, value) = parameter.split_once('=').unwrap_or((parameter, ""));
        name.trim().eq_ignore_ascii_case("q") && value.trim().parse::<f64>().is_ok_and(|q| q <= 0.0)
    })
}

/// Whether an `Accept` header value (a comma-separated list of media
/// ranges) asks for [`LIGHT_BLOCKS_CONTENT_TYPE`] by name (a wildcard does
/// not: only a client that reads frames asks for one).
#[must_use]
pub fn accepts_light_blocks(accept: &str) -> bool {
    accept.split(',').any(names_light_blocks_type)
}

fn frame_error(at: usize, expected: impl Into<String>) -> WireError {
    WireError::Frame {
        at,
        expected: expected.into(),
    }
}

/// A canonical object read from the frame; its error names where the
/// object starts.
fn object<T: Decode>(reader: &mut Reader<'_>) -> Result<T, WireError> {
    let at = reader.offset();
    T::decode_from(reader).map_err(|error| decoding(at, T::NAME, &error))
}

fn decoding(at: usize, what: &str, error: &DecodeError) -> WireError {
    frame_error(at, format!("a canonical {what} ({error})"))
}

fn u32_at(reader: &mut Reader<'_>, field: &'static str) -> Result<(usize, u32), WireError> {
    let at = reader.offset();
    reader
        .u32(field)
        .map(|value| (at, value))
        .map_err(|error| decoding(at, field, &error))
}

/// The index of `set` in `sets`, appending it when it is new.
fn place<'a>(
    set: &'a ValidatorSet,
    sets: &mut Vec<&'a ValidatorSet>,
    index: &mut HashMap<Hash32, u32>,
) -> u32 {
    *index.entry(set.hash()).or_insert_with(|| {
        sets.push(set);
        u32::try_from(sets.len() - 1).unwrap_or(u32::MAX)
    })
}

/// Which of a block's two set indices is read.
#[derive(Clone, Copy)]
enum Which {
    Set,
    Next,
}

impl Which {
    const fn index(self) -> &'static str {
        match self {
            Self::Set => "set index",
            Self::Next => "next-set index",
        }
    }

    const fn member(self) -> &'static str {
        match self {
            Self::Set => "validators_hash",
            Self::Next => "next_validators_hash",
        }
    }
}

/// Reads a block's set index and returns the set, which must be the one
/// its header names (`named`); `first_unnamed` is the first set no block
/// has named yet (a block may name it, never one after it).
fn set_named(
    reader: &mut Reader<'_>,
    sets: &[ValidatorSet],
    hashes: &[Hash32],
    first_unnamed: &mut usize,
    which: Which,
    named: &Hash32,
) -> Result<ValidatorSet, WireError> {
    let (at, index) = u32_at(reader, which.index())?;
    let index = usize::try_from(index).unwrap_or(usize::MAX);
    let (Some(set), Some(hash)) = (sets.get(index), hashes.get(index)) else {
        return Err(frame_error(
            at,
            format!("a {} below {}", which.index(), sets.len()),
        ));
    };
    if index > *first_unnamed {
        return Err(frame_error(
            at,
            format!(
                "sets in order of first reference (a {} of at most {first_unnamed})",
                which.index()
            ),
        ));
    }
    if index == *first_unnamed {
        *first_unnamed += 1;
    }
    if hash != named {
        return Err(frame_error(
            at,
            format!("the set the header names in {}", which.member()),
        ));
    }
    Ok(set.clone())
}

impl LightBlocksResult {
    /// The frame v1 of these blocks, the first at height `from`.
    ///
    /// Sets are written once each, in the order the blocks first name them
    /// (a block's set, then its next set), and found again by hash.
    #[must_use]
    pub fn to_frame(&self, from: u64) -> Vec<u8> {
        let mut sets: Vec<&ValidatorSet> = Vec::new();
        let mut index: HashMap<Hash32, u32> = HashMap::new();
        let refs: Vec<(u32, u32)> = self
            .light_blocks
            .iter()
            .map(|block| {
                let here = place(&block.validator_set, &mut sets, &mut index);
                let next = place(&block.next_validator_set, &mut sets, &mut index);
                (here, next)
            })
            .collect();
        let mut out = Vec::new();
        out.extend_from_slice(&FRAME_MAGIC);
        out.extend_from_slice(&from.to_be_bytes());
        let count = u32::try_from(self.light_blocks.len()).unwrap_or(u32::MAX);
        out.extend_from_slice(&count.to_be_bytes());
        let distinct = u32::try_from(sets.len()).unwrap_or(u32::MAX);
        out.extend_from_slice(&distinct.to_be_bytes());
        for set in sets {
            set.encode_to(&mut out);
        }
        for (block, (here, next)) in self.light_blocks.iter().zip(refs) {
            block.header.encode_to(&mut out);
            block.commit.encode_to(&mut out);
            out.extend_from_slice(&here.to_be_bytes());
            out.extend_from_slice(&next.to_be_bytes());
        }
        out
    }

    /// Reads the frame v1 answering a request for `from ..= to`.
    ///
    /// Heights are not checked here: [`LightBlocksResult::expect_range`]
    /// does, for frames and JSON alike.
    ///
    /// # Errors
    /// [`WireError::Frame`] naming the offset and the rule broken: the
    /// magic; `from` and the count not those asked; a set or block that is
    /// not canonical; a set index out of range or ahead of the order of
    /// first reference; two equal sets; a set never referenced; a set that
    /// is not the one its header names; trailing bytes.
    pub fn from_frame(bytes: &[u8], from: u64, to: u64) -> Result<Self, WireError> {
        let mut reader = Reader::new(bytes);
        let magic = reader
            .array::<4>("magic")
            .map_err(|error| decoding(0, "magic", &error))?;
        if magic != FRAME_MAGIC {
            return Err(frame_error(0, "the magic JLB1"));
        }
        let got_from = reader
            .u64("from")
            .map_err(|error| decoding(4, "from", &error))?;
        if got_from != from {
            return Err(frame_error(4, format!("from {from}, not {got_from}")));
        }
        let asked = to
            .checked_sub(from)
            .and_then(|n| n.checked_add(1))
            .ok_or_else(|| {
                frame_error(
                    4,
                    format!("a range asked with from <= to, not {from}..={to}"),
                )
            })?;
        let (at, count) = u32_at(&mut reader, "count")?;
        if u64::from(count) != asked {
            return Err(frame_error(at, format!("count {asked}, not {count}")));
        }
        let count = usize::try_from(count).unwrap_or(usize::MAX);
        let at = reader.offset();
        // Each set is at least a count and one validator; at most two sets
        // per block.
        let distinct = reader
            .count("sets", 1, count.saturating_mul(2), 4 + VALIDATOR_LEN)
            .map_err(|error| decoding(at, "set count", &error))?;
        let mut sets: Vec<ValidatorSet> = Vec::with_capacity(distinct);
        let mut hashes: Vec<Hash32> = Vec::with_capacity(distinct);
        for _ in 0..distinct {
            let at = reader.offset();
            let set: ValidatorSet = object(&mut reader)?;
            let hash = set.hash();
            if hashes.contains(&hash) {
                return Err(frame_error(at, "distinct sets (this one is sent twice)"));
            }
            hashes.push(hash);
            sets.push(set);
        }
        let mut light_blocks = Vec::with_capacity(count.min(crate::MAX_LIGHT_BLOCKS as usize));
        // Sets must be named in the order they are sent: the next index a
        // block may name for the first time.
        let mut first_unnamed = 0usize;
        for _ in 0..count {
            let header: Header = object(&mut reader)?;
            let commit: Commit = object(&mut reader)?;
            let mut named = |which: Which, hash: &Hash32| {
                set_named(&mut reader, &sets, &hashes, &mut first_unnamed, which, hash)
            };
            let validator_set = named(Which::Set, &header.validators_hash)?;
            let next_validator_set = named(Which::Next, &header.next_validators_hash)?;
            light_blocks.push(LightBlockResult {
                header,
                commit,
                validator_set,
                next_validator_set,
            });
        }
        if first_unnamed != distinct {
            return Err(frame_error(
                reader.offset(),
                format!("every set referenced ({first_unnamed} of {distinct} are)"),
            ));
        }
        let at = reader.offset();
        reader
            .finish("light-block frame")
            .map_err(|_| frame_error(at, "no trailing bytes"))?;
        Ok(Self { light_blocks })
    }
}

#[cfg(test)]
#[path = "binary_tests.rs"]
mod tests;
