//! Payment requests: the `jifen:` URI a merchant shows as a QR code at the
//! counter, which the consumer's wallet scans, reviews and pays.
//!
//! In the spirit of BIP 21 and EIP-681; the grammar, every parameter, every
//! error code and the test vectors are in `docs/payment-request.md` and
//! `tests/vectors/payment_request.json`.
//!
//! ```text
//! jifen:jf1f2n59jjvq3gpser8w5q26255qtya7pzmdvrunp?chain=jifen-mainnet&asset=POINT&amount=12.5&memo=A-1042&label=%E8%8C%B6%E9%A6%86&expires=1767225600
//! ```
//!
//! Decisions (reasons in the spec):
//! - `amount` is an exact decimal in the asset's unit, the number shown at
//!   the counter. The payer's wallet converts it to base units with the
//!   decimals it has proven, and refuses one that would need rounding
//!   ([`PaymentRequest::amount_in_base_units`]). POINT's 6 decimals are
//!   checked while parsing.
//! - `expires` is unix seconds; [`PaymentRequest::check_expiry`] takes
//!   "now", so [`PaymentRequest::parse`] stays pure.
//! - No signature: the recipient is the merchant's own address; the wallet
//!   proves that address belongs to a registered merchant instead. A later
//!   version that needs a signature will call it `req-sig`, which this
//!   version refuses.
//! - The QR form ([`PaymentRequest::to_qr_text`]) upper-cases the scheme and
//!   the address so that part is encoded in the QR alphanumeric mode.
//!
//! ```
//! use jifen_protocol::payment_request::{DecimalAmount, PaymentRequest};
//! use jifen_protocol::{AssetId, ChainId, Network};
//!
//! let uri = "jifen:jf1f2n59jjvq3gpser8w5q26255qtya7pzmdvrunp?chain=jifen-mainnet&asset=POINT&amount=12.50";
//! let request = PaymentRequest::parse(uri)?;
//! assert_eq!(request.asset(), AssetId::Point);
//! assert_eq!(request.amount_in_base_units(6)?, Some(12_500_000));
//! assert_eq!(request.to_string(), uri.trim_end_matches('0')); // canonical: 12.5
//! request.check(&ChainId::new("jifen-mainnet")?, Network::Mainnet, 1_767_225_600)?;
//! let other = request.check(&ChainId::new("jifen-devnet")?, Network::Mainnet, 0).unwrap_err();
//! assert_eq!(other.code(), "payment-request-wrong-chain");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod amount;
mod error;
mod parse;

use core::fmt;
use core::str::FromStr;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

pub use amount::{DecimalAmount, DecimalAmountError};
pub use error::{PaymentRequestError, TextField};

use crate::address::Address;
use crate::asset::{AssetId, MAX_POINTS_DECIMALS, POINT_DECIMALS};
use crate::chain_id::ChainId;
use crate::network::Network;

/// The URI scheme (matched without regard to case, written in lower case).
pub const SCHEME: &str = "jifen";

/// Longest payment request accepted, in bytes, checked before parsing. A
/// canonical request is at most about 800 bytes; the rest leaves room for
/// parameters of later versions while staying well inside one QR code.
pub const MAX_URI_BYTES: usize = 2_048;

/// Longest `memo`, in UTF-8 bytes (42 CJK characters, 128 ASCII).
pub const MAX_MEMO_BYTES: usize = 128;

/// Longest `label`, in UTF-8 bytes (21 CJK characters, 64 ASCII).
pub const MAX_LABEL_BYTES: usize = 64;

/// What a canonical request percent-encodes in `memo` and `label`:
/// everything but RFC 3986's unreserved characters.
const TEXT_ESCAPES: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A valid payment request. Every value of this type formats to a URI that
/// parses back to it (fields are private so that no invalid one exists).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PaymentRequest {
    recipient: Address,
    network: Network,
    chain: ChainId,
    asset: AssetId,
    amount: Option<DecimalAmount>,
    memo: Option<String>,
    label: Option<String>,
    expires: Option<u64>,
}

impl PaymentRequest {
    /// A request to pay `asset` to `recipient` (an address of `network`) on
    /// `chain`, with no amount (the payer enters it), memo, label or expiry.
    #[must_use]
    pub fn new(recipient: Address, network: Network, chain: ChainId, asset: AssetId) -> Self {
        Self {
            recipient,
            network,
            chain,
            asset,
            amount: None,
            memo: None,
            label: None,
            expires: None,
        }
    }

    /// Asks for `amount` of the asset.
    ///
    /// # Errors
    /// [`PaymentRequestError::Amount`] with
    /// [`DecimalAmountError::TooManyDecimals`] when the amount has more
    /// decimals than POINT's 6 (for POINT) or than any asset's 18.
    pub fn with_amount(mut self, amount: DecimalAmount) -> Result<Self, PaymentRequestError> {
        check_amount_decimals(self.asset, &amount)?;
        self.amount = Some(amount);
        Ok(self)
    }

    /// Attaches a memo (an order id or a note), at most [`MAX_MEMO_BYTES`].
    ///
    /// # Errors
    /// [`PaymentRequestError::EmptyValue`],
    /// [`PaymentRequestError::TextTooLong`],
    /// [`PaymentRequestError::TextControlCharacter`].
    pub fn with_memo(mut self, memo: &str) -> Result<Self, PaymentRequestError> {
        check_text(TextField::Memo, memo)?;
        self.memo = Some(memo.to_owned());
        Ok(self)
    }

    /// Attaches the merchant's name for itself, at most [`MAX_LABEL_BYTES`].
    /// A wallet shows it as unproven, beside the name it proves.
    ///
    /// # Errors
    /// As [`PaymentRequest::with_memo`].
    pub fn with_label(mut self, label: &str) -> Result<Self, PaymentRequestError> {
        check_text(TextField::Label, label)?;
        self.label = Some(label.to_owned());
        Ok(self)
    }

    /// Makes the request expire at `expires` (unix seconds): it may be paid
    /// while "now" is before that second.
    ///
    /// # Errors
    /// [`PaymentRequestError::BadExpiry`] for 0.
    pub fn with_expiry(mut self, expires: u64) -> Result<Self, PaymentRequestError> {
        if expires == 0 {
            return Err(PaymentRequestError::BadExpiry { given: "0".into() });
        }
        self.expires = Some(expires);
        Ok(self)
    }

    /// Parses a payment request. Pure: nothing here depends on the wallet's
    /// chain or clock (see [`PaymentRequest::check`]).
    ///
    /// # Errors
    /// The first problem found, in the order of `docs/payment-request.md`
    /// ("Errors"); never panics.
    pub fn parse(text: &str) -> Result<Self, PaymentRequestError> {
        parse::parse(text)
    }

    /// The recipient's address.
    #[must_use]
    pub const fn recipient(&self) -> &Address {
        &self.recipient
    }

    /// The recipient address's network (from its prefix).
    #[must_use]
    pub const fn network(&self) -> Network {
        self.network
    }

    /// The chain the request is for.
    #[must_use]
    pub const fn chain(&self) -> &ChainId {
        &self.chain
    }

    /// The asset to pay.
    #[must_use]
    pub const fn asset(&self) -> AssetId {
        self.asset
    }

    /// The amount in the asset's unit; `None`: the payer enters it.
    #[must_use]
    pub const fn amount(&self) -> Option<&DecimalAmount> {
        self.amount.as_ref()
    }

    /// The memo (order id or note).
    #[must_use]
    pub fn memo(&self) -> Option<&str> {
        self.memo.as_deref()
    }

    /// The merchant's unproven name for itself.
    #[must_use]
    pub fn label(&self) -> Option<&str> {
        self.label.as_deref()
    }

    /// The expiry, unix seconds.
    #[must_use]
    pub const fn expires(&self) -> Option<u64> {
        self.expires
    }

    /// The amount in base units, given the asset's `decimals` as proven from
    /// the chain (POINT: [`POINT_DECIMALS`]; a merchant's points: its
    /// record). `None` when the request leaves the amount to the payer.
    ///
    /// # Errors
    /// [`PaymentRequestError::Amount`]: more decimals than the asset has
    /// (paying would need rounding), or a result above `u128`.
    pub fn amount_in_base_units(&self, decimals: u8) -> Result<Option<u128>, PaymentRequestError> {
        self.amount
            .map(|amount| amount.to_base_units(decimals))
            .transpose()
            .map_err(PaymentRequestError::Amount)
    }

    /// Whether the request is for the wallet's `chain` and its recipient for
    /// the wallet's `network`.
    ///
    /// # Errors
    /// [`PaymentRequestError::WrongChain`], then
    /// [`PaymentRequestError::WrongNetwork`].
    pub fn check_chain(
        &self,
        chain: &ChainId,
        network: Network,
    ) -> Result<(), PaymentRequestError> {
        if self.chain != *chain {
            return Err(PaymentRequestError::WrongChain {
                expected: chain.clone(),
                got: self.chain.clone(),
            });
        }
        if self.network != network {
            return Err(PaymentRequestError::WrongNetwork {
                expected: network,
                got: self.network,
            });
        }
        Ok(())
    }

    /// Whether the request may still be paid at `now` (unix seconds).
    ///
    /// # Errors
    /// [`PaymentRequestError::Expired`] when `now >= expires`.
    pub fn check_expiry(&self, now: u64) -> Result<(), PaymentRequestError> {
        match self.expires {
            Some(expires) if now >= expires => Err(PaymentRequestError::Expired { expires, now }),
            _ => Ok(()),
        }
    }

    /// [`PaymentRequest::check_chain`] then [`PaymentRequest::check_expiry`].
    ///
    /// # Errors
    /// As those two.
    pub fn check(
        &self,
        chain: &ChainId,
        network: Network,
        now: u64,
    ) -> Result<(), PaymentRequestError> {
        self.check_chain(chain, network)?;
        self.check_expiry(now)
    }

    /// The canonical URI (same as `to_string()`): lower-case scheme and
    /// address, parameters in the order chain, asset, amount, memo, label,
    /// expires, amount in lowest terms, text percent-encoded except RFC 3986
    /// unreserved characters, upper-case hex.
    #[must_use]
    pub fn to_uri(&self) -> String {
        self.write(SCHEME, &self.recipient.encode(self.network))
    }

    /// The text to put in a QR code: the canonical URI with scheme and
    /// address in upper case (`JIFEN:JF1...`), which the QR encoder packs in
    /// alphanumeric mode. Parses to the same request.
    #[must_use]
    pub fn to_qr_text(&self) -> String {
        self.write(
            &SCHEME.to_ascii_uppercase(),
            &self.recipient.encode(self.network).to_ascii_uppercase(),
        )
    }

    fn write(&self, scheme: &str, address: &str) -> String {
        let mut out = format!(
            "{scheme}:{address}?chain={}&asset={}",
            self.chain, self.asset
        );
        if let Some(amount) = &self.amount {
            out.push_str(&format!("&amount={amount}"));
        }
        for (name, text) in [("memo", &self.memo), ("label", &self.label)] {
            if let Some(text) = text {
                out.push_str(&format!(
                    "&{name}={}",
                    utf8_percent_encode(text, TEXT_ESCAPES)
                ));
            }
        }
        if let Some(expires) = self.expires {
            out.push_str(&format!("&expires={expires}"));
        }
        out
    }
}

impl fmt::Display for PaymentRequest {
    /// The canonical URI.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_uri())
    }
}

impl FromStr for PaymentRequest {
    type Err = PaymentRequestError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// POINT's decimals are protocol constants, so an amount POINT cannot hold
/// is refused at once; a merchant's decimals are known only from its proven
/// record, checked by [`PaymentRequest::amount_in_base_units`].
fn check_amount_decimals(
    asset: AssetId,
    amount: &DecimalAmount,
) -> Result<(), PaymentRequestError> {
    let max = match asset {
        AssetId::Point => POINT_DECIMALS,
        AssetId::Points(_) => MAX_POINTS_DECIMALS,
    };
    if amount.scale() > max {
        return Err(PaymentRequestError::Amount(
            DecimalAmountError::TooManyDecimals {
                given: amount.to_string(),
                max,
                got: usize::from(amount.scale()),
            },
        ));
    }
    Ok(())
}

/// A memo or label: not empty, within its bound, and without characters
/// that could hide or reorder text on the review screen (C0/C1 controls,
/// line/paragraph separators, bidirectional formatting).
fn check_text(field: TextField, text: &str) -> Result<(), PaymentRequestError> {
    let max = match field {
        TextField::Memo => MAX_MEMO_BYTES,
        TextField::Label => MAX_LABEL_BYTES,
    };
    if text.is_empty() {
        return Err(PaymentRequestError::EmptyValue {
            parameter: field.name(),
        });
    }
    if text.len() > max {
        return Err(PaymentRequestError::TextTooLong {
            field,
            max,
            got: text.len(),
        });
    }
    if let Some((position, c)) = text.chars().enumerate().find(|(_, c)| is_hidden(*c)) {
        return Err(PaymentRequestError::TextControlCharacter {
            field,
            position,
            code_point: format!("U+{:04X}", u32::from(c)),
        });
    }
    Ok(())
}

fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
        )
}
