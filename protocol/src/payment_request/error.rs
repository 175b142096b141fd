//! Why a payment request is refused: one variant, one code per reason.

use crate::address::AddressError;
use crate::chain_id::{ChainId, ChainIdError};
use crate::message::{Arg, Coded};
use crate::network::Network;

use super::amount::DecimalAmountError;

/// A free-text parameter of a payment request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextField {
    /// `memo`: the order id or a note.
    Memo,
    /// `label`: the name the merchant gives itself (not proven).
    Label,
}

impl TextField {
    /// The parameter's name in the URI (and the `field` argument of messages).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Memo => "memo",
            Self::Label => "label",
        }
    }
}

/// Why a text is not a payment request, or not one this wallet may pay now.
///
/// Codes: `payment-request-too-long`, `payment-request-wrong-scheme`,
/// `payment-request-invalid-character`, `payment-request-bad-percent-encoding`,
/// `payment-request-missing-recipient`, `payment-request-bad-address`,
/// `payment-request-malformed-parameter`, `payment-request-duplicate-parameter`,
/// `payment-request-unknown-required-parameter`,
/// `payment-request-missing-parameter`, `payment-request-empty-value`,
/// `payment-request-bad-chain-id`, `payment-request-unknown-asset`,
/// `payment-request-bad-expiry`, `payment-request-text-not-utf8`,
/// `payment-request-text-too-long`, `payment-request-text-control-character`,
/// `payment-request-wrong-chain`, `payment-request-wrong-network`,
/// `payment-request-expired`, and the `decimal-amount-*` codes of
/// [`DecimalAmountError`] for the amount.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PaymentRequestError {
    /// Longer than [`MAX_URI_BYTES`](super::MAX_URI_BYTES): refused before
    /// anything else is read.
    #[error("payment request is {got} bytes long, at most {max} allowed")]
    TooLong {
        /// Bound.
        max: usize,
        /// Length found.
        got: usize,
    },
    /// Not a `jifen:` URI (`given` is the scheme found, empty if none).
    #[error("not a jifen: payment request (scheme {given:?})")]
    WrongScheme {
        /// The scheme found (at most 32 characters; empty when the text has
        /// no scheme).
        given: String,
    },
    /// A character a URI cannot hold raw (space, non-ASCII, `#`, `"`, ...).
    #[error("payment request has {character:?} at byte {position}, which a URI cannot hold raw")]
    InvalidCharacter {
        /// Byte position (every byte before it is ASCII, so also the
        /// character position).
        position: usize,
        /// The character.
        character: char,
    },
    /// A `%` not followed by two hexadecimal digits.
    #[error("payment request has a '%' at byte {position} not followed by two hex digits")]
    BadPercentEncoding {
        /// Byte position of the `%`.
        position: usize,
    },
    /// Nothing between `jifen:` and `?`.
    #[error("payment request names no recipient")]
    MissingRecipient,
    /// The recipient is not a Jifen address.
    #[error("payment request recipient is not an address: {0}")]
    BadAddress(#[source] AddressError),
    /// A parameter that is not `name=value` with a lower-case name and no
    /// raw `=` in the value, or an empty one (`&&`, a trailing `&`).
    #[error("payment request parameter {parameter:?} at byte {position} is malformed")]
    MalformedParameter {
        /// Byte position of the parameter.
        position: usize,
        /// The parameter (at most 64 characters).
        parameter: String,
    },
    /// A known parameter given twice.
    #[error("payment request gives {parameter:?} twice")]
    DuplicateParameter {
        /// Its name.
        parameter: &'static str,
    },
    /// A `req-` parameter this wallet does not know: paying could ignore a
    /// condition the merchant requires.
    #[error("payment request requires {parameter:?}, which this wallet does not understand")]
    UnknownRequiredParameter {
        /// Its name (at most 64 characters).
        parameter: String,
    },
    /// `chain` or `asset` is absent.
    #[error("payment request has no {parameter:?}")]
    MissingParameter {
        /// Its name.
        parameter: &'static str,
    },
    /// A known parameter with an empty value (`memo=`).
    #[error("payment request parameter {parameter:?} is empty")]
    EmptyValue {
        /// Its name.
        parameter: &'static str,
    },
    /// `chain` is not a chain id.
    #[error("payment request chain is not a chain id: {0}")]
    BadChainId(#[source] ChainIdError),
    /// `asset` is not `POINT` or `M<n>`.
    #[error("payment request asset {given:?} is not POINT or M followed by a merchant number")]
    UnknownAsset {
        /// The text (at most 64 characters).
        given: String,
    },
    /// `amount` is not a positive exact decimal the asset can hold.
    #[error("payment request amount: {0}")]
    Amount(#[source] DecimalAmountError),
    /// `expires` is not a positive unix time in seconds.
    #[error("payment request expiry {given:?} is not a unix time in seconds")]
    BadExpiry {
        /// The text (at most 64 characters).
        given: String,
    },
    /// A percent-decoded `memo` or `label` that is not UTF-8.
    #[error("payment request {} is not UTF-8", field.name())]
    TextNotUtf8 {
        /// Which parameter.
        field: TextField,
    },
    /// A `memo` or `label` longer than its bound (in UTF-8 bytes).
    #[error("payment request {} is {got} bytes long, at most {max} allowed", field.name())]
    TextTooLong {
        /// Which parameter.
        field: TextField,
        /// Bound in bytes.
        max: usize,
        /// Length found in bytes.
        got: usize,
    },
    /// A control or bidirectional-formatting character in a `memo` or
    /// `label`: it could hide or reorder what the review shows.
    #[error("payment request {} has the control character {code_point} at character {position}", field.name())]
    TextControlCharacter {
        /// Which parameter.
        field: TextField,
        /// Character position in the decoded text.
        position: usize,
        /// `U+` and the code point in hex (`U+202E`).
        code_point: String,
    },
    /// A valid request for another chain: paying it here would send money
    /// on the wrong chain.
    #[error("payment request is for chain {got}, this wallet is on {expected}")]
    WrongChain {
        /// The wallet's chain.
        expected: ChainId,
        /// The request's chain.
        got: ChainId,
    },
    /// The recipient's address is for another network.
    #[error("payment request recipient is a {got} address, this wallet is on {expected}")]
    WrongNetwork {
        /// The wallet's network.
        expected: Network,
        /// The address's network.
        got: Network,
    },
    /// `now` is at or past `expires`.
    #[error("payment request expired at {expires} (now {now})")]
    Expired {
        /// The request's expiry, unix seconds.
        expires: u64,
        /// The time it was checked at, unix seconds.
        now: u64,
    },
}

impl PaymentRequestError {
    /// The stable error code (the amount's errors keep their own codes).
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::TooLong { .. } => "payment-request-too-long",
            Self::WrongScheme { .. } => "payment-request-wrong-scheme",
            Self::InvalidCharacter { .. } => "payment-request-invalid-character",
            Self::BadPercentEncoding { .. } => "payment-request-bad-percent-encoding",
            Self::MissingRecipient => "payment-request-missing-recipient",
            Self::BadAddress(_) => "payment-request-bad-address",
            Self::MalformedParameter { .. } => "payment-request-malformed-parameter",
            Self::DuplicateParameter { .. } => "payment-request-duplicate-parameter",
            Self::UnknownRequiredParameter { .. } => "payment-request-unknown-required-parameter",
            Self::MissingParameter { .. } => "payment-request-missing-parameter",
            Self::EmptyValue { .. } => "payment-request-empty-value",
            Self::BadChainId(_) => "payment-request-bad-chain-id",
            Self::UnknownAsset { .. } => "payment-request-unknown-asset",
            Self::Amount(error) => error.code(),
            Self::BadExpiry { .. } => "payment-request-bad-expiry",
            Self::TextNotUtf8 { .. } => "payment-request-text-not-utf8",
            Self::TextTooLong { .. } => "payment-request-text-too-long",
            Self::TextControlCharacter { .. } => "payment-request-text-control-character",
            Self::WrongChain { .. } => "payment-request-wrong-chain",
            Self::WrongNetwork { .. } => "payment-request-wrong-network",
            Self::Expired { .. } => "payment-request-expired",
        }
    }
}

/// A character as a message shows it: itself, or `U+XXXX` when it would be
/// invisible or break the line.
pub(super) fn visible(character: char) -> String {
    if character.is_control() || character.is_whitespace() {
        format!("U+{:04X}", u32::from(character))
    } else {
        character.to_string()
    }
}

/// The wrapped error's code under `cause`, then its own arguments.
fn with_cause(error: &dyn Coded) -> Vec<(&'static str, Arg)> {
    let mut args = vec![("cause", error.code().into())];
    args.extend(error.args());
    args
}

impl Coded for PaymentRequestError {
    fn code(&self) -> &'static str {
        PaymentRequestError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            Self::TooLong { max, got } => vec![("max", (*max).into()), ("got", (*got).into())],
            Self::WrongScheme { given } => vec![("given", given.into())],
            // People count from 1.
            Self::InvalidCharacter {
                position,
                character,
            } => vec![
                ("position", position.saturating_add(1).into()),
                ("character", visible(*character).into()),
            ],
            Self::BadPercentEncoding { position } => {
                vec![("position", position.saturating_add(1).into())]
            }
            Self::MissingRecipient => Vec::new(),
            Self::BadAddress(error) => with_cause(error),
            Self::MalformedParameter {
                position,
                parameter,
            } => vec![
                ("position", position.saturating_add(1).into()),
                ("parameter", parameter.into()),
            ],
            Self::DuplicateParameter { parameter }
            | Self::MissingParameter { parameter }
            | Self::EmptyValue { parameter } => vec![("parameter", (*parameter).into())],
            Self::UnknownRequiredParameter { parameter } => {
                vec![("parameter", parameter.into())]
            }
            Self::BadChainId(error) => with_cause(error),
            Self::UnknownAsset { given } | Self::BadExpiry { given } => {
                vec![("given", given.into())]
            }
            Self::Amount(error) => error.args(),
            Self::TextNotUtf8 { field } => vec![("field", field.name().into())],
            Self::TextTooLong { field, max, got } => vec![
                ("field", field.name().into()),
                ("max", (*max).into()),
                ("got", (*got).into()),
            ],
            Self::TextControlCharacter {
                field,
                position,
                code_point,
            } => vec![
                ("field", field.name().into()),
                ("position", position.saturating_add(1).into()),
                ("code_point", code_point.into()),
            ],
            Self::WrongChain { expected, got } => vec![
                ("expected", expected.as_str().into()),
                ("got", got.as_str().into()),
            ],
            Self::WrongNetwork { expected, got } => vec![
                ("expected", expected.name().into()),
                ("got", got.name().into()),
            ],
            Self::Expired { expires, now } => vec![
                ("expires", (*expires).into()),
                ("now", (*now).into()),
                ("seconds", now.saturating_sub(*expires).into()),
            ],
        }
    }
}
