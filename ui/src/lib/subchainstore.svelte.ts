// Shared subchain state: the list with each subchain's audit status (proven
// at the verified head, read without waiting behind a job), the audit that
// is running with its progress, and what the last sync's audits of the
// followed subchains said. The home screen's alert banner reads `alerted`.
import {
  api,
  channel,
  toAppError,
  type AppError,
  type SubchainAuditProgressView,
  type SubchainAuditView,
  type SubchainListView,
  type SubchainView,
} from "./ipc";

export const subchainState = $state({
  list: null as SubchainListView | null,
  error: null as AppError | null,
  /** The subchain being audited (by the Audit button or a sync), and where it is. */
  auditing: null as { id: number; job: "subchain-audit" | "sync"; progress: SubchainAuditProgressView | null } | null,
  auditError: null as AppError | null,
  /** The last audit run per subchain id, this app run. */
  lastRun: {} as Record<number, SubchainAuditView>,
});

/** How many subchains this wallet's audit found a problem in (0 before the list is known). */
export function alertedCount(): number {
  return subchainState.list?.alerted ?? 0;
}

function replace(view: SubchainView): void {
  const list = subchainState.list;
  if (!list) return;
  const subchains = list.subchains.map((s) => (s.id === view.id ? view : s));
  const alerted = subchains.filter((s) => s.state === "alert" || s.state === "failed").length;
  subchainState.list = { ...list, subchains, alerted };
}

/** Proves the list again at the verified head. */
export async function refreshSubchains(): Promise<void> {
  try {
    subchainState.list = await api.listSubchains();
    subchainState.error = null;
  } catch (e) {
    subchainState.error = toAppError(e);
  }
}

/** Audits one subchain up to the verified head, with progress; cancel with `cancelAudit`. */
export async function auditSubchain(id: number): Promise<void> {
  if (subchainState.auditing) return;
  subchainState.auditing = { id, job: "subchain-audit", progress: null };
  subchainState.auditError = null;
  try {
    const run = await api.auditSubchain(
      { id },
      channel<SubchainAuditProgressView>((progress) => {
        if (subchainState.auditing?.id === id) subchainState.auditing = { id, job: "subchain-audit", progress };
      }),
    );
    subchainState.lastRun = { ...subchainState.lastRun, [id]: run };
    replace(run.subchain);
  } catch (e) {
    subchainState.auditError = toAppError(e);
  } finally {
    subchainState.auditing = null;
  }
  await refreshSubchains();
}

/**
 * Cancels the running subchain audit: the Audit button's job (kind
 * `subchain-audit`), or the sync that is auditing the followed subchains.
 */
export async function cancelAudit(): Promise<void> {
  const job = subchainState.auditing?.job ?? "subchain-audit";
  await api.cancel({ job }).catch(() => {});
}

/** What a sync's audits of the followed subchains said (called by syncNow). */
export function syncAudited(runs: SubchainAuditView[]): void {
  const lastRun = { ...subchainState.lastRun };
  for (const run of runs) {
    lastRun[run.subchain.id] = run;
    replace(run.subchain);
  }
  subchainState.lastRun = lastRun;
}

/** A sync's audit progress (the subchain's id and where it is; null when the sync's audits end). */
export function syncAuditProgress(progress: SubchainAuditProgressView | null): void {
  subchainState.auditing = progress ? { id: progress.subchain, job: "sync", progress } : null;
}

export function resetSubchains(): void {
  subchainState.list = null;
  subchainState.error = null;
  subchainState.auditing = null;
  subchainState.auditError = null;
  subchainState.lastRun = {};
}
