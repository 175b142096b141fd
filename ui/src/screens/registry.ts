// Every screen of the app. To add one: write the component, add a line here (and
// its strings to i18n/locales/*/app.ftl). `nav: true` puts it in the top bar;
// `modes` says in which uses (wallet, watch-only, cold-signer) it exists at all.
import type { ScreenDef, UseMode } from "../lib/router.svelte";
import Loading from "./Loading.svelte";
import Welcome from "./Welcome.svelte";
import Create from "./Create.svelte";
import Restore from "./Restore.svelte";
import Unlock from "./Unlock.svelte";
import Home from "./Home.svelte";
import Receive from "./Receive.svelte";
import Settings from "./Settings.svelte";
import BackupCheck from "./BackupCheck.svelte";
import Send from "./Send.svelte";
import SyncAudit from "./SyncAudit.svelte";
import Scan from "./Scan.svelte";
import PairDevice from "./PairDevice.svelte";
import Accept from "./Accept.svelte";
import ColdStart from "./ColdStart.svelte";
import ColdHome from "./ColdHome.svelte";
import ColdPair from "./ColdPair.svelte";
import ColdSign from "./ColdSign.svelte";
import Message from "./Message.svelte";
import Points from "./Points.svelte";
import Merchant from "./Merchant.svelte";
import Swap from "./Swap.svelte";
import Pay from "./Pay.svelte";
import RequestPayment from "./RequestPayment.svelte";
import Withdraw from "./Withdraw.svelte";
import MerchantAdmin from "./MerchantAdmin.svelte";
import History from "./History.svelte";
import Subchains from "./Subchains.svelte";
import Trace from "./Trace.svelte";

/** The uses that talk to the network (everything but the offline cold signer). */
const ONLINE: UseMode[] = ["wallet", "watch-only"];
const COLD: UseMode[] = ["cold-signer"];
/** The uses that sign on this device (a watch-only wallet's keys are on its cold device). */
const SIGNING: UseMode[] = ["wallet"];

export const screens: ScreenDef[] = [
  { id: "loading", component: Loading, title: "app-title" },
  { id: "welcome", component: Welcome, title: "app-welcome-title" },
  { id: "create", component: Create, title: "app-create-title" },
  { id: "restore", component: Restore, title: "app-restore-title" },
  { id: "unlock", component: Unlock, title: "app-unlock-title" },
  { id: "pair", component: PairDevice, title: "app-pair-title", modes: ONLINE },
  { id: "cold-start", component: ColdStart, title: "app-cold-start-title", modes: ["wallet"] },
  { id: "home", component: Home, title: "app-nav-home", nav: true, bar: ONLINE, needsWallet: true, modes: ONLINE },
  { id: "cold-home", component: ColdHome, title: "app-nav-home", nav: true, needsWallet: true, modes: COLD },
  { id: "points", component: Points, title: "app-nav-points", nav: true, bar: ONLINE, needsWallet: true, modes: ONLINE },
  { id: "swap", component: Swap, title: "app-nav-swap", nav: true, bar: SIGNING, needsWallet: true, modes: SIGNING },
  { id: "pay", component: Pay, title: "app-nav-pay", nav: true, bar: SIGNING, needsWallet: true, modes: SIGNING },
  { id: "send", component: Send, title: "app-nav-send", nav: true, bar: ["watch-only"], needsWallet: true, modes: ONLINE },
  { id: "cold-pair", component: ColdPair, title: "app-nav-cold-pair", nav: true, needsWallet: true, modes: COLD },
  { id: "cold-sign", component: ColdSign, title: "app-nav-cold-sign", nav: true, needsWallet: true, modes: COLD },
  { id: "receive", component: Receive, title: "app-nav-receive", nav: true, bar: ["watch-only"], needsWallet: true },
  // Check a product (issue 14): consumers from Home, merchants at the counter.
  { id: "trace", component: Trace, title: "app-nav-trace", nav: true, needsWallet: true, modes: ONLINE },
  { id: "history", component: History, title: "app-nav-history", nav: true, needsWallet: true, modes: ONLINE },
  { id: "request-payment", component: RequestPayment, title: "app-nav-collect", nav: true, needsWallet: true, modes: ONLINE },
  // Reached from Points: a merchant's record and rate history, withdrawing to fiat, a merchant's tools.
  { id: "merchant", component: Merchant, title: "app-merchant-title", needsWallet: true, modes: ONLINE },
  { id: "withdraw", component: Withdraw, title: "app-withdraw-title", needsWallet: true, modes: SIGNING },
  { id: "merchant-admin", component: MerchantAdmin, title: "app-admin-title", needsWallet: true, modes: SIGNING },
  // Reached from Receive (and the cold signer's home): signing needs no network.
  { id: "message", component: Message, title: "app-message-title", needsWallet: true },
  { id: "scan", component: Scan, title: "app-nav-scan", nav: ONLINE, needsWallet: true },
  { id: "accept", component: Accept, title: "app-accept-title", needsWallet: true, modes: ["watch-only"] },
  { id: "subchains", component: Subchains, title: "app-nav-subchains", nav: true, needsWallet: true, modes: ONLINE },
  { id: "audit", component: SyncAudit, title: "app-nav-audit", nav: true, needsWallet: true, modes: ONLINE },
  { id: "settings", component: Settings, title: "app-nav-settings", nav: true },
  { id: "backup-check", component: BackupCheck, title: "app-backup-check-title", needsWallet: true },
];

export function screen(id: string): ScreenDef {
  return screens.find((s) => s.id === id) ?? screens[0];
}

/** Whether a screen exists in this use. */
export function available(def: ScreenDef, mode: UseMode): boolean {
  return !def.modes || def.modes.includes(mode);
}

/** Whether a screen is in the navigation bar in this use. */
export function inNav(def: ScreenDef, mode: UseMode): boolean {
  const nav = def.nav === true || (Array.isArray(def.nav) && def.nav.includes(mode));
  return nav && available(def, mode);
}

/** Most entries the phone's bottom bar holds (with "More" as the last when there are more). */
export const BAR_SIZE = 5;

/**
 * The navigation on a phone: up to BAR_SIZE entries in the bottom bar; when there
 * are more, the entries marked `bar` for this use (at most BAR_SIZE - 1) stay in
 * the bar and the others go under "More".
 */
export function phoneNav(items: ScreenDef[], mode: UseMode): { bar: ScreenDef[]; more: ScreenDef[] } {
  if (items.length <= BAR_SIZE) return { bar: items, more: [] };
  const bar = items.filter((s) => s.bar?.includes(mode)).slice(0, BAR_SIZE - 1);
  return { bar, more: items.filter((s) => !bar.includes(s)) };
}

/** The home screen of a use (where an unavailable route lands). */
export function homeOf(mode: UseMode): string {
  return mode === "cold-signer" ? "cold-home" : "home";
}
