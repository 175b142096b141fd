// Every screen of the app. To add one: write the component, add a line here (and
// its strings to i18n/locales/*/app.ftl). `nav: true` puts it in the top bar.
import type { ScreenDef } from "../lib/router.svelte";
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

export const screens: ScreenDef[] = [
  { id: "loading", component: Loading, title: "app-title" },
  { id: "welcome", component: Welcome, title: "app-welcome-title" },
  { id: "create", component: Create, title: "app-create-title" },
  { id: "restore", component: Restore, title: "app-restore-title" },
  { id: "unlock", component: Unlock, title: "app-unlock-title" },
  { id: "home", component: Home, title: "app-nav-home", nav: true, needsWallet: true },
  { id: "send", component: Send, title: "app-nav-send", nav: true, needsWallet: true },
  { id: "receive", component: Receive, title: "app-nav-receive", nav: true, needsWallet: true },
  { id: "scan", component: Scan, title: "app-nav-scan", nav: true, needsWallet: true },
  { id: "audit", component: SyncAudit, title: "app-nav-audit", nav: true, needsWallet: true },
  { id: "settings", component: Settings, title: "app-nav-settings", nav: true },
  { id: "backup-check", component: BackupCheck, title: "app-backup-check-title", needsWallet: true },
];

export function screen(id: string): ScreenDef {
  return screens.find((s) => s.id === id) ?? screens[0];
}
