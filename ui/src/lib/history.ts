// The history screen's wording: a transaction kind's message id, a move's signed
// amount, and how many entries "show more" asks for next.
import type { HistoryEntryView, MoveView } from "./bindings";

/** The kinds the wallet names (`jifen_wallet::history::kind_name`), each with its message. */
export const KINDS = [
  "transfer",
  "transfer-asset",
  "swap",
  "withdraw",
  "mint",
  "points-issue",
  "deposit-top-up",
  "deposit-withdraw",
  "rate-set",
  "council-vote",
  "merchant-register",
  "bond",
  "unbond",
] as const;

/** The Fluent id of a kind (a kind this build does not know is shown as such). */
export function kindMessage(kind: string): string {
  return (KINDS as readonly string[]).includes(kind) ? `app-history-kind-${kind}` : "app-history-kind-other";
}

/** A move as a signed amount: "+20 TEA", "−5 POINT". */
export function moveText(m: MoveView): string {
  return `${m.incoming ? "+" : "−"}${m.amount.text} ${m.amount.asset}`;
}

/** A failed entry: only its fee moved. */
export function failed(e: HistoryEntryView): boolean {
  return e.result_code !== 0;
}

/** The first page, each step of "show more", and the bound the wallet proves in one call. */
export const FIRST_PAGE = 20;
export const PAGE_STEP = 40;
export const MAX_SHOWN = 200;

/** How many entries to ask for after `shown` (never past the bound or the total). */
export function nextLimit(shown: number, total: number): number {
  return Math.min(MAX_SHOWN, total, shown + PAGE_STEP);
}

/** Whether "show more" has anything to add. */
export function canShowMore(shown: number, total: number): boolean {
  return shown < total && shown < MAX_SHOWN;
}
