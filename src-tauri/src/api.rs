//! The app's IPC surface, declared once: each command's name, argument
//! type, progress-event type and result type. The `#[tauri::command]`
//! functions in `commands.rs` take and return exactly these types (through
//! [`Command`]'s associated types, so the two cannot drift apart), and
//! [`typescript_bindings`] turns the same declarations into
//! `ui/src/lib/bindings.ts`: the TypeScript types of every argument, result,
//! event and error, and a typed `commands` object the UI calls
//! (`docs/adr/0009-wallet-use-cases.md`). The test `tests/bindings.rs` fails
//! when the checked-in file is stale.

use std::any::TypeId;
use std::collections::{BTreeMap, HashSet};

use jifen_wallet::action::{ActionReceipt, ActionReview};
use jifen_wallet::audit::{
    BundleReportView, BundleWrittenView, EvidenceReportView, PinView, ReceiptBundleView,
    StoreReportView,
};
use jifen_wallet::backup::BackupChallengeView;
use jifen_wallet::balance::BalanceView;
use jifen_wallet::cold::views::{
    ColdReviewView, DiscardedView, PairExportView, PendingView, SignRequestView, SignatureView,
};
use jifen_wallet::endpoints::EndpointsView;
use jifen_wallet::history::HistoryView;
use jifen_wallet::merchant_admin::MerchantRequest;
use jifen_wallet::open::RevealedWords;
use jifen_wallet::pay::PayRequest;
use jifen_wallet::points::list::HoldingsView;
use jifen_wallet::points::merchants::MerchantView;
use jifen_wallet::provenance::receiving::{ReceivingRequest, RecordReview};
use jifen_wallet::provenance::sale::SaleRequest;
use jifen_wallet::provenance::views::{RecordedView, TagView, TraceProgressView, TraceView};
use jifen_wallet::receive::AddressView;
use jifen_wallet::request_payment::{PaymentRequestInput, PaymentRequestView};
use jifen_wallet::send::{SendProgress, SendReceipt, SendRequest, SendReview};
use jifen_wallet::sign_message::{SignedMessageView, VerifiedMessageView};
use jifen_wallet::subchains::views::{
    SubchainAuditProgressView, SubchainAuditView, SubchainEvidenceView, SubchainListView,
    SubchainValueView,
};
use jifen_wallet::swap::SwapRequest;
use jifen_wallet::sync::{ChainStatusView, SyncAuditView};
use jifen_wallet::wallets::{KdfView, WalletRow, WalletView};
use jifen_wallet::withdraw::WithdrawRequest;
use serde::Deserialize;
use ts_rs::{Config, TS, TypeVisitor};

use crate::error::AppError;
use crate::points::{
    ConfirmActionArgs, FindPaymentArgs, HistoryArgs, MerchantArgs, PaymentCheckView, ReceiptArgs,
    TextQrArgs,
};
use crate::provenance::{ConfirmReceivingArgs, TagTextArgs, TraceArgs};
use crate::secret::SecretString;
use crate::settings::AppMode;
use crate::state::{AppInfo, CreateWalletArgs, RestoreWalletArgs, UnlockedView};
use crate::subchains::{
    EvidenceTextArgs, FollowSubchainArgs, SubchainArgs, SubchainValueArgs, SyncJobEvent,
};
use jifen_wallet::scan::Scanned;
use jifen_wallet::sync::JobKind;

/// A command without arguments, without progress events, or without a
/// result (crosses as `null`).
#[derive(Debug, TS)]
pub struct Nothing;

impl serde::Serialize for Nothing {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_unit()
    }
}

/// One IPC command: its name and its types.
pub trait Command {
    /// The name the webview invokes.
    const NAME: &'static str;
    /// Its arguments (one object named `args`), or [`Nothing`].
    type Args: TS + 'static;
    /// The progress events it streams over a channel, or [`Nothing`].
    type Event: TS + 'static;
    /// What it returns.
    type Output: TS + 'static;
}

/// A wallet by name.
#[derive(Debug, Deserialize, TS)]
pub struct NameArgs {
    /// The wallet's name.
    pub name: String,
}

/// A wallet by name, with its password.
#[derive(Debug, Deserialize, TS)]
pub struct UnlockArgs {
    /// The wallet's name.
    pub name: String,
    /// Its password.
    #[ts(type = "string")]
    pub password: SecretString,
}

/// The wallet password typed again.
#[derive(Debug, Deserialize, TS)]
pub struct PasswordArgs {
    /// The password.
    #[ts(type = "string")]
    pub password: SecretString,
}

/// The old and the new password.
#[derive(Debug, Deserialize, TS)]
pub struct ChangePasswordArgs {
    /// The current password.
    #[ts(type = "string")]
    pub old: SecretString,
    /// The new one.
    #[ts(type = "string")]
    pub new: SecretString,
}

/// The words typed for the backup check, in the challenge's order.
#[derive(Debug, Deserialize, TS)]
pub struct BackupAnswersArgs {
    /// One word per position asked.
    #[ts(type = "string[]")]
    pub answers: Vec<SecretString>,
}

/// An address index.
#[derive(Debug, Deserialize, TS)]
pub struct IndexArgs {
    /// Receive address index.
    pub index: u32,
}

/// A UI language.
#[derive(Debug, Deserialize, TS)]
pub struct LanguageArgs {
    /// `zh-CN`, `zh-TW` or `en`.
    pub tag: String,
}

/// A mode of use.
#[derive(Debug, Deserialize, TS)]
pub struct ModeArgs {
    /// The mode.
    pub mode: AppMode,
}

/// The send the person confirmed, by the review id its review showed.
#[derive(Debug, Deserialize, TS)]
pub struct ConfirmSendArgs {
    /// The review id of the `review_send` answer.
    pub review_id: String,
}

/// A job to cancel.
#[derive(Debug, Deserialize, TS)]
pub struct CancelArgs {
    /// Which kind of job.
    pub job: JobKind,
}

/// Every endpoint at once, primary first (RPC URLs or P2P peer
/// addresses), and the certificates trusted for `https://` nodes.
#[derive(Debug, Deserialize, TS)]
pub struct EndpointsArgs {
    /// The endpoints.
    pub endpoints: Vec<String>,
    /// PEM text of every certificate to trust besides the system's roots
    /// (replacing those trusted before); none or blank: none.
    #[serde(default)]
    #[ts(optional)]
    pub trusted_certificates: Option<String>,
}

/// A file's text picked in the UI, to verify offline.
#[derive(Debug, Deserialize, TS)]
pub struct VerifyTextArgs {
    /// The file's text.
    pub text: String,
    /// A checkpoint (`height:hash`) to trust instead of the local root.
    pub checkpoint: Option<String>,
}

/// One picture's bytes.
#[derive(Debug, Deserialize, TS)]
pub struct ImageArgs {
    /// PNG or JPEG bytes.
    pub bytes: Vec<u8>,
}

/// Pictures of QR codes (frames of one message, any order).
#[derive(Debug, Deserialize, TS)]
pub struct ImagesArgs {
    /// PNG or JPEG files' bytes.
    pub images: Vec<Vec<u8>>,
}

/// A name and pictures of a pairing code.
#[derive(Debug, Deserialize, TS)]
pub struct PairImportArgs {
    /// The new watch-only wallet's name.
    pub name: String,
    /// PNG or JPEG files' bytes.
    pub images: Vec<Vec<u8>>,
}

/// The chain a cold device pairs for.
#[derive(Debug, Deserialize, TS)]
pub struct PairExportArgs {
    /// A chain id; the network's default when absent.
    pub chain_id: Option<String>,
}

/// The fingerprint the review screen showed.
#[derive(Debug, Deserialize, TS)]
pub struct FingerprintArgs {
    /// The fingerprint.
    pub fingerprint: String,
}

/// A pin of the light store by id (an evidence or bundle file name).
#[derive(Debug, Deserialize, TS)]
pub struct PinIdArgs {
    /// The pin's id.
    pub id: String,
}

/// A pending request by id.
#[derive(Debug, Deserialize, TS)]
pub struct RequestIdArgs {
    /// The request id.
    pub request_id: String,
}

/// A message to sign with a receive address's key.
#[derive(Debug, Deserialize, TS)]
pub struct SignMessageArgs {
    /// Receive address index.
    pub index: u32,
    /// The message.
    pub message: String,
}

/// A signature to check.
#[derive(Debug, Deserialize, TS)]
pub struct VerifyMessageArgs {
    /// The address that should have signed.
    pub address: String,
    /// The signature's text.
    pub signature: String,
    /// The message.
    pub message: String,
}

/// UR parts to render or save.
#[derive(Debug, Deserialize, TS)]
pub struct QrPartsArgs {
    /// The UR text of each frame.
    pub parts: Vec<String>,
}

/// UR parts to save as PNG files.
#[derive(Debug, Deserialize, TS)]
pub struct SaveFramesArgs {
    /// Which kind of frames.
    pub stem: crate::qr::QrStem,
    /// The UR text of each frame.
    pub parts: Vec<String>,
}

macro_rules! commands {
    ($( $marker:ident = $name:literal ($args:ty, $event:ty) -> $output:ty; )*) => {
        $(
            #[doc = concat!("The `", $name, "` command.")]
            #[derive(Debug)]
            pub struct $marker;

            impl Command for $marker {
                const NAME: &'static str = $name;
                type Args = $args;
                type Event = $event;
                type Output = $output;
            }
        )*

        /// Every command's name, in declaration order.
        pub const NAMES: &[&str] = &[$($name),*];

        fn visit_all(bindings: &mut Bindings<'_>) {
            $( bindings.command::<$marker>(); )*
        }
    };
}

commands! {
    AppInfoCmd = "app_info" (Nothing, Nothing) -> AppInfo;
    ListWalletsCmd = "list_wallets" (Nothing, Nothing) -> Vec<WalletRow>;
    CreateWalletCmd = "create_wallet" (CreateWalletArgs, Nothing) -> WalletView;
    RestoreWalletCmd = "restore_wallet" (RestoreWalletArgs, Nothing) -> WalletView;
    UnlockCmd = "unlock" (UnlockArgs, Nothing) -> UnlockedView;
    OpenWatchOnlyCmd = "open_watch_only" (NameArgs, Nothing) -> WalletView;
    LockCmd = "lock" (Nothing, Nothing) -> Nothing;
    WalletOverviewCmd = "wallet_overview" (Nothing, Nothing) -> WalletView;
    RevealWordsCmd = "reveal_words" (PasswordArgs, Nothing) -> RevealedWords;
    BackupChallengeCmd = "backup_challenge" (PasswordArgs, Nothing) -> BackupChallengeView;
    BackupCheckCmd = "backup_check" (BackupAnswersArgs, Nothing) -> WalletView;
    ReauthenticateCmd = "reauthenticate" (PasswordArgs, Nothing) -> Nothing;
    ReceiveCmd = "receive" (IndexArgs, Nothing) -> AddressView;
    SignMessageCmd = "sign_message" (SignMessageArgs, Nothing) -> SignedMessageView;
    VerifyMessageCmd = "verify_message" (VerifyMessageArgs, Nothing) -> VerifiedMessageView;
    SetLanguageCmd = "set_language" (LanguageArgs, Nothing) -> Nothing;
    SetModeCmd = "set_mode" (ModeArgs, Nothing) -> AppInfo;
    ChangePasswordCmd = "change_password" (ChangePasswordArgs, Nothing) -> KdfView;
    RecalibrateKdfCmd = "recalibrate_kdf" (PasswordArgs, Nothing) -> KdfView;
    KeyringEnableCmd = "keyring_enable" (PasswordArgs, Nothing) -> WalletView;
    KeyringDisableCmd = "keyring_disable" (Nothing, Nothing) -> WalletView;
    ChainStatusCmd = "chain_status" (Nothing, Nothing) -> ChainStatusView;
    WatchChainCmd = "watch_chain" (Nothing, ChainStatusView) -> Nothing;
    SyncCmd = "sync" (Nothing, SyncJobEvent) -> SyncAuditView;
    CancelCmd = "cancel" (CancelArgs, Nothing) -> Nothing;
    BalanceCmd = "balance" (Nothing, Nothing) -> BalanceView;
    ReviewSendCmd = "review_send" (SendRequest, Nothing) -> SendReview;
    SendCmd = "send" (ConfirmSendArgs, SendProgress) -> SendReceipt;
    FaucetCmd = "faucet" (Nothing, SendProgress) -> SendReceipt;
    EndpointsCmd = "endpoints" (Nothing, Nothing) -> EndpointsView;
    SetEndpointsCmd = "set_endpoints" (EndpointsArgs, Nothing) -> EndpointsView;
    ExportAuditBundleCmd = "export_audit_bundle" (Nothing, Nothing) -> BundleWrittenView;
    VerifyAuditBundleCmd = "verify_audit_bundle" (VerifyTextArgs, Nothing) -> BundleReportView;
    VerifyEvidenceCmd = "verify_evidence" (VerifyTextArgs, Nothing) -> EvidenceReportView;
    VerifyStoreCmd = "verify_store" (Nothing, Nothing) -> StoreReportView;
    UnpinStoreCmd = "unpin_store" (PinIdArgs, Nothing) -> PinView;
    ScanImageCmd = "scan_image" (ImageArgs, Nothing) -> Vec<Scanned>;
    RenderQrCmd = "render_qr" (QrPartsArgs, Nothing) -> Vec<String>;
    SaveQrFramesCmd = "save_qr_frames" (SaveFramesArgs, Nothing) -> String;
    PairImportCmd = "pair_import" (PairImportArgs, Nothing) -> WalletView;
    ColdPairExportCmd = "cold_pair_export" (PairExportArgs, Nothing) -> PairExportView;
    ColdReviewCmd = "cold_review" (ImagesArgs, Nothing) -> ColdReviewView;
    ColdSignCmd = "cold_sign" (FingerprintArgs, Nothing) -> SignatureView;
    MakeSignRequestCmd = "make_sign_request" (SendRequest, Nothing) -> SignRequestView;
    AcceptSignatureCmd = "accept_signature" (ImagesArgs, SendProgress) -> SendReceipt;
    PendingRequestsCmd = "pending_requests" (Nothing, Nothing) -> Vec<PendingView>;
    DiscardRequestCmd = "discard_request" (RequestIdArgs, Nothing) -> DiscardedView;
    HoldingsCmd = "holdings" (Nothing, Nothing) -> HoldingsView;
    MerchantsCmd = "merchants" (Nothing, Nothing) -> Vec<MerchantView>;
    MerchantCmd = "merchant" (MerchantArgs, Nothing) -> MerchantView;
    QuoteSwapCmd = "quote_swap" (SwapRequest, Nothing) -> ActionReview;
    ReviewPayCmd = "review_pay" (PayRequest, Nothing) -> ActionReview;
    ReviewWithdrawCmd = "review_withdraw" (WithdrawRequest, Nothing) -> ActionReview;
    ReviewMerchantActionCmd = "review_merchant_action" (MerchantRequest, Nothing) -> ActionReview;
    ConfirmActionCmd = "confirm_action" (ConfirmActionArgs, SendProgress) -> ActionReceipt;
    RequestPaymentCmd = "request_payment" (PaymentRequestInput, Nothing) -> PaymentRequestView;
    RenderTextQrCmd = "render_text_qr" (TextQrArgs, Nothing) -> String;
    FindPaymentCmd = "find_payment" (FindPaymentArgs, Nothing) -> PaymentCheckView;
    HistoryCmd = "history" (HistoryArgs, Nothing) -> HistoryView;
    ExportReceiptCmd = "export_receipt" (ReceiptArgs, Nothing) -> ReceiptBundleView;
    ListSubchainsCmd = "list_subchains" (Nothing, Nothing) -> SubchainListView;
    AuditSubchainCmd = "audit_subchain" (SubchainArgs, SubchainAuditProgressView) -> SubchainAuditView;
    SubchainValueCmd = "subchain_value" (SubchainValueArgs, Nothing) -> SubchainValueView;
    VerifySubchainEvidenceCmd = "verify_subchain_evidence" (EvidenceTextArgs, Nothing) -> SubchainEvidenceView;
    FollowSubchainCmd = "follow_subchain" (FollowSubchainArgs, Nothing) -> Nothing;
    ParseTagCmd = "parse_tag" (TagTextArgs, Nothing) -> TagView;
    TraceTagCmd = "trace_tag" (TraceArgs, TraceProgressView) -> TraceView;
    ExportTraceBundleCmd = "export_trace_bundle" (Nothing, Nothing) -> String;
    ReviewReceivingCmd = "review_receiving" (ReceivingRequest, TraceProgressView) -> RecordReview;
    ConfirmReceivingCmd = "confirm_receiving" (ConfirmReceivingArgs, TraceProgressView) -> RecordedView;
    ReviewSaleCmd = "review_sale" (SaleRequest, Nothing) -> ActionReview;
}

/// Collects the declarations of every type the commands use.
struct Bindings<'a> {
    cfg: &'a Config,
    seen: HashSet<TypeId>,
    /// Declarations by type name (sorted output).
    decls: BTreeMap<String, String>,
    /// `name: (args) => invoke<...>(...)` lines, in declaration order.
    functions: Vec<String>,
}

impl TypeVisitor for Bindings<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if !self.seen.insert(TypeId::of::<T>()) {
            return;
        }
        // Containers (`Vec<T>`, `Option<T>`, maps) are written inline by
        // ts-rs; their parameters are declared.
        T::visit_generics(self);
        if T::output_path().is_none() {
            T::visit_dependencies(self);
            return;
        }
        self.decls
            .insert(T::ident(self.cfg), format!("export {}", T::decl(self.cfg)));
        T::visit_dependencies(self);
    }
}

fn camel(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

impl Bindings<'_> {
    fn is_nothing<T: 'static>() -> bool {
        TypeId::of::<T>() == TypeId::of::<Nothing>()
    }

    fn command<C: Command>(&mut self) {
        let mut params = Vec::new();
        let mut fields = Vec::new();
        if !Self::is_nothing::<C::Args>() {
            self.visit::<C::Args>();
            params.push(format!("args: {}", C::Args::name(self.cfg)));
            fields.push("args");
        }
        if !Self::is_nothing::<C::Event>() {
            self.visit::<C::Event>();
            params.push(format!("onProgress: Channel<{}>", C::Event::name(self.cfg)));
            fields.push("onProgress");
        }
        let output = if Self::is_nothing::<C::Output>() {
            "null".to_owned()
        } else {
            self.visit::<C::Output>();
            C::Output::name(self.cfg)
        };
        let payload = if fields.is_empty() {
            String::new()
        } else {
            format!(", {{ {} }}", fields.join(", "))
        };
        self.functions.push(format!(
            "  {}: ({}): Promise<{output}> =>\n    invoke<{output}>(\"{}\"{payload}),",
            camel(C::NAME),
            params.join(", "),
            C::NAME,
        ));
    }
}

/// The contents of `ui/src/lib/bindings.ts`.
#[must_use]
pub fn typescript_bindings() -> String {
    // Heights, counts and times fit a JavaScript number; money crosses as text.
    let cfg = Config::new().with_large_int("number");
    let mut bindings = Bindings {
        cfg: &cfg,
        seen: HashSet::new(),
        decls: BTreeMap::new(),
        functions: Vec::new(),
    };
    bindings.visit::<AppError>();
    visit_all(&mut bindings);
    let mut out = String::from(
        "// Generated from the Rust types by `src-tauri/src/api.rs`; do not edit.\n\
         // Regenerate: JIFEN_UPDATE_BINDINGS=1 cargo test -p jifen-app --test bindings\n\n\
         import { Channel, invoke } from \"@tauri-apps/api/core\";\n\n",
    );
    for decl in bindings.decls.values() {
        out.push_str(decl);
        out.push_str("\n\n");
    }
    // The wallet's constants the screens need, so the two cannot drift apart.
    out.push_str(&format!(
        "/** The least validity a quote must have left to be confirmed (ms). */\n\
         export const MIN_CONFIRM_MS = {};\n\n\
         /** How long a quote may be confirmed after it was made (ms). */\n\
         export const QUOTE_VALIDITY_MS = {};\n\n",
        jifen_wallet::action::MIN_CONFIRM_MS,
        jifen_wallet::swap::QUOTE_VALIDITY_MS,
    ));
    out.push_str("/** Every IPC command of the app, typed. */\nexport const commands = {\n");
    for function in &bindings.functions {
        out.push_str(function);
        out.push('\n');
    }
    out.push_str("};\n\n/** The command names (capabilities list the same). */\n");
    out.push_str("export const COMMAND_NAMES = [\n");
    for name in NAMES {
        out.push_str(&format!("  \"{name}\",\n"));
    }
    out.push_str("] as const;\n\nexport { Channel };\n");
    out
}
