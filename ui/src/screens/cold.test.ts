import { describe, expect, test, afterEach, beforeEach } from "vitest";
import { render, screen, fireEvent, cleanup } from "@testing-library/svelte";
import { clearMocks } from "@tauri-apps/api/mocks";
import { tick } from "svelte";
import ColdSign from "./ColdSign.svelte";
import PairDevice from "./PairDevice.svelte";
import Send from "./Send.svelte";
import { setLocale } from "../lib/i18n.svelte";
import { session } from "../lib/session.svelte";
import { route, go } from "../lib/router.svelte";
import { resetChain } from "../lib/chainstore.svelte";
import type { ColdReviewView, PendingView, SendProgress } from "../lib/ipc";
import {
  appInfo,
  argsOf,
  keyedWallet,
  qrCode,
  receipt,
  recordIPC,
  sendReview,
  settle,
  watchWallet,
  type SentChannel,
} from "../lib/testing";

function png(...bytes: number[]): File {
  return new File([new Uint8Array(bytes)], "frame.png", { type: "image/png" });
}

async function choose(files: File[]) {
  const input = screen.getByTestId("qr-files") as HTMLInputElement;
  Object.defineProperty(input, "files", { value: files, configurable: true });
  await fireEvent.change(input);
  await settle();
}

const review: ColdReviewView = {
  request_id: "5f1c0a77",
  fingerprint: "K7QD-M2XW-9TRB",
  lines: [
    { label: "cold-review-kind", value: "cold-kind-transfer", kind: "message" },
    { label: "cold-review-amount", value: "12.5 POINT", kind: "amount" },
    { label: "cold-review-recipient", value: "jfd1recipientaddress", kind: "address" },
    { label: "cold-review-nonce", value: "3", kind: "number" },
    { label: "cold-review-chain", value: "jifen-devnet", kind: "text" },
  ],
};

function pending(over: Partial<PendingView> & { request_id: string }): PendingView {
  return { fingerprint: "K7QD-M2XW-9TRB", state: "waiting", created_at: 1700000000, nonce: 0, superseded: null, error: null, ...over };
}

beforeEach(() => {
  resetChain();
  setLocale("en");
  session.info = null;
  session.wallet = null;
  go("loading");
});
afterEach(() => {
  cleanup();
  clearMocks();
});

describe("cold signer: sign a request", () => {
  test("shows the translated review and the fingerprint, and signs exactly that fingerprint only after Confirm", async () => {
    session.wallet = keyedWallet;
    const calls = recordIPC((cmd) => {
      if (cmd === "cold_review") return review;
      if (cmd === "cold_sign") return { request_id: "5f1c0a77", fingerprint: "K7QD-M2XW-9TRB", qr: qrCode("jifen-signature", 2) };
      return undefined;
    });
    render(ColdSign, { params: {} });
    await settle();
    expect((screen.getByTestId("cold-review") as HTMLButtonElement).disabled).toBe(true);
    await choose([png(1, 2, 3), png(4, 5)]);
    expect(screen.getByTestId("qr-files-count").dataset.count).toBe("2");
    await fireEvent.click(screen.getByTestId("cold-review"));
    await settle();

    expect(calls.find(([c]) => c === "cold_review")?.[1]).toEqual({ images: [[1, 2, 3], [4, 5]] });
    const lines = screen.getAllByTestId("cold-review-line");
    expect(lines).toHaveLength(5);
    expect(lines[0].textContent).toContain("Transaction");
    expect(lines[0].textContent).toContain("Transfer"); // kind "message" is translated
    expect(lines[0].textContent).not.toContain("cold-kind-transfer");
    expect(lines[1].textContent).toContain("Amount");
    expect(lines[1].querySelector("td")?.classList.contains("address")).toBe(true); // monospace
    expect(lines[2].textContent).toContain("jfd1recipientaddress");
    expect(lines[2].querySelector("td")?.classList.contains("address")).toBe(true);
    expect(lines[3].textContent).toContain("Nonce");
    expect(lines[3].querySelector("td")?.classList.contains("address")).toBe(false);
    expect(screen.getByTestId("cold-fingerprint").textContent).toBe("K7QD-M2XW-9TRB");
    expect(screen.getByText(/matches the online wallet/)).toBeTruthy();
    // Nothing is signed by reviewing.
    expect(calls.some(([c]) => c === "cold_sign")).toBe(false);

    setLocale("zh-CN");
    await tick();
    expect(screen.getAllByTestId("cold-review-line")[0].textContent).toContain("转账");
    setLocale("en");
    await tick();

    await fireEvent.click(screen.getByTestId("cold-confirm"));
    await settle();
    expect(argsOf(calls, "cold_sign")).toEqual([{ fingerprint: "K7QD-M2XW-9TRB" }]);
    expect(screen.getByTestId("animated-qr").dataset.frames).toBe("2");
    // The signature's frames are drawn from its UR parts.
    expect(argsOf(calls, "render_qr")).toEqual([{ parts: ["ur:jifen-signature/1-2/part", "ur:jifen-signature/2-2/part"] }]);
    expect(screen.getByTestId("cold-signed").textContent).toContain("Signed");
  });

  test("rejecting the review signs nothing", async () => {
    session.wallet = keyedWallet;
    const calls = recordIPC((cmd) => (cmd === "cold_review" ? review : null));
    render(ColdSign, { params: { images: [[9, 9]] } });
    await settle();
    expect(screen.getByTestId("qr-files-count").dataset.count).toBe("1"); // preloaded from Scan
    await fireEvent.click(screen.getByTestId("cold-review"));
    await settle();
    await fireEvent.click(screen.getByTestId("cold-reject"));
    await settle();
    expect(calls.map(([c]) => c)).toEqual(["cold_review"]);
    expect(argsOf(calls, "cold_review")).toEqual([{ images: [[9, 9]] }]);
    expect(screen.queryByTestId("cold-fingerprint")).toBeNull();
  });

  test("a device that is not paired yet is offered pairing", async () => {
    session.wallet = keyedWallet;
    recordIPC((cmd) => {
      if (cmd === "cold_review") throw { code: "cold-not-paired", args: { wallet: "vault" } };
      return null;
    });
    render(ColdSign, { params: { images: [[1]] } });
    await settle();
    await fireEvent.click(screen.getByTestId("cold-review"));
    await settle();
    const warning = screen.getByTestId("not-paired");
    expect(warning.dataset.code).toBe("cold-not-paired");
    expect(warning.textContent).toContain("vault");
    // The wallet's own message (which names a CLI command) is not shown here.
    expect(screen.queryByTestId("error")).toBeNull();
    await fireEvent.click(screen.getByTestId("to-cold-pair"));
    expect(route.id).toBe("cold-pair");
  });

  test("a refusal of the device is shown translated and nothing can be confirmed", async () => {
    session.wallet = keyedWallet;
    recordIPC((cmd) => {
      if (cmd === "cold_review") throw { code: "cold-wrong-chain", args: { paired: "jifen-devnet", got: "jifen-main" } };
      return null;
    });
    setLocale("zh-CN");
    render(ColdSign, { params: { images: [[1]] } });
    await settle();
    await fireEvent.click(screen.getByTestId("cold-review"));
    await settle();
    expect(screen.getByTestId("error").textContent).toContain("已拒绝");
    expect(screen.queryByTestId("cold-confirm")).toBeNull();
  });
});

describe("pairing a cold device", () => {
  test("missing fragments keep the pictures and say how many are missing; more pictures then import", async () => {
    let attempts = 0;
    const calls = recordIPC((cmd) => {
      if (cmd === "pair_import") {
        attempts += 1;
        if (attempts === 1) throw { code: "cold-qr-incomplete", args: { resolved: 3, total: 5 } };
        return watchWallet;
      }
      if (cmd === "app_info") return appInfo({ unlocked: watchWallet });
      return null;
    });
    render(PairDevice, { params: {} });
    await settle();
    await fireEvent.input(screen.getByTestId("pair-name"), { target: { value: "shop-watch" } });
    await choose([png(1), png(2)]);
    await fireEvent.click(screen.getByTestId("pair-import"));
    await settle();

    const error = screen.getByTestId("error");
    expect(error.dataset.code).toBe("cold-qr-incomplete");
    expect(error.textContent).toContain("3 of 5");
    expect(screen.getByTestId("pair-missing").textContent).toContain("2 fragments");
    expect(screen.getByTestId("pair-missing").textContent).toContain("Add more pictures");
    expect(screen.getByTestId("qr-files-count").dataset.count).toBe("2"); // kept
    expect(session.wallet).toBeNull();

    await choose([png(3)]);
    expect(screen.getByTestId("qr-files-count").dataset.count).toBe("3");
    await fireEvent.click(screen.getByTestId("pair-import"));
    await settle();
    expect(argsOf(calls, "pair_import")).toEqual([
      { name: "shop-watch", images: [[1], [2]] },
      { name: "shop-watch", images: [[1], [2], [3]] },
    ]);
    expect(session.wallet).toMatchObject({ name: "shop-watch", watch_only: true });
    expect(session.info?.unlocked?.name).toBe("shop-watch");
    expect(route.id).toBe("home");
  });

  test("clear empties the chosen pictures", async () => {
    recordIPC(() => null);
    render(PairDevice, { params: { images: [[7], [8]] } });
    await settle();
    expect(screen.getByTestId("qr-files-count").dataset.count).toBe("2");
    await fireEvent.click(screen.getByTestId("qr-files-clear"));
    await settle();
    expect(screen.getByTestId("qr-files-count").dataset.count).toBe("0");
    expect((screen.getByTestId("pair-import") as HTMLButtonElement).disabled).toBe(true);
  });
});

describe("watch-only send", () => {
  test("review, make a sign request with its fingerprint and code, then accept the signature with proven inclusion", async () => {
    session.wallet = watchWallet;
    const calls = recordIPC((cmd, p) => {
      if (cmd === "review_send") return sendReview();
      if (cmd === "make_sign_request")
        return { request_id: "5f1c0a77", fingerprint: "K7QD-M2XW-9TRB", review: sendReview({ proven: null }), qr: qrCode("jifen-sign-request", 2) };
      if (cmd === "accept_signature") {
        (p.onProgress as SentChannel<SendProgress>).onmessage({ stage: "waiting", tx_id: "aa".repeat(32), height: null });
        return receipt("94.999");
      }
      return undefined;
    });
    render(Send, { params: { to: "jfd1dest" } });
    await settle();
    expect(screen.getByTestId("send-watch-only")).toBeTruthy();
    await fireEvent.input(screen.getByTestId("send-amount"), { target: { value: "5" } });
    await fireEvent.click(screen.getByTestId("send-review"));
    await settle();
    expect(screen.queryByTestId("send-confirm")).toBeNull();
    await fireEvent.click(screen.getByTestId("make-request"));
    await settle();
    // The sign request repeats exactly the reviewed request.
    expect(argsOf(calls, "make_sign_request")).toEqual(argsOf(calls, "review_send"));
    expect(argsOf(calls, "make_sign_request")).toEqual([{ to: "jfd1dest", amount: "5", fee: null, from_index: 0 }]);
    expect(screen.getByTestId("request-fingerprint").textContent).toBe("K7QD-M2XW-9TRB");
    expect(screen.getByTestId("animated-qr")).toBeTruthy();
    expect((screen.getByTestId("accept-signature") as HTMLButtonElement).disabled).toBe(true);
    await choose([png(5, 6)]);
    await fireEvent.click(screen.getByTestId("accept-signature"));
    await settle();
    expect(argsOf(calls, "accept_signature")).toEqual([{ images: [[5, 6]] }]);
    expect(calls.some(([c]) => c === "send")).toBe(false);
    expect(screen.getByTestId("send-result").textContent).toContain("block 44");
    expect(screen.getByTestId("send-new-balance").textContent).toContain("94.999 POINT");
  });

  test("a signature for another request is refused, translated, and the pictures can be replaced", async () => {
    session.wallet = watchWallet;
    recordIPC((cmd) => {
      if (cmd === "pending_requests") return [pending({ request_id: "5f1c0a77" })];
      if (cmd === "accept_signature") throw { code: "cold-unknown-request", args: { id: "deadbeef" } };
      return null;
    });
    const { default: Accept } = await import("./Accept.svelte");
    render(Accept, { params: { images: [[1, 2]] } });
    await settle();
    expect(screen.getAllByTestId("pending-row")).toHaveLength(1);
    expect(screen.getByTestId("pending-list").textContent).toContain("K7QD-M2XW-9TRB");
    await fireEvent.click(screen.getByTestId("accept-signature"));
    await settle();
    expect(screen.getByTestId("error").dataset.code).toBe("cold-unknown-request");
    expect(screen.getByTestId("error").textContent).toContain("deadbeef");
    expect(screen.getByTestId("qr-files-count").dataset.count).toBe("1");
  });

  test("a pending request is discarded only after the person confirms, then the list refreshes", async () => {
    session.wallet = watchWallet;
    let rows = [
      pending({ request_id: "5f1c0a77-0000-4000-8000-000000000001", fingerprint: "K7QD-M2XW-9TRB-AAAA", nonce: 1, superseded: true }),
      pending({ request_id: "5f1c0a77-0000-4000-8000-000000000002", fingerprint: "Z9PL-4HCV-Q2ND-BBBB", created_at: 1700000100, nonce: 1, superseded: false }),
    ];
    const calls = recordIPC((cmd, p) => {
      if (cmd === "pending_requests") return rows;
      if (cmd === "discard_request") {
        const id = (p.args as { request_id: string }).request_id;
        const gone = rows.find((r) => r.request_id === id)!;
        rows = rows.filter((r) => r.request_id !== id);
        return { request_id: id, fingerprint: gone.fingerprint };
      }
      return null;
    });
    const { default: Accept } = await import("./Accept.svelte");
    render(Accept, { params: {} });
    await settle();
    expect(screen.getAllByTestId("pending-row")).toHaveLength(2);
    expect(screen.getAllByTestId("pending-superseded")).toHaveLength(1);

    // The first click only asks, showing that row's fingerprint; "keep" discards nothing.
    await fireEvent.click(screen.getAllByTestId("discard-request")[1]);
    await settle();
    expect(screen.getByTestId("discard-confirm").textContent).toContain("Z9PL-4HCV-Q2ND-BBBB");
    expect(calls.some(([c]) => c === "discard_request")).toBe(false);
    await fireEvent.click(screen.getByTestId("discard-cancel"));
    await settle();
    expect(screen.queryByTestId("discard-confirm")).toBeNull();
    expect(calls.some(([c]) => c === "discard_request")).toBe(false);

    await fireEvent.click(screen.getAllByTestId("discard-request")[0]);
    await settle();
    expect(screen.getByTestId("discard-confirm").textContent).toContain("K7QD-M2XW-9TRB-AAAA");
    expect(calls.some(([c]) => c === "discard_request")).toBe(false);
    await fireEvent.click(screen.getByTestId("discard-confirm-yes"));
    await settle();
    expect(argsOf(calls, "discard_request")).toEqual([{ request_id: "5f1c0a77-0000-4000-8000-000000000001" }]);
    expect(screen.getByTestId("discard-done").textContent).toContain("K7QD-M2XW-9TRB-AAAA");
    expect(screen.queryByTestId("discard-confirm")).toBeNull();
    // Refreshed: only the other request is left.
    expect(screen.getAllByTestId("pending-row")).toHaveLength(1);
    expect(screen.getByTestId("pending-list").textContent).toContain("Z9PL-4HCV-Q2ND-BBBB");
    expect(screen.getByTestId("pending-list").textContent).not.toContain("K7QD-M2XW-9TRB-AAAA");
  });

  test("discarding a request that is no longer pending shows the translated refusal", async () => {
    session.wallet = watchWallet;
    recordIPC((cmd) => {
      if (cmd === "pending_requests") return [pending({ request_id: "5f1c0a77" })];
      if (cmd === "discard_request") throw { code: "cold-unknown-request", args: { id: "5f1c0a77" } };
      return null;
    });
    const { default: Accept } = await import("./Accept.svelte");
    render(Accept, { params: {} });
    await settle();
    expect(screen.queryByTestId("pending-superseded")).toBeNull();
    await fireEvent.click(screen.getByTestId("discard-request"));
    await settle();
    await fireEvent.click(screen.getByTestId("discard-confirm-yes"));
    await settle();
    expect(screen.getByTestId("error").dataset.code).toBe("cold-unknown-request");
    expect(screen.getByTestId("error").textContent).toContain("5f1c0a77");
    expect(screen.queryByTestId("discard-done")).toBeNull();
  });

  test("a damaged pending request is listed with its error and can still be discarded", async () => {
    session.wallet = watchWallet;
    let rows: PendingView[] = [
      pending({ request_id: "5f1c0a77", fingerprint: "K7QD-M2XW-9TRB" }),
      {
        request_id: "9e2d0b11",
        fingerprint: null,
        state: null,
        created_at: 1700000200,
        nonce: null,
        superseded: null,
        error: { code: "cold-qr-incomplete", args: { resolved: 1, total: 2 } },
      },
    ];
    const calls = recordIPC((cmd, p) => {
      if (cmd === "pending_requests") return rows;
      if (cmd === "discard_request") {
        const id = (p.args as { request_id: string }).request_id;
        rows = rows.filter((r) => r.request_id !== id);
        return { request_id: id, fingerprint: null };
      }
      return null;
    });
    const { default: Accept } = await import("./Accept.svelte");
    render(Accept, { params: {} });
    await settle();
    const listed = screen.getAllByTestId("pending-row");
    expect(listed).toHaveLength(2);
    expect(listed[1].dataset.damaged).toBe("true");
    const damage = screen.getByTestId("pending-error");
    expect(damage.dataset.code).toBe("cold-qr-incomplete");
    // The reason, translated with its arguments, and that it can be discarded.
    expect(damage.textContent).toContain("1 of 2");
    expect(damage.textContent).toMatch(/discard/i);
    await fireEvent.click(screen.getAllByTestId("discard-request")[1]);
    await settle();
    expect(screen.getByTestId("discard-confirm").textContent).toContain("9e2d0b11");
    await fireEvent.click(screen.getByTestId("discard-confirm-yes"));
    await settle();
    expect(argsOf(calls, "discard_request")).toEqual([{ request_id: "9e2d0b11" }]);
    expect(screen.getByTestId("discard-done").textContent).toContain("9e2d0b11");
    expect(screen.getAllByTestId("pending-row")).toHaveLength(1);
    expect(screen.queryByTestId("pending-error")).toBeNull();
  });
});
