//! Why a cold-signing step refused or failed. Every refusal has its own code
//! (`cold-*`), translated in `i18n/locales/*/cold.ftl`.

use jifen_crypto::hd::HdError;
use jifen_qr::{EncodeError, PayloadError, ScanError, UrError};

use jifen_protocol::message::{Arg, Coded};

use crate::chain::ChainError;
use crate::error::WalletError;
use crate::points::PointsFlowError;

/// Why a cold-signing step failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ColdError {
    /// The cold wallet has not been paired (exported) for any chain yet.
    #[error("wallet {wallet:?} has not been paired for a chain; run pair-export first")]
    NotPaired {
        /// The wallet's name.
        wallet: String,
    },
    /// The request is for another chain than the one the device was paired for.
    #[error("the request is for chain {got:?}, this device was paired for {paired:?}")]
    WrongChain {
        /// The chain paired for.
        paired: String,
        /// The request's chain.
        got: String,
    },
    /// The request's derivation path is not inside this wallet's account.
    #[error("the request's key path {path} is not in this wallet's account {account}")]
    ForeignPath {
        /// The request's path.
        path: String,
        /// This wallet's account path.
        account: String,
    },
    /// The address this device derives at the request's path is not the
    /// request's signer: the request is not for this device.
    #[error("the request's signer {got} is not this device's address {expected}")]
    ForeignAddress {
        /// The address derived here from the path.
        expected: String,
        /// The signer named by the request.
        got: String,
    },
    /// A transaction kind this build cannot show for review (never signed blind).
    #[error("transaction kind {kind} cannot be reviewed by this version")]
    UnknownKind {
        /// The wire value of the kind.
        kind: u16,
    },
    /// The request's context (the online wallet's claims) names what the
    /// transaction does not, or its claims contradict its own terms (a
    /// swap's output that the carried rate does not give): never shown.
    #[error("the request's context disagrees with its transaction ({field})")]
    ContextMismatch {
        /// The claim that disagrees (`quoted output`, `rate version`, ...).
        field: &'static str,
    },
    /// The typed fingerprint is not the request's.
    #[error("the fingerprint {typed:?} does not match the request's")]
    FingerprintMismatch {
        /// What was typed.
        typed: String,
    },
    /// A confirmation given for one review was used for another.
    #[error("the confirmation was given for another request")]
    ConfirmationMismatch,
    /// The person did not confirm.
    #[error("signing was not confirmed")]
    NotConfirmed,
    /// The exported account is not at a path of the form `m/44'/19014'/N'`.
    #[error("the account path {path} is not a Jifen account path")]
    BadAccountPath {
        /// The path found.
        path: String,
    },
    /// The transaction's sender is not an address of this wallet.
    #[error("the sender {address} is not address {index} of this wallet")]
    SenderNotInWallet {
        /// The sender.
        address: String,
        /// The index looked at.
        index: u32,
    },
    /// A request id (a signature's, or one to discard) that names no pending
    /// request of this wallet.
    #[error("request {id} is not pending in this wallet")]
    UnknownRequest {
        /// The request id asked about.
        id: String,
    },
    /// Text that is not a request id (32 hex digits, hyphens allowed).
    #[error("{id:?} is not a request id")]
    BadRequestId {
        /// The text given (at most 64 characters of it).
        id: String,
    },
    /// A signature that does not verify against the paired key for the
    /// pending transaction.
    #[error("the signature for request {id} does not verify against the paired key")]
    BadSignature {
        /// The request id.
        id: String,
    },
    /// Broadcasting a request that has no accepted signature yet.
    #[error("request {id} has no accepted signature yet")]
    NotSigned {
        /// The request id.
        id: String,
    },
    /// None of the inputs held a QR code (or a UR text) at all.
    #[error("no code was found in the {inputs} input(s)")]
    NoCode {
        /// How many inputs were read.
        inputs: usize,
    },
    /// The codes read do not hold the whole message yet.
    #[error("the codes read hold {resolved} of {total} parts; scan more frames")]
    Incomplete {
        /// Fragments known.
        resolved: usize,
        /// Fragments needed (0: no code was read at all).
        total: usize,
    },
    /// An input file or directory cannot be read.
    #[error("cannot read {path}: {reason}")]
    Input {
        /// The path.
        path: String,
        /// Why.
        reason: String,
    },
    /// A cold-signing record cannot be written or read.
    #[error("cannot {op} {path}: {reason}")]
    Storage {
        /// What was being done.
        op: &'static str,
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
    /// A stored cold-signing record is damaged.
    #[error("the record {path} is damaged: {detail}")]
    CorruptRecord {
        /// The file.
        path: String,
        /// What is wrong.
        detail: String,
    },
    /// The OS random generator failed.
    #[error("the random generator failed")]
    Randomness,
    /// Signing was asked with no review kept (none was made, or it was
    /// used up or replaced).
    #[error("there is no reviewed request to sign; review one first")]
    NoReview,
    /// Broadcasting was asked without a request id while not exactly one
    /// pending request is signed.
    #[error("{signed} pending requests are signed; name the one to broadcast")]
    RequestNotChosen {
        /// How many are signed.
        signed: usize,
    },
    /// A chain error (reading the balance, broadcasting, proving).
    #[error(transparent)]
    Chain(#[from] ChainError),
    /// A wallet error.
    #[error(transparent)]
    Wallet(#[from] WalletError),
    /// A points use case's error (a quote too close to its expiry); boxed
    /// to keep every cold result small.
    #[error(transparent)]
    Points(Box<PointsFlowError>),
    /// A derivation error.
    #[error(transparent)]
    Hd(#[from] HdError),
    /// A payload that is not valid.
    #[error(transparent)]
    Payload(#[from] PayloadError),
    /// A UR text error.
    #[error(transparent)]
    Ur(#[from] UrError),
    /// A QR encoding error.
    #[error(transparent)]
    Encode(#[from] EncodeError),
    /// An image scanning error.
    #[error(transparent)]
    Scan(#[from] ScanError),
}

impl From<PointsFlowError> for ColdError {
    fn from(error: PointsFlowError) -> Self {
        Self::Points(Box::new(error))
    }
}

impl ColdError {
    /// Stable code for translation; wrapped errors report their own code.
    pub fn code(&self) -> &'static str {
        Coded::code(self)
    }
}

impl Coded for ColdError {
    fn code(&self) -> &'static str {
        match self {
            ColdError::NotPaired { .. } => "cold-not-paired",
            ColdError::WrongChain { .. } => "cold-wrong-chain",
            ColdError::ForeignPath { .. } => "cold-foreign-path",
            ColdError::ForeignAddress { .. } => "cold-foreign-address",
            ColdError::UnknownKind { .. } => "cold-unknown-kind",
            ColdError::ContextMismatch { .. } => "cold-context-mismatch",
            ColdError::FingerprintMismatch { .. } => "cold-fingerprint-mismatch",
            ColdError::ConfirmationMismatch => "cold-confirmation-mismatch",
            ColdError::NotConfirmed => "cold-not-confirmed",
            ColdError::BadAccountPath { .. } => "cold-bad-account-path",
            ColdError::SenderNotInWallet { .. } => "cold-sender-not-in-wallet",
            ColdError::UnknownRequest { .. } => "cold-unknown-request",
            ColdError::BadRequestId { .. } => "cold-bad-request-id",
            ColdError::BadSignature { .. } => "cold-bad-signature",
            ColdError::NotSigned { .. } => "cold-not-signed",
            ColdError::Incomplete { .. } => "cold-qr-incomplete",
            ColdError::NoCode { .. } => "cold-no-code-found",
            ColdError::Input { .. } => "cold-input-io",
            ColdError::Storage { .. } => "cold-storage-io",
            ColdError::CorruptRecord { .. } => "cold-record-corrupt",
            ColdError::Randomness => "cold-randomness",
            ColdError::NoReview => "cold-no-review",
            ColdError::RequestNotChosen { .. } => "cold-request-not-chosen",
            ColdError::Chain(e) => Coded::code(e),
            ColdError::Wallet(e) => Coded::code(e),
            ColdError::Points(e) => Coded::code(e.as_ref()),
            ColdError::Hd(e) => Coded::code(e),
            ColdError::Payload(e) => Coded::code(e),
            ColdError::Ur(e) => Coded::code(e),
            ColdError::Encode(e) => Coded::code(e),
            ColdError::Scan(e) => Coded::code(e),
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            ColdError::NotPaired { wallet } => vec![("wallet", wallet.into())],
            ColdError::WrongChain { paired, got } => {
                vec![("paired", paired.into()), ("got", got.into())]
            }
            ColdError::ForeignPath { path, account } => {
                vec![("path", path.into()), ("account", account.into())]
            }
            ColdError::ForeignAddress { expected, got } => {
                vec![("expected", expected.into()), ("got", got.into())]
            }
            ColdError::UnknownKind { kind } => vec![("kind", (*kind).into())],
            ColdError::ContextMismatch { field } => vec![("field", (*field).into())],
            ColdError::FingerprintMismatch { typed } => vec![("typed", typed.into())],
            ColdError::BadAccountPath { path } => vec![("path", path.into())],
            ColdError::SenderNotInWallet { address, index } => {
                vec![("address", address.into()), ("index", (*index).into())]
            }
            ColdError::UnknownRequest { id }
            | ColdError::BadRequestId { id }
            | ColdError::BadSignature { id }
            | ColdError::NotSigned { id } => vec![("id", id.into())],
            ColdError::Incomplete { resolved, total } => {
                vec![("resolved", (*resolved).into()), ("total", (*total).into())]
            }
            ColdError::Input { path, reason } => {
                vec![("path", path.into()), ("reason", reason.into())]
            }
            ColdError::Storage { op, path, reason } => vec![
                ("op", (*op).into()),
                ("path", path.into()),
                ("reason", reason.into()),
            ],
            ColdError::CorruptRecord { path, detail } => {
                vec![("path", path.into()), ("detail", detail.into())]
            }
            ColdError::RequestNotChosen { signed } => vec![("count", (*signed).into())],
            ColdError::NoCode { inputs } => vec![("count", (*inputs).into())],
            ColdError::ConfirmationMismatch
            | ColdError::NotConfirmed
            | ColdError::Randomness
            | ColdError::NoReview => Vec::new(),
            ColdError::Chain(e) => e.args(),
            ColdError::Wallet(e) => e.args(),
            ColdError::Points(e) => e.args(),
            ColdError::Hd(e) => e.args(),
            ColdError::Payload(e) => e.args(),
            ColdError::Ur(e) => e.args(),
            ColdError::Encode(e) => e.args(),
            ColdError::Scan(e) => e.args(),
        }
    }
}
