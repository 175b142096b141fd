import { describe, expect, test, afterEach, beforeEach } from "vitest";
import { render, screen, fireEvent, cleanup } from "@testing-library/svelte";
import { clearMocks } from "@tauri-apps/api/mocks";
import Subchains from "./Subchains.svelte";
import Home from "./Home.svelte";
import { LOCALES, setLocale, t } from "../lib/i18n.svelte";
import { session } from "../lib/session.svelte";
import { go, route } from "../lib/router.svelte";
import { chainState, resetChain, stopWatching, syncNow } from "../lib/chainstore.svelte";
import { alertKind, auditPercent, badge, checkValueForm, consensus } from "../lib/subchains";
import type { AuditStateView, SubchainAuditProgressView, SyncJobEvent } from "../lib/ipc";
import { argsOf, balanceView, chainStatus, keyedWallet, recordIPC, settle, type SentChannel } from "../lib/testing";
import { alert, auditRun, bft, listView, powXor, summary } from "../lib/testing-subchains";

const STATES: AuditStateView[] = ["not-audited", "clean", "behind", "alert", "failed"];

beforeEach(() => {
  resetChain();
  stopWatching();
  chainState.syncedOnce = true;
  setLocale("en");
  session.wallet = keyedWallet;
  go("subchains");
});
afterEach(() => {
  cleanup();
  clearMocks();
});

describe("subchain logic", () => {
  test("every audit state has its own icon and a word in each language; problems are alert-toned", () => {
    const icons = new Set(STATES.map((s) => badge(s).icon));
    expect(icons.size).toBe(STATES.length);
    for (const locale of LOCALES) {
      setLocale(locale);
      for (const s of STATES) expect(t(badge(s).label)).not.toBe(badge(s).label);
    }
    expect(badge("clean").tone).toBe("ok");
    expect(badge("behind").tone).toBe("warn");
    expect(badge("alert").tone).toBe("alert");
    expect(badge("failed").tone).toBe("alert");
    expect(badge("not-audited").tone).toBe("none");
  });

  test("alert kinds have messages; an unknown one is 'other'", () => {
    for (const kind of ["equivocation", "lost-fork-choice", "invalid-report", "record-mismatch"]) {
      expect(alertKind(alert({ kind }))).toBe(`app-subchain-alert-${kind}`);
      for (const locale of LOCALES) {
        setLocale(locale);
        expect(t(alertKind(alert({ kind })), { height: 1, main: 2 })).not.toContain("app-subchain");
      }
    }
    expect(alertKind(alert({ kind: "something-new" }))).toBe("app-subchain-alert-other");
  });

  test("consensus: the audited committee or difficulty, else the registered difficulty", () => {
    expect(consensus(bft())).toEqual({ id: "app-subchain-consensus-bft", args: { members: 4 } });
    expect(consensus(bft({ audit: null }))).toEqual({ id: "app-subchain-consensus-bft-unknown", args: {} });
    expect(consensus(powXor())).toEqual({ id: "app-subchain-consensus-pow", args: { bits: 8 } });
    expect(consensus(powXor({ audit: summary({ bits: 9, committee_size: null }) })).args).toEqual({ bits: 9 });
  });

  test("audit progress: a percentage of the reports, none while proving headers", () => {
    const p = (over: Partial<SubchainAuditProgressView>): SubchainAuditProgressView => ({ subchain: 1, phase: "reports", checked: 0, total: 0, from: 0, to: 0, ...over });
    expect(auditPercent(null)).toBeNull();
    expect(auditPercent(p({ phase: "headers", from: 3, to: 40 }))).toBeNull();
    expect(auditPercent(p({ checked: 3, total: 10 }))).toBe(30);
    expect(auditPercent(p({ checked: 0, total: 0 }))).toBeNull();
    expect(auditPercent(p({ checked: 12, total: 10 }))).toBe(100);
  });

  test("the value form: a subchain, a key of 1 to 64 bytes without control characters, an optional height", () => {
    expect(checkValueForm("1", "demo/greeting", "")).toEqual({ ok: true, id: 1, key: "demo/greeting", height: null });
    expect(checkValueForm("2", "k", " 7 ")).toEqual({ ok: true, id: 2, key: "k", height: 7 });
    expect(checkValueForm("", "k", "")).toMatchObject({ ok: false, field: "subchain" });
    expect(checkValueForm("0", "k", "")).toMatchObject({ ok: false, field: "subchain" });
    expect(checkValueForm("1", "", "")).toMatchObject({ ok: false, field: "key" });
    expect(checkValueForm("1", "a".repeat(64), "")).toMatchObject({ ok: true });
    expect(checkValueForm("1", "a".repeat(65), "")).toMatchObject({ ok: false, field: "key" });
    // 22 characters of 3 bytes each: 66 bytes, over the limit though only 22 characters.
    expect(checkValueForm("1", "溯".repeat(22), "")).toMatchObject({ ok: false, field: "key" });
    expect(checkValueForm("1", "溯".repeat(21), "")).toMatchObject({ ok: true });
    expect(checkValueForm("1", "a\nb", "")).toMatchObject({ ok: false, field: "key" });
    expect(checkValueForm("1", "a\u0085b", "")).toMatchObject({ ok: false, field: "key" });
    expect(checkValueForm("1", "k", "-1")).toMatchObject({ ok: false, field: "height" });
    expect(checkValueForm("1", "k", "1.5")).toMatchObject({ ok: false, field: "height" });
  });
});

describe("subchains screen", () => {
  test("one card per subchain: verdict with icon, consensus, standing, anchored, last anchor, audited to", async () => {
    recordIPC((cmd) => {
      if (cmd === "list_subchains") return listView([bft(), powXor()]);
      return null;
    });
    render(Subchains);
    await settle();
    expect(screen.getByTestId("subchains-proven").textContent).toBe("2 subchains registered, proven at block 44.");
    const cards = screen.getAllByTestId("subchain-card");
    expect(cards.map((c) => c.dataset.state)).toEqual(["clean", "not-audited"]);
    const [one, two] = cards;
    expect(one.querySelector("h2")!.textContent).toBe("#1 trace-consortium");
    expect(one.querySelector("[data-testid=subchain-state]")!.textContent).toBe("✓ Healthy");
    expect(one.querySelector("[data-testid=subchain-consensus]")!.textContent).toBe("BFT (committee signatures) · committee of 4");
    expect(one.querySelector("[data-testid=subchain-status]")!.textContent!.trim()).toBe("Active");
    expect(one.querySelector("[data-testid=subchain-anchored]")!.textContent).toBe("30 (30 reports)");
    expect(one.querySelector("[data-testid=subchain-last-anchor]")!.textContent).toBe("main-chain block 44");
    expect(one.querySelector("[data-testid=subchain-audited]")!.textContent!.trim()).toBe("height 30 (main-chain block 44), 30 reports checked");
    expect(two.querySelector("[data-testid=subchain-state]")!.textContent).toBe("○ Not audited yet");
    expect(two.querySelector("[data-testid=subchain-consensus]")!.textContent).toBe("Proof of work (XOR fork choice) · 8 bits of work");
    expect(two.querySelector("[data-testid=subchain-audited]")!.textContent!.trim()).toBe("not audited on this device");
    expect(screen.queryByTestId("subchain-alerts")).toBeNull();
  });

  test("an alerted subchain lists its findings with the translated reason and the evidence path; a halted one says so", async () => {
    setLocale("zh-CN");
    const failure = alert({ kind: "invalid-report", height: 13, main_height: 21, evidence_path: null, error: { code: "lc-client-no-peer", args: { peers: "http://127.0.0.1:9" } } });
    recordIPC((cmd) => {
      if (cmd === "list_subchains")
        return listView([bft({ state: "alert", status: "halted", halted_at: 12, audit: summary({ state: "alert", alerts: [alert(), failure] }) }), powXor()]);
      return null;
    });
    render(Subchains);
    await settle();
    const card = screen.getAllByTestId("subchain-card")[0];
    expect(card.dataset.state).toBe("alert");
    expect(card.querySelector("[data-testid=subchain-state]")!.textContent).toBe("⚠ 警报");
    expect(card.querySelector("[data-testid=subchain-status]")!.textContent).toContain("已在高度 12 停止");
    const alerts = screen.getAllByTestId("subchain-alert");
    expect(alerts.map((a) => a.dataset.kind)).toEqual(["equivocation", "invalid-report"]);
    expect(alerts[0].textContent).toContain("委员会在高度 12 签署了两个不同的区块头（主链第 20 个区块）");
    expect(screen.getByTestId("subchain-alert-evidence").textContent).toBe("/data/chain/devnet/evidence/subchain-1-12.json");
    const reason = screen.getByTestId("subchain-alert-reason");
    expect(reason.dataset.code).toBe("lc-client-no-peer");
    expect(reason.textContent).toContain("http://127.0.0.1:9");
    expect(reason.textContent).not.toContain("lc-client-no-peer");
  });

  test("audit now streams its progress, cancels only the audit job, and shows the run", async () => {
    let progress: SentChannel<SubchainAuditProgressView> | null = null;
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    let audited = false;
    const calls = recordIPC(async (cmd, p) => {
      if (cmd === "list_subchains") return listView([bft(), audited ? powXor({ state: "clean", audit: summary({ bits: 8, committee_size: null, height: 25, reports: 27 }) }) : powXor()]);
      if (cmd === "audit_subchain") {
        progress = p.onProgress as SentChannel<SubchainAuditProgressView>;
        progress.onmessage({ subchain: 2, phase: "headers", checked: 0, total: 0, from: 3, to: 43 });
        await gate;
        audited = true;
        return auditRun(powXor({ state: "clean", audit: summary({ bits: 8, committee_size: null, height: 25, reports: 27 }) }), 27);
      }
      return null;
    });
    render(Subchains);
    await settle();
    const buttons = screen.getAllByTestId("subchain-audit");
    await fireEvent.click(buttons[1]);
    await settle();
    expect(argsOf(calls, "audit_subchain")).toEqual([{ id: 2 }]);
    expect(screen.getByTestId("subchain-audit-progress").textContent).toContain("Proving main-chain blocks 3 to 43");
    // While one audit runs, the other card's button waits.
    expect((screen.getByTestId("subchain-audit") as HTMLButtonElement).disabled).toBe(true);
    progress!.onmessage({ subchain: 2, phase: "reports", checked: 9, total: 27, from: 0, to: 0 });
    await settle();
    expect((screen.getByTestId("subchain-audit-bar") as HTMLProgressElement).value).toBe(33);
    expect(screen.getByTestId("subchain-audit-progress").textContent).toContain("Checked 9 of 27 reports");
    await fireEvent.click(screen.getByTestId("subchain-audit-cancel"));
    expect(argsOf(calls, "cancel")).toEqual([{ job: "subchain-audit" }]);
    release();
    await settle();
    expect(screen.queryByTestId("subchain-audit-progress")).toBeNull();
    const card = screen.getAllByTestId("subchain-card")[1];
    expect(card.dataset.state).toBe("clean");
    expect(card.querySelector("[data-testid=subchain-run]")!.textContent).toBe("27 new reports checked against 27 main-chain blocks in 120 ms.");
  });

  test("a cancelled audit is shown translated and the card can be audited again", async () => {
    recordIPC((cmd) => {
      if (cmd === "list_subchains") return listView([bft()]);
      if (cmd === "audit_subchain") throw { code: "chain-cancelled", args: {} };
      return null;
    });
    render(Subchains);
    await settle();
    await fireEvent.click(screen.getByTestId("subchain-audit"));
    await settle();
    expect(screen.getByTestId("error").dataset.code).toBe("chain-cancelled");
    expect(screen.getByTestId("error").textContent).toBe("Cancelled.");
    expect((screen.getByTestId("subchain-audit") as HTMLButtonElement).disabled).toBe(false);
  });

  test("follow and unfollow: the audit with every sync", async () => {
    let followed = false;
    const calls = recordIPC((cmd, p) => {
      if (cmd === "list_subchains") return listView([bft({ followed })]);
      if (cmd === "follow_subchain") followed = (p.args as { follow: boolean }).follow;
      return null;
    });
    render(Subchains);
    await settle();
    const toggle = screen.getByTestId("subchain-follow");
    expect(toggle.getAttribute("aria-checked")).toBe("false");
    expect(screen.getByTestId("subchain-followed").textContent).toBe("Not audited with every sync");
    await fireEvent.click(toggle);
    await settle();
    expect(argsOf(calls, "follow_subchain")).toEqual([{ id: 1, follow: true }]);
    expect(screen.getByTestId("subchain-follow").getAttribute("aria-checked")).toBe("true");
    expect(screen.getByTestId("subchain-followed").textContent).toBe("✓ Audited with every sync");
    await fireEvent.click(screen.getByTestId("subchain-follow"));
    await settle();
    expect(argsOf(calls, "follow_subchain")[1]).toEqual({ id: 1, follow: false });
  });

  test("read a proven value: the form is checked before a node is asked; the value, header and anchor are shown", async () => {
    const calls = recordIPC((cmd) => {
      if (cmd === "list_subchains") return listView([bft(), powXor()]);
      if (cmd === "subchain_value")
        return { subchain: 1, name: "trace-consortium", key: "demo/greeting", found: true, text: "你好, Jifen", hex: "e4bda0e5a5bd2c204a6966656e", height: 30, header: "aa".repeat(32), main_height: 44 };
      return null;
    });
    render(Subchains);
    await settle();
    expect((screen.getByTestId("value-subchain") as HTMLSelectElement).value).toBe("1");
    await fireEvent.input(screen.getByTestId("value-key"), { target: { value: "a\tb" } });
    await fireEvent.click(screen.getByTestId("value-read"));
    await settle();
    expect(screen.getByTestId("value-form-error").dataset.code).toBe("app-subchain-form-key");
    expect(argsOf(calls, "subchain_value")).toEqual([]);
    await fireEvent.input(screen.getByTestId("value-key"), { target: { value: "demo/greeting" } });
    await fireEvent.input(screen.getByTestId("value-height"), { target: { value: "x" } });
    await fireEvent.click(screen.getByTestId("value-read"));
    await settle();
    expect(screen.getByTestId("value-form-error").dataset.code).toBe("app-subchain-form-height");
    await fireEvent.input(screen.getByTestId("value-height"), { target: { value: "" } });
    await fireEvent.click(screen.getByTestId("value-read"));
    await settle();
    expect(screen.queryByTestId("value-form-error")).toBeNull();
    expect(argsOf(calls, "subchain_value")).toEqual([{ id: 1, key: "demo/greeting", height: null }]);
    expect(screen.getByTestId("value-report").textContent).toContain("demo/greeting at height 30 of #1 trace-consortium");
    expect(screen.getByTestId("value-text").textContent).toBe("你好, Jifen");
    expect(screen.getByTestId("value-hex").textContent).toBe("e4bda0e5a5bd2c204a6966656e");
    expect(screen.getByTestId("value-header").textContent).toBe("aa".repeat(32));
    expect(screen.getByTestId("value-anchor").textContent).toBe("main-chain block 44");
  });

  test("a value of a subchain never audited here is sent to its Audit button; a refusal of the wallet is shown translated", async () => {
    setLocale("zh-TW");
    const calls = recordIPC((cmd) => {
      if (cmd === "list_subchains") return listView([powXor(), bft()]);
      if (cmd === "subchain_value") throw { code: "chain-cancelled", args: {} };
      return null;
    });
    render(Subchains);
    await settle();
    await fireEvent.input(screen.getByTestId("value-key"), { target: { value: "k" } });
    await fireEvent.click(screen.getByTestId("value-read"));
    await settle();
    const refused = screen.getByTestId("value-form-error");
    expect(refused.dataset.code).toBe("app-subchain-form-audit-first");
    expect(refused.textContent).toContain("#2 xor-demo");
    expect(argsOf(calls, "subchain_value")).toEqual([]);
    await fireEvent.change(screen.getByTestId("value-subchain"), { target: { value: "1" } });
    await fireEvent.click(screen.getByTestId("value-read"));
    await settle();
    expect(argsOf(calls, "subchain_value")).toEqual([{ id: 1, key: "k", height: null }]);
    expect(screen.getByTestId("error").dataset.code).toBe("chain-cancelled");
    expect(screen.getByTestId("error").textContent).not.toContain("chain-cancelled");
  });

  test("subchain evidence is checked from a picked file and its verdict shown", async () => {
    const calls = recordIPC((cmd) => {
      if (cmd === "list_subchains") return listView([bft()]);
      if (cmd === "verify_subchain_evidence")
        return { kind: "equivocation", subchain: 1, height: 12, headers: ["11".repeat(32), "22".repeat(32)], main_heights: [20, 21], double_signers: ["33".repeat(20), "44".repeat(20), "55".repeat(20)], main_chain: "jifen-devnet" };
      return null;
    });
    render(Subchains);
    await settle();
    const input = screen.getByTestId("subchain-evidence-file") as HTMLInputElement;
    Object.defineProperty(input, "files", { value: [new File(['{"format":"jifen-subchain-evidence/1"}'], "evidence.json")], configurable: true });
    await fireEvent.change(input);
    await settle();
    await fireEvent.click(screen.getByTestId("subchain-evidence-verify"));
    await settle();
    expect(argsOf(calls, "verify_subchain_evidence")).toEqual([{ text: '{"format":"jifen-subchain-evidence/1"}' }]);
    const report = screen.getByTestId("subchain-evidence-report");
    expect(report.dataset.kind).toBe("equivocation");
    expect(report.textContent).toContain("the committee of subchain #1 signed two headers at height 12; 3 members signed both");
    expect(report.textContent).toContain("Anchored in main-chain blocks 20 and 21");
  });
});

describe("the sync audits the followed subchains", () => {
  test("its audit progress shows on the card with a cancel that reaches the sync; the result updates the list", async () => {
    let events: SentChannel<SyncJobEvent> | null = null;
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    let synced = false;
    const calls = recordIPC(async (cmd, p) => {
      if (cmd === "chain_status") return chainStatus();
      if (cmd === "balance") return balanceView("1");
      if (cmd === "list_subchains") return listView([synced ? bft({ followed: true, audit: summary({ reports: 40, height: 40 }) }) : bft({ followed: true, state: "behind" })]);
      if (cmd === "sync") {
        events = p.onProgress as SentChannel<SyncJobEvent>;
        await gate;
        synced = true;
        return {
          sync: { from_height: 40, height: 50, hash: "ab".repeat(32), headers_fetched: 2, primary: "p", witnesses_agreed: 0, elapsed_ms: 5 },
          subchains: [auditRun(bft({ followed: true, audit: summary({ reports: 40, height: 40 }) }), 10)],
          subchain_error: null,
        };
      }
      return null;
    });
    render(Subchains);
    await settle();
    expect(screen.getByTestId("subchain-card").dataset.state).toBe("behind");
    expect(screen.getByTestId("subchain-state").textContent).toBe("↻ Behind: new reports since the last audit");
    const sync = syncNow();
    await settle();
    events!.onmessage({ kind: "subchain", event: { subchain: 1, phase: "reports", checked: 5, total: 10, from: 0, to: 0 } });
    await settle();
    expect(screen.getByTestId("subchain-audit-progress").textContent).toContain("Checked 5 of 10 reports");
    await fireEvent.click(screen.getByTestId("subchain-audit-cancel"));
    expect(argsOf(calls, "cancel")).toEqual([{ job: "sync" }]);
    release();
    await sync;
    await settle();
    expect(screen.queryByTestId("subchain-audit-progress")).toBeNull();
    expect(screen.getByTestId("subchain-card").dataset.state).toBe("clean");
    expect(screen.getByTestId("subchain-run").textContent).toBe("10 new reports checked against 10 main-chain blocks in 120 ms.");
  });

  test("audits that stopped after a good sync are reported, translated", async () => {
    recordIPC((cmd) => {
      if (cmd === "chain_status") return chainStatus();
      if (cmd === "list_subchains") return listView([bft()]);
      if (cmd === "sync")
        return {
          sync: { from_height: 40, height: 50, hash: "ab".repeat(32), headers_fetched: 2, primary: "p", witnesses_agreed: 0, elapsed_ms: 5 },
          subchains: [],
          subchain_error: { code: "lc-client-no-peer", args: { peers: "http://127.0.0.1:9" } },
        };
      return null;
    });
    render(Subchains);
    await settle();
    await syncNow();
    await settle();
    expect(screen.getByTestId("subchain-sync-stopped").textContent).toContain("http://127.0.0.1:9");
  });
});

describe("home screen", () => {
  test("while the sync audits a followed subchain, the sync bar says which and how far", async () => {
    go("home");
    let events: SentChannel<SyncJobEvent> | null = null;
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    recordIPC(async (cmd, p) => {
      if (cmd === "chain_status") return chainStatus();
      if (cmd === "list_subchains") return listView([bft({ followed: true })]);
      if (cmd === "sync") {
        events = p.onProgress as SentChannel<SyncJobEvent>;
        await gate;
        return { sync: { from_height: 40, height: 50, hash: "ab".repeat(32), headers_fetched: 2, primary: "p", witnesses_agreed: 0, elapsed_ms: 5 }, subchains: [], subchain_error: null };
      }
      return null;
    });
    render(Home);
    await settle();
    const sync = syncNow();
    await settle();
    events!.onmessage({ kind: "subchain", event: { subchain: 1, phase: "headers", checked: 0, total: 0, from: 41, to: 50 } });
    await settle();
    expect(screen.getByTestId("sync-subchain").textContent).toContain("Auditing subchain #1: Proving main-chain blocks 41 to 50");
    release();
    await sync;
    await settle();
    expect(screen.queryByTestId("sync-subchain")).toBeNull();
  });

  test("an alert banner when a subchain audit found a problem, leading to the Subchains screen", async () => {
    go("home");
    recordIPC((cmd) => {
      if (cmd === "chain_status") return chainStatus();
      if (cmd === "balance") return balanceView("1");
      if (cmd === "list_subchains") return listView([bft({ state: "failed", audit: summary({ state: "failed" }) }), powXor()]);
      return null;
    });
    render(Home);
    await settle();
    const banner = screen.getByTestId("subchain-alert-banner");
    expect(banner.getAttribute("role")).toBe("alert");
    expect(banner.textContent).toContain("A subchain audit found a problem.");
    await fireEvent.click(screen.getByTestId("subchain-alert-open"));
    expect(route.id).toBe("subchains");
  });

  test("no banner while every subchain is clean or not audited", async () => {
    go("home");
    recordIPC((cmd) => {
      if (cmd === "chain_status") return chainStatus();
      if (cmd === "list_subchains") return listView([bft(), powXor()]);
      return null;
    });
    render(Home);
    await settle();
    expect(screen.queryByTestId("subchain-alert-banner")).toBeNull();
  });
});
