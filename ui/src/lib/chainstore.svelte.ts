// Shared chain state for every screen: the status the chain worker publishes
// (subscribed once with watch_chain: trusted head, peers, a running sync's
// progress), the proven balance, and the last error. Reads never wait for a
// sync: the balance is proven at the verified head at any time.
import {
  api,
  channel,
  toAppError,
  type AppError,
  type BalanceView,
  type ChainStatusView,
  type SyncEventView,
  type SyncJobEvent,
} from "./ipc";
import { refreshSubchains, resetSubchains, syncAudited, syncAuditProgress } from "./subchainstore.svelte";

/** What a sync reported besides its progress: a node dropped, a new primary, evidence written. */
export type SyncNote = Exclude<SyncEventView, { kind: "progress" }>;

export const chainState = $state({
  view: null as ChainStatusView | null,
  /** When `view` arrived (Date.now()): its ages (the tip's age_ms) grow from there. */
  viewAt: 0,
  balance: null as BalanceView | null,
  syncing: false,
  error: null as AppError | null,
  syncedOnce: false,
  /** The notes of the last sync. */
  notes: [] as SyncNote[],
  /** Why the last sync's audits of the followed subchains stopped, if they did. */
  subchainError: null as AppError | null,
});

/** The verified head's age at `now` (ms): its age in the status, grown since it arrived. */
export function tipAgeAt(now: number): number {
  const trusted = chainState.view?.trusted;
  return trusted ? trusted.age_ms + Math.max(0, now - chainState.viewAt) : 0;
}

let watching = false;

function showStatus(status: ChainStatusView): void {
  const before = chainState.view?.trusted?.height ?? null;
  chainState.view = status;
  chainState.viewAt = Date.now();
  // Following over P2P moves the verified head with no sync asked for: a
  // balance shown is proven again at the new head (a read, never a job).
  const after = status.trusted?.height ?? null;
  if (status.following && before !== null && after !== null && after > before && chainState.balance !== null && !chainState.syncing) {
    void refreshBalance();
  }
}

/**
 * Subscribes to the published chain status (once per app run; again after a
 * refusal, e.g. in cold-signer mode, where nothing is published).
 */
export async function watchChain(): Promise<void> {
  if (watching) return;
  watching = true;
  try {
    await api.watchChain(
      channel<ChainStatusView>(showStatus),
    );
  } catch (e) {
    watching = false;
    chainState.error = toAppError(e);
  }
}

export async function refreshStatus(): Promise<void> {
  try {
    showStatus(await api.chainStatus());
  } catch (e) {
    chainState.error = toAppError(e);
  }
}

export async function refreshBalance(): Promise<void> {
  try {
    chainState.balance = await api.balance();
    chainState.error = null;
  } catch (e) {
    chainState.error = toAppError(e);
  }
}

/**
 * Syncs to the primary's tip and audits the followed subchains up to it, then
 * proves the balance and the subchain list there.
 */
export async function syncNow(): Promise<void> {
  if (chainState.syncing) return;
  chainState.syncing = true;
  chainState.error = null;
  chainState.subchainError = null;
  chainState.notes = [];
  void watchChain();
  try {
    // The sync's progress arrives through the published status (view.syncing);
    // the subchain audits' progress comes on this channel.
    const done = await api.sync(
      channel<SyncJobEvent>((message) => {
        if (message.kind === "subchain") syncAuditProgress(message.event);
        else if (message.event.kind !== "progress") chainState.notes = [...chainState.notes, message.event];
      }),
    );
    chainState.syncedOnce = true;
    chainState.subchainError = done.subchain_error;
    syncAudited(done.subchains);
    await refreshBalance();
  } catch (e) {
    chainState.error = toAppError(e);
  } finally {
    chainState.syncing = false;
    syncAuditProgress(null);
    await refreshStatus();
  }
  if (chainState.syncedOnce) await refreshSubchains();
}

/** Cancels the running sync only (a send keeps going). */
export async function cancelSync(): Promise<void> {
  await api.cancel({ job: "sync" }).catch(() => {});
}

export function resetChain(): void {
  chainState.view = null;
  chainState.balance = null;
  chainState.error = null;
  chainState.syncedOnce = false;
  chainState.notes = [];
  chainState.subchainError = null;
  resetSubchains();
}

/** Forgets the status subscription, so the next `watchChain` subscribes again (tests). */
export function stopWatching(): void {
  watching = false;
}
