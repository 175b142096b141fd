//! What a person must see before the cold device signs, and the proof that
//! they saw it.
//!
//! A [`Review`] is language-neutral: each [`ReviewLine`] is a message id
//! (`cold-review-*`, in `i18n/locales/*/cold.ftl`) and a value the front end
//! formats. Kinds add their own lines; the common ones (kind, chain, sender,
//! fee, nonce) are always there; each kind's own lines, and the online
//! wallet's claims from the request's context, are in `review_lines`.

use jifen_protocol::{ChainId, Network, TxKind};
use jifen_qr::{DerivationPath, RequestId, SignRequest};

use crate::cold::error::ColdError;
use crate::cold::fingerprint::RequestFingerprint;
use crate::cold::review_lines::kind_lines;

/// An asset an amount is counted in.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Asset {
    /// POINT, the chain's native points (6 decimals).
    Point,
    /// Merchant `merchant`'s points, shown with the symbol and decimals the
    /// request's context claims; without a context, in base units.
    Points {
        /// The merchant's number (bound by the transaction).
        merchant: u32,
        /// Symbol and decimals claimed by the online wallet, if any.
        shown: Option<(String, u8)>,
    },
}

impl Asset {
    /// The symbol shown after an amount (`M<n> base units` when unknown).
    #[must_use]
    pub fn symbol(&self) -> String {
        match self {
            Asset::Point => "POINT".to_owned(),
            Asset::Points {
                shown: Some((symbol, _)),
                ..
            } => symbol.clone(),
            Asset::Points {
                merchant,
                shown: None,
            } => format!("M{merchant} base units"),
        }
    }

    /// Decimal places of one unit (0 when unknown: base units).
    #[must_use]
    pub fn decimals(&self) -> u32 {
        match self {
            Asset::Point => 6,
            Asset::Points { shown, .. } => shown.as_ref().map_or(0, |(_, d)| u32::from(*d)),
        }
    }
}

/// An amount in base units of an asset.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AssetAmount {
    /// Base units (integer; no floating point touches money).
    pub base_units: u128,
    /// The asset.
    pub asset: Asset,
}

impl AssetAmount {
    /// POINT base units.
    #[must_use]
    pub const fn point(base_units: u128) -> Self {
        Self {
            base_units,
            asset: Asset::Point,
        }
    }

    /// The amount in units with all its decimals and no trailing zeros,
    /// e.g. `12.5`, `0.001`, `3` (without the symbol).
    #[must_use]
    pub fn units(&self) -> String {
        let decimals = self.asset.decimals();
        let Some(scale) = 10u128.checked_pow(decimals) else {
            return self.base_units.to_string();
        };
        let whole = self.base_units / scale;
        let fraction = self.base_units % scale;
        if fraction == 0 {
            return whole.to_string();
        }
        let digits = usize::try_from(decimals).unwrap_or(0);
        let fraction = format!("{fraction:0digits$}");
        format!("{whole}.{}", fraction.trim_end_matches('0'))
    }
}

impl core::fmt::Display for AssetAmount {
    /// `12.5 POINT`.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{} {}", self.units(), self.asset.symbol())
    }
}

/// The value of a review line.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReviewValue {
    /// An amount with its asset.
    Amount(AssetAmount),
    /// An address, in the network's text form.
    Address(String),
    /// A message id to translate (e.g. a kind's name).
    Message(&'static str),
    /// Text shown as is (chain id, path, origin).
    Text(String),
    /// A number.
    Number(u64),
}

impl ReviewValue {
    /// The value as text, for front ends that have no richer rendering; a
    /// [`ReviewValue::Message`] is returned as its id (translate it).
    #[must_use]
    pub fn plain(&self) -> String {
        match self {
            ReviewValue::Amount(a) => a.to_string(),
            ReviewValue::Address(s) | ReviewValue::Text(s) => s.clone(),
            ReviewValue::Message(id) => (*id).to_owned(),
            ReviewValue::Number(n) => n.to_string(),
        }
    }
}

/// One line of a review: a label (message id) and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewLine {
    /// Message id of the label, e.g. `cold-review-amount`; the online
    /// wallet's claims have their own ids (`cold-review-claim-*`) whose text
    /// says so, so a front end that ignores `claimed` still shows it.
    pub label: &'static str,
    /// The value.
    pub value: ReviewValue,
    /// Whether the value is the online wallet's claim (from the request's
    /// context) rather than what the transaction binds.
    pub claimed: bool,
}

impl ReviewLine {
    pub(crate) fn new(label: &'static str, value: ReviewValue) -> Self {
        Self {
            label,
            value,
            claimed: false,
        }
    }

    pub(crate) fn claim(label: &'static str, value: ReviewValue) -> Self {
        Self {
            label,
            value,
            claimed: true,
        }
    }
}

/// Everything a person must see before signing, built only by
/// [`crate::cold::signer::review_request`] after the request passed the
/// device's own checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    request: SignRequest,
    fingerprint: RequestFingerprint,
    network: Network,
    lines: Vec<ReviewLine>,
}

/// Message id of a kind's name.
#[must_use]
pub const fn kind_message(kind: TxKind) -> &'static str {
    match kind {
        TxKind::Transfer => "cold-kind-transfer",
        TxKind::Bond => "cold-kind-bond",
        TxKind::Unbond => "cold-kind-unbond",
        TxKind::Mint => "cold-kind-mint",
        TxKind::Withdraw => "cold-kind-withdraw",
        TxKind::TransferAsset => "cold-kind-transfer-asset",
        TxKind::MerchantRegister => "cold-kind-merchant-register",
        TxKind::CouncilVote => "cold-kind-council-vote",
        TxKind::RateSet => "cold-kind-rate-set",
        TxKind::PointsIssue => "cold-kind-points-issue",
        TxKind::DepositTopUp => "cold-kind-deposit-top-up",
        TxKind::DepositWithdraw => "cold-kind-deposit-withdraw",
        TxKind::Swap => "cold-kind-swap",
        TxKind::SubchainRegister => "cold-kind-subchain-register",
        TxKind::SubchainReport => "cold-kind-subchain-report",
        TxKind::SubchainRetire => "cold-kind-subchain-retire",
        TxKind::PartyRegister => "cold-kind-party-register",
        TxKind::ItemAnchor => "cold-kind-item-anchor",
        TxKind::ItemSale => "cold-kind-item-sale",
    }
}

impl Review {
    /// The review of a request already checked against the device. Every
    /// kind gets its lines; the request's context (the online wallet's
    /// claims) is checked against the transaction first.
    ///
    /// # Errors
    /// [`ColdError::ContextMismatch`] for a context that disagrees with the
    /// transaction or with itself.
    pub(crate) fn new(request: SignRequest, network: Network) -> Result<Self, ColdError> {
        let tx = &request.transaction;
        let address = |a: &jifen_protocol::Address| ReviewValue::Address(a.encode(network));
        let mut lines = vec![ReviewLine::new(
            "cold-review-kind",
            ReviewValue::Message(kind_message(tx.kind())),
        )];
        lines.extend(kind_lines(tx, request.context.as_deref(), network)?);
        lines.extend([
            ReviewLine::new(
                "cold-review-fee",
                ReviewValue::Amount(AssetAmount::point(tx.fee)),
            ),
            ReviewLine::new("cold-review-from", address(&tx.sender)),
            ReviewLine::new(
                "cold-review-path",
                ReviewValue::Text(request.path.to_string()),
            ),
            ReviewLine::new(
                "cold-review-chain",
                ReviewValue::Text(tx.chain_id.as_str().to_owned()),
            ),
            ReviewLine::new("cold-review-nonce", ReviewValue::Number(tx.nonce)),
        ]);
        if let Some(origin) = &request.origin {
            lines.push(ReviewLine::new(
                "cold-review-origin",
                ReviewValue::Text(origin.clone()),
            ));
        }
        lines.push(ReviewLine::new(
            "cold-review-request-id",
            ReviewValue::Text(request.request_id.to_string()),
        ));
        Ok(Self {
            fingerprint: RequestFingerprint::of(&request),
            request,
            network,
            lines,
        })
    }

    /// The lines to show, in order.
    #[must_use]
    pub fn lines(&self) -> &[ReviewLine] {
        &self.lines
    }

    /// The request's fingerprint (shown on both devices).
    #[must_use]
    pub const fn fingerprint(&self) -> RequestFingerprint {
        self.fingerprint
    }

    /// The request reviewed.
    #[must_use]
    pub const fn request(&self) -> &SignRequest {
        &self.request
    }

    /// The request id.
    #[must_use]
    pub const fn request_id(&self) -> RequestId {
        self.request.request_id
    }

    /// The transaction kind.
    #[must_use]
    pub const fn kind(&self) -> TxKind {
        self.request.transaction.kind()
    }

    /// The chain.
    #[must_use]
    pub const fn chain_id(&self) -> &ChainId {
        &self.request.transaction.chain_id
    }

    /// The signing key's path.
    #[must_use]
    pub const fn path(&self) -> &DerivationPath {
        &self.request.path
    }

    /// The network addresses are shown for.
    #[must_use]
    pub const fn network(&self) -> Network {
        self.network
    }

    /// The confirmation of a person who saw this review and explicitly said
    /// yes. Front ends call it only after such an answer.
    #[must_use]
    pub const fn confirmed_by_person(&self) -> Confirmation {
        Confirmation {
            fingerprint: self.fingerprint,
        }
    }

    /// The confirmation of a script that proves it saw this review by giving
    /// the fingerprint.
    ///
    /// # Errors
    /// [`ColdError::FingerprintMismatch`] if `typed` is not the fingerprint.
    pub fn confirm_with_fingerprint(&self, typed: &str) -> Result<Confirmation, ColdError> {
        if self.fingerprint.matches(typed) {
            Ok(self.confirmed_by_person())
        } else {
            Err(ColdError::FingerprintMismatch {
                typed: typed.chars().take(64).collect(),
            })
        }
    }

    /// The confirmation of a person who read the review and typed the
    /// fingerprint's first group at a prompt (case ignored).
    ///
    /// # Errors
    /// [`ColdError::NotConfirmed`] when nothing or something else was typed.
    pub fn confirm_with_first_group(&self, typed: &str) -> Result<Confirmation, ColdError> {
        let shown = self.fingerprint.to_string();
        let first = shown.split('-').next().unwrap_or_default();
        let typed = typed.trim();
        if !typed.is_empty() && typed.eq_ignore_ascii_case(first) {
            Ok(self.confirmed_by_person())
        } else {
            Err(ColdError::NotConfirmed)
        }
    }
}

/// Proof that a review was confirmed; only [`Review`] makes one, and it is
/// good for that review's request only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Confirmation {
    fingerprint: RequestFingerprint,
}

impl Confirmation {
    /// The fingerprint of the request confirmed.
    #[must_use]
    pub const fn fingerprint(&self) -> RequestFingerprint {
        self.fingerprint
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_show_every_decimal_and_no_float() {
        let cases = [
            (0u128, "0 POINT"),
            (1, "0.000001 POINT"),
            (1_000, "0.001 POINT"),
            (12_500_000, "12.5 POINT"),
            (3_000_000, "3 POINT"),
            (u128::MAX, "340282366920938463463374607431768.211455 POINT"),
        ];
        for (base, text) in cases {
            assert_eq!(AssetAmount::point(base).to_string(), text, "{base}");
        }
    }
}
