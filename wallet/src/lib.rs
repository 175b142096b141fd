//! The Jifen wallet as a library of **use cases**: one function (or method of
//! [`OpenWallet`]) per thing a person can do, returning serializable views.
//! The CLI (`cli/`) and the app (`src-tauri/` + `ui/`) only collect input,
//! call these, and render the views (`docs/adr/0009-wallet-use-cases.md`).
//!
//! # What a person can do
//!
//! | intent | use case | view |
//! |---|---|---|
//! | list the wallets | [`wallets::list`] | [`wallets::WalletRow`] |
//! | create a wallet with new words | [`onboarding::draft`], [`onboarding::Draft::challenge`], [`onboarding::Draft::commit`] | [`wallets::WalletView`] |
//! | restore a wallet from its words | [`onboarding::restore`] | [`wallets::WalletView`] |
//! | unlock / lock | [`OpenWallet::unlock`], [`OpenWallet::unlock_with_password`], [`OpenWallet::lock`] | [`open::UnlockReport`] |
//! | confirm with the password again (app, before signing) | [`OpenWallet::reauthenticate`] ([`password_gate`] spaces out wrong passwords) | |
//! | see the words once and check the backup | [`OpenWallet::reveal_words`], [`OpenWallet::start_backup_check`], [`OpenWallet::check_backup`] ([`backup`]) | [`backup::BackupChallengeView`] |
//! | change the password, re-calibrate, OS keyring | [`OpenWallet::change_password`], [`OpenWallet::recalibrate`], [`OpenWallet::enable_keyring`], [`OpenWallet::disable_keyring`] | [`wallets::KdfView`] |
//! | show addresses, receive | [`receive::addresses`], [`receive::receive_address`] | [`receive::AddressView`] |
//! | sign / verify a message | [`sign_message::sign`], [`sign_message::verify`] | [`sign_message::SignedMessageView`] |
//! | scan a code (picture or text) and route it | [`scan::classify`], [`scan::scan_image`] | [`scan::Scanned`] |
//! | export the account for watching | [`watch_only::export`] | [`watch_only::WatchOnlyExportView`] |
//! | sync the verified head | [`sync::sync`] | [`sync::SyncView`], [`sync::SyncEventView`] |
//! | see the chain status (each node's transport, role, K-bucket, state) | [`sync::status`] | [`sync::ChainStatusView`] |
//! | follow the chain as P2P peers announce blocks, no polling | [`follow::follow`] | [`follow::FollowEventView`], [`follow::FollowView`] |
//! | see a proven balance | [`balance::balance`] | [`balance::BalanceView`] |
//! | send POINT, proven arrived | [`send::prepare`], [`send::PreparedSend::sign`], [`send::broadcast_and_prove`] | [`send::SendReview`], [`send::SendReceipt`] |
//! | see every asset held (POINT and each merchant's points), proven | [`points::list::holdings`] | [`points::list::HoldingsView`] |
//! | see merchants and a rate's history, proven | [`points::merchants::merchants`], [`points::merchants::merchant`] | [`points::merchants::MerchantView`] |
//! | quote and swap points and POINT, both ways | [`swap::quote()`], [`action::PreparedAction::sign`], [`swap::prove_swap`] | [`swap::SwapReview`], [`swap::SwapReceipt`] |
//! | pay from a payment request (URI or QR) | [`pay::review`], [`pay::prove_payment`] | [`pay::PayReview`], [`pay::PaymentReceipt`] |
//! | ask to be paid (a `jifen:` request and its QR), see the payment proven | [`request_payment::create`], [`request_payment::find_payment`] | [`request_payment::PaymentRequestView`] |
//! | see a complete, proven history of POINT and points | [`history::history`] | [`history::HistoryView`] |
//! | withdraw POINT to fiat | [`withdraw::review`], [`send::broadcast_and_prove`] | [`withdraw::WithdrawReview`] |
//! | run a merchant: rate, issue points, deposit | [`merchant_admin::review`] | [`merchant_admin::MerchantActionReview`] |
//! | keep a points review, sign it by its id, prove its receipt (app) | [`OpenWallet::keep_action`], [`OpenWallet::sign_kept_action`], [`action::prove_action`] | [`action::ActionReview`], [`action::ActionReceipt`] |
//! | get test POINT (devnet) | [`faucet::request`] | [`send::SendReceipt`] |
//! | choose nodes and root of trust | [`endpoints::show`], [`endpoints::change`] | [`endpoints::EndpointsView`] |
//! | export / verify an audit bundle | [`audit::export_bundle`], [`audit::verify_bundle`] | [`audit::BundleReportView`] |
//! | verify fork evidence | [`audit::verify_evidence`] | [`audit::EvidenceReportView`] |
//! | verify the light store, release a pin | [`audit::verify_store`], [`audit::unpin`] | [`audit::StoreReportView`], [`audit::PinView`] |
//! | list subchains with their audit status | [`subchains::list::list`] | [`subchains::views::SubchainListView`] |
//! | follow a subchain (audited with every sync) | [`subchains::book::follow`], [`subchains::book::unfollow`] | |
//! | audit a subchain (progress, cancel) | [`subchains::audit::audit`], [`subchains::audit::audit_followed`] | [`subchains::views::SubchainAuditView`] |
//! | show a proven subchain state value | [`subchains::value::value`] | [`subchains::views::SubchainValueView`] |
//! | verify subchain evidence offline | [`subchains::evidence::verify`] | [`subchains::views::SubchainEvidenceView`] |
//! | cold device: pair, review, sign | [`cold::device::export_pairing`], [`cold::device::review`], [`cold::device::sign`] | [`cold::views`] |
//! | online half: pair, request, accept, broadcast, pending, discard | [`cold::requests`] | [`cold::views`] |
//!
//! # How they run
//!
//! - [`WalletContext`]: the data directory, network, KDF policy, endpoint
//!   override and front end every use case starts from.
//! - Chain use cases run on a [`chain::ChainSession`] (sync, proofs of
//!   inclusion, bundles) or read through a [`chain::ChainReader`], which
//!   proves at the verified head and answers while a sync runs. A
//!   long-lived front end keeps the session on a [`chain::ChainWorker`]: one
//!   thread, one [`CancelToken`] per job, the status on a watch channel.
//! - Errors implement [`jifen_protocol::message::Coded`]: a message id and
//!   its arguments, listed next to each error; [`views::ErrorView`] is how
//!   they cross to a front end.
//!
//! # Mechanisms under the use cases
//!
//! [`store`] and [`record`] (wallet files), [`chain`] (settings, session,
//! reader, worker, amounts), [`cold`] (pairing records, pending requests,
//! reviews, the QR transport), [`views`] (shared view types).

pub mod action;
pub mod audit;
pub mod backup;
pub mod balance;
pub mod chain;
pub mod cold;
pub mod context;
pub mod endpoints;
pub mod error;
pub mod faucet;
pub mod follow;
pub mod history;
pub mod jobs;
pub mod merchant_admin;
pub mod onboarding;
pub mod open;
pub mod password_gate;
pub mod pay;
pub mod points;
pub mod provenance;
pub mod receive;
pub mod record;
pub mod request_payment;
pub mod scan;
pub mod send;
pub mod sign_message;
pub mod store;
pub mod subchains;
pub mod swap;
pub mod sync;
pub mod views;
pub mod wallets;
pub mod watch_only;
pub mod withdraw;

pub use chain::{ChainError, ChainSettings};
pub use context::{FrontEnd, WalletContext};
pub use error::WalletError;
pub use jobs::CancelToken;
pub use open::OpenWallet;
pub use store::{NewWallet, UnlockedWallet, WalletHandle, WalletStore, WalletSummary};
pub use views::{AmountView, ErrorView, ProvenAt, QrCodeView};
