// What the Subchains screen decides from the wallet's views, kept apart from
// the component so it can be tested alone: the badge of an audit state (a
// colour, an icon and a word: never colour alone), the consensus line, an
// audit's progress, and the checks of the "read a proven value" form (the
// same rules as the wallet's, so a typo is caught before a node is asked).
import type {
  AuditStateView,
  SubchainAlertView,
  SubchainAuditProgressView,
  SubchainView,
} from "./ipc";

/** How a state looks: the CSS tone, an icon and the message id of its word. */
export interface Badge {
  tone: "ok" | "warn" | "alert" | "none";
  icon: string;
  label: string;
}

/** The badge of the wallet's audit verdict on a subchain. */
export function badge(state: AuditStateView): Badge {
  switch (state) {
    case "clean":
      return { tone: "ok", icon: "✓", label: "app-subchain-state-clean" };
    case "behind":
      return { tone: "warn", icon: "↻", label: "app-subchain-state-behind" };
    case "alert":
      return { tone: "alert", icon: "⚠", label: "app-subchain-state-alert" };
    case "failed":
      return { tone: "alert", icon: "✕", label: "app-subchain-state-failed" };
    case "not-audited":
      return { tone: "none", icon: "○", label: "app-subchain-state-not-audited" };
  }
}

/** Whether a state is one the home screen must warn about. */
export function alerted(state: AuditStateView): boolean {
  return state === "alert" || state === "failed";
}

/** The consensus line: the committee of the latest audited report or the difficulty. */
export function consensus(s: SubchainView): { id: string; args: Record<string, number> } {
  if (s.kind === "bft") {
    const members = s.audit?.committee_size ?? null;
    return members === null
      ? { id: "app-subchain-consensus-bft-unknown", args: {} }
      : { id: "app-subchain-consensus-bft", args: { members } };
  }
  const bits = s.audit?.bits ?? s.pow?.initial_bits ?? 0;
  return { id: "app-subchain-consensus-pow", args: { bits } };
}

/** The message id that names an alert's kind. */
export function alertKind(a: SubchainAlertView): string {
  switch (a.kind) {
    case "equivocation":
    case "lost-fork-choice":
    case "invalid-report":
    case "record-mismatch":
      return `app-subchain-alert-${a.kind}`;
    default:
      return "app-subchain-alert-other";
  }
}

/**
 * An audit's progress in percent, or null while its phase has no measure
 * (proving the main-chain headers of a range, or before the first report).
 */
export function auditPercent(p: SubchainAuditProgressView | null): number | null {
  if (p === null || p.phase !== "reports" || p.total <= 0) return null;
  return Math.min(100, Math.round((p.checked / p.total) * 100));
}

/** Most bytes a subchain state key has (`jifen_protocol::subchain::entries::valid_key`). */
export const MAX_KEY_BYTES = 64;

export type ValueForm =
  | { ok: true; id: number; key: string; height: number | null }
  | { ok: false; field: "subchain" | "key" | "height"; error: string; args: Record<string, string> };

/**
 * The "read a proven value" form checked: a subchain number, a key of 1 to 64
 * bytes of UTF-8 without control characters (kept as typed: a key is exact),
 * and an optional subchain height (empty: the audited tip).
 */
export function checkValueForm(subchain: string, key: string, height: string): ValueForm {
  const id = subchain.trim();
  if (!/^[1-9][0-9]{0,9}$/.test(id) || Number(id) > 0xffff_ffff) {
    return { ok: false, field: "subchain", error: "app-subchain-form-pick", args: {} };
  }
  const bytes = new TextEncoder().encode(key).length;
  // eslint-disable-next-line no-control-regex
  if (bytes === 0 || bytes > MAX_KEY_BYTES || /[\u0000-\u001f\u007f-\u009f]/.test(key)) {
    return { ok: false, field: "key", error: "app-subchain-form-key", args: { key } };
  }
  const h = height.trim();
  if (h === "") return { ok: true, id: Number(id), key, height: null };
  if (!/^[0-9]{1,15}$/.test(h)) {
    return { ok: false, field: "height", error: "app-subchain-form-height", args: { height: h } };
  }
  return { ok: true, id: Number(id), key, height: Number(h) };
}

/**
 * The value form against the list: a value is proven only against a header
 * this wallet audited, so a subchain never audited here is sent to its card's
 * Audit button first (the wallet would refuse with `subchain-not-audited`).
 */
export function checkAudited(form: ValueForm, subchains: SubchainView[]): ValueForm {
  if (!form.ok) return form;
  const s = subchains.find((x) => x.id === form.id);
  if (s && s.audit === null) {
    return { ok: false, field: "subchain", error: "app-subchain-form-audit-first", args: { id: String(s.id), name: s.name } };
  }
  return form;
}

/** The first and last 8 hex digits of a long id, for a line of text (the whole id is shown beside it). */
export function short(hex: string): string {
  return hex.length > 20 ? `${hex.slice(0, 8)}…${hex.slice(-8)}` : hex;
}
