// A small screen router: the registry in ../screens/registry.ts names every screen;
// adding a screen is one component plus one registry line.
import type { Component } from "svelte";

/**
 * How the app is used: a normal wallet with keys, a watch-only wallet paired with
 * a cold device, or this device as the offline cold signer (AppInfo.mode).
 */
export type UseMode = "wallet" | "watch-only" | "cold-signer";

/** A screen component: it takes the route's `params`, or nothing. */
export type ScreenComponent =
  | Component<{ params: Record<string, unknown> }>
  | Component<Record<string, never>>;

export interface ScreenDef {
  /** Route name. */
  id: string;
  /** The screen component (receives `params`). */
  component: ScreenComponent;
  /** Fluent id of the title (navigation and heading). */
  title: string;
  /** Shown in the navigation bar while a wallet is open (a list: only in those uses). */
  nav?: boolean | UseMode[];
  /**
   * On a phone, in the bottom bar itself in those uses (when the navigation has
   * more entries than the bar holds; the others are under "More").
   */
  bar?: UseMode[];
  /** Needs an unlocked wallet; otherwise the unlock screen is shown. */
  needsWallet?: boolean;
  /**
   * The uses the screen exists in (default: all). Elsewhere it is neither in the
   * navigation nor reachable: the home screen of that use is shown instead, so no
   * screen that needs the network can open in cold-signer mode.
   */
  modes?: UseMode[];
}

export const route = $state({ id: "loading", params: {} as Record<string, unknown> });

export function go(id: string, params: Record<string, unknown> = {}): void {
  route.id = id;
  route.params = params;
}
