// The points screens' small pure helpers: the quote's countdown, amounts and
// basis points as text, which assets come first, which merchants this wallet
// runs. Every amount is already exact text from the wallet (AmountView); no
// number here is money.
import { MIN_CONFIRM_MS, QUOTE_VALIDITY_MS, type AmountView, type HoldingView, type MerchantView } from "./bindings";

export { MIN_CONFIRM_MS, QUOTE_VALIDITY_MS };

/** Milliseconds of a quote's validity left at `now` (never below 0). */
export function quoteLeft(expiresAtMs: number, now: number): number {
  return Math.max(0, expiresAtMs - now);
}

/**
 * Whole seconds left, rounded down: the countdown never shows more time than
 * there is, so "5 s" is shown exactly while the quote may still be confirmed.
 */
export function secondsLeft(leftMs: number): number {
  return Math.max(0, Math.floor(leftMs / 1000));
}

/** Whether a quote may still be confirmed (the wallet refuses under MIN_CONFIRM_MS). */
export function confirmable(leftMs: number): boolean {
  return leftMs >= MIN_CONFIRM_MS;
}

/** The share of the validity left, 0..100 (the countdown bar). */
export function leftPercent(leftMs: number, validityMs = QUOTE_VALIDITY_MS): number {
  if (validityMs <= 0) return 0;
  return Math.min(100, Math.max(0, Math.round((leftMs / validityMs) * 100)));
}

/** `12.5 TEA`. */
export function amountText(a: AmountView): string {
  return `${a.text} ${a.asset}`;
}

/** Basis points as a percentage, exactly (integer arithmetic): 50 → "0.5%", 1234 → "12.34%". */
export function bpsText(bps: number): string {
  const whole = Math.floor(bps / 100);
  const cents = (bps % 100).toString().padStart(2, "0").replace(/0+$/, "");
  return cents ? `${whole}.${cents}%` : `${whole}%`;
}

/** Assets held first (in the wallet's order: POINT, then merchant number), then the others. */
export function heldFirst(assets: HoldingView[]): HoldingView[] {
  return [...assets.filter((a) => a.held), ...assets.filter((a) => !a.held)];
}

/** The merchants this wallet's address owns (their tools are shown only then). */
export function ownedBy(merchants: MerchantView[], address: string | null | undefined): MerchantView[] {
  if (!address) return [];
  return merchants.filter((m) => m.owner === address);
}

/** How long a payment request stays payable: none, 5 min, 15 min, 1 h, 1 day (seconds). */
export const EXPIRY_CHOICES: (number | null)[] = [null, 300, 900, 3600, 86400];

/** A unix-seconds time as a date and time in `locale`. */
export function unixTime(seconds: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(seconds * 1000));
}

/** The empty-or-trimmed text an optional field sends (null asks for the default). */
export function optional(text: string): string | null {
  const trimmed = text.trim();
  return trimmed.length > 0 ? trimmed : null;
}
