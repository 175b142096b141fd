// Fixtures and helpers for the Vitest suites (mocked IPC): typed views as the
// Rust side sends them, so a changed binding breaks the tests at type-check
// time, and a recorder of the commands the UI invoked with their `args`.
import { tick } from "svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import type {
  AmountView,
  AppInfo,
  AppMode,
  BalanceView,
  ChainStatusView,
  QrCodeView,
  SendReceipt,
  SendReview,
  WalletRow,
  WalletView,
} from "./ipc";

/** Lets promises, effects and timers of zero delay run. */
export async function settle(rounds = 8): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await tick();
    await new Promise((r) => setTimeout(r, 0));
  }
}

export function points(text: string): AmountView {
  const [whole, frac = ""] = text.split(".");
  const units = BigInt(whole) * 1_000_000n + BigInt((frac + "000000").slice(0, 6));
  return { asset: "POINT", units: units.toString(), decimals: 6, text };
}

export const keyedWallet: WalletView = {
  name: "vault",
  network: "devnet",
  address: "jfd1vault",
  backup_verified: true,
  has_keyring_slot: false,
  kdf: { memory_mib: 64, passes: 3, lanes: 1, millis: null },
  watch_only: false,
  paired_chain: null,
};

export const watchWallet: WalletView = {
  name: "shop-watch",
  network: "devnet",
  address: "jfd1vault",
  backup_verified: true,
  has_keyring_slot: false,
  kdf: null,
  watch_only: true,
  paired_chain: "jifen-devnet",
};

export function row(wallet: WalletView): WalletRow {
  return { name: wallet.name, wallet, error: null };
}

export function appInfo(over: Partial<AppInfo> = {}, mode: AppMode = "wallet"): AppInfo {
  return {
    version: "0.1.0",
    network: "devnet",
    chain_id: "jifen-devnet",
    mode,
    settings_problem: null,
    data_dir: "/tmp/x",
    language: null,
    last_wallet: null,
    wallets: [],
    unlocked: null,
    ...over,
  };
}

export function chainStatus(over: Partial<ChainStatusView> = {}): ChainStatusView {
  return {
    network: "devnet",
    chain_id: "jifen-devnet",
    devnet: true,
    trusted: { height: 42, hash: "ab".repeat(32), time_ms: 1_700_000_000_000, age_ms: 90_000, warn_after_ms: 120_000, too_old: false, witnesses_agreed: 1 },
    root: { kind: "genesis-first-use", checkpoint: `1:${"cd".repeat(32)}`, witnesses_agreed: null },
    peers: [{ id: "http://127.0.0.1:26657", role: "primary", state: { kind: "active" }, transport: "rpc", bucket: null, discovered: false }],
    cross_check: null,
    evidence: [],
    trust_expires_at_ms: null,
    syncing: null,
    jobs: [],
    following: false,
    ...over,
  };
}

export function balanceView(text: string, height = 42, address = "jfd1x"): BalanceView {
  return { address, balance: points(text), nonce: 0, proven: { height, header_hash: "cd".repeat(32) } };
}

export function sendReview(over: Partial<SendReview> = {}): SendReview {
  return {
    review_id: "rv-1",
    from: "jfd1vault",
    to: "jfd1dest",
    amount: points("5"),
    fee: points("0.001"),
    total: points("5.001"),
    balance: points("100"),
    remaining: points("94.999"),
    nonce: 0,
    chain_id: "jifen-devnet",
    proven: { height: 40, header_hash: "cd".repeat(32) },
    ...over,
  };
}

export function receipt(after: string, height = 44): SendReceipt {
  return {
    tx_id: "aa".repeat(32),
    height,
    index: 0,
    result_code: 0,
    proven: { height, header_hash: "cd".repeat(32) },
    balance_after: balanceView(after, height, "jfd1vault"),
  };
}

export function qrCode(ur_type: QrCodeView["ur_type"], frames: number, fps = 5, fragments = 3): QrCodeView {
  return {
    ur_type,
    parts: Array.from({ length: frames }, (_, i) => `ur:${ur_type}/${i + 1}-${frames}/part`),
    text: `ur:${ur_type}/whole`,
    fragments: frames > 1 ? fragments : 0,
    fps,
  };
}

/** An SVG per UR part, as render_qr answers (the part's text is kept in it). */
export function svgFrames(parts: string[]): string[] {
  return parts.map((p, i) => `<svg xmlns="http://www.w3.org/2000/svg" data-frame="${i}" data-part="${p}"></svg>`);
}

/** A progress channel the UI passed (mocked IPC passes the Channel object itself). */
export interface SentChannel<T> {
  onmessage: (message: T) => void;
}

type Handler = (cmd: string, payload: Record<string, unknown>) => unknown;

/**
 * Mocks the IPC with `handler` (a thrown {code, args} is a Rust error) and
 * returns the calls made: command name and the `args` object (or the whole
 * payload when a command has none). render_qr answers with svgFrames unless
 * the handler answers it.
 */
export function recordIPC(handler: Handler): Array<[string, unknown]> {
  const calls: Array<[string, unknown]> = [];
  mockIPC(async (cmd, payload) => {
    const p = (payload ?? {}) as Record<string, unknown>;
    calls.push([cmd, "args" in p ? p.args : p]);
    const answer = await handler(cmd, p);
    if (answer === undefined && cmd === "render_qr") return svgFrames((p.args as { parts: string[] }).parts);
    return answer ?? null;
  });
  return calls;
}

/** The `args` of every call of `cmd`. */
export function argsOf(calls: Array<[string, unknown]>, cmd: string): unknown[] {
  return calls.filter(([c]) => c === cmd).map(([, a]) => a);
}
