// What the UI knows about the app and the open wallet (public facts only).
import type { AppInfo, KdfNotice, WalletView } from "./ipc";
import type { UseMode } from "./router.svelte";

export const session = $state({
  info: null as AppInfo | null,
  wallet: null as WalletView | null,
  /** What unlocking did about weak password parameters (shown once on Home). */
  kdfNotice: null as KdfNotice | null,
});

/** How the app is used right now: the screens and the navigation follow this. */
export function useMode(): UseMode {
  if (session.info?.mode === "cold-signer") return "cold-signer";
  if (session.wallet?.watch_only) return "watch-only";
  return "wallet";
}
