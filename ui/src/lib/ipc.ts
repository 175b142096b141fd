// Typed wrappers over the app's IPC commands. Every failure becomes an AppError
// {code, args}, translated by the error component with the Fluent catalogs.
import { invoke, Channel } from "@tauri-apps/api/core";
import { t, has, type Args } from "./i18n.svelte";

export interface AppError {
  code: string;
  args: Args;
}

export interface KdfInfo {
  memory_mib: number;
  passes: number;
  lanes: number;
  millis: number | null;
}

export interface WalletRow {
  name: string;
  network: string | null;
  address: string | null;
  backup_verified: boolean;
  /** A watch-only wallet paired with a cold device (opened without a password). */
  watch_only: boolean;
  error: AppError | null;
}

export interface WalletInfo {
  name: string;
  network: string;
  address: string;
  backup_verified: boolean;
  has_keyring_slot: boolean;
  kdf: KdfInfo | null;
  /** Watch-only: the keys live on a paired cold device. */
  watch_only: boolean;
  /** The chain the cold device was paired for (watch-only wallets). */
  paired_chain: string | null;
}

/** How this device is used: a normal wallet, or an offline cold signer. */
export type AppMode = "wallet" | "cold-signer";

export interface AppInfo {
  version: string;
  network: string;
  /** The network's default chain id (the prefill for pairing). */
  chain_id: string;
  mode: AppMode;
  data_dir: string;
  language: string | null;
  last_wallet: string | null;
  wallets: WalletRow[];
  unlocked: WalletInfo | null;
}

export interface AddressQr {
  index: number;
  address: string;
  svg: string;
}

/** A QR code to show: one frame (static) or an animation of fountain-coded parts. */
export interface AnimatedQr {
  /** "jifen-account" | "jifen-sign-request" | "jifen-signature" */
  ur_type: string;
  /** SVG documents (the app's renderer, no scripts), one per frame. */
  frames: string[];
  /** The UR text of each frame (public data, for save_qr_frames). */
  parts: string[];
  /** Fountain fragments of the message (0 for a single-part code). */
  fragments: number;
  /** Suggested frames per second. */
  fps: number;
}

/** Where save_qr_frames writes (one directory per stem). */
export type QrStem = "jifen-pairing" | "jifen-request" | "jifen-signature";

export interface PairExport {
  chain_id: string;
  master_fingerprint: string;
  xpub: string;
  qr: AnimatedQr;
}

export interface ReviewLineView {
  /** Fluent id of the label (cold-review-*). */
  label: string;
  /** For value_kind "message" a Fluent id to translate; else shown as is. */
  value: string;
  value_kind: "amount" | "address" | "message" | "text" | "number";
}

export interface ColdReview {
  request_id: string;
  fingerprint: string;
  lines: ReviewLineView[];
}

export interface PendingView {
  request_id: string;
  fingerprint: string;
  signed: boolean;
  /** Unix seconds. */
  created_at: number;
  /** The transaction's nonce. */
  nonce: number;
  /** Its nonce was already used (never includable); null: not proven (no chain session). */
  superseded: boolean | null;
}

/** A pending request the person discarded. */
export interface DiscardedView {
  request_id: string;
  /** "-" for a damaged record. */
  fingerprint: string;
}

/** What one QR code in an image is. */
export interface Scanned {
  kind: "address" | "sign-request" | "signature" | "account" | "unknown";
  address: string | null;
  text: string;
}

/** Image file bytes as sent over IPC (one number[] per image). */
export type ImageBytes = number[][];

export function isAppError(e: unknown): e is AppError {
  return typeof e === "object" && e !== null && typeof (e as AppError).code === "string";
}

/** Normalizes anything thrown into an AppError. */
export function toAppError(e: unknown): AppError {
  if (isAppError(e)) return { code: e.code, args: e.args ?? {} };
  const detail = e instanceof Error ? e.message : String(e);
  return { code: "app-error-unexpected", args: { detail } };
}

/** The translated text of an error. */
export function errorText(e: AppError): string {
  if (has(e.code)) return t(e.code, e.args);
  return t("app-error-unknown-code", { code: e.code });
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toAppError(e);
  }
}

export const api = {
  appInfo: () => call<AppInfo>("app_info"),
  listWallets: () => call<WalletRow[]>("list_wallets"),
  createWallet: (request: { name: string; password: string; words: number; mnemonicLanguage: string }) =>
    call<WalletInfo>("create_wallet", { request }),
  restoreWallet: (request: { name: string; phrase: string; passphrase: string; password: string }) =>
    call<WalletInfo>("restore_wallet", { request }),
  unlock: (name: string, password: string) => call<WalletInfo>("unlock", { name, password }),
  lock: () => call<void>("lock"),
  revealMnemonic: (password: string) => call<string[]>("reveal_mnemonic", { password }),
  backupChallenge: () => call<number[]>("backup_challenge"),
  backupCheck: (answers: string[]) => call<WalletInfo>("backup_check", { answers }),
  walletOverview: () => call<WalletInfo>("wallet_overview"),
  receiveQr: (index: number) => call<AddressQr>("receive_qr", { index }),
  setLanguage: (tag: string) => call<void>("set_language", { tag }),
  changePassword: (old: string, next: string) => call<KdfInfo>("change_password", { old, new: next }),
  keyringEnable: (password: string) => call<WalletInfo>("keyring_enable", { password }),
  keyringDisable: () => call<WalletInfo>("keyring_disable"),
  recalibrateKdf: (password: string) => call<KdfInfo>("recalibrate_kdf", { password }),
  scanImage: (bytes: number[]) => call<Scanned[]>("scan_image", { bytes }),
  // Cold signing (no network: these work in cold-signer mode too).
  setMode: (mode: AppMode) => call<AppInfo>("set_mode", { mode }),
  openWatchOnly: (name: string) => call<WalletInfo>("open_watch_only", { name }),
  pairImport: (name: string, images: ImageBytes) => call<WalletInfo>("pair_import", { name, images }),
  coldPairExport: (chainId: string | null) => call<PairExport>("cold_pair_export", { chainId }),
  coldReview: (images: ImageBytes) => call<ColdReview>("cold_review", { images }),
  /** Only after the person pressed Confirm, with the fingerprint the screen showed. */
  coldSign: (fingerprint: string) => call<AnimatedQr>("cold_sign", { fingerprint }),
  pendingRequests: () => call<PendingView[]>("pending_requests"),
  /** Only after the person confirmed, with that row's id. */
  discardRequest: (requestId: string) => call<DiscardedView>("discard_request", { requestId }),
  saveQrFrames: (stem: QrStem, parts: string[]) => call<string>("save_qr_frames", { stem, parts }),
};

/** The bytes of a chosen file, as IPC wants them. */
export async function fileBytes(file: Blob): Promise<number[]> {
  const buffer =
    typeof file.arrayBuffer === "function"
      ? await file.arrayBuffer()
      : await new Promise<ArrayBuffer>((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => resolve(reader.result as ArrayBuffer);
          reader.onerror = () => reject(reader.error);
          reader.readAsArrayBuffer(file);
        });
  return Array.from(new Uint8Array(buffer));
}

export { Channel };
