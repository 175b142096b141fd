// Generated from the Rust types by `src-tauri/src/api.rs`; do not edit.
// Regenerate: JIFEN_UPDATE_BINDINGS=1 cargo test -p jifen-app --test bindings

import { Channel, invoke } from "@tauri-apps/api/core";

export type ActionReceipt = { "kind": "swap" } & SwapReceipt | { "kind": "pay" } & PaymentReceipt | { "kind": "withdraw" } & SendReceipt | { "kind": "merchant" } & SendReceipt | { "kind": "sale" } & SendReceipt;

export type ActionReview = { "kind": "swap" } & SwapReview | { "kind": "pay" } & PayReview | { "kind": "withdraw" } & WithdrawReview | { "kind": "merchant" } & MerchantActionReview | { "kind": "sale" } & SaleReview;

export type AddressChain = "receive" | "change";

export type AddressView = { 
/**
 * Its chain.
 */
chain: AddressChain, 
/**
 * Its index on that chain.
 */
index: number, 
/**
 * The BIP32 path (`m/44'/19014'/0'/0/3`).
 */
path: string, 
/**
 * The address.
 */
address: string, };

export type AmountView = { 
/**
 * The asset's symbol (`POINT`).
 */
asset: string, 
/**
 * Base units, as decimal text.
 */
units: string, 
/**
 * Decimals of the asset.
 */
decimals: number, 
/**
 * The amount in whole units, without trailing zeros (`2.5`).
 */
text: string, };

export type AnchorView = { 
/**
 * The tag issuer.
 */
issuer: PartyView, 
/**
 * The subchain holding the records.
 */
subchain: number, 
/**
 * Records the latest anchor covers.
 */
count: number, 
/**
 * The main-chain height of the latest anchor.
 */
main_height: number, 
/**
 * How many times it was anchored or extended.
 */
anchorings: number, };

export type AppInfo = { 
/**
 * App version.
 */
version: string, 
/**
 * Network of new wallets.
 */
network: NetworkView, 
/**
 * The network's default chain id (what pairing proposes).
 */
chain_id: string, 
/**
 * How this device is used.
 */
mode: AppMode, 
/**
 * Why the saved settings were not used (the app then starts as an
 * offline cold signer until a mode is chosen again).
 */
settings_problem: ErrorView | null, 
/**
 * Data directory.
 */
data_dir: string, 
/**
 * Saved UI language.
 */
language: string | null, 
/**
 * Wallet opened last.
 */
last_wallet: string | null, 
/**
 * The wallets there are.
 */
wallets: Array<WalletRow>, 
/**
 * The open wallet, if any.
 */
unlocked: WalletView | null, };

export type AppMode = "wallet" | "cold-signer";

export type ArgView = string | number;

export type AssetView = { 
/**
 * `POINT` or `M<n>` (the asset's id as text, what `jifen:` URIs carry).
 */
id: string, 
/**
 * The merchant's number (none for POINT).
 */
merchant: number | null, 
/**
 * Symbol.
 */
symbol: string, 
/**
 * Name.
 */
name: string, 
/**
 * Decimals.
 */
decimals: number, };

export type AuditStateView = "not-audited" | "clean" | "behind" | "alert" | "failed";

export type AuditSummaryView = { 
/**
 * Clean, alert or failed (behind is decided against a newer record).
 */
state: AuditStateView, 
/**
 * Reports checked in all.
 */
reports: number, 
/**
 * The audited tip's subchain height.
 */
height: number, 
/**
 * The audited tip's id (hex).
 */
tip: string, 
/**
 * The main-chain height the audit reached (its record was proven there).
 */
main_height: number, 
/**
 * When it ran, unix ms.
 */
at_ms: number, 
/**
 * Members of the committee that signed the latest audited report (bft).
 */
committee_size: number | null, 
/**
 * Difficulty of the audited tip in leading zero bits (pow-xor).
 */
bits: number | null, 
/**
 * Findings.
 */
alerts: Array<SubchainAlertView>, };

export type BackupAnswersArgs = { 
/**
 * One word per position asked.
 */
answers: string[], };

export type BackupChallengeView = { 
/**
 * Positions (1-based), ascending.
 */
positions: Array<number>, 
/**
 * Words in the mnemonic.
 */
word_count: number, 
/**
 * Answers this challenge still accepts.
 */
tries_left: number, };

export type BalanceView = { 
/**
 * The address.
 */
address: string, 
/**
 * Its POINT.
 */
balance: AmountView, 
/**
 * The nonce its next transaction carries.
 */
nonce: number, 
/**
 * The verified header it was proven against.
 */
proven: ProvenAt, };

export type BundleAccountView = { 
/**
 * Its state key (hex).
 */
key: string, 
/**
 * Its POINT (zero when proven absent).
 */
balance: AmountView, 
/**
 * Its next nonce.
 */
nonce: number, };

export type BundleReportView = { 
/**
 * The root of trust it was checked from (`height:hash`).
 */
root: string, 
/**
 * Headers checked, root included.
 */
headers: number, 
/**
 * The last verified header.
 */
proven: ProvenAt, 
/**
 * Its time, unix ms.
 */
time_ms: number, 
/**
 * The account it proves, for a balance bundle.
 */
account: BundleAccountView | null, 
/**
 * The transaction it proves in a block, for a receipt bundle.
 */
transaction: BundleTxView | null, };

export type BundleTxView = { 
/**
 * Its id.
 */
tx_id: string, 
/**
 * The block height.
 */
height: number, 
/**
 * Its position in the block.
 */
index: number, 
/**
 * Its result code (0: success).
 */
result_code: number, 
/**
 * Its kind (`swap`, `transfer-asset`, ...).
 */
kind: string, 
/**
 * Its sender (the network's address form).
 */
sender: string, 
/**
 * The block's hash.
 */
header_hash: string, };

export type BundleWrittenView = { 
/**
 * The file.
 */
path: string, 
/**
 * The account it proves.
 */
address: string, 
/**
 * Verified headers in it, root included.
 */
headers: number, 
/**
 * The header the account was proven at.
 */
proven: ProvenAt, };

export type CancelArgs = { 
/**
 * Which kind of job.
 */
job: JobKind, };

export type ChainStatusView = { 
/**
 * The network.
 */
network: NetworkView, 
/**
 * The chain id the nodes must serve.
 */
chain_id: string, 
/**
 * Whether this is the devnet (the faucet exists).
 */
devnet: boolean, 
/**
 * The verified head, if any.
 */
trusted: TrustedView | null, 
/**
 * The root of trust, once established.
 */
root: RootView | null, 
/**
 * The nodes, primary first as configured.
 */
peers: Array<PeerView>, 
/**
 * The last witness cross-check of this session.
 */
cross_check: CrossCheckView | null, 
/**
 * Fork evidence files written for this network (oldest first).
 */
evidence: Array<string>, 
/**
 * When trust in the verified head expires (unix ms): after that a new
 * checkpoint is needed.
 */
trust_expires_at_ms: number | null, 
/**
 * The sync running now, if one is.
 */
syncing: SyncProgressView | null, 
/**
 * The chain worker's jobs, running first (a front end with a worker).
 */
jobs: Array<JobView>, 
/**
 * Whether the front end follows the chain over P2P: the verified head
 * moves as blocks are announced, with no sync asked for.
 */
following: boolean, };

export type ChangePasswordArgs = { 
/**
 * The current password.
 */
old: string, 
/**
 * The new one.
 */
new: string, };

export type CodeKind = "jifen-account" | "jifen-sign-request" | "jifen-signature";

export type ColdReviewView = { 
/**
 * Request id.
 */
request_id: string, 
/**
 * The request's fingerprint (both devices show it).
 */
fingerprint: string, 
/**
 * Every line, in order.
 */
lines: Array<ReviewLineView>, };

export type ConfirmActionArgs = { 
/**
 * The review id of the kept review.
 */
review_id: string, };

export type ConfirmReceivingArgs = { 
/**
 * `RecordReview::event_hash`.
 */
event_hash: string, };

export type ConfirmSendArgs = { 
/**
 * The review id of the `review_send` answer.
 */
review_id: string, };

export type CreateWalletArgs = { 
/**
 * File name.
 */
name: string, 
/**
 * Wallet password.
 */
password: string, 
/**
 * 12 or 24 words.
 */
words: number, 
/**
 * The word list.
 */
mnemonic_language: WordList, };

export type CrossCheckView = { 
/**
 * Height compared.
 */
height: number, 
/**
 * Its block id.
 */
hash: string, 
/**
 * Witnesses that served the same block.
 */
agreed: number, 
/**
 * Witnesses that were behind.
 */
lagging: number, 
/**
 * When, unix ms.
 */
at_ms: number, };

export type DetailView = { 
/**
 * The field's name as written in the event (e.g. `cbvmda:lotNumber`).
 */
name: string, 
/**
 * Its value as text.
 */
value: string, };

export type DirectionView = "sell" | "buy";

export type DiscardedView = { 
/**
 * Request id.
 */
request_id: string, 
/**
 * Its fingerprint (none for a damaged record, which is discarded too).
 */
fingerprint: string | null, };

export type EndpointsArgs = { 
/**
 * The endpoints.
 */
endpoints: Array<string>, 
/**
 * PEM text of every certificate to trust besides the system's roots
 * (replacing those trusted before); none or blank: none.
 */
trusted_certificates?: string, };

export type EndpointsView = { 
/**
 * Network name.
 */
network: NetworkView, 
/**
 * The chain id the nodes must serve.
 */
chain_id: string, 
/**
 * The primary node, if any.
 */
primary: string | null, 
/**
 * The witnesses.
 */
witnesses: Array<string>, 
/**
 * The checkpoint trusted first (`height:hash`); none: genesis on first
 * use.
 */
checkpoint: string | null, 
/**
 * The nodes this run uses instead of the saved ones (primary first),
 * when `JIFEN_ENDPOINTS` overrides them.
 */
in_use: Array<string> | null, 
/**
 * The PEM text of the certificates trusted for `https://` nodes
 * besides the system's roots; none: the system's only.
 */
trusted_certificates: string | null, 
/**
 * How many certificates that text holds.
 */
trusted_certificate_count: number, };

export type ErrorView = { 
/**
 * Message id, e.g. `keystore-wrong-password`.
 */
code: string, 
/**
 * Named arguments.
 */
args: { [key in string]: ArgView }, };

export type EvidenceReportView = { 
/**
 * The height of the fork.
 */
height: number, 
/**
 * The two conflicting block ids.
 */
blocks: [string, string], 
/**
 * The validators who signed both, ascending.
 */
accountable: Array<string>, 
/**
 * Their voting power.
 */
power: number, 
/**
 * The trusted set's total power.
 */
total_power: number, };

export type EvidenceTextArgs = { 
/**
 * The file's text.
 */
text: string, };

export type FeeModeView = "settlement" | "spread";

export type FindPaymentArgs = { 
/**
 * The request's URI (`PaymentRequestView::uri`).
 */
request: string, 
/**
 * How far the previous check read (start with
 * `PaymentWatch::from_len(PaymentRequestView::history_from)`, then the
 * watch the previous check returned).
 */
watch: PaymentWatch, };

export type FingerprintArgs = { 
/**
 * The fingerprint.
 */
fingerprint: string, };

export type FollowSubchainArgs = { 
/**
 * The subchain's number.
 */
id: number, 
/**
 * Follow (`true`) or stop (`false`).
 */
follow: boolean, };

export type HistoryArgs = { 
/**
 * Entries to show, newest first (at most `MAX_HISTORY_SHOWN`, 200).
 */
limit: number, };

export type HistoryEntryView = { 
/**
 * Its position in the account's history (0: the first; none for a
 * transaction looked up by id).
 */
index: number | null, 
/**
 * The transaction id.
 */
tx_id: string, 
/**
 * The block height.
 */
height: number, 
/**
 * The transaction's kind (`transfer`, `transfer-asset`, `swap`,
 * `withdraw`, `mint`, `points-issue`, ...).
 */
kind: string, 
/**
 * The proven result code (0: success; otherwise nothing but the fee
 * moved).
 */
result_code: number, 
/**
 * What moved into or out of the address (none for a failed one,
 * except the fee).
 */
moves: Array<MoveView>, 
/**
 * The other party, when there is one.
 */
counterparty: string | null, 
/**
 * The memo (order id) of an asset transfer.
 */
memo: string | null, 
/**
 * Whether this address sent it (and paid its fee).
 */
sent: boolean, 
/**
 * The verified header its inclusion was proven against.
 */
proven: ProvenAt, };

export type HistoryView = { 
/**
 * The address.
 */
address: string, 
/**
 * How many entries the proven account commits to (all checked).
 */
total: number, 
/**
 * The entries shown, newest first, each proven included.
 */
entries: Array<HistoryEntryView>, 
/**
 * Older entries checked for completeness but not shown.
 */
older: number, 
/**
 * Where the account (and so the completeness) was proven.
 */
proven: ProvenAt, };

export type HoldingView = { 
/**
 * The asset.
 */
asset: AssetView, 
/**
 * The balance.
 */
balance: AmountView, 
/**
 * Whether the balance is above zero.
 */
held: boolean, 
/**
 * The merchant's standing (none for POINT).
 */
status: MerchantStatusView | null, 
/**
 * The merchant's current rate version (0: none; none for POINT).
 */
rate_version: number | null, 
/**
 * Where the balance was proven.
 */
proven: ProvenAt, };

export type HoldingsView = { 
/**
 * The address.
 */
address: string, 
/**
 * POINT first, then every merchant in number order.
 */
assets: Array<HoldingView>, 
/**
 * How many merchants are registered, and where that was proven.
 */
merchants: number, 
/**
 * Where the registry's count was proven.
 */
proven: ProvenAt, };

export type ImageArgs = { 
/**
 * PNG or JPEG bytes.
 */
bytes: Array<number>, };

export type ImagesArgs = { 
/**
 * PNG or JPEG files' bytes.
 */
images: Array<Array<number>>, };

export type IndexArgs = { 
/**
 * Receive address index.
 */
index: number, };

export type JobKind = "sync" | "send" | "faucet" | "broadcast" | "audit" | "session" | "subchain-audit" | "follow";

export type JobState = "queued" | "running";

export type JobView = { 
/**
 * Its id (unique per app run).
 */
id: number, 
/**
 * Its kind.
 */
kind: JobKind, 
/**
 * Where it stands.
 */
state: JobState, 
/**
 * Whether a cancel reached it.
 */
cancelled: boolean, };

export type KdfNotice = "unchanged" | "upgraded" | "upgrade-failed";

export type KdfView = { 
/**
 * Memory in MiB.
 */
memory_mib: number, 
/**
 * Passes.
 */
passes: number, 
/**
 * Lanes.
 */
lanes: number, 
/**
 * How long one derivation took when the parameters were calibrated on
 * this device, if that just happened.
 */
millis: number | null, };

export type LanguageArgs = { 
/**
 * `zh-CN`, `zh-TW` or `en`.
 */
tag: string, };

export type MerchantAction = { "action": "set-rate", 
/**
 * Fee mode.
 */
fee_mode: FeeModeView, 
/**
 * POINT paid per whole point taken back (`0.0092`); in spread mode
 * the mid, and `ask` must equal it.
 */
bid: string, 
/**
 * POINT asked per whole point issued.
 */
ask: string, 
/**
 * Exchange fee in bps (spread mode only; 0 in settlement).
 */
fee_bps: number, 
/**
 * Smallest sell (points).
 */
sell_min: string, 
/**
 * Sell step (points).
 */
sell_increment: string, 
/**
 * Smallest buy (POINT).
 */
buy_min: string, 
/**
 * Buy step (POINT).
 */
buy_increment: string, 
/**
 * Blocks the rate stays valid after the proven height.
 */
valid_for_blocks: number, } | { "action": "issue", 
/**
 * The customer's address.
 */
to: string, 
/**
 * Points to issue.
 */
amount: string, } | { "action": "top-up", 
/**
 * POINT.
 */
amount: string, } | { "action": "withdraw-deposit", 
/**
 * POINT.
 */
amount: string, };

export type MerchantActionReview = { 
/**
 * Names exactly this transaction.
 */
review_id: string, 
/**
 * The owner's address.
 */
from: string, 
/**
 * The merchant's points.
 */
merchant: AssetView, 
/**
 * `set-rate`, `issue`, `top-up` or `withdraw-deposit`.
 */
action: string, 
/**
 * The new rate (set-rate).
 */
rate: RateView | null, 
/**
 * The recipient (issue).
 */
to: string | null, 
/**
 * The amount (points for issue, POINT for the deposit).
 */
amount: AmountView | null, 
/**
 * The proven deposit before.
 */
deposit: AmountView, 
/**
 * The deposit afterwards (top-up, withdraw-deposit).
 */
deposit_after: AmountView | null, 
/**
 * The least the deposit must keep (withdraw-deposit).
 */
deposit_required: AmountView | null, 
/**
 * The network fee (POINT).
 */
network_fee: AmountView, 
/**
 * The transaction's nonce.
 */
nonce: number, 
/**
 * The chain it is signed for.
 */
chain_id: string, 
/**
 * Where the merchant was proven.
 */
proven: ProvenAt, };

export type MerchantArgs = { 
/**
 * The merchant's number (1, 2, ...).
 */
id: number, 
/**
 * Rate versions to prove, newest first (the current one only when
 * absent; at most `MAX_RATE_HISTORY`).
 */
history: number | null, };

export type MerchantRequest = { 
/**
 * The merchant: number, `M<n>` or symbol.
 */
merchant: string, 
/**
 * What to do.
 */
action: MerchantAction, 
/**
 * The network fee in POINT (the minimum when absent).
 */
fee: string | null, 
/**
 * The receive address index of the owner.
 */
from_index: number, };

export type MerchantStatusView = "proposed" | "approved" | "suspended";

export type MerchantView = { 
/**
 * Its points asset.
 */
asset: AssetView, 
/**
 * Standing.
 */
status: MerchantStatusView, 
/**
 * The owner's address.
 */
owner: string, 
/**
 * The POINT deposit backing conversions.
 */
deposit: AmountView, 
/**
 * Points in circulation.
 */
outstanding: AmountView, 
/**
 * Height it was registered at (0: genesis).
 */
registered_at: number, 
/**
 * The current rate (none before the first).
 */
rate: RateView | null, 
/**
 * Rate versions, newest first (at most [`MAX_RATE_HISTORY`]).
 */
rates: Array<RateView>, 
/**
 * Where it was proven.
 */
proven: ProvenAt, };

export type ModeArgs = { 
/**
 * The mode.
 */
mode: AppMode, };

export type MoveView = { 
/**
 * The amount.
 */
amount: AmountView, 
/**
 * Into the address (true) or out of it.
 */
incoming: boolean, };

export type NameArgs = { 
/**
 * The wallet's name.
 */
name: string, };

export type NetworkView = "mainnet" | "testnet" | "devnet";

export type PairExportArgs = { 
/**
 * A chain id; the network's default when absent.
 */
chain_id: string | null, };

export type PairExportView = { 
/**
 * The chain this device signs for.
 */
chain_id: string, 
/**
 * BIP32 master fingerprint (hex).
 */
master_fingerprint: string, 
/**
 * The account's extended public key.
 */
xpub: string, 
/**
 * The code.
 */
qr: QrCodeView, };

export type PairImportArgs = { 
/**
 * The new watch-only wallet's name.
 */
name: string, 
/**
 * PNG or JPEG files' bytes.
 */
images: Array<Array<number>>, };

export type PartyView = { 
/**
 * Its address (this network's text form).
 */
address: string, 
/**
 * Its registered name; `None` when not registered.
 */
name: string | null, 
/**
 * Its registered roles (`producer`, `warehouse`, ...).
 */
roles: Array<string>, };

export type PasswordArgs = { 
/**
 * The password.
 */
password: string, };

export type PayRequest = { 
/**
 * The payment request as scanned or pasted (`jifen:...`).
 */
request: string, 
/**
 * The amount, for a request that leaves it to the payer (in the
 * asset's unit); ignored when the request names one.
 */
amount: string | null, 
/**
 * The network fee in POINT (the minimum when absent).
 */
fee: string | null, 
/**
 * The receive address index that pays.
 */
from_index: number, };

export type PayReview = { 
/**
 * Names exactly this payment.
 */
review_id: string, 
/**
 * The paying address.
 */
from: string, 
/**
 * The payee's address.
 */
to: string, 
/**
 * The merchant the payee owns, proven (none: not a merchant's owner,
 * shown as a warning).
 */
payee: PayeeView | null, 
/**
 * The request's label (the merchant's own words, unproven).
 */
label: string | null, 
/**
 * The memo (order id) the payment carries on chain.
 */
memo: string | null, 
/**
 * The asset paid.
 */
asset: AssetView, 
/**
 * The amount.
 */
amount: AmountView, 
/**
 * The network fee (POINT).
 */
network_fee: AmountView, 
/**
 * The proven balance of the asset.
 */
balance: AmountView, 
/**
 * The balance afterwards (POINT: after the fee too).
 */
remaining: AmountView, 
/**
 * The request's expiry (unix seconds), if any.
 */
expires: number | null, 
/**
 * The transaction's nonce.
 */
nonce: number, 
/**
 * The chain it is signed for.
 */
chain_id: string, 
/**
 * Where the asset, balance and payee were proven.
 */
proven: ProvenAt, };

export type PayeeView = { 
/**
 * The merchant's points asset (its number, name, symbol).
 */
merchant: AssetView, 
/**
 * Its standing.
 */
status: MerchantStatusView, };

export type PaymentCheckView = { 
/**
 * The payment, proven, when one answers the request.
 */
seen: PaymentSeenView | null, 
/**
 * How far the payee's history has now been read.
 */
watch: PaymentWatch, };

export type PaymentReceipt = { 
/**
 * The transaction id.
 */
tx_id: string, 
/**
 * The block it is in.
 */
height: number, 
/**
 * Its position in the block.
 */
index: number, 
/**
 * The verified header its inclusion and result were proven against.
 */
proven: ProvenAt, 
/**
 * The payee.
 */
to: string, 
/**
 * What was paid.
 */
amount: AmountView, 
/**
 * The memo it carried.
 */
memo: string | null, 
/**
 * The network fee (POINT).
 */
network_fee: AmountView, 
/**
 * The payer's balance of the asset afterwards, proven.
 */
balance_after: AmountView, 
/**
 * Where that balance was proven.
 */
balance_proven: ProvenAt, };

export type PaymentRequestInput = { 
/**
 * `POINT`, or a merchant's points: its number, `M<n>` or symbol.
 */
asset: string, 
/**
 * The amount in the asset's unit; none: the payer enters it.
 */
amount: string | null, 
/**
 * An order id or note (at most 128 bytes), carried on chain.
 */
memo: string | null, 
/**
 * The payee's name as the payer's wallet shows it (unproven).
 */
label: string | null, 
/**
 * Seconds the request stays payable; none: no expiry.
 */
expires_in_s: number | null, 
/**
 * The receive address index to be paid at.
 */
index: number, };

export type PaymentRequestView = { 
/**
 * The canonical URI (to copy or share).
 */
uri: string, 
/**
 * The text to put in the QR code (scheme and address upper case, for
 * the compact alphanumeric mode).
 */
qr_text: string, 
/**
 * The payee's address.
 */
to: string, 
/**
 * The asset asked for.
 */
asset: AssetView, 
/**
 * The amount asked for (none: the payer enters it).
 */
amount: AmountView | null, 
/**
 * The memo.
 */
memo: string | null, 
/**
 * The label.
 */
label: string | null, 
/**
 * Expiry, unix seconds.
 */
expires: number | null, 
/**
 * The chain it is for.
 */
chain_id: string, 
/**
 * The payee's proven history length when the request was made: the
 * payment is among the entries from here on.
 */
history_from: number, 
/**
 * Where the asset and the history length were proven.
 */
proven: ProvenAt, };

export type PaymentSeenView = { 
/**
 * The payer.
 */
from: string, 
/**
 * What was paid.
 */
amount: AmountView, 
/**
 * The memo it carried.
 */
memo: string | null, 
/**
 * The transaction id.
 */
tx_id: string, 
/**
 * The block height.
 */
height: number, 
/**
 * Its position in the block.
 */
index: number, 
/**
 * The verified header its inclusion and result were proven against.
 */
proven: ProvenAt, 
/**
 * Where the payee's history (complete up to here) was proven.
 */
history_proven: ProvenAt, };

export type PaymentWatch = { 
/**
 * Entries of the payee's history already looked at.
 */
len: number, 
/**
 * The history's head after them (hex; none until the first read).
 */
head: string | null, 
/**
 * Height of the last entry looked at.
 */
last_height: number, };

export type PeerRoleView = "primary" | "witness";

export type PeerStateView = { "kind": "active" } | { "kind": "lagging", 
/**
 * Its latest height.
 */
height: number, } | { "kind": "unreachable", 
/**
 * Why (a message id).
 */
code: string, 
/**
 * The transport's own words.
 */
detail: string, } | { "kind": "demoted", 
/**
 * Why (a message id).
 */
code: string, 
/**
 * What was wrong.
 */
detail: string, };

export type PeerView = { 
/**
 * Its endpoint (URL or peer address).
 */
id: string, 
/**
 * Its role.
 */
role: PeerRoleView, 
/**
 * Its state.
 */
state: PeerStateView, 
/**
 * How it is reached.
 */
transport: TransportView, 
/**
 * Its K-bucket (XOR distance from this session's random target; P2P
 * peers only).
 */
bucket: number | null, 
/**
 * Found by discovery rather than configured.
 */
discovered: boolean, };

export type PendingState = "waiting" | "signed";

export type PendingView = { 
/**
 * Request id.
 */
request_id: string, 
/**
 * Fingerprint (none when the record is damaged).
 */
fingerprint: string | null, 
/**
 * Where it stands (none when the record is damaged).
 */
state: PendingState | null, 
/**
 * When it was made, unix seconds.
 */
created_at: number, 
/**
 * The transaction's nonce.
 */
nonce: number | null, 
/**
 * Whether that nonce is already used on chain (the sender's proven next
 * nonce is past it), so it can never be included. `None` when nothing
 * was proven (offline, or the proof failed).
 */
superseded: boolean | null, 
/**
 * Why the record cannot be read (it can still be discarded).
 */
error: ErrorView | null, };

export type PinIdArgs = { 
/**
 * The pin's id.
 */
id: string, };

export type PinView = { 
/**
 * Its id (the evidence or bundle file name): `jifen store unpin <ID>`.
 */
id: string, 
/**
 * `evidence` or `bundle`.
 */
kind: string, 
/**
 * The pinned block heights, ascending.
 */
heights: Array<number>, };

export type PowParamsView = { 
/**
 * Leading zero bits of the first window.
 */
initial_bits: number, 
/**
 * Floor of the retarget.
 */
min_bits: number, 
/**
 * Blocks per retarget window.
 */
retarget_interval: number, 
/**
 * Spacing aimed at, milliseconds.
 */
target_spacing_ms: number, };

export type ProvenAt = { 
/**
 * The header's height.
 */
height: number, 
/**
 * The header's hash (the block id, hex).
 */
header_hash: string, };

export type QrCodeView = { 
/**
 * What the code carries.
 */
ur_type: CodeKind, 
/**
 * The UR text of each frame, in order (public data).
 */
parts: Array<string>, 
/**
 * The whole message as one single-part UR text (to copy as text).
 */
text: string, 
/**
 * Fountain fragments of the message (0 for a single-part code).
 */
fragments: number, 
/**
 * Suggested frames per second.
 */
fps: number, };

export type QrPartsArgs = { 
/**
 * The UR text of each frame.
 */
parts: Array<string>, };

export type QrStem = "jifen-pairing" | "jifen-request" | "jifen-signature";

export type RateView = { 
/**
 * The version (1, 2, ...).
 */
version: number, 
/**
 * Height of the block that set it (0: genesis).
 */
set_at: number, 
/**
 * Last height swaps may use it.
 */
valid_until: number, 
/**
 * Whether it is past `valid_until` at the proven height.
 */
expired: boolean, 
/**
 * Whether it is the merchant's current version.
 */
current: boolean, 
/**
 * Fee mode.
 */
fee_mode: FeeModeView, 
/**
 * Exchange fee charged, in basis points (0 in settlement mode).
 */
fee_bps: number, 
/**
 * POINT the deposit pays for one whole point (the bid), exact ratio
 * shown to at most 12 decimals.
 */
bid_per_point: string, 
/**
 * POINT the deposit asks for one whole point (the ask).
 */
ask_per_point: string, 
/**
 * The ratio as stored: `bid/den` and `ask/den` POINT base units per
 * points base unit.
 */
bid: string, 
/**
 * See `bid`.
 */
ask: string, 
/**
 * See `bid`.
 */
den: string, 
/**
 * Smallest sell (points).
 */
sell_min: AmountView, 
/**
 * Sell step (points).
 */
sell_increment: AmountView, 
/**
 * Smallest buy (POINT).
 */
buy_min: AmountView, 
/**
 * Buy step (POINT).
 */
buy_increment: AmountView, };

export type ReceiptArgs = { 
/**
 * The transaction id (64 hex digits).
 */
tx_id: string, };

export type ReceiptBundleView = { 
/**
 * The file.
 */
path: string, 
/**
 * The transaction it proves.
 */
tx_id: string, 
/**
 * Verified headers in it, root included.
 */
headers: number, };

export type ReceivingRequest = { 
/**
 * The item's tag.
 */
tag: string, 
/**
 * Where: a 13-digit GLN or a GS1 Digital Link of a location (`/414/`).
 */
location: string, 
/**
 * A readable name of the place (shown in timelines).
 */
place: string | null, 
/**
 * The local time zone offset (`+08:00`; default `+08:00`).
 */
time_zone: string | null, 
/**
 * The party's account (index).
 */
from_index: number, };

export type RecordChecksView = { 
/**
 * The event's CBV 2.0 hash, recomputed, equals the signed one.
 */
hash: boolean, 
/**
 * The signature verifies.
 */
signature: boolean, 
/**
 * It links to the previous record (and names this item).
 */
link: boolean, 
/**
 * Its signer was a registered party in a role for its step at its time.
 */
signer: boolean, 
/**
 * It is covered by a main-chain anchor that matches.
 */
anchored: boolean, 
/**
 * It is in a sane place of the business steps.
 */
order: boolean, };

export type RecordReview = { 
/**
 * The item.
 */
tag: TagView, 
/**
 * `receiving`.
 */
biz_step: string, 
/**
 * The location (a Digital Link).
 */
location: string, 
/**
 * The place's name.
 */
place: string | null, 
/**
 * The party's registered name.
 */
party: string, 
/**
 * The party's address.
 */
from: string, 
/**
 * The record's place in the item's history.
 */
index: number, 
/**
 * The event's CBV 2.0 hash.
 */
event_hash: string, 
/**
 * The event, as it will be stored (JSON).
 */
event: string, };

export type RecordedView = { 
/**
 * The item's tag.
 */
tag: TagView, 
/**
 * `receiving` or `retail_selling`.
 */
biz_step: string, 
/**
 * The record's index (receiving) on the subchain.
 */
index: number | null, 
/**
 * The event hash (receiving).
 */
event_hash: string | null, 
/**
 * The main-chain transaction id (sale).
 */
tx_id: string | null, 
/**
 * Where it was proven: the audited subchain height (receiving) or the
 * main-chain header (sale).
 */
proven_at: ProvenAt, };

export type RequestIdArgs = { 
/**
 * The request id.
 */
request_id: string, };

export type RestoreWalletArgs = { 
/**
 * File name.
 */
name: string, 
/**
 * The typed words.
 */
phrase: string, 
/**
 * Optional BIP39 passphrase (empty for none).
 */
passphrase: string, 
/**
 * Wallet password.
 */
password: string, };

export type RevealedWords = { 
/**
 * The words, in order.
 */
words: string[], 
/**
 * The check the person takes after writing them down.
 */
challenge: BackupChallengeView, };

export type ReviewLineView = { 
/**
 * Message id of the label (`cold-review-*`).
 */
label: string, 
/**
 * The value; a message id when `kind` is `message`.
 */
value: string, 
/**
 * How to show the value.
 */
kind: ReviewValueKind, };

export type ReviewValueKind = "amount" | "address" | "message" | "text" | "number";

export type RootView = { "kind": "checkpoint", 
/**
 * The checkpoint.
 */
checkpoint: string, } | { "kind": "genesis-first-use", 
/**
 * The genesis block as a checkpoint.
 */
checkpoint: string, 
/**
 * Witnesses that served the same genesis (`None`: loaded from the
 * store, not checked in this session).
 */
witnesses_agreed: number | null, };

export type RoundTripView = { 
/**
 * What swapping the output straight back would return (input asset).
 */
back: AmountView, 
/**
 * What the round trip costs (input asset).
 */
cost: AmountView, 
/**
 * The cost in basis points of what was paid in.
 */
cost_bps: number, };

export type SaleRequest = { 
/**
 * The item's tag.
 */
tag: string, 
/**
 * The retailer's account (index).
 */
from_index: number, 
/**
 * The network fee in POINT (default the minimum).
 */
fee: string | null, };

export type SaleReview = { 
/**
 * The review id (first 16 hex digits of the signing digest).
 */
review_id: string, 
/**
 * The retailer's address.
 */
from: string, 
/**
 * The retailer's registered name.
 */
seller: string, 
/**
 * The item.
 */
tag: TagView, 
/**
 * Records the item's anchor covers.
 */
anchored_records: number, 
/**
 * The network fee.
 */
network_fee: AmountView, 
/**
 * The transaction's nonce.
 */
nonce: number, 
/**
 * The chain it is signed for.
 */
chain_id: string, 
/**
 * Where the anchor, sales and party were proven.
 */
proven: ProvenAt, };

export type SaleView = { 
/**
 * The retailer.
 */
seller: PartyView, 
/**
 * The block's time, UTC ms.
 */
time_ms: number, 
/**
 * The main-chain height.
 */
main_height: number, };

export type SaveFramesArgs = { 
/**
 * Which kind of frames.
 */
stem: QrStem, 
/**
 * The UR text of each frame.
 */
parts: Array<string>, };

export type Scanned = { 
/**
 * What it is.
 */
kind: ScannedKind, 
/**
 * The address, for an address (canonical lower case).
 */
address: string | null, 
/**
 * The code's text.
 */
text: string, };

export type ScannedKind = "address" | "sign-request" | "signature" | "account" | "payment-request" | "product-tag" | "unknown";

export type SendProgress = { 
/**
 * The stage reached.
 */
stage: SendStage, 
/**
 * The transaction id.
 */
tx_id: string, 
/**
 * The block height, once included.
 */
height: number | null, };

export type SendReceipt = { 
/**
 * The transaction id.
 */
tx_id: string, 
/**
 * The block it is in.
 */
height: number, 
/**
 * Its position in the block.
 */
index: number, 
/**
 * Its proven result code (0: success; a failed one is an error).
 */
result_code: number, 
/**
 * The verified header the inclusion was proven against.
 */
proven: ProvenAt, 
/**
 * The watched address's balance afterwards, proven.
 */
balance_after: BalanceView, };

export type SendRequest = { 
/**
 * The recipient's address.
 */
to: string, 
/**
 * The amount in POINT (`2.5`; full-width digits accepted).
 */
amount: string, 
/**
 * The fee in POINT; the network's minimum when absent.
 */
fee: string | null, 
/**
 * The receive address index that sends (0 for the first).
 */
from_index: number, };

export type SendReview = { 
/**
 * Names exactly this transfer: confirming signs it and nothing else.
 */
review_id: string, 
/**
 * Sender.
 */
from: string, 
/**
 * Recipient.
 */
to: string, 
/**
 * Amount.
 */
amount: AmountView, 
/**
 * Fee.
 */
fee: AmountView, 
/**
 * Amount plus fee.
 */
total: AmountView, 
/**
 * The sender's proven balance (none for a request made offline).
 */
balance: AmountView | null, 
/**
 * The balance afterwards.
 */
remaining: AmountView | null, 
/**
 * The transaction's nonce.
 */
nonce: number, 
/**
 * The chain it is signed for.
 */
chain_id: string, 
/**
 * Where the balance and nonce were proven (none offline).
 */
proven: ProvenAt | null, };

export type SendStage = "submitted" | "waiting" | "included";

export type SignMessageArgs = { 
/**
 * Receive address index.
 */
index: number, 
/**
 * The message.
 */
message: string, };

export type SignRequestView = { 
/**
 * Request id.
 */
request_id: string, 
/**
 * Its fingerprint (the cold device must show the same).
 */
fingerprint: string, 
/**
 * What the transaction does (against the proven balance when online).
 */
review: SendReview, 
/**
 * The code to show to the cold device.
 */
qr: QrCodeView, };

export type SignatureView = { 
/**
 * The request it answers.
 */
request_id: string, 
/**
 * That request's fingerprint.
 */
fingerprint: string, 
/**
 * The code.
 */
qr: QrCodeView, };

export type SignedMessageView = { 
/**
 * The signing address.
 */
address: string, 
/**
 * The signature's text form (`docs/keys.md#message-signatures`).
 */
signature: string, };

export type StoreReportView = { 
/**
 * Nothing stored yet (the other fields are then zero or empty).
 */
empty: boolean, 
/**
 * The store format (2; 1 before its first open by this version).
 */
format: number, 
/**
 * The root of trust (`height:hash`).
 */
root: string | null, 
/**
 * The latest trusted header.
 */
latest: ProvenAt | null, 
/**
 * Blocks stored (root, pivots, pinned, the recent tail).
 */
blocks: number, 
/**
 * Blocks kept because their neighbours cannot link across them.
 */
pivots: number, 
/**
 * Commits (signature sets) checked.
 */
commits_checked: number, 
/**
 * Bytes of stored blocks.
 */
bytes: number, 
/**
 * Pins (evidence, exported bundles).
 */
pins: Array<PinView>, };

export type SubchainAlertView = { 
/**
 * `equivocation`, `lost-fork-choice`, `invalid-report` or
 * `record-mismatch`.
 */
kind: string, 
/**
 * The subchain height it is about (0 when none).
 */
height: number, 
/**
 * The main-chain height of the report (0 when none).
 */
main_height: number, 
/**
 * The rule broken, translated by the front end.
 */
error: ErrorView | null, 
/**
 * The evidence file written for it, if any.
 */
evidence_path: string | null, };

export type SubchainArgs = { 
/**
 * The subchain's number (1, 2, ...).
 */
id: number, };

export type SubchainAuditProgressView = { 
/**
 * The subchain.
 */
subchain: number, 
/**
 * `headers` (proving main-chain headers `from..=to`) or `reports`
 * (`checked` of `total`).
 */
phase: string, 
/**
 * Reports checked.
 */
checked: number, 
/**
 * Reports to check.
 */
total: number, 
/**
 * First main height of the headers being proven.
 */
from: number, 
/**
 * Last.
 */
to: number, };

export type SubchainAuditView = { 
/**
 * The subchain after the audit.
 */
subchain: SubchainView, 
/**
 * Reports checked in this run.
 */
new_reports: number, 
/**
 * Main-chain headers proven for them.
 */
main_headers: number, 
/**
 * Wall time of the run, milliseconds.
 */
elapsed_ms: number, };

export type SubchainEvidenceView = { 
/**
 * `equivocation` or `lost-fork-choice`.
 */
kind: string, 
/**
 * The subchain.
 */
subchain: number, 
/**
 * The subchain height.
 */
height: number, 
/**
 * The two header ids (the anchored one first).
 */
headers: Array<string>, 
/**
 * Main-chain heights the two were anchored at.
 */
main_heights: Array<number>, 
/**
 * Committee members that signed both (equivocation), hex addresses.
 */
double_signers: Array<string>, 
/**
 * The main chain's id.
 */
main_chain: string, };

export type SubchainKindView = "bft" | "pow-xor";

export type SubchainListView = { 
/**
 * In number order.
 */
subchains: Array<SubchainView>, 
/**
 * How many are registered (more than listed when over the limit).
 */
registered: number, 
/**
 * Subchains whose audit raised an alert or failed (for a banner).
 */
alerted: number, 
/**
 * The main-chain header the list was proven at.
 */
proven: ProvenAt, };

export type SubchainStatusView = "active" | "halted" | "retired";

export type SubchainValueArgs = { 
/**
 * The subchain's number.
 */
id: number, 
/**
 * The key, exactly as typed.
 */
key: string, 
/**
 * An audited subchain height; the audited tip when absent.
 */
height: number | null, };

export type SubchainValueView = { 
/**
 * The subchain.
 */
subchain: number, 
/**
 * Its name.
 */
name: string, 
/**
 * The key.
 */
key: string, 
/**
 * Whether the key holds a value (false: proven absent).
 */
found: boolean, 
/**
 * The value as text, when it is printable UTF-8.
 */
text: string | null, 
/**
 * The value in hex.
 */
hex: string | null, 
/**
 * The subchain height it is proven at.
 */
height: number, 
/**
 * That (audited) header's id.
 */
header: string, 
/**
 * The main-chain height that anchored it.
 */
main_height: number, };

export type SubchainView = { 
/**
 * Its number.
 */
id: number, 
/**
 * Its name.
 */
name: string, 
/**
 * Consensus kind.
 */
kind: SubchainKindView, 
/**
 * Standing on the main chain.
 */
status: SubchainStatusView, 
/**
 * Subchain height of the equivocation that halted it.
 */
halted_at: number | null, 
/**
 * Who registered it.
 */
owner: string, 
/**
 * POINT locked while registered.
 */
stake: AmountView, 
/**
 * Main-chain height of the registration.
 */
registered_at: number, 
/**
 * Hash of the genesis committee (bft).
 */
genesis_committee: string | null, 
/**
 * Difficulty rules (pow-xor).
 */
pow: PowParamsView | null, 
/**
 * The anchored tip's subchain height, by the proven record.
 */
anchored_height: number, 
/**
 * The anchored tip's id (hex).
 */
anchored_tip: string, 
/**
 * Reports anchored in all.
 */
reports: number, 
/**
 * Main-chain height of the latest anchored report (0: none).
 */
last_anchor: number, 
/**
 * Whether the wallet audits it with every sync.
 */
followed: boolean, 
/**
 * The audit's verdict against this record.
 */
state: AuditStateView, 
/**
 * The last audit, if any.
 */
audit: AuditSummaryView | null, 
/**
 * The main-chain header the record was proven at.
 */
proven: ProvenAt, };

export type SwapReceipt = { 
/**
 * The transaction id.
 */
tx_id: string, 
/**
 * The block it is in.
 */
height: number, 
/**
 * Its position in the block.
 */
index: number, 
/**
 * The verified header its inclusion and result were proven against.
 */
proven: ProvenAt, 
/**
 * What was paid in.
 */
paid: AmountView, 
/**
 * What the quote said would come out.
 */
quoted: AmountView, 
/**
 * What the chain paid out (the proven rate version the swap named,
 * through the chain's quote function).
 */
received: AmountView, 
/**
 * The minimum the swap accepted.
 */
min_receive: AmountView, 
/**
 * The exchange fee the platform took (POINT).
 */
exchange_fee: AmountView, 
/**
 * The network fee (POINT).
 */
network_fee: AmountView, 
/**
 * Whether `received` is exactly `quoted`.
 */
as_quoted: boolean, 
/**
 * The rate version it ran at.
 */
rate_version: number, 
/**
 * The input asset's balance afterwards, proven.
 */
balance_in_after: AmountView, 
/**
 * The output asset's balance afterwards, proven.
 */
balance_out_after: AmountView, 
/**
 * Where the balances afterwards were proven.
 */
balances_proven: ProvenAt, };

export type SwapRequest = { 
/**
 * The merchant: its number (`1`), asset id (`M1`) or symbol (`TEA`).
 */
merchant: string, 
/**
 * Sell points for POINT, or buy points with POINT.
 */
direction: DirectionView, 
/**
 * What to pay in, in the input asset's unit (points for a sell, POINT
 * for a buy).
 */
amount: string, 
/**
 * Slippage tolerance in basis points ([`DEFAULT_SLIPPAGE_BPS`] when
 * absent).
 */
slippage_bps: number | null, 
/**
 * The network fee in POINT (the minimum when absent).
 */
fee: string | null, 
/**
 * The receive address index that swaps.
 */
from_index: number, };

export type SwapReview = { 
/**
 * Names exactly this swap.
 */
review_id: string, 
/**
 * The swapping address.
 */
from: string, 
/**
 * The merchant's points.
 */
merchant: AssetView, 
/**
 * Sell or buy.
 */
direction: DirectionView, 
/**
 * What is paid in.
 */
pay: AmountView, 
/**
 * What the chain will pay out at this quote.
 */
receive: AmountView, 
/**
 * The least the swap accepts (below it the chain refuses it).
 */
min_receive: AmountView, 
/**
 * The slippage tolerance that gave `min_receive`.
 */
slippage_bps: number, 
/**
 * The rate version quoted (its source, limits and history).
 */
rate: RateView, 
/**
 * `bid` for a sell, `ask` for a buy.
 */
side: string, 
/**
 * POINT per whole point this swap gets, after fees (display only).
 */
effective_per_point: string, 
/**
 * What `pay` would give at the merchant's mid price with no fee.
 */
at_mid: AmountView, 
/**
 * `at_mid - receive`: the spread and fee against the mid.
 */
cost_vs_mid: AmountView, 
/**
 * `cost_vs_mid` in basis points of `at_mid`.
 */
cost_vs_mid_bps: number, 
/**
 * Exchange fee to the platform (POINT; 0 in settlement mode).
 */
exchange_fee: AmountView, 
/**
 * Fee mode of the rate.
 */
fee_mode: FeeModeView, 
/**
 * The network fee (POINT).
 */
network_fee: AmountView, 
/**
 * For a sell: what withdrawing the POINT received to fiat would cost
 * (the alliance's withdrawal fee). None for a buy.
 */
withdrawal_fee: AmountView | null, 
/**
 * Swapping the output straight back.
 */
round_trip: RoundTripView, 
/**
 * The smallest amount this merchant converts this way.
 */
minimum: AmountView, 
/**
 * The step amounts must be a multiple of.
 */
increment: AmountView, 
/**
 * The merchant's proven deposit.
 */
deposit: AmountView, 
/**
 * The proven balance of the input asset.
 */
balance_in: AmountView, 
/**
 * The proven POINT balance (pays the network fee).
 */
point_balance: AmountView, 
/**
 * The last height the swap may execute at.
 */
deadline: number, 
/**
 * The height the quote was proven at.
 */
quoted_height: number, 
/**
 * Unix ms the quote was made.
 */
quoted_at_ms: number, 
/**
 * Unix ms after which it can no longer be confirmed.
 */
expires_at_ms: number, 
/**
 * The transaction's nonce.
 */
nonce: number, 
/**
 * The chain it is signed for.
 */
chain_id: string, 
/**
 * Where the merchant, rate and balances were proven.
 */
proven: ProvenAt, };

export type SyncAuditView = { 
/**
 * The sync.
 */
sync: SyncView, 
/**
 * One audit per followed subchain, in number order.
 */
subchains: Array<SubchainAuditView>, 
/**
 * Why the subchain audits stopped early, if they did (the sync itself
 * succeeded and stands).
 */
subchain_error: ErrorView | null, };

export type SyncEventView = { "kind": "progress" } & SyncProgressView | { "kind": "peer-demoted", 
/**
 * The node.
 */
peer: string, 
/**
 * Why (a message id).
 */
code: string, } | { "kind": "primary-changed", 
/**
 * The new primary.
 */
peer: string, } | { "kind": "evidence-written", 
/**
 * The evidence file.
 */
path: string, };

export type SyncJobEvent = { "kind": "sync", "event": SyncEventView } | { "kind": "subchain", "event": SubchainAuditProgressView };

export type SyncPhase = "bootstrapping" | "syncing" | "cross-checking" | "done";

export type SyncProgressView = { 
/**
 * What it is doing.
 */
phase: SyncPhase, 
/**
 * The last verified height.
 */
current: number, 
/**
 * The height it syncs to.
 */
target: number, 
/**
 * Light blocks fetched so far.
 */
fetched: number, 
/**
 * Peers in use.
 */
peers: number, 
/**
 * Estimated time left, when there is a rate to estimate from.
 */
eta_ms: number | null, };

export type SyncView = { 
/**
 * Verified height before.
 */
from_height: number, 
/**
 * Verified height now.
 */
height: number, 
/**
 * Its block id.
 */
hash: string, 
/**
 * Light blocks fetched.
 */
headers_fetched: number, 
/**
 * The node the headers came from.
 */
primary: string, 
/**
 * Witnesses that served the same tip.
 */
witnesses_agreed: number, 
/**
 * Wall time.
 */
elapsed_ms: number, };

export type TagTextArgs = { 
/**
 * The text.
 */
text: string, };

export type TagView = { 
/**
 * The tag as read.
 */
uri: string, 
/**
 * The item's canonical Digital Link (`https://id.gs1.org/01/.../21/...`).
 */
canonical: string, 
/**
 * GTIN-14.
 */
gtin: string, 
/**
 * Serial number (AI 21).
 */
serial: string, 
/**
 * Batch/lot (AI 10).
 */
lot: string | null, 
/**
 * Expiry date (AI 17) as `YYYY-MM-DD` (`DD` `00`: end of month).
 */
expiry: string | null, 
/**
 * The network the tag names (`net=`), if any.
 */
network: string | null, 
/**
 * The resolver host.
 */
resolver: string, };

export type TextQrArgs = { 
/**
 * The text (`PaymentRequestView::qr_text`).
 */
text: string, };

export type TraceArgs = { 
/**
 * The tag (a GS1 Digital Link).
 */
tag: string, 
/**
 * A consumer's inspection or a merchant's counter scan.
 */
purpose: TracePurpose, };

export type TraceProgressView = { 
/**
 * `sync` (the main chain), `audit` (the records' subchain), `records`
 * (fetching them), `verify`.
 */
stage: string, 
/**
 * Done so far in this stage.
 */
done: number, 
/**
 * Total in this stage (0 when unknown).
 */
total: number, };

export type TracePurpose = "inspect" | "counter";

export type TraceRecordView = { 
/**
 * Place in the item's history, from 0.
 */
index: number, 
/**
 * `object`, `aggregation`, `transformation`, `transaction`, `association`.
 */
event_kind: string, 
/**
 * CBV business step short name (`receiving`...); front ends translate
 * `step-<name>` and show the name itself when unknown.
 */
biz_step: string | null, 
/**
 * CBV disposition short name.
 */
disposition: string | null, 
/**
 * `ADD`, `OBSERVE`, `DELETE`.
 */
action: string | null, 
/**
 * Event time, UTC milliseconds.
 */
time_ms: number, 
/**
 * The event's time zone offset (`+08:00`), to show local time.
 */
time_zone: string, 
/**
 * The event's local time, `YYYY-MM-DD HH:MM` in its own time zone.
 */
local_time: string, 
/**
 * A readable place name when the event carries one, else the location.
 */
place: string | null, 
/**
 * Business location (an SGLN Digital Link).
 */
biz_location: string | null, 
/**
 * Read point.
 */
read_point: string | null, 
/**
 * Who signed it.
 */
party: PartyView, 
/**
 * The CBV 2.0 event hash as signed (`ni:///sha-256;...?ver=CBV2.0`).
 */
event_hash: string, 
/**
 * Lot, expiry, origin, quality and other details.
 */
details: Array<DetailView>, 
/**
 * Personal data in the record is encrypted for this party (its name,
 * or its address when not registered).
 */
sealed_for: string | null, 
/**
 * The checks.
 */
checks: RecordChecksView, 
/**
 * The first failed check, translated by the front end.
 */
problem: ErrorView | null, };

export type TraceView = { 
/**
 * The tag.
 */
tag: TagView, 
/**
 * Why it was looked up.
 */
purpose: TracePurpose, 
/**
 * The verdict.
 */
verdict: VerdictView, 
/**
 * Every reason for it (the first is the main one), translated by the
 * front end (`trace-reason-*` messages).
 */
reasons: Array<ErrorView>, 
/**
 * The records, oldest first.
 */
records: Array<TraceRecordView>, 
/**
 * The anchor, if any.
 */
anchor: AnchorView | null, 
/**
 * Every recorded sale.
 */
sales: Array<SaleView>, 
/**
 * The verified main-chain header the parties, anchor and sales were
 * proven against.
 */
proven_at: ProvenAt, 
/**
 * The audited subchain height the records were proven at (0 when none).
 */
subchain_height: number, 
/**
 * Time spent fetching from nodes, ms.
 */
fetch_ms: number, 
/**
 * Time spent verifying, ms.
 */
verify_ms: number, };

export type TransportView = "rpc" | "p2p";

export type TrustedView = { 
/**
 * Height.
 */
height: number, 
/**
 * Block id (hex).
 */
hash: string, 
/**
 * Header time, unix ms.
 */
time_ms: number, 
/**
 * How old the header is, ms (from this device's clock; 0 when the
 * header's time is slightly ahead of it).
 */
age_ms: number, 
/**
 * Past this age (ms) balances may be out of date: no sync for a while,
 * a stalled chain, or a primary that stopped with no witness to tell.
 * A front end warns once `age_ms` (growing with its own clock) passes it.
 */
warn_after_ms: number, 
/**
 * Whether `age_ms` is already past `warn_after_ms`.
 */
too_old: boolean, 
/**
 * Witnesses that served this same block when it was cross-checked in
 * this session (`Some(0)`: none could confirm it); `None` when it was
 * loaded from the store and not checked again yet.
 */
witnesses_agreed: number | null, };

export type UnlockArgs = { 
/**
 * The wallet's name.
 */
name: string, 
/**
 * Its password.
 */
password: string, };

export type UnlockedView = { 
/**
 * The wallet.
 */
wallet: WalletView, 
/**
 * What unlocking did about weak key-derivation parameters.
 */
kdf: KdfNotice, };

export type VerdictView = "unknown-product" | "tampered" | "signer-not-registered" | "suspected-clone" | "unanchored" | "authentic";

export type VerifiedMessageView = { 
/**
 * The address that signed.
 */
address: string, 
/**
 * Its network.
 */
network: NetworkView, };

export type VerifyMessageArgs = { 
/**
 * The address that should have signed.
 */
address: string, 
/**
 * The signature's text.
 */
signature: string, 
/**
 * The message.
 */
message: string, };

export type VerifyTextArgs = { 
/**
 * The file's text.
 */
text: string, 
/**
 * A checkpoint (`height:hash`) to trust instead of the local root.
 */
checkpoint: string | null, };

export type WalletRow = { 
/**
 * File name.
 */
name: string, 
/**
 * The wallet, when its file reads.
 */
wallet: WalletView | null, 
/**
 * Why it does not.
 */
error: ErrorView | null, };

export type WalletView = { 
/**
 * File name.
 */
name: string, 
/**
 * The network of its addresses.
 */
network: NetworkView, 
/**
 * First receive address.
 */
address: string, 
/**
 * Whether the backup of the words was checked.
 */
backup_verified: boolean, 
/**
 * Whether the OS keyring can open it too.
 */
has_keyring_slot: boolean, 
/**
 * Password parameters (none for a watch-only wallet).
 */
kdf: KdfView | null, 
/**
 * Watch-only: its keys are on a paired cold device.
 */
watch_only: boolean, 
/**
 * The chain the cold device was paired for (watch-only wallets).
 */
paired_chain: string | null, };

export type WithdrawRequest = { 
/**
 * POINT to withdraw (the fee is taken from it).
 */
amount: string, 
/**
 * Where the fiat goes (a payout reference the issuer understands, 1 to
 * 64 bytes; recorded on chain: no personal data).
 */
reference: string, 
/**
 * The network fee in POINT (the minimum when absent).
 */
fee: string | null, 
/**
 * The receive address index that withdraws.
 */
from_index: number, };

export type WithdrawReview = { 
/**
 * Names exactly this withdrawal.
 */
review_id: string, 
/**
 * The withdrawing address.
 */
from: string, 
/**
 * POINT burned from the balance.
 */
amount: AmountView, 
/**
 * The alliance's withdrawal fee (to the platform).
 */
withdrawal_fee: AmountView, 
/**
 * Fiat paid out: `amount - withdrawal_fee`.
 */
payout: AmountView, 
/**
 * The fee terms: basis points and minimum.
 */
fee_bps: number, 
/**
 * The least fee.
 */
fee_min: AmountView, 
/**
 * The payout reference.
 */
reference: string, 
/**
 * The network fee (POINT).
 */
network_fee: AmountView, 
/**
 * The proven POINT balance.
 */
balance: AmountView, 
/**
 * The balance afterwards.
 */
remaining: AmountView, 
/**
 * The transaction's nonce.
 */
nonce: number, 
/**
 * The chain it is signed for.
 */
chain_id: string, 
/**
 * Where the fee terms and balance were proven.
 */
proven: ProvenAt, };

export type WordList = "zh-hans" | "zh-hant" | "en";

/** The least validity a quote must have left to be confirmed (ms). */
export const MIN_CONFIRM_MS = 5000;

/** How long a quote may be confirmed after it was made (ms). */
export const QUOTE_VALIDITY_MS = 30000;

/** Every IPC command of the app, typed. */
export const commands = {
  appInfo: (): Promise<AppInfo> =>
    invoke<AppInfo>("app_info"),
  listWallets: (): Promise<Array<WalletRow>> =>
    invoke<Array<WalletRow>>("list_wallets"),
  createWallet: (args: CreateWalletArgs): Promise<WalletView> =>
    invoke<WalletView>("create_wallet", { args }),
  restoreWallet: (args: RestoreWalletArgs): Promise<WalletView> =>
    invoke<WalletView>("restore_wallet", { args }),
  unlock: (args: UnlockArgs): Promise<UnlockedView> =>
    invoke<UnlockedView>("unlock", { args }),
  openWatchOnly: (args: NameArgs): Promise<WalletView> =>
    invoke<WalletView>("open_watch_only", { args }),
  lock: (): Promise<null> =>
    invoke<null>("lock"),
  walletOverview: (): Promise<WalletView> =>
    invoke<WalletView>("wallet_overview"),
  revealWords: (args: PasswordArgs): Promise<RevealedWords> =>
    invoke<RevealedWords>("reveal_words", { args }),
  backupChallenge: (args: PasswordArgs): Promise<BackupChallengeView> =>
    invoke<BackupChallengeView>("backup_challenge", { args }),
  backupCheck: (args: BackupAnswersArgs): Promise<WalletView> =>
    invoke<WalletView>("backup_check", { args }),
  reauthenticate: (args: PasswordArgs): Promise<null> =>
    invoke<null>("reauthenticate", { args }),
  receive: (args: IndexArgs): Promise<AddressView> =>
    invoke<AddressView>("receive", { args }),
  signMessage: (args: SignMessageArgs): Promise<SignedMessageView> =>
    invoke<SignedMessageView>("sign_message", { args }),
  verifyMessage: (args: VerifyMessageArgs): Promise<VerifiedMessageView> =>
    invoke<VerifiedMessageView>("verify_message", { args }),
  setLanguage: (args: LanguageArgs): Promise<null> =>
    invoke<null>("set_language", { args }),
  setMode: (args: ModeArgs): Promise<AppInfo> =>
    invoke<AppInfo>("set_mode", { args }),
  changePassword: (args: ChangePasswordArgs): Promise<KdfView> =>
    invoke<KdfView>("change_password", { args }),
  recalibrateKdf: (args: PasswordArgs): Promise<KdfView> =>
    invoke<KdfView>("recalibrate_kdf", { args }),
  keyringEnable: (args: PasswordArgs): Promise<WalletView> =>
    invoke<WalletView>("keyring_enable", { args }),
  keyringDisable: (): Promise<WalletView> =>
    invoke<WalletView>("keyring_disable"),
  chainStatus: (): Promise<ChainStatusView> =>
    invoke<ChainStatusView>("chain_status"),
  watchChain: (onProgress: Channel<ChainStatusView>): Promise<null> =>
    invoke<null>("watch_chain", { onProgress }),
  sync: (onProgress: Channel<SyncJobEvent>): Promise<SyncAuditView> =>
    invoke<SyncAuditView>("sync", { onProgress }),
  cancel: (args: CancelArgs): Promise<null> =>
    invoke<null>("cancel", { args }),
  balance: (): Promise<BalanceView> =>
    invoke<BalanceView>("balance"),
  reviewSend: (args: SendRequest): Promise<SendReview> =>
    invoke<SendReview>("review_send", { args }),
  send: (args: ConfirmSendArgs, onProgress: Channel<SendProgress>): Promise<SendReceipt> =>
    invoke<SendReceipt>("send", { args, onProgress }),
  faucet: (onProgress: Channel<SendProgress>): Promise<SendReceipt> =>
    invoke<SendReceipt>("faucet", { onProgress }),
  endpoints: (): Promise<EndpointsView> =>
    invoke<EndpointsView>("endpoints"),
  setEndpoints: (args: EndpointsArgs): Promise<EndpointsView> =>
    invoke<EndpointsView>("set_endpoints", { args }),
  exportAuditBundle: (): Promise<BundleWrittenView> =>
    invoke<BundleWrittenView>("export_audit_bundle"),
  verifyAuditBundle: (args: VerifyTextArgs): Promise<BundleReportView> =>
    invoke<BundleReportView>("verify_audit_bundle", { args }),
  verifyEvidence: (args: VerifyTextArgs): Promise<EvidenceReportView> =>
    invoke<EvidenceReportView>("verify_evidence", { args }),
  verifyStore: (): Promise<StoreReportView> =>
    invoke<StoreReportView>("verify_store"),
  unpinStore: (args: PinIdArgs): Promise<PinView> =>
    invoke<PinView>("unpin_store", { args }),
  scanImage: (args: ImageArgs): Promise<Array<Scanned>> =>
    invoke<Array<Scanned>>("scan_image", { args }),
  renderQr: (args: QrPartsArgs): Promise<Array<string>> =>
    invoke<Array<string>>("render_qr", { args }),
  saveQrFrames: (args: SaveFramesArgs): Promise<string> =>
    invoke<string>("save_qr_frames", { args }),
  pairImport: (args: PairImportArgs): Promise<WalletView> =>
    invoke<WalletView>("pair_import", { args }),
  coldPairExport: (args: PairExportArgs): Promise<PairExportView> =>
    invoke<PairExportView>("cold_pair_export", { args }),
  coldReview: (args: ImagesArgs): Promise<ColdReviewView> =>
    invoke<ColdReviewView>("cold_review", { args }),
  coldSign: (args: FingerprintArgs): Promise<SignatureView> =>
    invoke<SignatureView>("cold_sign", { args }),
  makeSignRequest: (args: SendRequest): Promise<SignRequestView> =>
    invoke<SignRequestView>("make_sign_request", { args }),
  acceptSignature: (args: ImagesArgs, onProgress: Channel<SendProgress>): Promise<SendReceipt> =>
    invoke<SendReceipt>("accept_signature", { args, onProgress }),
  pendingRequests: (): Promise<Array<PendingView>> =>
    invoke<Array<PendingView>>("pending_requests"),
  discardRequest: (args: RequestIdArgs): Promise<DiscardedView> =>
    invoke<DiscardedView>("discard_request", { args }),
  holdings: (): Promise<HoldingsView> =>
    invoke<HoldingsView>("holdings"),
  merchants: (): Promise<Array<MerchantView>> =>
    invoke<Array<MerchantView>>("merchants"),
  merchant: (args: MerchantArgs): Promise<MerchantView> =>
    invoke<MerchantView>("merchant", { args }),
  quoteSwap: (args: SwapRequest): Promise<ActionReview> =>
    invoke<ActionReview>("quote_swap", { args }),
  reviewPay: (args: PayRequest): Promise<ActionReview> =>
    invoke<ActionReview>("review_pay", { args }),
  reviewWithdraw: (args: WithdrawRequest): Promise<ActionReview> =>
    invoke<ActionReview>("review_withdraw", { args }),
  reviewMerchantAction: (args: MerchantRequest): Promise<ActionReview> =>
    invoke<ActionReview>("review_merchant_action", { args }),
  confirmAction: (args: ConfirmActionArgs, onProgress: Channel<SendProgress>): Promise<ActionReceipt> =>
    invoke<ActionReceipt>("confirm_action", { args, onProgress }),
  requestPayment: (args: PaymentRequestInput): Promise<PaymentRequestView> =>
    invoke<PaymentRequestView>("request_payment", { args }),
  renderTextQr: (args: TextQrArgs): Promise<string> =>
    invoke<string>("render_text_qr", { args }),
  findPayment: (args: FindPaymentArgs): Promise<PaymentCheckView> =>
    invoke<PaymentCheckView>("find_payment", { args }),
  history: (args: HistoryArgs): Promise<HistoryView> =>
    invoke<HistoryView>("history", { args }),
  exportReceipt: (args: ReceiptArgs): Promise<ReceiptBundleView> =>
    invoke<ReceiptBundleView>("export_receipt", { args }),
  listSubchains: (): Promise<SubchainListView> =>
    invoke<SubchainListView>("list_subchains"),
  auditSubchain: (args: SubchainArgs, onProgress: Channel<SubchainAuditProgressView>): Promise<SubchainAuditView> =>
    invoke<SubchainAuditView>("audit_subchain", { args, onProgress }),
  subchainValue: (args: SubchainValueArgs): Promise<SubchainValueView> =>
    invoke<SubchainValueView>("subchain_value", { args }),
  verifySubchainEvidence: (args: EvidenceTextArgs): Promise<SubchainEvidenceView> =>
    invoke<SubchainEvidenceView>("verify_subchain_evidence", { args }),
  followSubchain: (args: FollowSubchainArgs): Promise<null> =>
    invoke<null>("follow_subchain", { args }),
  parseTag: (args: TagTextArgs): Promise<TagView> =>
    invoke<TagView>("parse_tag", { args }),
  traceTag: (args: TraceArgs, onProgress: Channel<TraceProgressView>): Promise<TraceView> =>
    invoke<TraceView>("trace_tag", { args, onProgress }),
  exportTraceBundle: (): Promise<string> =>
    invoke<string>("export_trace_bundle"),
  reviewReceiving: (args: ReceivingRequest, onProgress: Channel<TraceProgressView>): Promise<RecordReview> =>
    invoke<RecordReview>("review_receiving", { args, onProgress }),
  confirmReceiving: (args: ConfirmReceivingArgs, onProgress: Channel<TraceProgressView>): Promise<RecordedView> =>
    invoke<RecordedView>("confirm_receiving", { args, onProgress }),
  reviewSale: (args: SaleRequest): Promise<ActionReview> =>
    invoke<ActionReview>("review_sale", { args }),
};

/** The command names (capabilities list the same). */
export const COMMAND_NAMES = [
  "app_info",
  "list_wallets",
  "create_wallet",
  "restore_wallet",
  "unlock",
  "open_watch_only",
  "lock",
  "wallet_overview",
  "reveal_words",
  "backup_challenge",
  "backup_check",
  "reauthenticate",
  "receive",
  "sign_message",
  "verify_message",
  "set_language",
  "set_mode",
  "change_password",
  "recalibrate_kdf",
  "keyring_enable",
  "keyring_disable",
  "chain_status",
  "watch_chain",
  "sync",
  "cancel",
  "balance",
  "review_send",
  "send",
  "faucet",
  "endpoints",
  "set_endpoints",
  "export_audit_bundle",
  "verify_audit_bundle",
  "verify_evidence",
  "verify_store",
  "unpin_store",
  "scan_image",
  "render_qr",
  "save_qr_frames",
  "pair_import",
  "cold_pair_export",
  "cold_review",
  "cold_sign",
  "make_sign_request",
  "accept_signature",
  "pending_requests",
  "discard_request",
  "holdings",
  "merchants",
  "merchant",
  "quote_swap",
  "review_pay",
  "review_withdraw",
  "review_merchant_action",
  "confirm_action",
  "request_payment",
  "render_text_qr",
  "find_payment",
  "history",
  "export_receipt",
  "list_subchains",
  "audit_subchain",
  "subchain_value",
  "verify_subchain_evidence",
  "follow_subchain",
  "parse_tag",
  "trace_tag",
  "export_trace_bundle",
  "review_receiving",
  "confirm_receiving",
  "review_sale",
] as const;

export { Channel };
