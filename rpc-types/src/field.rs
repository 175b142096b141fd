//! Strict reading of the members of a JSON object, and [`WireError`].
//!
//! Every getter names the member it reads, so a wrong answer says which
//! field is wrong. Binary members are hex: hashes exactly 64 digits,
//! canonical encodings decoded with the protocol's strict decoders (one
//! encoding per value, no trailing bytes); integers must be JSON integers
//! in range, amounts decimal strings without sign or leading zeros.

use jifen_protocol::message::{Arg, Coded};
use jifen_protocol::{AddressError, Decode, DecodeError, Hash32};
use serde_json::{Map, Value};

/// Why a params or result object is not what `docs/rpc.md` defines.
///
/// Codes: `rpc-field-missing`, `rpc-field-wrong-type`, `rpc-field-bad-text`,
/// `rpc-field-decode`, `rpc-field-address`, `rpc-field-inconsistent`,
/// `rpc-frame-invalid`.
///
/// Not `#[non_exhaustive]`: the node and the light client map every kind
/// with an exhaustive match, so a new kind is handled where it matters.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WireError {
    /// A required member is absent (or null where null is not allowed).
    #[error("missing {field}")]
    Missing {
        /// The member.
        field: &'static str,
    },
    /// A member has the wrong JSON type (or an integer out of range).
    #[error("{field} must be {expected}")]
    WrongType {
        /// The member.
        field: &'static str,
        /// What it must be.
        expected: &'static str,
    },
    /// A string member is not of the required form (hex, length, digits).
    #[error("{field} must be {expected}")]
    BadText {
        /// The member.
        field: &'static str,
        /// What it must be.
        expected: &'static str,
    },
    /// A hex member is not the canonical encoding of its object.
    #[error("{field} does not decode: {source}")]
    Decode {
        /// The member.
        field: &'static str,
        /// The strict decoder's error.
        source: DecodeError,
    },
    /// An address member is not a valid address.
    #[error("{field} is not an address: {source}")]
    Address {
        /// The member.
        field: &'static str,
        /// Why.
        source: AddressError,
    },
    /// Two members that repeat each other disagree (a hash that is not the
    /// header's, a height that is not the block's).
    #[error("{field} is {got}, expected {expected}")]
    Inconsistent {
        /// What disagrees.
        field: &'static str,
        /// What it should be.
        expected: String,
        /// What it is.
        got: String,
    },
    /// A binary light-block range (`crate::binary`) breaks a rule of the
    /// frame.
    #[error("the light-block frame is invalid at byte {at}: expected {expected}")]
    Frame {
        /// Offset in the frame where the rule is broken.
        at: usize,
        /// What the frame must hold there.
        expected: String,
    },
}

impl WireError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::Missing { .. } => "rpc-field-missing",
            Self::WrongType { .. } => "rpc-field-wrong-type",
            Self::BadText { .. } => "rpc-field-bad-text",
            Self::Decode { .. } => "rpc-field-decode",
            Self::Address { .. } => "rpc-field-address",
            Self::Inconsistent { .. } => "rpc-field-inconsistent",
            Self::Frame { .. } => "rpc-frame-invalid",
        }
    }

    /// The member the error is about.
    #[must_use]
    pub fn field(&self) -> &'static str {
        match self {
            Self::Missing { field }
            | Self::WrongType { field, .. }
            | Self::BadText { field, .. }
            | Self::Decode { field, .. }
            | Self::Address { field, .. }
            | Self::Inconsistent { field, .. } => field,
            Self::Frame { .. } => "frame",
        }
    }

    /// Checks that a repeated member agrees with what it repeats.
    ///
    /// # Errors
    /// [`WireError::Inconsistent`] when `expected != got`.
    pub fn check_equal<T: PartialEq + ToString>(
        field: &'static str,
        expected: T,
        got: T,
    ) -> Result<(), Self> {
        if expected == got {
            Ok(())
        } else {
            Err(Self::Inconsistent {
                field,
                expected: expected.to_string(),
                got: got.to_string(),
            })
        }
    }
}

impl Coded for WireError {
    fn code(&self) -> &'static str {
        WireError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            Self::Missing { field } => vec![("field", (*field).into())],
            Self::WrongType { field, expected } | Self::BadText { field, expected } => {
                vec![("field", (*field).into()), ("expected", (*expected).into())]
            }
            Self::Decode { field, source } => vec![
                ("field", (*field).into()),
                ("detail", source.to_string().into()),
            ],
            Self::Address { field, source } => vec![
                ("field", (*field).into()),
                ("detail", source.to_string().into()),
            ],
            Self::Inconsistent {
                field,
                expected,
                got,
            } => vec![
                ("field", (*field).into()),
                ("expected", expected.into()),
                ("got", got.into()),
            ],
            Self::Frame { at, expected } => {
                vec![("offset", (*at).into()), ("expected", expected.into())]
            }
        }
    }
}

/// The members of a JSON object, read strictly.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields<'a>(&'a Map<String, Value>);

impl<'a> Fields<'a> {
    /// `value` as an object; `what` names it in the error.
    pub(crate) fn of(value: &'a Value, what: &'static str) -> Result<Self, WireError> {
        value.as_object().map(Self).ok_or(WireError::WrongType {
            field: what,
            expected: "an object",
        })
    }

    /// A member that must be present; `None` when it is null.
    fn nullable(&self, name: &'static str) -> Result<Option<&'a Value>, WireError> {
        match self.0.get(name) {
            None => Err(WireError::Missing { field: name }),
            Some(Value::Null) => Ok(None),
            Some(value) => Ok(Some(value)),
        }
    }

    /// A member that may be absent or null (parameters with a default).
    fn optional(&self, name: &'static str) -> Option<&'a Value> {
        self.0.get(name).filter(|value| !value.is_null())
    }

    /// A member that must be present and not null.
    pub(crate) fn required(&self, name: &'static str) -> Result<&'a Value, WireError> {
        self.nullable(name)?
            .ok_or(WireError::Missing { field: name })
    }

    pub(crate) fn u64(&self, name: &'static str) -> Result<u64, WireError> {
        as_u64(self.required(name)?, name)
    }

    pub(crate) fn optional_u64(&self, name: &'static str) -> Result<Option<u64>, WireError> {
        self.optional(name)
            .map(|value| as_u64(value, name))
            .transpose()
    }

    pub(crate) fn nullable_u64(&self, name: &'static str) -> Result<Option<u64>, WireError> {
        self.nullable(name)?
            .map(|value| as_u64(value, name))
            .transpose()
    }

    pub(crate) fn u16(&self, name: &'static str) -> Result<u16, WireError> {
        u16::try_from(self.u64(name)?).map_err(|_| WireError::WrongType {
            field: name,
            expected: "an integer below 65536",
        })
    }

    pub(crate) fn str(&self, name: &'static str) -> Result<&'a str, WireError> {
        as_str(self.required(name)?, name)
    }

    pub(crate) fn hash(&self, name: &'static str) -> Result<Hash32, WireError> {
        parse_hash(self.str(name)?, name)
    }

    pub(crate) fn nullable_hash(&self, name: &'static str) -> Result<Option<Hash32>, WireError> {
        self.nullable(name)?
            .map(|value| parse_hash(as_str(value, name)?, name))
            .transpose()
    }

    /// Hex bytes, at most `max` of them; `None` when null.
    pub(crate) fn nullable_bytes(
        &self,
        name: &'static str,
        max: usize,
    ) -> Result<Option<Vec<u8>>, WireError> {
        self.nullable(name)?
            .map(|value| parse_hex(as_str(value, name)?, name, max))
            .transpose()
    }

    /// The canonical encoding of a `T`, in hex.
    pub(crate) fn canonical<T: Decode>(&self, name: &'static str) -> Result<T, WireError> {
        let bytes = parse_hex(self.str(name)?, name, usize::MAX)?;
        T::decode(&bytes).map_err(|source| WireError::Decode {
            field: name,
            source,
        })
    }

    /// A u128 written in decimal (amounts).
    pub(crate) fn decimal_u128(&self, name: &'static str) -> Result<u128, WireError> {
        let text = self.str(name)?;
        let canonical = !text.is_empty()
            && text.bytes().all(|b| b.is_ascii_digit())
            && (text == "0" || !text.starts_with('0'));
        let bad = WireError::BadText {
            field: name,
            expected: "a decimal integer (no sign, no leading zeros) below 2^128",
        };
        if !canonical {
            return Err(bad);
        }
        text.parse().map_err(|_| bad)
    }

    pub(crate) fn array(&self, name: &'static str) -> Result<&'a [Value], WireError> {
        self.required(name)?
            .as_array()
            .map(Vec::as_slice)
            .ok_or(WireError::WrongType {
                field: name,
                expected: "an array",
            })
    }
}

fn as_u64(value: &Value, name: &'static str) -> Result<u64, WireError> {
    value.as_u64().ok_or(WireError::WrongType {
        field: name,
        expected: "a non-negative integer",
    })
}

fn as_str<'a>(value: &'a Value, name: &'static str) -> Result<&'a str, WireError> {
    value.as_str().ok_or(WireError::WrongType {
        field: name,
        expected: "a string",
    })
}

fn parse_hash(text: &str, name: &'static str) -> Result<Hash32, WireError> {
    text.parse().map_err(|_| WireError::BadText {
        field: name,
        expected: "64 hex digits",
    })
}

fn parse_hex(text: &str, name: &'static str, max: usize) -> Result<Vec<u8>, WireError> {
    if text.len() / 2 > max {
        return Err(WireError::BadText {
            field: name,
            expected: "hex of at most the allowed length",
        });
    }
    hex::decode(text).map_err(|_| WireError::BadText {
        field: name,
        expected: "hex digits (an even number)",
    })
}

/// One element of an array member: the canonical encoding of a `T` in hex
/// (`name` names the array in the error).
pub(crate) fn canonical_item<T: Decode>(value: &Value, name: &'static str) -> Result<T, WireError> {
    let bytes = parse_hex(as_str(value, name)?, name, usize::MAX)?;
    T::decode(&bytes).map_err(|source| WireError::Decode {
        field: name,
        source,
    })
}

/// Builds a JSON object member by member (in the order the node has always
/// written them).
#[derive(Debug, Default)]
pub(crate) struct ObjectBuilder(Map<String, Value>);

impl ObjectBuilder {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    pub(crate) fn put(mut self, name: &str, value: impl Into<Value>) -> Self {
        self.0.insert(name.to_owned(), value.into());
        self
    }

    pub(crate) fn put_hex(self, name: &str, bytes: impl AsRef<[u8]>) -> Self {
        self.put(name, hex::encode(bytes))
    }

    pub(crate) fn build(self) -> Value {
        Value::Object(self.0)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn decimal_amounts_are_canonical() {
        let object = json!({"a": "0", "b": "12", "c": "012", "d": "-1", "e": "", "f": "1e3",
            "g": "340282366920938463463374607431768211456", "h": 12});
        let fields = Fields::of(&object, "result").unwrap();
        assert_eq!(fields.decimal_u128("a").unwrap(), 0);
        assert_eq!(fields.decimal_u128("b").unwrap(), 12);
        for name in ["c", "d", "e", "f", "g"] {
            assert_eq!(
                fields.decimal_u128(name).unwrap_err().code(),
                "rpc-field-bad-text",
                "{name}"
            );
        }
        assert_eq!(
            fields.decimal_u128("h").unwrap_err().code(),
            "rpc-field-wrong-type"
        );
    }

    #[test]
    fn absent_null_and_present_members() {
        let object = json!({"n": null, "x": 5, "s": "7", "neg": -1, "big": 70000});
        let fields = Fields::of(&object, "params").unwrap();
        assert_eq!(fields.optional_u64("absent").unwrap(), None);
        assert_eq!(fields.optional_u64("n").unwrap(), None);
        assert_eq!(fields.optional_u64("x").unwrap(), Some(5));
        assert_eq!(fields.nullable_u64("n").unwrap(), None);
        assert_eq!(
            fields.nullable_u64("absent").unwrap_err(),
            WireError::Missing { field: "absent" }
        );
        assert_eq!(fields.u64("n").unwrap_err().code(), "rpc-field-missing");
        assert_eq!(fields.u64("s").unwrap_err().code(), "rpc-field-wrong-type");
        assert_eq!(
            fields.u64("neg").unwrap_err().code(),
            "rpc-field-wrong-type"
        );
        assert_eq!(
            fields.u16("big").unwrap_err().code(),
            "rpc-field-wrong-type"
        );
        assert_eq!(
            Fields::of(&json!([1]), "result").unwrap_err().code(),
            "rpc-field-wrong-type"
        );
    }

    #[test]
    fn hashes_and_canonical_encodings_are_strict() {
        let hash = "ab".repeat(32);
        let object = json!({"h": hash, "short": "ab".repeat(31), "odd": "abc", "zz": "zz",
            "header": "0001"});
        let fields = Fields::of(&object, "result").unwrap();
        assert_eq!(fields.hash("h").unwrap(), Hash32([0xab; 32]));
        assert_eq!(
            fields.hash("short").unwrap_err().code(),
            "rpc-field-bad-text"
        );
        assert_eq!(
            fields.nullable_bytes("odd", 10).unwrap_err().code(),
            "rpc-field-bad-text"
        );
        assert_eq!(
            fields
                .canonical::<jifen_protocol::Header>("zz")
                .unwrap_err()
                .code(),
            "rpc-field-bad-text"
        );
        let error = fields
            .canonical::<jifen_protocol::Header>("header")
            .unwrap_err();
        assert_eq!(error.code(), "rpc-field-decode");
        assert_eq!(error.field(), "header");
        assert_eq!(
            fields.nullable_bytes("h", 31).unwrap_err().code(),
            "rpc-field-bad-text"
        );
    }
}
