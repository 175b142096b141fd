//! A subchain block's entries (key-value writes), their root, and the
//! subchain state key. The provenance issue stores its records this way.

use crate::encoding::{Decode, DecodeError, Encode, Reader};
use crate::points::{invalid, put_bytes, read_bounded};
use crate::{Hash32, merkle, tagged_hash};

/// Domain tag of a subchain state key.
pub const SUBCHAIN_KEY_TAG: &str = "jifen/subchain-key";
/// Longest entry key, bytes.
pub const MAX_ENTRY_KEY_LEN: usize = 64;
/// Longest entry value, bytes.
pub const MAX_ENTRY_VALUE_LEN: usize = 4_096;

/// One write of a subchain block: `key` now holds `value`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Entry {
    /// 1-64 bytes of printable UTF-8 (no control characters).
    pub key: String,
    /// At most 4,096 bytes (a provenance record with its EPCIS event).
    pub value: Vec<u8>,
}

/// Whether `key` is a valid entry key.
#[must_use]
pub fn valid_key(key: &str) -> bool {
    !key.is_empty() && key.len() <= MAX_ENTRY_KEY_LEN && !key.chars().any(char::is_control)
}

impl Encode for Entry {
    /// `key (u32 len) || value (u32 len)`.
    fn encode_to(&self, out: &mut Vec<u8>) {
        put_bytes(out, self.key.as_bytes());
        put_bytes(out, &self.value);
    }
}

impl Decode for Entry {
    const NAME: &'static str = "subchain entry";

    fn decode_from(reader: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let offset = reader.offset();
        let key = String::from_utf8(read_bounded(reader, "key", 1, MAX_ENTRY_KEY_LEN)?)
            .ok()
            .filter(|key| valid_key(key))
            .ok_or_else(|| invalid("key", offset, "a key is UTF-8 without control characters"))?;
        let value = read_bounded(reader, "value", 0, MAX_ENTRY_VALUE_LEN)?;
        Ok(Self { key, value })
    }
}

/// The header's `tx_root`: RFC 6962 root over the entries' encodings in
/// block order.
#[must_use]
pub fn entries_root(entries: &[Entry]) -> Hash32 {
    let leaves: Vec<Vec<u8>> = entries.iter().map(Encode::encode).collect();
    merkle::root(&leaves)
}

/// The key of `key` in a subchain's state map:
/// `tagged_hash("jifen/subchain-key", key bytes)`.
#[must_use]
pub fn subchain_state_key(key: &str) -> Hash32 {
    Hash32(tagged_hash(SUBCHAIN_KEY_TAG, key.as_bytes()))
}
