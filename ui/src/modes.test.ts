import { describe, expect, test, afterEach, beforeEach } from "vitest";
import { render, screen, fireEvent, cleanup } from "@testing-library/svelte";
import { mockIPC, clearMocks } from "@tauri-apps/api/mocks";
import { tick } from "svelte";
import App from "./App.svelte";
import { setLocale } from "./lib/i18n.svelte";
import { go } from "./lib/router.svelte";
import { session } from "./lib/session.svelte";
import { resetChain } from "./lib/chainstore.svelte";

const keyed = {
  name: "vault", network: "devnet", address: "jfd1vault", backup_verified: true, has_keyring_slot: false,
  kdf: { memory_mib: 64, passes: 3, lanes: 1, millis: null }, watch_only: false, paired_chain: null,
};
const watch = {
  name: "shop-watch", network: "devnet", address: "jfd1vault", backup_verified: true, has_keyring_slot: false,
  kdf: null, watch_only: true, paired_chain: "jifen-devnet",
};
const rows = [
  { name: "vault", network: "devnet", address: "jfd1vault", backup_verified: true, watch_only: false, error: null },
  { name: "shop-watch", network: "devnet", address: "jfd1vault", backup_verified: true, watch_only: true, error: null },
];

function info(mode: "wallet" | "cold-signer", unlocked: unknown = null, wallets: unknown[] = rows) {
  return { version: "0.1.0", network: "devnet", chain_id: "jifen-devnet", mode, data_dir: "/tmp/x", language: "en",
    last_wallet: null, wallets, unlocked };
}

async function settle() {
  for (let i = 0; i < 8; i++) {
    await tick();
    await new Promise((r) => setTimeout(r, 0));
  }
}

function navIds(): string[] {
  return screen.queryAllByTestId(/^nav-/).map((b) => b.dataset.testid ?? "");
}

beforeEach(() => {
  session.info = null;
  session.wallet = null;
  resetChain();
  go("loading");
  setLocale("en");
});
afterEach(() => {
  cleanup();
  clearMocks();
});

describe("modes", () => {
  test("cold-signer mode: only offline screens in the nav, a permanent banner, and no network call", async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      if (cmd === "app_info") return info("cold-signer", keyed);
      if (cmd === "receive_qr") return { index: 0, address: "jfd1vault", svg: "<svg></svg>" };
      if (cmd === "cold_pair_export") return null;
      return null;
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
    const network = ["chain_status", "sync", "balance", "review_send", "send", "devnet_faucet", "set_endpoints",
      "export_audit_bundle", "make_sign_request", "accept_signature"];
    expect(calls.filter((c) => network.includes(c))).toEqual([]);
  });

  test("wallet mode shows send, scan and audit; leaving cold-signer mode in Settings brings them back", async () => {
    let mode: "wallet" | "cold-signer" = "cold-signer";
    const modes: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "app_info") return info(mode, keyed);
      if (cmd === "set_mode") {
        modes.push(args);
        mode = (args as { mode: "wallet" }).mode;
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
    expect(modes).toEqual([{ mode: "wallet" }]);
    expect(screen.queryByTestId("offline-banner")).toBeNull();
    expect(navIds()).toEqual(["nav-home", "nav-send", "nav-receive", "nav-scan", "nav-audit", "nav-settings"]);
    expect(screen.getByTestId("screen-home")).toBeTruthy();
  });

  test("welcome offers pairing and the cold signer; the cold signer switches mode, then creates", async () => {
    const calls: Array<[string, unknown]> = [];
    let mode: "wallet" | "cold-signer" = "wallet";
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      if (cmd === "app_info") return info(mode, null, []);
      if (cmd === "set_mode") {
        mode = (args as { mode: "cold-signer" }).mode;
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
    expect(calls.filter(([c]) => c === "set_mode")).toEqual([["set_mode", { mode: "cold-signer" }]]);
    expect(screen.getByTestId("screen-create")).toBeTruthy();
    expect(screen.getByTestId("offline-banner")).toBeTruthy();
    // The welcome of a cold signer offers no pairing and a way back.
    go("welcome");
    await settle();
    expect(screen.queryByTestId("start-pair")).toBeNull();
    expect(screen.getByTestId("leave-cold")).toBeTruthy();
  });

  test("a watch-only wallet opens without a password and shows its badge", async () => {
    const calls: Array<[string, unknown]> = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
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
    expect(calls.find(([c]) => c === "open_watch_only")?.[1]).toEqual({ name: "shop-watch" });
    expect(calls.some(([c]) => c === "unlock")).toBe(false);
    expect(screen.getByTestId("watch-only-badge").textContent).toBe("watch-only · paired with a cold device (chain jifen-devnet)");
    expect(navIds()).toEqual(["nav-home", "nav-send", "nav-receive", "nav-scan", "nav-audit", "nav-settings"]);
    await fireEvent.click(screen.getByTestId("nav-settings"));
    await settle();
    // No words, password or KDF for a wallet without keys.
    expect(screen.queryByTestId("kdf")).toBeNull();
    expect(screen.getByTestId("lock")).toBeTruthy();
  });

  test("scan routes a signature to accept, an account to pairing, with the picture", async () => {
    mockIPC((cmd) => {
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
    expect(screen.getByTestId("scan-result").dataset.kind).toBe("signature");
    await fireEvent.click(screen.getByTestId("scan-accept"));
    await settle();
    expect(screen.getByTestId("screen-accept")).toBeTruthy();
    expect(screen.getByTestId("qr-files-count").dataset.count).toBe("1");
    expect(screen.getByTestId("pending-none")).toBeTruthy();
  });

  test("in cold-signer mode scan takes a sign request to cold-sign with the picture, and offers no send", async () => {
    mockIPC((cmd) => {
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
