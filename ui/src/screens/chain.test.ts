import { describe, expect, test, afterEach, beforeEach } from "vitest";
import { render, screen, fireEvent, cleanup } from "@testing-library/svelte";
import { clearMocks } from "@tauri-apps/api/mocks";
import Home from "./Home.svelte";
import Send from "./Send.svelte";
import SyncAudit from "./SyncAudit.svelte";
import Settings from "./Settings.svelte";
import { setLocale } from "../lib/i18n.svelte";
import { session } from "../lib/session.svelte";
import { chainState, resetChain, stopWatching } from "../lib/chainstore.svelte";
import type { ChainStatusView, EndpointsView, SendProgress, SyncJobEvent } from "../lib/ipc";
import {
  appInfo,
  argsOf,
  balanceView,
  chainStatus,
  keyedWallet,
  receipt,
  recordIPC,
  sendReview,
  settle,
  type SentChannel,
} from "../lib/testing";

beforeEach(() => {
  resetChain();
  stopWatching();
  setLocale("en");
  session.wallet = keyedWallet;
});
afterEach(() => {
  cleanup();
  clearMocks();
});

describe("home: sync and balance", () => {
  test("syncs with the progress the chain worker publishes, then shows the proven balance and its height", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    let watcher: SentChannel<ChainStatusView> | null = null;
    let syncEvents: SentChannel<SyncJobEvent> | null = null;
    const calls = recordIPC(async (cmd, p) => {
      if (cmd === "watch_chain") {
        watcher = p.onProgress as SentChannel<ChainStatusView>;
        return null;
      }
      if (cmd === "chain_status") return chainStatus({ trusted: null });
      if (cmd === "balance") return balanceView("100");
      if (cmd === "sync") {
        syncEvents = p.onProgress as SentChannel<SyncJobEvent>;
        watcher?.onmessage(
          chainStatus({
            trusted: null,
            syncing: { phase: "syncing", current: 21, target: 42, fetched: 3, peers: 1, eta_ms: 2000 },
            jobs: [{ id: 1, kind: "sync", state: "running", cancelled: false }],
          }),
        );
        syncEvents.onmessage({ kind: "sync", event: { kind: "peer-demoted", peer: "http://127.0.0.1:9", code: "lc-client-cancelled" } });
        await gate;
        return {
          sync: { from_height: 0, height: 42, hash: "ab".repeat(32), headers_fetched: 5, primary: "p", witnesses_agreed: 0, elapsed_ms: 10 },
          subchains: [],
          subchain_error: null,
        };
      }
      return null;
    });
    render(Home);
    await settle();
    expect(argsOf(calls, "watch_chain")).toHaveLength(1);
    const bar = screen.getByTestId("sync-progress") as HTMLProgressElement;
    expect(bar.value).toBe(50);
    expect(screen.getByTestId("sync-status").textContent).toContain("block 21 of 42");
    expect(screen.getByTestId("sync-note").dataset.kind).toBe("peer-demoted");
    expect(screen.getByTestId("sync-note").textContent).toContain("http://127.0.0.1:9");
    watcher!.onmessage(chainStatus());
    release();
    await settle();
    expect(screen.getByTestId("balance-points").textContent).toBe("100");
    expect(screen.getByTestId("balance").textContent).toContain("POINT");
    expect(screen.getByTestId("balance-height").textContent).toBe("Proven at block 42");
    expect(screen.getByTestId("faucet")).toBeTruthy();
    expect(screen.queryByTestId("sync-progress")).toBeNull();
  });

  test("cancel reaches only the sync: {job: \"sync\"}", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const calls = recordIPC(async (cmd) => {
      if (cmd === "chain_status") return chainStatus({ trusted: null });
      if (cmd === "sync") {
        await gate;
        throw { code: "lc-client-cancelled", args: {} };
      }
      if (cmd === "cancel") release();
      return null;
    });
    render(Home);
    await settle();
    await fireEvent.click(screen.getByTestId("sync-cancel"));
    await settle();
    expect(argsOf(calls, "cancel")).toEqual([{ job: "sync" }]);
    expect(screen.getByTestId("error").dataset.code).toBe("lc-client-cancelled");
    expect(screen.getByTestId("sync-now")).toBeTruthy();
  });

  test("the devnet faucet streams its stages and shows the proven balance afterwards", async () => {
    chainState.syncedOnce = true;
    chainState.balance = balanceView("0");
    let stages: SentChannel<SendProgress> | null = null;
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    recordIPC(async (cmd, p) => {
      if (cmd === "chain_status") return chainStatus();
      if (cmd === "faucet") {
        stages = p.onProgress as SentChannel<SendProgress>;
        stages.onmessage({ stage: "waiting", tx_id: "bb".repeat(32), height: null });
        await gate;
        return receipt("100");
      }
      return null;
    });
    render(Home);
    await settle();
    await fireEvent.click(screen.getByTestId("faucet"));
    await settle();
    expect(screen.getByTestId("busy").textContent).toContain("Waiting for a block");
    expect(screen.getByTestId("send-tx-id").textContent).toContain("bb".repeat(32));
    release();
    await settle();
    expect(screen.getByTestId("balance-points").textContent).toBe("100");
    expect(screen.getByTestId("balance-height").textContent).toBe("Proven at block 44");
  });
});

describe("send", () => {
  async function fillAndReview(amount = "5") {
    await fireEvent.input(screen.getByTestId("send-amount"), { target: { value: amount } });
    await fireEvent.click(screen.getByTestId("send-review"));
    await settle();
  }

  test("reviews first and reports a translated refusal", async () => {
    recordIPC((cmd) => {
      if (cmd === "review_send")
        throw { code: "chain-insufficient-balance", args: { balance: "1", needed: "5.001", height: 9 } };
      return null;
    });
    render(Send, { params: { to: "jfd1dest" } });
    await settle();
    expect((screen.getByTestId("send-to") as HTMLInputElement).value).toBe("jfd1dest");
    await fillAndReview();
    expect(screen.getByTestId("error").dataset.code).toBe("chain-insufficient-balance");
    expect(screen.getByTestId("error").textContent).toContain("5.001");
    expect(screen.queryByTestId("send-confirm")).toBeNull();
  });

  test("confirm signs only the reviewed transfer: send gets the review's review_id and nothing else", async () => {
    let stages: SentChannel<SendProgress> | null = null;
    const calls = recordIPC((cmd, p) => {
      if (cmd === "review_send") return sendReview({ review_id: "rv-7f3a" });
      if (cmd === "send") {
        stages = p.onProgress as SentChannel<SendProgress>;
        stages.onmessage({ stage: "submitted", tx_id: "aa".repeat(32), height: null });
        return receipt("94.999");
      }
      return null;
    });
    render(Send, { params: { to: "jfd1dest" } });
    await settle();
    await fireEvent.input(screen.getByTestId("send-fee"), { target: { value: " " } });
    await fillAndReview();
    // An empty fee asks for the network's minimum.
    expect(argsOf(calls, "review_send")).toEqual([{ to: "jfd1dest", amount: "5", fee: null, from_index: 0 }]);
    expect(screen.getByTestId("review-amount").textContent).toBe("5 POINT");
    expect(screen.getByTestId("review-total").textContent).toBe("5.001 POINT");
    expect(screen.getByTestId("review-remaining").textContent).toBe("94.999 POINT");
    expect(screen.getByTestId("review-proven").textContent).toBe("Proven at block 40");
    expect(calls.some(([c]) => c === "send")).toBe(false);
    await fireEvent.click(screen.getByTestId("send-confirm"));
    await settle();
    expect(argsOf(calls, "send")).toEqual([{ review_id: "rv-7f3a" }]);
    expect(screen.getByTestId("send-result").textContent).toContain("block 44");
    expect(screen.getByTestId("send-new-balance").textContent).toContain("94.999 POINT");
    expect(chainState.balance?.balance.text).toBe("94.999");
  });

  test("a review that is gone (chain-no-such-review) is asked again, keeping the form", async () => {
    const calls = recordIPC((cmd) => {
      if (cmd === "review_send") return sendReview();
      if (cmd === "send") throw { code: "chain-no-such-review", args: {} };
      return null;
    });
    render(Send, { params: { to: "jfd1dest" } });
    await settle();
    await fillAndReview("5");
    await fireEvent.click(screen.getByTestId("send-confirm"));
    await settle();
    expect(screen.getByTestId("send-review-again").textContent).toMatch(/review/i);
    expect((screen.getByTestId("send-amount") as HTMLInputElement).value).toBe("5");
    expect(screen.queryByTestId("send-confirm")).toBeNull();
    await fireEvent.click(screen.getByTestId("send-review"));
    await settle();
    expect(argsOf(calls, "review_send")).toHaveLength(2);
    expect(screen.getByTestId("send-confirm")).toBeTruthy();
  });
});

describe("send past the re-authentication window", () => {
  test("the password is asked in place, checked by the wallet, then the same review is signed", async () => {
    let sends = 0;
    const calls = recordIPC((cmd, p) => {
      if (cmd === "review_send") return sendReview({ review_id: "rv-late" });
      if (cmd === "reauthenticate") {
        const { password } = p.args as { password: string };
        if (password !== "right") throw { code: "keystore-wrong-password", args: {} };
        return null;
      }
      if (cmd === "send") {
        sends += 1;
        if (sends === 1) throw { code: "wallet-reauth-required", args: {} };
        return receipt("94.999");
      }
      return null;
    });
    render(Send, { params: { to: "jfd1dest" } });
    await settle();
    await fireEvent.input(screen.getByTestId("send-amount"), { target: { value: "5" } });
    await fireEvent.click(screen.getByTestId("send-review"));
    await settle();
    await fireEvent.click(screen.getByTestId("send-confirm"));
    await settle();
    // The review stays on screen; the confirm button gives way to the password.
    expect(screen.getByTestId("send-review-card")).toBeTruthy();
    expect(screen.queryByTestId("send-confirm")).toBeNull();
    expect(screen.queryByTestId("error")).toBeNull();
    const input = screen.getByTestId("confirm-password-input");
    await fireEvent.input(input, { target: { value: "wrong" } });
    await fireEvent.submit(input.closest("form")!);
    await settle();
    expect(screen.getByTestId("error").dataset.code).toBe("keystore-wrong-password");
    expect(sends).toBe(1);
    await fireEvent.input(input, { target: { value: "right" } });
    await fireEvent.submit(input.closest("form")!);
    await settle();
    expect(argsOf(calls, "send")).toEqual([{ review_id: "rv-late" }, { review_id: "rv-late" }]);
    expect(screen.getByTestId("send-result").textContent).toContain("block 44");
  });
});

describe("sync & audit", () => {
  test("shows the tip's age, the root of trust, the peers' states and the jobs", async () => {
    recordIPC((cmd) => {
      if (cmd === "chain_status")
        return chainStatus({
          trusted: {
            height: 42,
            hash: "ab".repeat(32),
            time_ms: 1_700_000_000_000,
            age_ms: 5 * 60_000,
            warn_after_ms: 120_000,
            too_old: true,
            witnesses_agreed: 0,
          },
          root: { kind: "genesis-first-use", checkpoint: `1:${"cd".repeat(32)}`, witnesses_agreed: 0 },
          peers: [
            { id: "http://127.0.0.1:1", role: "primary", state: { kind: "active" }, transport: "rpc", bucket: null, discovered: false },
            { id: "http://127.0.0.1:2", role: "witness", state: { kind: "lagging", height: 40 }, transport: "rpc", bucket: null, discovered: false },
            { id: "http://127.0.0.1:3", role: "witness", state: { kind: "demoted", code: "lc-client-cancelled", detail: "bad header" }, transport: "rpc", bucket: null, discovered: false },
            { id: "/ip4/127.0.0.1/tcp/4/p2p/12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA", role: "witness", state: { kind: "active" }, transport: "p2p", bucket: 254, discovered: true },
          ],
          jobs: [
            { id: 7, kind: "send", state: "running", cancelled: false },
            { id: 8, kind: "sync", state: "queued", cancelled: true },
          ],
        });
      return null;
    });
    render(SyncAudit);
    await settle();
    expect(screen.getByTestId("trusted-height").textContent).toContain("Block 42");
    expect(screen.getByTestId("tip-age").textContent).toContain("5 minutes ago");
    expect(screen.getByTestId("root-of-trust").textContent).toMatch(/genesis/i);
    // No witness served the genesis, and the head is past the warning age.
    expect(screen.getByTestId("root-unwitnessed").textContent).toMatch(/no witness/i);
    expect(screen.getByTestId("tip-old").textContent).toContain("5 minutes ago");
    const peers = screen.getAllByTestId("peer-row");
    expect(peers.map((p) => p.dataset.state)).toEqual(["active", "lagging", "demoted", "active"]);
    expect(peers[1].textContent).toContain("40");
    expect(peers[2].textContent).toContain("bad header");
    // Each node's transport; a P2P node's K-bucket and how it was found.
    expect(peers.map((p) => p.dataset.transport)).toEqual(["rpc", "rpc", "rpc", "p2p"]);
    expect(peers[3].textContent).toContain("bucket 254");
    expect(screen.getAllByTestId("peer-transport")[3].textContent).toBe("P2P · bucket 254 · found by discovery");
    expect(peers[3].textContent).toContain("found by discovery");
    const jobs = screen.getAllByTestId("job-row");
    expect(jobs.map((j) => [j.dataset.kind, j.dataset.state])).toEqual([["send", "running"], ["sync", "queued"]]);
    expect(jobs[0].textContent).toContain("Send");
    expect(jobs[1].textContent).toMatch(/cancel/i);
    setLocale("zh-CN");
    await settle();
    expect(screen.getByTestId("tip-age").textContent).toContain("5分钟前");
  });

  test("no jobs: says so; a fresh head gives no age warning", async () => {
    recordIPC((cmd) => (cmd === "chain_status" ? chainStatus() : null));
    render(SyncAudit);
    await settle();
    expect(screen.getByTestId("tip-age").textContent).toContain("2 minutes ago");
    expect(screen.queryByTestId("tip-old")).toBeNull();
    expect(screen.queryByTestId("root-unwitnessed")).toBeNull();
    expect(screen.getByTestId("jobs-none")).toBeTruthy();
    expect(screen.queryByTestId("jobs-list")).toBeNull();
  });

  test("following over P2P: the indicator and the follow job in three languages; the head moves with no sync, and a shown balance is proven again", async () => {
    let watcher: SentChannel<ChainStatusView> | null = null;
    const p2pPeer = {
      id: "/ip4/127.0.0.1/tcp/4/p2p/12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA",
      role: "primary" as const,
      state: { kind: "active" as const },
      transport: "p2p" as const,
      bucket: 251,
      discovered: false,
    };
    const at = (height: number) =>
      chainStatus({
        trusted: { height, hash: "ab".repeat(32), time_ms: 1_700_000_000_000, age_ms: 500, warn_after_ms: 120_000, too_old: false, witnesses_agreed: 1 },
        peers: [p2pPeer],
        jobs: [{ id: 3, kind: "follow", state: "running", cancelled: false }],
        following: true,
      });
    const calls = recordIPC(async (cmd, p) => {
      if (cmd === "watch_chain") {
        watcher = p.onProgress as SentChannel<ChainStatusView>;
        watcher.onmessage(at(42));
        return null;
      }
      if (cmd === "chain_status") return at(42);
      if (cmd === "balance") return balanceView("100", 43);
      return null;
    });
    chainState.balance = balanceView("100", 42);
    render(SyncAudit);
    await settle();
    expect(screen.getByTestId("following").textContent).toBe("Following · P2P");
    expect(screen.getByTestId("following-hint").textContent).toContain("announce");
    const peer = screen.getByTestId("peer-row");
    expect(peer.dataset.transport).toBe("p2p");
    expect(peer.textContent).toContain("bucket 251");
    expect(screen.getByTestId("job-row").dataset.kind).toBe("follow");
    expect(screen.getByTestId("job-row").textContent).toContain("Following the chain (P2P)");
    // A block announced and verified: the head moves, nobody pressed Sync.
    watcher!.onmessage(at(43));
    await settle();
    expect(screen.getByTestId("trusted-height").textContent).toContain("Block 43");
    expect(argsOf(calls, "sync")).toEqual([]);
    expect(argsOf(calls, "balance").length).toBe(1);
    expect(chainState.balance?.proven.height).toBe(43);
    setLocale("zh-CN");
    await settle();
    expect(screen.getByTestId("following").textContent).toBe("跟随中 · P2P");
    expect(screen.getByTestId("job-row").textContent).toContain("跟随链（P2P）");
    setLocale("zh-TW");
    await settle();
    expect(screen.getByTestId("following").textContent).toBe("跟隨中 · P2P");
    expect(screen.getByTestId("job-row").textContent).toContain("跟隨鏈（P2P）");
  });

  test("not following (RPC only): no indicator, and a new head alone proves nothing again", async () => {
    let watcher: SentChannel<ChainStatusView> | null = null;
    const calls = recordIPC(async (cmd, p) => {
      if (cmd === "watch_chain") {
        watcher = p.onProgress as SentChannel<ChainStatusView>;
        return null;
      }
      if (cmd === "chain_status") return chainStatus();
      return null;
    });
    chainState.balance = balanceView("100", 42);
    render(SyncAudit);
    await settle();
    watcher!.onmessage(chainStatus({ trusted: { ...chainStatus().trusted!, height: 43 } }));
    await settle();
    expect(screen.getByTestId("trusted-height").textContent).toContain("Block 43");
    expect(screen.queryByTestId("following")).toBeNull();
    expect(screen.queryByTestId("following-hint")).toBeNull();
    expect(argsOf(calls, "balance")).toEqual([]);
  });

  test("an audit bundle from a picked file is verified offline, with an optional checkpoint", async () => {
    const calls = recordIPC((cmd) => {
      if (cmd === "chain_status") return chainStatus();
      if (cmd === "verify_audit_bundle")
        return {
          root: `1:${"cd".repeat(32)}`,
          headers: 12,
          proven: { height: 44, header_hash: "ef".repeat(32) },
          time_ms: 1_700_000_000_000,
          account: { key: "01".repeat(32), balance: { asset: "POINT", units: "87499000", decimals: 6, text: "87.499" }, nonce: 1 },
        };
      return null;
    });
    render(SyncAudit);
    await settle();
    expect((screen.getByTestId("verify-bundle") as HTMLButtonElement).disabled).toBe(true);
    const input = screen.getByTestId("bundle-file") as HTMLInputElement;
    Object.defineProperty(input, "files", { value: [new File(['{"bundle":1}'], "audit.json")], configurable: true });
    await fireEvent.change(input);
    await settle();
    await fireEvent.input(screen.getByTestId("bundle-checkpoint"), { target: { value: " 1:abcd " } });
    await fireEvent.click(screen.getByTestId("verify-bundle"));
    await settle();
    expect(argsOf(calls, "verify_audit_bundle")).toEqual([{ text: '{"bundle":1}', checkpoint: "1:abcd" }]);
    expect(screen.getByTestId("bundle-report").textContent).toContain("12");
    expect(screen.getByTestId("bundle-balance").textContent).toContain("87.499");
  });

  test("fork evidence from a picked file is verified; a refusal is shown translated", async () => {
    let valid = false;
    const calls = recordIPC((cmd) => {
      if (cmd === "chain_status") return chainStatus();
      if (cmd === "verify_evidence") {
        if (!valid) throw { code: "keystore-wrong-password", args: {} };
        return { height: 30, blocks: ["aa".repeat(32), "bb".repeat(32)], accountable: ["v1", "v2"], power: 20, total_power: 30 };
      }
      return null;
    });
    render(SyncAudit);
    await settle();
    const input = screen.getByTestId("evidence-file") as HTMLInputElement;
    Object.defineProperty(input, "files", { value: [new File(["{}"], "evidence.json")], configurable: true });
    await fireEvent.change(input);
    await settle();
    await fireEvent.click(screen.getByTestId("verify-evidence"));
    await settle();
    expect(screen.getByTestId("error").dataset.code).toBe("keystore-wrong-password");
    valid = true;
    await fireEvent.click(screen.getByTestId("verify-evidence"));
    await settle();
    expect(argsOf(calls, "verify_evidence")).toEqual([{ text: "{}", checkpoint: null }, { text: "{}", checkpoint: null }]);
    const report = screen.getByTestId("evidence-report");
    expect(report.textContent).toContain("30");
    expect(report.textContent).toContain("v2");
  });
});

describe("settings: nodes", () => {
  test("says which nodes this run uses (JIFEN_ENDPOINTS) above the saved list, and saves the list as one args object", async () => {
    session.info = appInfo({ unlocked: keyedWallet });
    const saved: EndpointsView = {
      network: "devnet",
      chain_id: "jifen-devnet",
      primary: "http://127.0.0.1:26657",
      witnesses: [],
      checkpoint: null,
      in_use: ["http://127.0.0.1:5001", "http://127.0.0.1:5002"],
      trusted_certificates: null,
      trusted_certificate_count: 0,
    };
    const calls = recordIPC((cmd, p) => {
      if (cmd === "endpoints") return saved;
      if (cmd === "set_endpoints") {
        const list = (p.args as { endpoints: string[] }).endpoints;
        return { ...saved, primary: list[0], witnesses: list.slice(1) };
      }
      return null;
    });
    render(Settings);
    await settle();
    const box = screen.getByTestId("endpoints") as HTMLTextAreaElement;
    expect(box.value).toBe("http://127.0.0.1:26657");
    expect(screen.getByTestId("endpoints-override").textContent).toContain("http://127.0.0.1:5001, http://127.0.0.1:5002");
    expect(screen.getByTestId("endpoints-checkpoint").textContent).toMatch(/genesis/i);
    await fireEvent.input(box, { target: { value: " http://127.0.0.1:5001 \n\nhttp://127.0.0.1:5003" } });
    await fireEvent.submit(box.closest("form")!);
    await settle();
    expect(argsOf(calls, "set_endpoints")).toEqual([{ endpoints: ["http://127.0.0.1:5001", "http://127.0.0.1:5003"] }]);
    expect(screen.getByTestId("notice").textContent).toMatch(/saved/i);
    expect(box.value).toBe("http://127.0.0.1:5001\nhttp://127.0.0.1:5003");
    // The override still holds for this run, and still says so.
    expect(screen.getByTestId("endpoints-override")).toBeTruthy();
    session.info = null;
  });

  test("a P2P peer address and a trusted certificate are saved with the nodes; a refused one shows its message", async () => {
    session.info = appInfo({ unlocked: keyedWallet });
    const peer = "/ip4/127.0.0.1/tcp/27660/p2p/12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA";
    const pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";
    const saved: EndpointsView = {
      network: "testnet",
      chain_id: "jifen-testnet",
      primary: "https://node.example.org",
      witnesses: [],
      checkpoint: null,
      in_use: null,
      trusted_certificates: null,
      trusted_certificate_count: 0,
    };
    let refuse = true;
    const calls = recordIPC((cmd, p) => {
      if (cmd === "endpoints") return saved;
      if (cmd === "set_endpoints") {
        if (refuse) throw { code: "lc-cert-none", args: {} };
        const args = p.args as { endpoints: string[]; trusted_certificates?: string };
        return {
          ...saved,
          primary: args.endpoints[0],
          witnesses: args.endpoints.slice(1),
          trusted_certificates: `${args.trusted_certificates}\n`,
          trusted_certificate_count: 1,
        };
      }
      return null;
    });
    render(Settings);
    await settle();
    const box = screen.getByTestId("endpoints") as HTMLTextAreaElement;
    expect(box.placeholder).toContain("/p2p/");
    expect(box.placeholder).toContain("https://");
    const certs = screen.getByTestId("trusted-certificates") as HTMLTextAreaElement;
    expect(certs.value).toBe("");
    expect(screen.queryByTestId("certificates-count")).toBeNull();
    await fireEvent.input(box, { target: { value: `https://node.example.org\n${peer}` } });
    await fireEvent.input(certs, { target: { value: "not a certificate" } });
    await fireEvent.submit(box.closest("form")!);
    await settle();
    expect(screen.getByTestId("error").textContent).toMatch(/BEGIN CERTIFICATE/);
    refuse = false;
    await fireEvent.input(certs, { target: { value: `\n${pem}\n` } });
    await fireEvent.submit(box.closest("form")!);
    await settle();
    expect(argsOf(calls, "set_endpoints").at(-1)).toEqual({
      endpoints: ["https://node.example.org", peer],
      trusted_certificates: pem,
    });
    expect(box.value).toBe(`https://node.example.org\n${peer}`);
    expect(screen.getByTestId("certificates-count").textContent).toMatch(/one certificate/i);
    session.info = null;
  });
});
