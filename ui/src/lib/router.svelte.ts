// A small screen router: the registry in ../screens/registry.ts names every screen;
// adding a screen is one component plus one registry line.
import type { Component } from "svelte";

export interface ScreenDef {
  /** Route name. */
  id: string;
  /** The screen component (receives `params`). */
  component: Component<{ params: Record<string, unknown> }>;
  /** Fluent id of the title (navigation and heading). */
  title: string;
  /** Shown in the navigation bar while a wallet is open. */
  nav?: boolean;
  /** Needs an unlocked wallet; otherwise the unlock screen is shown. */
  needsWallet?: boolean;
}

export const route = $state({ id: "loading", params: {} as Record<string, unknown> });

export function go(id: string, params: Record<string, unknown> = {}): void {
  route.id = id;
  route.params = params;
}
