//! The promises every canonical decoder keeps.

use std::fmt::Debug;

use jifen_protocol::{Decode, Encode};

/// Decodes `data` as a `T`; when it decodes, the value must encode back to
/// exactly `data` (one byte string per value) and decode again to itself.
pub fn canonical<T: Decode + Encode + PartialEq + Debug>(data: &[u8]) -> Option<T> {
    let value = T::decode(data).ok()?;
    let encoded = value.encode();
    assert_eq!(
        encoded,
        data,
        "{}: a decoded value does not encode back to its bytes",
        T::NAME
    );
    let again = T::decode(&encoded).expect("re-decoding an encoding");
    assert_eq!(again, value, "{}: decode(encode(x)) != x", T::NAME);
    Some(value)
}
