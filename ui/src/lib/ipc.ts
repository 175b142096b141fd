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
  error: AppError | null;
}

export interface WalletInfo {
  name: string;
  network: string;
  address: string;
  backup_verified: boolean;
  has_keyring_slot: boolean;
  kdf: KdfInfo | null;
}

export interface AppInfo {
  version: string;
  network: string;
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
};

export { Channel };
