// Shared chain state for every screen: the last status, the proven balance, and a
// running sync's progress. One sync at a time; cancel goes straight to the app.
import { chain, type ChainView, type ProvenBalance, type SyncEvent } from "./chain";
import { toAppError, type AppError } from "./ipc";

export const chainState = $state({
  view: null as ChainView | null,
  balance: null as ProvenBalance | null,
  syncing: false,
  progress: null as SyncEvent | null,
  error: null as AppError | null,
  syncedOnce: false,
});

export async function refreshStatus(): Promise<void> {
  try {
    chainState.view = await chain.status();
  } catch (e) {
    chainState.error = toAppError(e);
  }
}

export async function refreshBalance(): Promise<void> {
  try {
    chainState.balance = await chain.balance();
    chainState.error = null;
  } catch (e) {
    chainState.error = toAppError(e);
  }
}

/** Syncs to the primary's tip, then proves the balance there. */
export async function syncNow(): Promise<void> {
  if (chainState.syncing) return;
  chainState.syncing = true;
  chainState.error = null;
  chainState.progress = null;
  try {
    await chain.sync((event) => {
      chainState.progress = event;
    });
    chainState.syncedOnce = true;
    await refreshBalance();
  } catch (e) {
    chainState.error = toAppError(e);
  } finally {
    chainState.syncing = false;
    await refreshStatus();
  }
}

export async function cancelSync(): Promise<void> {
  await chain.cancelSync().catch(() => {});
}

export function resetChain(): void {
  chainState.view = null;
  chainState.balance = null;
  chainState.progress = null;
  chainState.error = null;
  chainState.syncedOnce = false;
}
