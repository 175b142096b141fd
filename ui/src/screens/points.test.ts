import { describe, expect, test, afterEach, beforeEach, vi } from "vitest";
import { render, screen, fireEvent, cleanup } from "@testing-library/svelte";
import { clearMocks } from "@tauri-apps/api/mocks";
import Points from "./Points.svelte";
import Merchant from "./Merchant.svelte";
import Swap from "./Swap.svelte";
import Pay from "./Pay.svelte";
import RequestPayment from "./RequestPayment.svelte";
import Scan from "./Scan.svelte";
import Withdraw from "./Withdraw.svelte";
import MerchantAdmin from "./MerchantAdmin.svelte";
import { setLocale } from "../lib/i18n.svelte";
import { session } from "../lib/session.svelte";
import { route, go } from "../lib/router.svelte";
import { chainState, resetChain, stopWatching } from "../lib/chainstore.svelte";
import type { SendProgress } from "../lib/ipc";
import { argsOf, balanceView, chainStatus, keyedWallet, receipt, recordIPC, settle, type SentChannel } from "../lib/testing";
import { TEA, amount, holdings, merchant, payReview, paymentReceipt, paymentRequest, swapReceipt, swapReview } from "../lib/testing-points";

beforeEach(() => {
  resetChain();
  stopWatching();
  chainState.syncedOnce = true;
  setLocale("en");
  session.wallet = keyedWallet;
  go("points");
});
afterEach(() => {
  cleanup();
  clearMocks();
  vi.useRealTimers();
});

describe("points", () => {
  test("every asset with its proven balance, held first, each merchant's standing; a merchant opens its details", async () => {
    recordIPC((cmd) => {
      if (cmd === "holdings") return holdings();
      if (cmd === "merchants") return [merchant()];
      return null;
    });
    render(Points);
    await settle();
    const rows = screen.getAllByTestId("holding");
    expect(rows.map((r) => r.dataset.asset)).toEqual(["POINT", "M2", "M1"]);
    expect(rows.map((r) => r.dataset.held)).toEqual(["true", "true", "false"]);
    expect(rows[1].textContent).toContain("12.5");
    expect(rows[1].textContent).toContain("Proven at block 40");
    expect(rows[2].querySelector('[data-testid="holding-status"]')?.textContent).toBe("approved");
    expect(screen.getByTestId("holdings").textContent).toContain("2 merchants registered");
    // Not this wallet's merchant: no tools.
    expect(screen.queryByTestId("merchant-tools")).toBeNull();
    await fireEvent.click(screen.getByTestId("holding-M1"));
    expect(route.id).toBe("merchant");
    expect(route.params).toEqual({ id: 1 });
  });

  test("merchant tools appear only for a merchant this wallet owns", async () => {
    recordIPC((cmd) => {
      if (cmd === "holdings") return holdings();
      if (cmd === "merchants") return [merchant({ owner: keyedWallet.address })];
      return null;
    });
    render(Points);
    await settle();
    expect(screen.getByTestId("merchant-tools").textContent).toContain("茶香咖啡");
    await fireEvent.click(screen.getByTestId("manage-M1"));
    expect(route.id).toBe("merchant-admin");
  });

  test("before the first proof the wallet's refusal is shown, translated", async () => {
    recordIPC((cmd) => {
      if (cmd === "holdings") throw { code: "lc-client-no-trusted-state", args: {} };
      return [];
    });
    render(Points);
    await settle();
    expect(screen.getByTestId("error").dataset.code).toBe("lc-client-no-trusted-state");
  });
});

describe("merchant details", () => {
  test("the record and every rate version: set at, bid and ask per whole point, fee mode, limits, valid until, current or expired", async () => {
    const calls = recordIPC((cmd) => (cmd === "merchant" ? merchant() : null));
    render(Merchant, { params: { id: 1 } });
    await settle();
    expect(argsOf(calls, "merchant")).toEqual([{ id: 1, history: 100 }]);
    expect(screen.getByTestId("merchant-name").textContent).toContain("茶香咖啡");
    expect(screen.getByTestId("merchant-status").textContent).toBe("approved");
    const rows = screen.getAllByTestId("rate-row");
    expect(rows.map((r) => r.dataset.version)).toEqual(["3", "2", "1"]);
    expect(rows[0].dataset.current).toBe("true");
    expect(rows[2].dataset.expired).toBe("true");
    expect(rows[0].querySelector("[data-label=\"Bid (you sell)\"]")?.textContent).toBe("0.0092 POINT");
    expect(rows[0].querySelector("[data-label=\"Ask (you buy)\"]")?.textContent).toBe("0.01 POINT");
    expect(rows[0].textContent).toContain("Settlement");
    expect(rows[0].textContent).toContain("Sell from 100 TEA, in steps of 10 TEA");
    expect(rows[0].textContent).toContain("block 1,000,000,000");
    expect(rows[2].textContent).toContain("expired");
    await fireEvent.click(screen.getByTestId("merchant-swap"));
    expect(route.id).toBe("swap");
    expect(route.params).toEqual({ merchant: "M1" });
  });
});

describe("swap", () => {
  async function quoted(handler: (cmd: string, p: Record<string, unknown>) => unknown) {
    const calls = recordIPC((cmd, p) => {
      if (cmd === "merchants") return [merchant(), merchant({ asset: { ...TEA, id: "M4", symbol: "NEW", merchant: 4 }, status: "proposed" })];
      return handler(cmd, p);
    });
    render(Swap, { params: { merchant: "M1" } });
    await settle();
    // The proposed merchant cannot be chosen.
    const options = Array.from((screen.getByTestId("swap-merchant") as HTMLSelectElement).options);
    expect(options.map((o) => o.disabled)).toEqual([false, true]);
    expect(screen.getByTestId("swap-limits").textContent).toBe("From 1 POINT, in steps of 0.01 POINT");
    await fireEvent.input(screen.getByTestId("swap-amount"), { target: { value: " 5 " } });
    await fireEvent.click(screen.getByTestId("swap-quote"));
    await settle();
    return calls;
  }

  test("the quote shows every number in plain words, a live countdown, and Confirm signs only that quote", async () => {
    vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval"] });
    const start = Date.now();
    let stages: SentChannel<SendProgress> | null = null;
    const calls = await quoted((cmd, p) => {
      if (cmd === "quote_swap") return { kind: "swap", ...swapReview(start) };
      if (cmd === "confirm_action") {
        stages = p.onProgress as SentChannel<SendProgress>;
        stages.onmessage({ stage: "waiting", tx_id: "ee".repeat(32), height: null });
        return { kind: "swap", ...swapReceipt() };
      }
      if (cmd === "balance") return balanceView("94.999");
      return null;
    });
    expect(argsOf(calls, "quote_swap")).toEqual([{ merchant: "M1", direction: "buy", amount: "5", slippage_bps: null, fee: null, from_index: 0 }]);
    expect(screen.getByTestId("quote-pay").textContent).toBe("5 POINT");
    expect(screen.getByTestId("quote-receive").textContent).toBe("500 TEA");
    expect(screen.getByTestId("quote-min-receive").textContent).toContain("500 TEA");
    expect(screen.getByTestId("quote-rate").textContent).toContain("0.01 POINT per 1 TEA");
    expect(screen.getByTestId("quote-rate").textContent).toContain("ask");
    expect(screen.getByTestId("quote-vs-mid").textContent).toContain("20 TEA (3.84%)");
    expect(screen.getByTestId("quote-exchange-fee").textContent).toBe("0 POINT");
    expect(screen.getByTestId("quote-fee-mode").textContent).toContain("Settlement");
    expect(screen.getByTestId("quote-network-fee").textContent).toBe("0.001 POINT");
    expect(screen.queryByTestId("quote-withdrawal-fee")).toBeNull();
    expect(screen.getByTestId("quote-round-trip").textContent).toContain("0.4 POINT (8%)");
    expect(screen.getByTestId("quote-source").textContent).toContain("rate version 3");
    expect(screen.getByTestId("quote-limits").textContent).toContain("From 1 POINT, in steps of 0.01 POINT");
    expect(screen.getByTestId("quote-deadline").textContent).toContain("block 101");
    expect(screen.getByTestId("swap-final").textContent).toMatch(/cannot be undone/);
    expect(screen.getByTestId("quote-countdown").dataset.left).toBe("30");
    expect(screen.getByTestId("quote-countdown").textContent).toContain("Valid for 30 s");
    vi.advanceTimersByTime(10_000);
    await settle();
    expect(screen.getByTestId("quote-countdown").dataset.left).toBe("20");
    expect((screen.getByTestId("action-confirm") as HTMLButtonElement).disabled).toBe(false);
    expect(calls.some(([c]) => c === "confirm_action")).toBe(false);
    await fireEvent.click(screen.getByTestId("action-confirm"));
    await settle();
    expect(argsOf(calls, "confirm_action")).toEqual([{ review_id: "rv-swap" }]);
    expect(screen.getByTestId("receipt-received").textContent).toBe("500 TEA");
    expect(screen.getByTestId("receipt-as-quoted").textContent).toBe("as quoted");
    expect(screen.getByTestId("receipt-balances").textContent).toContain("94.999 POINT · 500 TEA");
    expect(screen.getByTestId("receipt-tx").textContent).toContain("ee".repeat(32));
    // The home screen's balance is proven again.
    expect(chainState.balance?.balance.text).toBe("94.999");
  });

  test("under 5 s left Confirm is disabled and a fresh quote of the same swap is offered", async () => {
    vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval"] });
    let quotes = 0;
    const calls = await quoted((cmd) => {
      if (cmd === "quote_swap") {
        quotes += 1;
        return { kind: "swap", ...swapReview(Date.now(), { review_id: `rv-${quotes}` }) };
      }
      return null;
    });
    expect(screen.queryByTestId("quote-refresh")).toBeNull();
    vi.advanceTimersByTime(25_250);
    await settle();
    expect(screen.getByTestId("quote-countdown").dataset.left).toBe("4");
    expect((screen.getByTestId("action-confirm") as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId("quote-expiring").textContent).toMatch(/fresh quote/);
    vi.advanceTimersByTime(10_000);
    await settle();
    expect(screen.getByTestId("quote-countdown").textContent).toContain("Expired");
    await fireEvent.click(screen.getByTestId("quote-refresh"));
    await settle();
    const asked = argsOf(calls, "quote_swap");
    expect(asked).toHaveLength(2);
    expect(asked[1]).toEqual(asked[0]);
    expect(screen.getByTestId("swap-quote-card").dataset.reviewId).toBe("rv-2");
    expect(screen.getByTestId("quote-countdown").dataset.left).toBe("30");
    expect((screen.getByTestId("action-confirm") as HTMLButtonElement).disabled).toBe(false);
  });

  test("a quote the wallet refused to sign (swap-quote-expiring) cannot be confirmed again", async () => {
    await quoted((cmd) => {
      if (cmd === "quote_swap") return { kind: "swap", ...swapReview(Date.now()) };
      if (cmd === "confirm_action") throw { code: "swap-quote-expiring", args: { seconds: 4, needed: 5 } };
      return null;
    });
    await fireEvent.click(screen.getByTestId("action-confirm"));
    await settle();
    expect(screen.getByTestId("quote-expiring").textContent).toMatch(/dropped this quote/);
    expect((screen.getByTestId("action-confirm") as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId("quote-refresh")).toBeTruthy();
  });

  test("a refusal of the chain's rules is translated with the merchant's units", async () => {
    await quoted((cmd) => {
      if (cmd === "quote_swap") throw { code: "swap-below-minimum", args: { amount: "5 TEA", minimum: "100 TEA" } };
      return null;
    });
    expect(screen.getByTestId("error").textContent).toBe("5 TEA is below this merchant's minimum of 100 TEA.");
    expect(screen.queryByTestId("swap-quote-card")).toBeNull();
  });
});

describe("pay", () => {
  test("a scanned request is reviewed at once: an unregistered payee is a visible warning, the label is marked unproven", async () => {
    const calls = recordIPC((cmd) => {
      if (cmd === "review_pay") return { kind: "pay", ...payReview() };
      if (cmd === "confirm_action") return { kind: "pay", ...paymentReceipt() };
      return null;
    });
    render(Pay, { params: { request: "jifen:jfd1shop?chain=jifen-devnet&asset=M1&amount=20" } });
    await settle();
    expect(argsOf(calls, "review_pay")).toEqual([{ request: "jifen:jfd1shop?chain=jifen-devnet&asset=M1&amount=20", amount: null, fee: null, from_index: 0 }]);
    expect(screen.getByTestId("pay-not-merchant").textContent).toMatch(/not the owner of any registered merchant/);
    expect(screen.queryByTestId("pay-merchant")).toBeNull();
    expect(screen.getByTestId("pay-label").textContent).toContain("“茶香咖啡 counter 1”");
    expect(screen.getByTestId("pay-label").textContent).toContain("not proven");
    expect(screen.getByTestId("pay-memo").textContent).toBe("order 42");
    expect(screen.getByTestId("pay-amount-shown").textContent).toBe("20 TEA");
    expect(screen.getByTestId("pay-remaining").textContent).toBe("480 TEA");
    expect(screen.getByTestId("pay-expires").textContent).toMatch(/2030/);
    await fireEvent.click(screen.getByTestId("action-confirm"));
    await settle();
    expect(argsOf(calls, "confirm_action")).toEqual([{ review_id: "rv-pay" }]);
    expect(screen.getByTestId("pay-receipt").textContent).toContain("block 45");
    expect(screen.getByTestId("pay-receipt-memo").textContent).toBe("order 42");
    expect(screen.getByTestId("pay-receipt-balance").textContent).toContain("480 TEA");
  });

  test("a payee that owns a registered merchant is named as proven", async () => {
    recordIPC((cmd) =>
      cmd === "review_pay" ? { kind: "pay", ...payReview({ payee: { merchant: TEA, status: "approved" } }) } : null,
    );
    render(Pay, { params: { request: "jifen:x" } });
    await settle();
    expect(screen.getByTestId("pay-merchant").textContent).toContain("茶香咖啡 (TEA, M1), proven on chain");
    expect(screen.queryByTestId("pay-not-merchant")).toBeNull();
  });

  test("specific translated refusals: expired, another chain, malformed, not enough points", async () => {
    const refusals = [
      [{ code: "payment-request-expired", args: { seconds: 30 } }, /expired 30 seconds ago/],
      [{ code: "payment-request-wrong-chain", args: { got: "other", expected: "jifen-devnet" } }, /for the chain other/],
      [{ code: "payment-request-wrong-scheme", args: {} }, /not a Jifen payment request/],
      [{ code: "points-insufficient-balance", args: { merchant: "TEA", available: "5 TEA", needed: "20 TEA" } }, /does not cover 20 TEA/],
    ] as const;
    let next = 0;
    recordIPC((cmd) => {
      if (cmd === "review_pay") throw refusals[next][0];
      return null;
    });
    render(Pay, { params: {} });
    await settle();
    await fireEvent.input(screen.getByTestId("pay-request"), { target: { value: "jifen:x" } });
    for (const [, text] of refusals) {
      await fireEvent.click(screen.getByTestId("pay-review"));
      await settle();
      expect(screen.getByTestId("error").textContent).toMatch(text);
      next += 1;
    }
  });

  test("a request without an amount asks for one, then reviews with it", async () => {
    const calls = recordIPC((cmd, p) => {
      if (cmd === "review_pay") {
        if ((p.args as { amount: string | null }).amount === null) throw { code: "pay-amount-needed", args: {} };
        return { kind: "pay", ...payReview() };
      }
      return null;
    });
    render(Pay, { params: { request: "jifen:jfd1shop?chain=jifen-devnet&asset=M1" } });
    await settle();
    expect(screen.getByTestId("error").dataset.code).toBe("pay-amount-needed");
    await fireEvent.input(screen.getByTestId("pay-amount"), { target: { value: "20" } });
    await fireEvent.click(screen.getByTestId("pay-review"));
    await settle();
    expect(argsOf(calls, "review_pay").map((a) => (a as { amount: string | null }).amount)).toEqual([null, "20"]);
    expect(screen.getByTestId("pay-review-card")).toBeTruthy();
  });

  test("a picture of a request's code is read and reviewed", async () => {
    const calls = recordIPC((cmd) => {
      if (cmd === "scan_image") return [{ kind: "payment-request", address: null, text: "JIFEN:JFD1SHOP?chain=jifen-devnet&asset=POINT&amount=1" }];
      if (cmd === "review_pay") return { kind: "pay", ...payReview() };
      return null;
    });
    render(Pay, { params: {} });
    await settle();
    const input = screen.getByTestId("pay-picture") as HTMLInputElement;
    Object.defineProperty(input, "files", { value: [new File([new Uint8Array([1, 2])], "code.png")], configurable: true });
    await fireEvent.change(input);
    await settle();
    expect(argsOf(calls, "scan_image")).toEqual([{ bytes: [1, 2] }]);
    expect((argsOf(calls, "review_pay")[0] as { request: string }).request).toBe("JIFEN:JFD1SHOP?chain=jifen-devnet&asset=POINT&amount=1");
    expect(screen.getByTestId("pay-review-card")).toBeTruthy();
  });
});

describe("scan", () => {
  test("a scanned payment request goes to Pay with its text", async () => {
    recordIPC((cmd) =>
      cmd === "scan_image" ? [{ kind: "payment-request", address: null, text: "JIFEN:JFD1SHOP?chain=jifen-devnet&asset=M1" }] : null,
    );
    render(Scan);
    await settle();
    const input = screen.getByTestId("scan-file") as HTMLInputElement;
    Object.defineProperty(input, "files", { value: [new File([new Uint8Array([9])], "req.png")], configurable: true });
    await fireEvent.change(input);
    await settle();
    expect(screen.getByTestId("scan-result").dataset.kind).toBe("payment-request");
    expect(screen.getByTestId("scan-result").textContent).toContain("A payment request");
    await fireEvent.click(screen.getByTestId("scan-pay"));
    expect(route.id).toBe("pay");
    expect(route.params).toEqual({ request: "JIFEN:JFD1SHOP?chain=jifen-devnet&asset=M1" });
  });
});

describe("receive payment", () => {
  test("the request's QR code is drawn from its text kept as given, with the URI to copy; the watch finds the proven payment", async () => {
    let paid = false;
    let checks = 0;
    const calls = recordIPC((cmd) => {
      if (cmd === "merchants") return [merchant()];
      if (cmd === "request_payment") return paymentRequest();
      if (cmd === "render_text_qr") return '<svg data-testid="svg"></svg>';
      if (cmd === "chain_status") return chainStatus();
      if (cmd === "sync") return { sync: { from_height: 40, height: 42, hash: "ab".repeat(32), headers_fetched: 2, primary: "p", witnesses_agreed: 0, elapsed_ms: 5 }, subchains: [], subchain_error: null };
      if (cmd === "find_payment") {
        checks += 1;
        const watch = { len: 3 + checks, head: "ee".repeat(32), last_height: 40 + checks };
        return paid
          ? { seen: { from: "jfd1payer", amount: amount("20", "TEA"), memo: "order 42", tx_id: "ab".repeat(32), height: 43, index: 2, proven: { height: 43, header_hash: "cd".repeat(32) }, history_proven: { height: 43, header_hash: "cd".repeat(32) } }, watch }
          : { seen: null, watch };
      }
      return null;
    });
    render(RequestPayment);
    await settle();
    await fireEvent.change(screen.getByTestId("request-asset"), { target: { value: "M1" } });
    await fireEvent.input(screen.getByTestId("request-amount"), { target: { value: "20" } });
    await fireEvent.input(screen.getByTestId("request-memo"), { target: { value: "order 42" } });
    await fireEvent.click(screen.getByTestId("request-create"));
    await settle();
    expect(argsOf(calls, "request_payment")).toEqual([{ asset: "M1", amount: "20", memo: "order 42", label: null, expires_in_s: 900, index: 0 }]);
    expect(argsOf(calls, "render_text_qr")).toEqual([{ text: paymentRequest().qr_text }]);
    expect(calls.some(([c]) => c === "render_qr")).toBe(false);
    expect(screen.getByTestId("request-qr").innerHTML).toContain("svg");
    expect(screen.getByTestId("request-uri").textContent).toBe(paymentRequest().uri);
    expect(screen.getByTestId("payment-request").textContent).toContain("Scan to pay 20 TEA");
    // Watching: a sync, then the payee's proven history since the request.
    // The first check starts at the request's history point.
    expect(argsOf(calls, "find_payment")).toEqual([{ request: paymentRequest().uri, watch: { len: 3, head: null, last_height: 0 } }]);
    expect(calls.findIndex(([c]) => c === "sync")).toBeLessThan(calls.findIndex(([c]) => c === "find_payment"));
    expect(screen.getByTestId("request-not-yet").textContent).toBe("Not paid yet (checked up to block 42).");
    expect(screen.queryByTestId("request-paid")).toBeNull();
    paid = true;
    await fireEvent.click(screen.getByTestId("request-check"));
    await settle();
    expect(screen.getByTestId("request-paid").textContent).toBe("Paid: 20 TEA from jfd1payer, proven included in block 43.");
    expect(screen.getByTestId("request-watch").dataset.paid).toBe("true");
    expect(screen.getByTestId("request-watch").textContent).toContain("order 42");
    // The next check read on from the watch the first one returned.
    expect(argsOf(calls, "find_payment")[1]).toEqual({ request: paymentRequest().uri, watch: { len: 4, head: "ee".repeat(32), last_height: 41 } });
    expect(screen.getByTestId("request-paid-at").textContent).toBe("In block 43, position 2.");
    expect(screen.getByTestId("save-receipt")).toBeTruthy();
  });
});

describe("withdraw and merchant tools", () => {
  test("a withdrawal shows what is burned, the fee and the payout, then its proven inclusion", async () => {
    const calls = recordIPC((cmd) => {
      if (cmd === "review_withdraw")
        return {
          kind: "withdraw",
          review_id: "rv-w",
          from: "jfd1vault",
          amount: amount("10"),
          withdrawal_fee: amount("0.1"),
          payout: amount("9.9"),
          fee_bps: 50,
          fee_min: amount("0.1"),
          reference: "bank-ref-7",
          network_fee: amount("0.001"),
          balance: amount("100"),
          remaining: amount("89.999"),
          nonce: 3,
          chain_id: "jifen-devnet",
          proven: { height: 40, header_hash: "cd".repeat(32) },
        };
      if (cmd === "confirm_action") return { kind: "withdraw", ...receipt("89.999") };
      return null;
    });
    render(Withdraw);
    await settle();
    await fireEvent.input(screen.getByTestId("withdraw-amount"), { target: { value: "10" } });
    await fireEvent.input(screen.getByTestId("withdraw-reference"), { target: { value: "bank-ref-7" } });
    await fireEvent.click(screen.getByTestId("withdraw-review"));
    await settle();
    expect(argsOf(calls, "review_withdraw")).toEqual([{ amount: "10", reference: "bank-ref-7", fee: null, from_index: 0 }]);
    expect(screen.getByTestId("withdraw-fee").textContent).toContain("0.5%, at least 0.1 POINT");
    expect(screen.getByTestId("withdraw-payout").textContent).toBe("9.9 POINT");
    await fireEvent.click(screen.getByTestId("action-confirm"));
    await settle();
    expect(argsOf(calls, "confirm_action")).toEqual([{ review_id: "rv-w" }]);
    expect(screen.getByTestId("send-new-balance").textContent).toContain("89.999 POINT");
  });

  test("the owner's tools start a new rate from the current terms and review it before signing", async () => {
    session.wallet = { ...keyedWallet, address: "jfd1owner" };
    const calls = recordIPC((cmd) => {
      if (cmd === "merchant") return merchant();
      if (cmd === "review_merchant_action")
        return {
          kind: "merchant",
          review_id: "rv-m",
          from: "jfd1owner",
          merchant: TEA,
          action: "set-rate",
          rate: { ...merchant().rates[0], version: 4, bid_per_point: "0.0093", bid: "9300" },
          to: null,
          amount: null,
          deposit: amount("5000"),
          deposit_after: null,
          deposit_required: null,
          network_fee: amount("0.001"),
          nonce: 0,
          chain_id: "jifen-devnet",
          proven: { height: 40, header_hash: "cd".repeat(32) },
        };
      return null;
    });
    render(MerchantAdmin, { params: { id: 1 } });
    await settle();
    expect(screen.queryByTestId("admin-not-owner")).toBeNull();
    await fireEvent.change(screen.getByTestId("admin-action"), { target: { value: "set-rate" } });
    await settle();
    expect((screen.getByTestId("admin-bid") as HTMLInputElement).value).toBe("0.0092");
    expect((screen.getByTestId("admin-ask") as HTMLInputElement).value).toBe("0.01");
    await fireEvent.input(screen.getByTestId("admin-bid"), { target: { value: "0.0093" } });
    await fireEvent.click(screen.getByTestId("admin-review"));
    await settle();
    expect(argsOf(calls, "review_merchant_action")).toEqual([
      {
        merchant: "M1",
        action: {
          action: "set-rate",
          fee_mode: "settlement",
          bid: "0.0093",
          ask: "0.01",
          fee_bps: 0,
          sell_min: "100",
          sell_increment: "10",
          buy_min: "1",
          buy_increment: "0.01",
          valid_for_blocks: 100000,
        },
        fee: null,
        from_index: 0,
      },
    ]);
    expect(screen.getByTestId("admin-review-card").textContent).toContain("0.0093 POINT per 1 TEA");
    expect(calls.some(([c]) => c === "confirm_action")).toBe(false);
  });

  test("a wallet that does not own the merchant is told so", async () => {
    recordIPC((cmd) => (cmd === "merchant" ? merchant() : null));
    render(MerchantAdmin, { params: { id: 1 } });
    await settle();
    expect(screen.getByTestId("admin-not-owner")).toBeTruthy();
  });
});
