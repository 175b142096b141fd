//! [`PointsFlowError`]: why a points use case stopped. The chain's own rules
//! ([`PointsError`], codes 1101-1128) are shown with their amounts in the
//! asset's unit (`12 TEA`, `0.5 POINT`) and the merchant by name, not in
//! base units; the wallet adds checks of its own (a quote about to expire,
//! a payment request without an amount).

use jifen_protocol::PaymentRequestError;
use jifen_protocol::message::{Arg, Coded};
use jifen_protocol::payment_request::DecimalAmountError;
use jifen_protocol::points::{PointsError, SwapDirection};

use super::asset::AssetInfo;
use crate::chain::ChainError;
use crate::error::WalletError;

/// Why a points use case stopped.
///
/// Codes: those of [`PointsError`] (1101-1128, `tx-insufficient-balance`),
/// of [`DecimalAmountError`] (`decimal-amount-*`), of
/// [`PaymentRequestError`] (`payment-request-*`), of [`ChainError`], and
/// `points-amount-zero`, `points-record-malformed`, `points-no-alliance`,
/// `swap-quote-expiring`, `swap-slippage-too-large`, `pay-amount-needed`,
/// `pay-asset-unknown`, `merchant-not-yours`, `withdraw-reference-invalid`, `rate-invalid`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PointsFlowError {
    /// A chain rule the request breaks, with the amounts as shown.
    #[error("{error}")]
    Rule {
        /// The rule.
        error: PointsError,
        /// Arguments shown in place of the rule's base units (`12 TEA`).
        shown: Vec<(&'static str, String)>,
    },
    /// The amount typed is not an amount of the asset.
    #[error("amount {text:?}: {source}")]
    Amount {
        /// As typed.
        text: String,
        /// Why.
        source: DecimalAmountError,
    },
    /// The amount is zero.
    #[error("the amount is zero")]
    AmountZero,
    /// A proven record does not decode (the chain stored something this
    /// version cannot read).
    #[error("the proven {what} record does not decode: {detail}")]
    RecordMalformed {
        /// Which record.
        what: &'static str,
        /// The decoder's reason.
        detail: String,
    },
    /// The chain has no points economy (no alliance parameters).
    #[error("this chain has no alliance parameters")]
    NoAlliance,
    /// The quote has too little time left to be confirmed.
    #[error("the quote has {left_ms} ms left")]
    QuoteExpiring {
        /// Milliseconds of validity left (0: expired).
        left_ms: u64,
        /// The least a confirmation needs.
        needed_ms: u64,
    },
    /// The slippage tolerance asked for is above the largest allowed.
    #[error("slippage of {bps} bps is above {max}")]
    SlippageTooLarge {
        /// Asked.
        bps: u32,
        /// Largest.
        max: u32,
    },
    /// The payment request leaves the amount to the payer and none was
    /// given.
    #[error("the payment request has no amount")]
    PayAmountNeeded,
    /// The payment request names an asset that does not exist.
    #[error("asset {asset} does not exist")]
    PayAssetUnknown {
        /// The asset as the request names it.
        asset: String,
    },
    /// The rate typed is not a valid rate record.
    #[error("rate {field}: {reason}")]
    RateInvalid {
        /// The field.
        field: &'static str,
        /// The rule it breaks.
        reason: &'static str,
    },
    /// A withdrawal's payout reference is empty or too long.
    #[error("the payout reference must be 1 to {max} bytes")]
    ReferenceInvalid {
        /// Longest, in bytes.
        max: usize,
    },
    /// The wallet does not own this merchant (administration).
    #[error("merchant {merchant} is owned by {owner}")]
    NotYourMerchant {
        /// The merchant's symbol.
        merchant: String,
        /// Its owner's address.
        owner: String,
    },
    /// A payment request could not be read or is not for this wallet.
    #[error(transparent)]
    Request(#[from] PaymentRequestError),
    /// Chain, light-client and wallet errors.
    #[error(transparent)]
    Chain(#[from] ChainError),
}

impl From<WalletError> for PointsFlowError {
    fn from(error: WalletError) -> Self {
        Self::Chain(ChainError::Wallet(error))
    }
}

impl From<jifen_light_client::ClientError> for PointsFlowError {
    fn from(error: jifen_light_client::ClientError) -> Self {
        Self::Chain(ChainError::Client(error))
    }
}

/// The units of a rule's amounts: POINT and the merchant's points.
#[derive(Debug, Clone)]
pub struct RuleUnits<'a> {
    /// The merchant's points (for a rule about one merchant).
    pub points: Option<&'a AssetInfo>,
    /// The swap's direction, for a rule about a swap's input or output.
    pub direction: Option<SwapDirection>,
}

impl PointsFlowError {
    /// `error` with its amounts in the asset's unit and the merchant by
    /// symbol.
    #[must_use]
    pub fn rule(error: PointsError, units: &RuleUnits<'_>) -> Self {
        let point = AssetInfo::point();
        let points = units.points;
        // The asset a swap pays in and the one it pays out.
        let (input, output) = match units.direction {
            Some(SwapDirection::PointsToPoint) => (points, Some(&point)),
            Some(SwapDirection::PointToPoints) => (Some(&point), points),
            None => (None, None),
        };
        let text = |asset: Option<&AssetInfo>, units: u128| asset.map(|a| a.text(units));
        let mut shown: Vec<(&'static str, Option<String>)> = match &error {
            PointsError::PointInsufficient { needed, available } => vec![
                ("needed", text(Some(&point), *needed)),
                ("available", text(Some(&point), *available)),
            ],
            PointsError::WithdrawBelowFee { amount, fee } => vec![
                ("amount", text(Some(&point), *amount)),
                ("fee", text(Some(&point), *fee)),
            ],
            PointsError::PointsInsufficient {
                needed, available, ..
            } => vec![
                ("needed", text(points, *needed)),
                ("available", text(points, *available)),
            ],
            PointsError::DepositBelowRequired {
                required,
                deposit,
                amount,
            } => vec![
                ("required", text(Some(&point), *required)),
                ("deposit", text(Some(&point), *deposit)),
                ("amount", text(Some(&point), *amount)),
            ],
            PointsError::BelowMinimum { minimum, amount } => vec![
                ("minimum", text(input, *minimum)),
                ("amount", text(input, *amount)),
            ],
            PointsError::NotIncrement { increment, amount } => vec![
                ("increment", text(input, *increment)),
                ("amount", text(input, *amount)),
            ],
            PointsError::BelowMinOut { min_out, out } => vec![
                ("min_out", text(output, *min_out)),
                ("out", text(output, *out)),
            ],
            PointsError::DepositInsufficient { needed, deposit } => vec![
                ("needed", text(Some(&point), *needed)),
                ("deposit", text(Some(&point), *deposit)),
            ],
            _ => Vec::new(),
        };
        if let Some(points) = points
            && error.args().iter().any(|(name, _)| *name == "merchant")
        {
            shown.push((
                "merchant",
                Some(format!("{} ({})", points.name, points.symbol)),
            ));
        }
        Self::Rule {
            error,
            shown: shown
                .into_iter()
                .filter_map(|(name, value)| value.map(|v| (name, v)))
                .collect(),
        }
    }

    /// The stable code (see the type's docs).
    #[must_use]
    pub fn code(&self) -> &'static str {
        Coded::code(self)
    }
}

impl Coded for PointsFlowError {
    fn code(&self) -> &'static str {
        match self {
            Self::Rule { error, .. } => Coded::code(error),
            Self::Amount { source, .. } => Coded::code(source),
            Self::AmountZero => "points-amount-zero",
            Self::RecordMalformed { .. } => "points-record-malformed",
            Self::NoAlliance => "points-no-alliance",
            Self::QuoteExpiring { .. } => "swap-quote-expiring",
            Self::SlippageTooLarge { .. } => "swap-slippage-too-large",
            Self::PayAmountNeeded => "pay-amount-needed",
            Self::PayAssetUnknown { .. } => "pay-asset-unknown",
            Self::NotYourMerchant { .. } => "merchant-not-yours",
            Self::ReferenceInvalid { .. } => "withdraw-reference-invalid",
            Self::RateInvalid { .. } => "rate-invalid",
            Self::Request(error) => Coded::code(error),
            Self::Chain(error) => Coded::code(error),
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            Self::Rule { error, shown } => error
                .args()
                .into_iter()
                .map(|(name, arg)| {
                    let replaced = shown.iter().find(|(n, _)| *n == name);
                    (
                        name,
                        replaced.map_or(arg, |(_, text)| Arg::Text(text.clone())),
                    )
                })
                .collect(),
            Self::Amount { source, .. } => source.args(),
            Self::AmountZero | Self::NoAlliance | Self::PayAmountNeeded => Vec::new(),
            Self::RecordMalformed { what, detail } => {
                vec![("what", (*what).into()), ("detail", detail.into())]
            }
            Self::QuoteExpiring { left_ms, needed_ms } => vec![
                ("seconds", Arg::from(left_ms / 1_000)),
                ("needed", Arg::from(needed_ms / 1_000)),
            ],
            Self::SlippageTooLarge { bps, max } => {
                vec![("bps", Arg::from(*bps)), ("max", Arg::from(*max))]
            }
            Self::PayAssetUnknown { asset } => vec![("asset", asset.into())],
            Self::ReferenceInvalid { max } => vec![("max", Arg::from(*max))],
            Self::RateInvalid { field, .. } => vec![("field", (*field).into())],
            Self::NotYourMerchant { merchant, owner } => {
                vec![("merchant", merchant.into()), ("owner", owner.into())]
            }
            Self::Request(error) => error.args(),
            Self::Chain(error) => error.args(),
        }
    }
}
