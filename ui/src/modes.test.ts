import { describe, expect, test, afterEach, beforeEach } from "vitest";
import { render, screen, fireEvent, cleanup } from "@testing-library/svelte";
import { clearMocks } from "@tauri-apps/api/mocks";
import App from "./App.svelte";
import { setLocale } from "./lib/i18n.svelte";
import { go } from "./lib/router.svelte";
import { session } from "./lib/session.svelte";
import { resetChain, stopWatching } from "./lib/chainstore.svelte";
import type { AppMode, WalletRow, WalletView } from "./lib/ipc";
import { appInfo, argsOf, keyedWallet as keyed, recordIPC, row, settle, watchWallet as watch } from "./lib/testing";

const rows = [row(keyed), row(watch)];

function info(mode: AppMode, unlocked: WalletView | null = null, wallets: WalletRow[] = rows) {
  return appInfo({ language: "en", wallets, unlocked }, mode);
}

function navIds(): string[] {
  return screen.queryAllByTestId(/^nav-/).map((b) => b.dataset.testid ?? "");
}

beforeEach(() => {
  session.info = null;
  session.wallet = null;
  resetChain();
  stopWatching();
  go("loading");
  setLocale("en");
});
afterEach(() => {
  cleanup();
  clearMocks();
});

describe("modes", () => {
  test("cold-signer mode: only offline screens in the nav, a permanent banner, and no network call", async () => {
    const recorded = recordIPC((cmd) => {
      if (cmd === "app_info") return info("cold-signer", keyed);
      if (cmd === "receive") return { chain: "receive", index: 0, path: "m/44'/19014'/0'/0/0", address: "jfd1vault" };
      return undefined;
    });
    render(App);
    await settle();
    expect(navIds()).toEqual(["nav-cold-home", "nav-cold-pair", "nav-cold-sign", "nav-receive", "nav-settings"]);
    expect(screen.getByTestId("offline-banner").textContent).toContain("no network connection");
    expect(screen.getByTestId("screen-cold-home")).toBeTruthy();
    expect(screen.getByTestId("home-address").textContent).toBe("jfd1vault");

    // Network screens cannot be reached, even by route.
    for (const id of ["send", "audit", "home", "accept", "pair"]) {
      go(id, { to: "jfd1x" });
      await settle();
      expect(screen.getByTestId("screen-cold-home")).toBeTruthy();
    }
    await fireEvent.click(screen.getByTestId("nav-cold-pair"));
    await settle();
    expect((screen.getByTestId("cold-chain-id") as HTMLInputElement).value).toBe("jifen-devnet");
    await fireEvent.click(screen.getByTestId("nav-settings"));
    await settle();
    expect(screen.queryByTestId("endpoints")).toBeNull();
    expect(screen.getByTestId("mode-wallet")).toBeTruthy();
    // Receive and sign a message work offline too.
    await fireEvent.click(screen.getByTestId("nav-receive"));
    await settle();
    expect(screen.getByTestId("receive-address").textContent).toBe("jfd1vault");
    await fireEvent.click(screen.getByTestId("to-message"));
    await settle();
    expect(screen.getByTestId("message-sign")).toBeTruthy();
    const network = ["chain_status", "watch_chain", "sync", "balance", "review_send", "send", "faucet", "endpoints",
      "set_endpoints", "export_audit_bundle", "verify_audit_bundle", "verify_evidence", "make_sign_request",
      "accept_signature", "pending_requests"];
    expect(recorded.map(([c]) => c).filter((c) => network.includes(c))).toEqual([]);
  });

  test("wallet mode shows send, scan and audit; leaving cold-signer mode in Settings brings them back", async () => {
    let mode: "wallet" | "cold-signer" = "cold-signer";
    const calls = recordIPC((cmd, p) => {
      if (cmd === "app_info") return info(mode, keyed);
      if (cmd === "set_mode") {
        mode = (p.args as { mode: AppMode }).mode;
        return info(mode, keyed);
      }
      return null;
    });
    render(App);
    await settle();
    await fireEvent.click(screen.getByTestId("nav-settings"));
    await settle();
    await fireEvent.click(screen.getByTestId("mode-wallet"));
    await settle();
    expect(argsOf(calls, "set_mode")).toEqual([{ mode: "wallet" }]);
    expect(screen.queryByTestId("offline-banner")).toBeNull();
    expect(navIds()).toEqual(["nav-home", "nav-points", "nav-swap", "nav-pay", "nav-send", "nav-receive", "nav-trace", "nav-history", "nav-request-payment",
      "nav-scan", "nav-subchains", "nav-audit", "nav-settings"]);
    expect(screen.getByTestId("screen-home")).toBeTruthy();
    // On a phone the bar keeps home, points, swap and pay; the rest opens from "More".
    expect(screen.queryByTestId("more-sheet")).toBeNull();
    expect(screen.getByTestId("nav-send").classList.contains("in-more")).toBe(true);
    expect(screen.getByTestId("nav-points").classList.contains("in-more")).toBe(false);
    await fireEvent.click(screen.getByTestId("more-toggle"));
    await settle();
    const more = screen.queryAllByTestId(/^more-(?!toggle|sheet)/).map((b) => b.dataset.testid);
    expect(more).toEqual(["more-send", "more-receive", "more-trace", "more-history", "more-request-payment", "more-scan", "more-subchains", "more-audit", "more-settings"]);
    await fireEvent.click(screen.getByTestId("more-request-payment"));
    await settle();
    expect(screen.getByTestId("screen-request-payment")).toBeTruthy();
    expect(screen.queryByTestId("more-sheet")).toBeNull();
    expect(screen.getByTestId("more-toggle").classList.contains("active")).toBe(true);
  });

  test("welcome offers pairing and the cold signer; the cold signer switches mode, then creates", async () => {
    let mode: AppMode = "wallet";
    const calls = recordIPC((cmd, p) => {
      if (cmd === "app_info") return info(mode, null, []);
      if (cmd === "set_mode") {
        mode = (p.args as { mode: AppMode }).mode;
        return info(mode, null, []);
      }
      return null;
    });
    render(App);
    await settle();
    await fireEvent.click(screen.getByTestId("start-pair"));
    await settle();
    expect(screen.getByTestId("screen-pair")).toBeTruthy();
    go("welcome");
    await settle();
    await fireEvent.click(screen.getByTestId("start-cold"));
    await settle();
    expect(screen.getByTestId("screen-cold-start").textContent).toContain("no network connection");
    await fireEvent.click(screen.getByTestId("cold-start-create"));
    await settle();
    expect(argsOf(calls, "set_mode")).toEqual([{ mode: "cold-signer" }]);
    expect(screen.getByTestId("screen-create")).toBeTruthy();
    expect(screen.getByTestId("offline-banner")).toBeTruthy();
    // The welcome of a cold signer offers no pairing and a way back.
    go("welcome");
    await settle();
    expect(screen.queryByTestId("start-pair")).toBeNull();
    expect(screen.getByTestId("leave-cold")).toBeTruthy();
  });

  test("a watch-only wallet opens without a password and shows its badge", async () => {
    const calls = recordIPC((cmd) => {
      if (cmd === "app_info") return info("wallet");
      if (cmd === "open_watch_only") return watch;
      return null;
    });
    render(App);
    await settle();
    const row = screen.getByTestId("watch-only-row");
    expect(row.dataset.wallet).toBe("shop-watch");
    expect(row.textContent).toContain("watch-only");
    // The password form lists only wallets with keys.
    const options = Array.from((screen.getByTestId("wallet") as HTMLSelectElement).options).map((o) => o.value);
    expect(options).toEqual(["vault"]);
    await fireEvent.click(screen.getByTestId("open-watch-only"));
    await settle();
    expect(argsOf(calls, "open_watch_only")).toEqual([{ name: "shop-watch" }]);
    expect(calls.some(([c]) => c === "unlock")).toBe(false);
    expect(screen.getByTestId("watch-only-badge").textContent).toBe("watch-only · paired with a cold device (chain jifen-devnet)");
    // No swap or pay: a watch-only wallet's keys are on its cold device.
    expect(navIds()).toEqual(["nav-home", "nav-points", "nav-send", "nav-receive", "nav-trace", "nav-history", "nav-request-payment", "nav-scan", "nav-subchains", "nav-audit",
      "nav-settings"]);
    await fireEvent.click(screen.getByTestId("nav-settings"));
    await settle();
    // No words, password or KDF for a wallet without keys.
    expect(screen.queryByTestId("kdf")).toBeNull();
    expect(screen.getByTestId("lock")).toBeTruthy();
  });

  test("scan routes a signature to accept, an account to pairing, with the picture", async () => {
    const calls = recordIPC((cmd) => {
      if (cmd === "app_info") return info("wallet", watch);
      if (cmd === "scan_image") return [{ kind: "signature", address: null, text: "ur:jifen-signature/x" }];
      if (cmd === "pending_requests") return [];
      return null;
    });
    render(App);
    await settle();
    await fireEvent.click(screen.getByTestId("nav-scan"));
    await settle();
    const input = screen.getByTestId("scan-file") as HTMLInputElement;
    Object.defineProperty(input, "files", { value: [new File([new Uint8Array([4, 2])], "sig.png")], configurable: true });
    await fireEvent.change(input);
    await settle();
    expect(argsOf(calls, "scan_image")).toEqual([{ bytes: [4, 2] }]);
    expect(screen.getByTestId("scan-result").dataset.kind).toBe("signature");
    await fireEvent.click(screen.getByTestId("scan-accept"));
    await settle();
    expect(screen.getByTestId("screen-accept")).toBeTruthy();
    expect(screen.getByTestId("qr-files-count").dataset.count).toBe("1");
    expect(screen.getByTestId("pending-none")).toBeTruthy();
  });

  test("in cold-signer mode scan takes a sign request to cold-sign with the picture, and offers no send", async () => {
    recordIPC((cmd) => {
      if (cmd === "app_info") return info("cold-signer", keyed);
      if (cmd === "scan_image")
        return [
          { kind: "sign-request", address: null, text: "ur:jifen-sign-request/x" },
          { kind: "address", address: "jfd1other", text: "jfd1other" },
        ];
      return null;
    });
    render(App);
    await settle();
    await fireEvent.click(screen.getByTestId("cold-scan"));
    await settle();
    const input = screen.getByTestId("scan-file") as HTMLInputElement;
    Object.defineProperty(input, "files", { value: [new File([new Uint8Array([7, 7, 7])], "req.png")], configurable: true });
    await fireEvent.change(input);
    await settle();
    expect(screen.queryByTestId("scan-send-to")).toBeNull();
    await fireEvent.click(screen.getByTestId("scan-cold-sign"));
    await settle();
    expect(screen.getByTestId("screen-cold-sign")).toBeTruthy();
    expect(screen.getByTestId("qr-files-count").dataset.count).toBe("1");
  });
});
