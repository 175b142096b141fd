// What the UI knows about the app and the open wallet (public facts only).
import type { AppInfo, WalletInfo } from "./ipc";

export const session = $state({
  info: null as AppInfo | null,
  wallet: null as WalletInfo | null,
});
