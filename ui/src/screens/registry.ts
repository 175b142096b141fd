// Every screen of the app. To add one: write the component, add a line here (and
// its strings to i18n/locales/*/app.ftl). `nav: true` puts it in the top bar;
// `modes` says in which uses (wallet, watch-only, cold-signer) it exists at all.
// The first screens (loading, welcome, unlock) are in the main bundle; every other
// screen is its own chunk, loaded when it is first opened (`lazy`), so the start-up
// screen parses only what it shows (docs/adr/0006-app-architecture.md, issue 16).
import type { ScreenComponent, ScreenDef, UseMode } from "../lib/router.svelte";
import Loading from "./Loading.svelte";
import Welcome from "./Welcome.svelte";
import Unlock from "./Unlock.svelte";

/** A screen in its own chunk: `import()` runs when the screen is first opened. */
function lazy(load: () => Promise<{ default: ScreenComponent }>): () => Promise<ScreenComponent> {
  return () => load().then((m) => m.default);
}

/** The uses that talk to the network (everything but the offline cold signer). */
const ONLINE: UseMode[] = ["wallet", "watch-only"];
const COLD: UseMode[] = ["cold-signer"];
/** The uses that sign on this device (a watch-only wallet's keys are on its cold device). */
const SIGNING: UseMode[] = ["wallet"];

export const screens: ScreenDef[] = [
  { id: "loading", component: Loading, title: "app-title" },
  { id: "welcome", component: Welcome, title: "app-welcome-title" },
  { id: "create", load: lazy(() => import("./Create.svelte")), title: "app-create-title" },
  { id: "restore", load: lazy(() => import("./Restore.svelte")), title: "app-restore-title" },
  { id: "unlock", component: Unlock, title: "app-unlock-title" },
  { id: "pair", load: lazy(() => import("./PairDevice.svelte")), title: "app-pair-title", modes: ONLINE },
  { id: "cold-start", load: lazy(() => import("./ColdStart.svelte")), title: "app-cold-start-title", modes: ["wallet"] },
  { id: "home", load: lazy(() => import("./Home.svelte")), title: "app-nav-home", nav: true, bar: ONLINE, needsWallet: true, modes: ONLINE },
  { id: "cold-home", load: lazy(() => import("./ColdHome.svelte")), title: "app-nav-home", nav: true, needsWallet: true, modes: COLD },
  { id: "points", load: lazy(() => import("./Points.svelte")), title: "app-nav-points", nav: true, bar: ONLINE, needsWallet: true, modes: ONLINE },
  { id: "swap", load: lazy(() => import("./Swap.svelte")), title: "app-nav-swap", nav: true, bar: SIGNING, needsWallet: true, modes: SIGNING },
  { id: "pay", load: lazy(() => import("./Pay.svelte")), title: "app-nav-pay", nav: true, bar: SIGNING, needsWallet: true, modes: SIGNING },
  { id: "send", load: lazy(() => import("./Send.svelte")), title: "app-nav-send", nav: true, bar: ["watch-only"], needsWallet: true, modes: ONLINE },
  { id: "cold-pair", load: lazy(() => import("./ColdPair.svelte")), title: "app-nav-cold-pair", nav: true, needsWallet: true, modes: COLD },
  { id: "cold-sign", load: lazy(() => import("./ColdSign.svelte")), title: "app-nav-cold-sign", nav: true, needsWallet: true, modes: COLD },
  { id: "receive", load: lazy(() => import("./Receive.svelte")), title: "app-nav-receive", nav: true, bar: ["watch-only"], needsWallet: true },
  { id: "history", load: lazy(() => import("./History.svelte")), title: "app-nav-history", nav: true, needsWallet: true, modes: ONLINE },
  { id: "request-payment", load: lazy(() => import("./RequestPayment.svelte")), title: "app-nav-collect", nav: true, needsWallet: true, modes: ONLINE },
  // Reached from Points: a merchant's record and rate history, withdrawing to fiat, a merchant's tools.
  { id: "merchant", load: lazy(() => import("./Merchant.svelte")), title: "app-merchant-title", needsWallet: true, modes: ONLINE },
  { id: "withdraw", load: lazy(() => import("./Withdraw.svelte")), title: "app-withdraw-title", needsWallet: true, modes: SIGNING },
  { id: "merchant-admin", load: lazy(() => import("./MerchantAdmin.svelte")), title: "app-admin-title", needsWallet: true, modes: SIGNING },
  // Reached from Receive (and the cold signer's home): signing needs no network.
  { id: "message", load: lazy(() => import("./Message.svelte")), title: "app-message-title", needsWallet: true },
  { id: "scan", load: lazy(() => import("./Scan.svelte")), title: "app-nav-scan", nav: ONLINE, needsWallet: true },
  { id: "accept", load: lazy(() => import("./Accept.svelte")), title: "app-accept-title", needsWallet: true, modes: ["watch-only"] },
  { id: "audit", load: lazy(() => import("./SyncAudit.svelte")), title: "app-nav-audit", nav: true, needsWallet: true, modes: ONLINE },
  { id: "settings", load: lazy(() => import("./Settings.svelte")), title: "app-nav-settings", nav: true },
  { id: "backup-check", load: lazy(() => import("./BackupCheck.svelte")), title: "app-backup-check-title", needsWallet: true },
];

// The lazy screens already loaded: shown at once the next time.
const loaded = new Map<string, ScreenComponent>();

/**
 * A screen's component: at once when it is in the main bundle or was loaded
 * before, otherwise a promise of it (its chunk is fetched once).
 */
export function componentOf(def: ScreenDef): ScreenComponent | Promise<ScreenComponent> {
  if (def.component) return def.component;
  const have = loaded.get(def.id);
  if (have) return have;
  return def.load().then((component) => {
    loaded.set(def.id, component);
    return component;
  });
}

/** Loads every lazy screen (for tests that expect a screen at once after navigating). */
export async function preloadScreens(): Promise<void> {
  await Promise.all(screens.map((def) => componentOf(def)));
}

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
