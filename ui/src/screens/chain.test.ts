import { describe, expect, test, afterEach, beforeEach } from "vitest";
import { render, screen, fireEvent, cleanup } from "@testing-library/svelte";
import { mockIPC, clearMocks } from "@tauri-apps/api/mocks";
import { tick } from "svelte";
import Home from "./Home.svelte";
import Send from "./Send.svelte";
import { setLocale } from "../lib/i18n.svelte";
import { session } from "../lib/session.svelte";
import { resetChain } from "../lib/chainstore.svelte";

const view = {
  network: "devnet",
  chain_id: "jifen-devnet",
  endpoints: ["http://127.0.0.1:26657"],
  trusted: { height: 42, hash: "ab".repeat(32), time_ms: 0 },
  peers: [{ id: "http://127.0.0.1:26657", role: "primary", state: "active", height: null, code: null }],
  cross_check: null,
  evidence: [],
  devnet: true,
};
const balance = { address: "jfd1x", points: "100.000000", units: "100000000", nonce: 0, height: 42, header_hash: "cd".repeat(32) };

async function settle() {
  for (let i = 0; i < 8; i++) {
    await tick();
    await new Promise((r) => setTimeout(r, 0));
  }
}

beforeEach(() => {
  resetChain();
  setLocale("en");
  session.wallet = {
    name: "shop", network: "devnet", address: "jfd1x", backup_verified: true, has_keyring_slot: false,
    kdf: { memory_mib: 64, passes: 3, lanes: 1, millis: null }, watch_only: false, paired_chain: null,
  };
});
afterEach(() => {
  cleanup();
  clearMocks();
});

describe("chain screens with mocked IPC", () => {
  test("home syncs with streamed progress, then shows the proven balance and its height", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    mockIPC(async (cmd, args) => {
      if (cmd === "chain_status") return view;
      if (cmd === "balance") return balance;
      if (cmd === "sync") {
        const channel = (args as { onProgress: { onmessage: (e: unknown) => void } }).onProgress;
        channel.onmessage({ phase: "syncing", current: 21, target: 42, fetched: 3, peers: 1, eta_ms: 2000 });
        await gate;
        return { from_height: 0, height: 42, headers_fetched: 5, elapsed_ms: 10 };
      }
      return null;
    });
    render(Home);
    await settle();
    const bar = screen.getByTestId("sync-progress") as HTMLProgressElement;
    expect(bar.value).toBe(50);
    expect(screen.getByTestId("sync-status").textContent).toContain("block 21 of 42");
    release();
    await settle();
    expect(screen.getByTestId("balance-points").textContent).toBe("100.000000");
    expect(screen.getByTestId("balance-height").textContent).toBe("Proven at block 42");
    expect(screen.getByTestId("faucet")).toBeTruthy();
  });

  test("send reviews first and reports a translated refusal", async () => {
    mockIPC((cmd) => {
      if (cmd === "review_send")
        throw { code: "chain-insufficient-balance", args: { balance: "1.000000", needed: "5.001000", height: 9 } };
      return null;
    });
    render(Send, { params: { to: "jfd1dest" } });
    await settle();
    expect((screen.getByTestId("send-to") as HTMLInputElement).value).toBe("jfd1dest");
    await fireEvent.input(screen.getByTestId("send-amount"), { target: { value: "5" } });
    await fireEvent.click(screen.getByTestId("send-review"));
    await settle();
    expect(screen.getByTestId("error").dataset.code).toBe("chain-insufficient-balance");
    expect(screen.queryByTestId("send-confirm")).toBeNull();
  });
});
