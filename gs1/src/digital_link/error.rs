//! Why a text is not a product tag: one variant, one code per reason.

use jifen_protocol::message::{Arg, Coded};

/// Why a text is not a GS1 Digital Link naming a trade item, or not one
/// that names a single item.
///
/// Codes: `tag-too-long`, `tag-not-http-uri`, `tag-bad-host`,
/// `tag-no-gtin`, `tag-gtin-length`, `tag-bad-check-digit`,
/// `tag-missing-serial`, `tag-invalid-character`, `tag-value-too-long`,
/// `tag-value-too-short`,
/// `tag-empty-value`, `tag-bad-expiry`, `tag-unknown-network`,
/// `tag-unknown-ai`, `tag-misplaced-ai`, `tag-duplicate-ai`,
/// `tag-bad-percent-encoding`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TagError {
    /// Longer than [`MAX_URI_LEN`](super::MAX_URI_LEN) bytes.
    #[error("tag is {got} bytes long, at most {max} allowed")]
    TooLong {
        /// Bound.
        max: usize,
        /// Length found.
        got: usize,
    },
    /// Not an `http:` or `https:` URI (`scheme` is what was found, empty if
    /// the text has no scheme).
    #[error("not a web address (scheme {scheme:?}); a GS1 Digital Link starts with https://")]
    NotHttpUri {
        /// The scheme found (at most 16 characters), empty if none.
        scheme: String,
    },
    /// No host after `https://`, or a host with characters a host cannot have.
    #[error("the tag's web address has no valid host")]
    BadHost,
    /// The path holds no `/01/<GTIN>` (trade item) key.
    #[error("the tag names no product (no GTIN, AI 01, in its path)")]
    NoGtin,
    /// The GTIN is not 8, 12, 13 or 14 digits.
    #[error("the GTIN has {got} digits; GTIN-8, -12, -13 or -14 expected")]
    GtinLength {
        /// Number of characters found.
        got: usize,
    },
    /// The GTIN's last digit is not its GS1 check digit.
    #[error("the GTIN's check digit is {got}, it should be {expected}")]
    BadCheckDigit {
        /// The check digit the other digits give.
        expected: u8,
        /// The last digit written.
        got: u8,
    },
    /// The link names a product but no serial number (AI 21), so no single item.
    #[error("the tag names a product but no serial number (AI 21)")]
    MissingSerial,
    /// A character outside GS1's 82-character set (or a non-digit in a
    /// numeric AI).
    #[error("AI {ai} holds {character:?}, which GS1 does not allow there")]
    InvalidCharacter {
        /// The application identifier, e.g. `21`.
        ai: String,
        /// The character.
        character: char,
    },
    /// A value longer than its AI allows.
    #[error("AI {ai} is longer than {max} characters")]
    ValueTooLong {
        /// The application identifier.
        ai: String,
        /// Its maximum length.
        max: usize,
    },
    /// A value shorter than its AI requires (e.g. a fixed-length numeric
    /// data attribute).
    #[error("AI {ai} is shorter than {min} characters")]
    ValueTooShort {
        /// The application identifier.
        ai: String,
        /// Its minimum length.
        min: usize,
    },
    /// An AI with an empty value.
    #[error("AI {ai} has an empty value")]
    EmptyValue {
        /// The application identifier.
        ai: String,
    },
    /// AI 17 is not a valid YYMMDD date.
    #[error("expiry date {value:?} (AI 17) is not a valid YYMMDD date")]
    BadExpiry {
        /// The value written.
        value: String,
    },
    /// The `net` parameter names no Jifen network.
    #[error("unknown network {name:?}: expected mainnet, testnet or devnet")]
    UnknownNetwork {
        /// The name given (at most 32 characters).
        name: String,
    },
    /// A numeric query parameter that is not a GS1 data attribute we know.
    #[error("unknown GS1 application identifier {ai}")]
    UnknownAi {
        /// The AI as written (at most 16 characters).
        ai: String,
    },
    /// An AI where GS1 Digital Link does not allow it: a key qualifier out
    /// of order or in the query string, a data attribute in the path, a
    /// second primary key.
    #[error("AI {ai} is not allowed at that place in a GS1 Digital Link")]
    MisplacedAi {
        /// The AI as written (at most 16 characters).
        ai: String,
    },
    /// The same AI twice.
    #[error("AI {ai} appears twice")]
    DuplicateAi {
        /// The AI.
        ai: String,
    },
    /// A `%` not followed by two hexadecimal digits, or escapes that are
    /// not UTF-8.
    #[error("bad percent-encoding in the tag")]
    BadPercentEncoding,
}

impl TagError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::TooLong { .. } => "tag-too-long",
            Self::NotHttpUri { .. } => "tag-not-http-uri",
            Self::BadHost => "tag-bad-host",
            Self::NoGtin => "tag-no-gtin",
            Self::GtinLength { .. } => "tag-gtin-length",
            Self::BadCheckDigit { .. } => "tag-bad-check-digit",
            Self::MissingSerial => "tag-missing-serial",
            Self::InvalidCharacter { .. } => "tag-invalid-character",
            Self::ValueTooLong { .. } => "tag-value-too-long",
            Self::ValueTooShort { .. } => "tag-value-too-short",
            Self::EmptyValue { .. } => "tag-empty-value",
            Self::BadExpiry { .. } => "tag-bad-expiry",
            Self::UnknownNetwork { .. } => "tag-unknown-network",
            Self::UnknownAi { .. } => "tag-unknown-ai",
            Self::MisplacedAi { .. } => "tag-misplaced-ai",
            Self::DuplicateAi { .. } => "tag-duplicate-ai",
            Self::BadPercentEncoding => "tag-bad-percent-encoding",
        }
    }

    /// Every code, for catalog checks.
    pub const CODES: [&'static str; 17] = [
        "tag-too-long",
        "tag-not-http-uri",
        "tag-bad-host",
        "tag-no-gtin",
        "tag-gtin-length",
        "tag-bad-check-digit",
        "tag-missing-serial",
        "tag-invalid-character",
        "tag-value-too-long",
        "tag-value-too-short",
        "tag-empty-value",
        "tag-bad-expiry",
        "tag-unknown-network",
        "tag-unknown-ai",
        "tag-misplaced-ai",
        "tag-duplicate-ai",
        "tag-bad-percent-encoding",
    ];
}

/// A character as a person can read it: control and space characters as
/// `U+XXXX`.
pub(crate) fn visible(character: char) -> String {
    if character.is_control() || character.is_whitespace() {
        format!("U+{:04X}", u32::from(character))
    } else {
        character.to_string()
    }
}

impl Coded for TagError {
    fn code(&self) -> &'static str {
        TagError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            Self::TooLong { max, got } => vec![("max", (*max).into()), ("got", (*got).into())],
            Self::NotHttpUri { scheme } => vec![("scheme", scheme.into())],
            Self::BadHost | Self::NoGtin | Self::MissingSerial | Self::BadPercentEncoding => {
                Vec::new()
            }
            Self::GtinLength { got } => vec![("got", (*got).into())],
            Self::BadCheckDigit { expected, got } => {
                vec![("expected", (*expected).into()), ("got", (*got).into())]
            }
            Self::InvalidCharacter { ai, character } => {
                vec![("ai", ai.into()), ("character", visible(*character).into())]
            }
            Self::ValueTooLong { ai, max } => vec![("ai", ai.into()), ("max", (*max).into())],
            Self::ValueTooShort { ai, min } => vec![("ai", ai.into()), ("min", (*min).into())],
            Self::EmptyValue { ai } | Self::DuplicateAi { ai } => vec![("ai", ai.into())],
            Self::BadExpiry { value } => vec![("value", value.into())],
            Self::UnknownNetwork { name } => vec![("name", name.into())],
            Self::UnknownAi { ai } | Self::MisplacedAi { ai } => vec![("ai", ai.into())],
        }
    }
}
