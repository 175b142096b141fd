//! What the cold-signing use cases return to front ends.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::action::ActionReview;
use crate::cold::review::{Review, ReviewValue};
use crate::send::SendReview;
use crate::views::{ErrorView, QrCodeView};

/// The cold device's account export, to show to the online wallet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PairExportView {
    /// The chain this device signs for.
    pub chain_id: String,
    /// BIP32 master fingerprint (hex).
    pub master_fingerprint: String,
    /// The account's extended public key.
    pub xpub: String,
    /// The code.
    pub qr: QrCodeView,
}

/// How a review value is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewValueKind {
    /// An amount with its asset (`12.5 POINT`).
    Amount,
    /// An address.
    Address,
    /// A message id to translate.
    Message,
    /// Text shown as is.
    Text,
    /// A number.
    Number,
}

/// One line of the cold review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReviewLineView {
    /// Message id of the label (`cold-review-*`).
    pub label: String,
    /// The value; a message id when `kind` is `message`.
    pub value: String,
    /// How to show the value.
    pub kind: ReviewValueKind,
}

/// What the cold device shows before signing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ColdReviewView {
    /// Request id.
    pub request_id: String,
    /// The request's fingerprint (both devices show it).
    pub fingerprint: String,
    /// Every line, in order.
    pub lines: Vec<ReviewLineView>,
}

impl ColdReviewView {
    /// The view of a review.
    #[must_use]
    pub fn of(review: &Review) -> Self {
        Self {
            request_id: review.request_id().to_string(),
            fingerprint: review.fingerprint().to_string(),
            lines: review
                .lines()
                .iter()
                .map(|line| {
                    let kind = match &line.value {
                        ReviewValue::Amount(_) => ReviewValueKind::Amount,
                        ReviewValue::Address(_) => ReviewValueKind::Address,
                        ReviewValue::Message(_) => ReviewValueKind::Message,
                        ReviewValue::Text(_) => ReviewValueKind::Text,
                        ReviewValue::Number(_) => ReviewValueKind::Number,
                    };
                    ReviewLineView {
                        label: line.label.to_owned(),
                        value: line.value.plain(),
                        kind,
                    }
                })
                .collect(),
        }
    }
}

/// A signature made on the cold device, to show to the online wallet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SignatureView {
    /// The request it answers.
    pub request_id: String,
    /// That request's fingerprint.
    pub fingerprint: String,
    /// The code.
    pub qr: QrCodeView,
}

/// A sign request the online wallet made and keeps pending.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SignRequestView {
    /// Request id.
    pub request_id: String,
    /// Its fingerprint (the cold device must show the same).
    pub fingerprint: String,
    /// What the transaction does (against the proven balance when online).
    pub review: SendReview,
    /// The code to show to the cold device.
    pub qr: QrCodeView,
}

/// A sign request made from a prepared points action (swap, payment,
/// withdrawal, merchant administration), kept pending.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ActionSignRequestView {
    /// Request id.
    pub request_id: String,
    /// Its fingerprint (the cold device must show the same).
    pub fingerprint: String,
    /// What the transaction does, as the online wallet proved it.
    pub review: ActionReview,
    /// The code to show to the cold device.
    pub qr: QrCodeView,
}

/// A signature the online wallet accepted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AcceptedView {
    /// The request it answers.
    pub request_id: String,
    /// The signed transaction's id.
    pub tx_id: String,
    /// The signed transaction (hex of its canonical encoding), ready to
    /// broadcast.
    pub transaction: String,
}

/// Where a pending request stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum PendingState {
    /// Waiting for the cold device's signature.
    Waiting,
    /// Signed, ready to broadcast.
    Signed,
}

/// A pending request of a watch-only wallet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PendingView {
    /// Request id.
    pub request_id: String,
    /// Fingerprint (none when the record is damaged).
    pub fingerprint: Option<String>,
    /// Where it stands (none when the record is damaged).
    pub state: Option<PendingState>,
    /// When it was made, unix seconds.
    pub created_at: u64,
    /// The transaction's nonce.
    pub nonce: Option<u64>,
    /// Whether that nonce is already used on chain (the sender's proven next
    /// nonce is past it), so it can never be included. `None` when nothing
    /// was proven (offline, or the proof failed).
    pub superseded: Option<bool>,
    /// Why the record cannot be read (it can still be discarded).
    pub error: Option<ErrorView>,
}

/// A pending request the person discarded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DiscardedView {
    /// Request id.
    pub request_id: String,
    /// Its fingerprint (none for a damaged record, which is discarded too).
    pub fingerprint: Option<String>,
}
