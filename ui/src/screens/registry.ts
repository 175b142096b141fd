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

/** The uses that talk to the network (everything but the offline cold signer). */
const ONLINE: UseMode[] = ["wallet", "watch-only"];
const COLD: UseMode[] = ["cold-signer"];

export const screens: ScreenDef[] = [
  { id: "loading", component: Loading, title: "app-title" },
  { id: "welcome", component: Welcome, title: "app-welcome-title" },
  { id: "create", component: Create, title: "app-create-title" },
  { id: "restore", component: Restore, title: "app-restore-title" },
  { id: "unlock", component: Unlock, title: "app-unlock-title" },
  { id: "pair", component: PairDevice, title: "app-pair-title", modes: ONLINE },
  { id: "cold-start", component: ColdStart, title: "app-cold-start-title", modes: ["wallet"] },
  { id: "home", component: Home, title: "app-nav-home", nav: true, needsWallet: true, modes: ONLINE },
  { id: "cold-home", component: ColdHome, title: "app-nav-home", nav: true, needsWallet: true, modes: COLD },
  { id: "send", component: Send, title: "app-nav-send", nav: true, needsWallet: true, modes: ONLINE },
  { id: "cold-pair", component: ColdPair, title: "app-nav-cold-pair", nav: true, needsWallet: true, modes: COLD },
  { id: "cold-sign", component: ColdSign, title: "app-nav-cold-sign", nav: true, needsWallet: true, modes: COLD },
  { id: "receive", component: Receive, title: "app-nav-receive", nav: true, needsWallet: true },
  // Reached from Receive (and the cold signer's home): signing needs no network.
  { id: "message", component: Message, title: "app-message-title", needsWallet: true },
  { id: "scan", component: Scan, title: "app-nav-scan", nav: ONLINE, needsWallet: true },
  { id: "accept", component: Accept, title: "app-accept-title", needsWallet: true, modes: ["watch-only"] },
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

/** The home screen of a use (where an unavailable route lands). */
export function homeOf(mode: UseMode): string {
  return mode === "cold-signer" ? "cold-home" : "home";
}
