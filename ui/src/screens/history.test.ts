import { describe, expect, test, afterEach, beforeEach } from "vitest";
import { render, screen, fireEvent, cleanup } from "@testing-library/svelte";
import { clearMocks } from "@tauri-apps/api/mocks";
import History from "./History.svelte";
import SyncAudit from "./SyncAudit.svelte";
import { setLocale, t } from "../lib/i18n.svelte";
import { session } from "../lib/session.svelte";
import { go } from "../lib/router.svelte";
import { chainState, resetChain, stopWatching } from "../lib/chainstore.svelte";
import { KINDS, canShowMore, kindMessage, moveText, nextLimit } from "../lib/history";
import type { HistoryEntryView, HistoryView } from "../lib/ipc";
import { argsOf, chainStatus, keyedWallet, recordIPC, settle } from "../lib/testing";
import { amount } from "../lib/testing-points";

const proven = (height: number) => ({ height, header_hash: "cd".repeat(32) });

function entry(over: Partial<HistoryEntryView> = {}): HistoryEntryView {
  return {
    index: 4,
    tx_id: "ab".repeat(32),
    height: 43,
    kind: "transfer-asset",
    result_code: 0,
    moves: [{ amount: amount("20", "TEA"), incoming: true }],
    counterparty: "jfd1payer",
    memo: "order 42",
    sent: false,
    proven: proven(43),
    ...over,
  };
}

function historyView(entries: HistoryEntryView[], total = entries.length): HistoryView {
  return { address: keyedWallet.address, total, entries, older: total - entries.length, proven: proven(44) };
}

beforeEach(() => {
  resetChain();
  stopWatching();
  chainState.syncedOnce = true;
  setLocale("en");
  session.wallet = keyedWallet;
  go("history");
});
afterEach(() => {
  cleanup();
  clearMocks();
});

describe("history wording", () => {
  test("every kind the wallet names has a message in each language; an unknown one is 'other'", () => {
    for (const locale of ["zh-CN", "zh-TW", "en"] as const) {
      setLocale(locale);
      for (const kind of KINDS) expect(t(kindMessage(kind))).not.toBe(kindMessage(kind));
    }
    expect(kindMessage("something-new")).toBe("app-history-kind-other");
  });

  test("moves are signed; show more grows by pages up to 200 and the total", () => {
    expect(moveText({ amount: amount("20", "TEA"), incoming: true })).toBe("+20 TEA");
    expect(moveText({ amount: amount("5", "POINT"), incoming: false })).toBe("−5 POINT");
    expect(nextLimit(20, 500)).toBe(60);
    expect(nextLimit(180, 500)).toBe(200);
    expect(nextLimit(20, 30)).toBe(30);
    expect(canShowMore(20, 30)).toBe(true);
    expect(canShowMore(30, 30)).toBe(false);
    expect(canShowMore(200, 500)).toBe(false);
  });
});

describe("history screen", () => {
  test("entries newest first with moves, counterparty, memo, inclusion; a failed one says only the fee moved; show more; a receipt saved", async () => {
    const failed = entry({ tx_id: "ef".repeat(32), kind: "swap", result_code: 7, moves: [], counterparty: null, memo: null, sent: true, index: 3, height: 42, proven: proven(42) });
    const calls = recordIPC((cmd, args) => {
      const limit = (args as { args?: { limit?: number } })?.args?.limit;
      if (cmd === "history") return historyView(limit === 20 ? [entry(), failed] : [entry(), failed, entry({ tx_id: "11".repeat(32), kind: "mint", index: 2 })], 25);
      if (cmd === "export_receipt") return { path: "/data/exports/receipt-abab.json", tx_id: "ab".repeat(32), headers: 5 };
      return null;
    });
    render(History);
    await settle();
    expect(argsOf(calls, "history")).toEqual([{ limit: 20 }]);
    expect(screen.getByTestId("history-complete").textContent).toBe("25 entries, proven complete at block 44.");
    const rows = screen.getAllByTestId("history-entry");
    expect(rows.map((r) => r.dataset.kind)).toEqual(["transfer-asset", "swap"]);
    expect(rows[0].textContent).toContain("Payment");
    expect(rows[0].textContent).toContain("+20 TEA");
    expect(rows[0].textContent).toContain("From jfd1payer");
    expect(rows[0].textContent).toContain("order 42");
    expect(rows[0].textContent).toContain("Proven included in block 43.");
    expect(rows[1].dataset.failed).toBe("true");
    expect(rows[1].textContent).toContain("only the network fee moved");
    await fireEvent.click(screen.getByTestId("history-more"));
    await settle();
    expect(argsOf(calls, "history")[1]).toEqual({ limit: 25 });
    expect(screen.getAllByTestId("history-entry")).toHaveLength(3);
    // Opening an entry offers its receipt.
    await fireEvent.click(screen.getAllByTestId("history-entry")[0].querySelector("button")!);
    await fireEvent.click(screen.getByTestId("save-receipt"));
    await settle();
    expect(argsOf(calls, "export_receipt")).toEqual([{ tx_id: "ab".repeat(32) }]);
    expect(screen.getByTestId("receipt-path").textContent).toBe("/data/exports/receipt-abab.json");
  });

  test("a history no honest node serves is shown translated", async () => {
    setLocale("zh-CN");
    recordIPC((cmd) => {
      if (cmd === "history") throw { code: "history-head-mismatch", args: {} };
      return null;
    });
    render(History);
    await settle();
    expect(screen.getByTestId("error").dataset.code).toBe("history-head-mismatch");
    expect(screen.getByTestId("error").textContent).not.toContain("history-head-mismatch");
    expect(screen.queryByTestId("history-complete")).toBeNull();
  });
});

describe("a receipt bundle checked", () => {
  test("the verify screen shows the proven transaction: id, kind, sender, block, position, result", async () => {
    recordIPC((cmd) => {
      if (cmd === "chain_status") return chainStatus();
      if (cmd === "verify_audit_bundle")
        return {
          root: `1:${"cd".repeat(32)}`,
          headers: 5,
          proven: { height: 44, header_hash: "ef".repeat(32) },
          time_ms: 1_700_000_000_000,
          account: null,
          transaction: { tx_id: "ab".repeat(32), height: 43, index: 1, result_code: 0, kind: "swap", sender: "jfd1buyer", header_hash: "ef".repeat(32) },
        };
      return null;
    });
    render(SyncAudit);
    await settle();
    const input = screen.getByTestId("bundle-file") as HTMLInputElement;
    Object.defineProperty(input, "files", { value: [new File(['{"bundle":1}'], "receipt.json")], configurable: true });
    await fireEvent.change(input);
    await settle();
    await fireEvent.click(screen.getByTestId("verify-bundle"));
    await settle();
    const tx = screen.getByTestId("bundle-transaction");
    expect(tx.textContent).toContain("ab".repeat(32));
    expect(tx.textContent).toContain("jfd1buyer");
    expect(tx.textContent).toContain("Block 43, position 1");
    expect(screen.getByTestId("bundle-tx-kind").textContent).toBe("Swap");
    expect(screen.getByTestId("bundle-tx-result").textContent).toBe("Succeeded, proven");
    expect(screen.queryByTestId("bundle-balance")).toBeNull();
  });
});
