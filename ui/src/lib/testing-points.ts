// Fixtures of the points views for the Vitest suites, typed as the Rust side
// sends them (a changed binding breaks these at type-check time). The numbers
// follow the devnet's TEA (0 decimals, settlement, bid 0.0092 / ask 0.01).
import type {
  AmountView,
  AssetView,
  HoldingsView,
  MerchantView,
  PaymentReceipt,
  PaymentRequestView,
  PayReview,
  RateView,
  SwapReceipt,
  SwapReview,
} from "./ipc";

const PROVEN = { height: 40, header_hash: "cd".repeat(32) };

/** An amount of `asset` with `decimals`, from its text (exact, no floating point). */
export function amount(text: string, asset = "POINT", decimals = asset === "POINT" ? 6 : 0): AmountView {
  const [whole, frac = ""] = text.split(".");
  const units = BigInt(whole) * 10n ** BigInt(decimals) + BigInt((frac + "0".repeat(decimals)).slice(0, decimals) || "0");
  return { asset, units: units.toString(), decimals, text };
}

export const TEA: AssetView = { id: "M1", merchant: 1, symbol: "TEA", name: "茶香咖啡", decimals: 0 };
export const POINT_ASSET: AssetView = { id: "POINT", merchant: null, symbol: "POINT", name: "POINT", decimals: 6 };

export function rate(over: Partial<RateView> = {}): RateView {
  return {
    version: 3,
    set_at: 0,
    valid_until: 1_000_000_000,
    expired: false,
    current: true,
    fee_mode: "settlement",
    fee_bps: 0,
    bid_per_point: "0.0092",
    ask_per_point: "0.01",
    bid: "9200",
    ask: "10000",
    den: "1",
    sell_min: amount("100", "TEA"),
    sell_increment: amount("10", "TEA"),
    buy_min: amount("1"),
    buy_increment: amount("0.01"),
    ...over,
  };
}

export function merchant(over: Partial<MerchantView> = {}): MerchantView {
  const current = rate();
  return {
    asset: TEA,
    status: "approved",
    owner: "jfd1owner",
    deposit: amount("5000"),
    outstanding: amount("125000", "TEA"),
    registered_at: 0,
    rate: current,
    rates: [current, rate({ version: 2, current: false, bid_per_point: "0.009", bid: "9000" }), rate({ version: 1, current: false, bid_per_point: "0.008", bid: "8000", expired: true })],
    proven: PROVEN,
    ...over,
  };
}

export function holdings(): HoldingsView {
  return {
    address: "jfd1vault",
    merchants: 2,
    proven: PROVEN,
    assets: [
      { asset: POINT_ASSET, balance: amount("100"), held: true, status: null, rate_version: null, proven: PROVEN },
      { asset: TEA, balance: amount("0", "TEA"), held: false, status: "approved", rate_version: 3, proven: PROVEN },
      {
        asset: { id: "M2", merchant: 2, symbol: "MALL", name: "百货商城", decimals: 2 },
        balance: amount("12.5", "MALL", 2),
        held: true,
        status: "approved",
        rate_version: 2,
        proven: PROVEN,
      },
    ],
  };
}

/** A quote to buy 500 TEA with 5 POINT, made at `quotedAt` (valid 30 s). */
export function swapReview(quotedAt: number, over: Partial<SwapReview> = {}): SwapReview {
  return {
    review_id: "rv-swap",
    from: "jfd1vault",
    merchant: TEA,
    direction: "buy",
    pay: amount("5"),
    receive: amount("500", "TEA"),
    min_receive: amount("500", "TEA"),
    slippage_bps: 0,
    rate: rate(),
    side: "ask",
    effective_per_point: "0.01",
    at_mid: amount("520", "TEA"),
    cost_vs_mid: amount("20", "TEA"),
    cost_vs_mid_bps: 384,
    exchange_fee: amount("0"),
    fee_mode: "settlement",
    network_fee: amount("0.001"),
    withdrawal_fee: null,
    round_trip: { back: amount("4.6"), cost: amount("0.4"), cost_bps: 800 },
    minimum: amount("1"),
    increment: amount("0.01"),
    deposit: amount("5000"),
    balance_in: amount("100"),
    point_balance: amount("100"),
    deadline: 101,
    quoted_height: 40,
    quoted_at_ms: quotedAt,
    expires_at_ms: quotedAt + 30_000,
    nonce: 1,
    chain_id: "jifen-devnet",
    proven: PROVEN,
    ...over,
  };
}

export function swapReceipt(over: Partial<SwapReceipt> = {}): SwapReceipt {
  return {
    tx_id: "ee".repeat(32),
    height: 44,
    index: 0,
    proven: { height: 44, header_hash: "cd".repeat(32) },
    paid: amount("5"),
    quoted: amount("500", "TEA"),
    received: amount("500", "TEA"),
    min_receive: amount("500", "TEA"),
    exchange_fee: amount("0"),
    network_fee: amount("0.001"),
    as_quoted: true,
    rate_version: 3,
    balance_in_after: amount("94.999"),
    balance_out_after: amount("500", "TEA"),
    balances_proven: { height: 44, header_hash: "cd".repeat(32) },
    ...over,
  };
}

export function payReview(over: Partial<PayReview> = {}): PayReview {
  return {
    review_id: "rv-pay",
    from: "jfd1vault",
    to: "jfd1shop",
    payee: null,
    label: "茶香咖啡 counter 1",
    memo: "order 42",
    asset: TEA,
    amount: amount("20", "TEA"),
    network_fee: amount("0.001"),
    balance: amount("500", "TEA"),
    remaining: amount("480", "TEA"),
    expires: 1_900_000_000,
    nonce: 2,
    chain_id: "jifen-devnet",
    proven: PROVEN,
    ...over,
  };
}

export function paymentReceipt(over: Partial<PaymentReceipt> = {}): PaymentReceipt {
  return {
    tx_id: "ff".repeat(32),
    height: 45,
    index: 1,
    proven: { height: 45, header_hash: "cd".repeat(32) },
    to: "jfd1shop",
    amount: amount("20", "TEA"),
    memo: "order 42",
    network_fee: amount("0.001"),
    balance_after: amount("480", "TEA"),
    balance_proven: { height: 45, header_hash: "cd".repeat(32) },
    ...over,
  };
}

export function paymentRequest(over: Partial<PaymentRequestView> = {}): PaymentRequestView {
  return {
    uri: "jifen:jfd1vault?chain=jifen-devnet&asset=M1&amount=20&memo=order%2042",
    qr_text: "JIFEN:JFD1VAULT?chain=jifen-devnet&asset=M1&amount=20&memo=order%2042",
    to: "jfd1vault",
    asset: TEA,
    amount: amount("20", "TEA"),
    memo: "order 42",
    label: null,
    expires: 1_900_000_000,
    chain_id: "jifen-devnet",
    history_from: 3,
    proven: PROVEN,
    ...over,
  };
}
