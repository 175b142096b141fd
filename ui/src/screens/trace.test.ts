import { describe, expect, test, afterEach, beforeEach, vi } from "vitest";
import { render, screen, fireEvent, cleanup } from "@testing-library/svelte";
import { clearMocks } from "@tauri-apps/api/mocks";
import Trace from "./Trace.svelte";
import Scan from "./Scan.svelte";
import Home from "./Home.svelte";
import { LOCALES, setLocale, t } from "../lib/i18n.svelte";
import { session } from "../lib/session.svelte";
import { go, route } from "../lib/router.svelte";
import { resetChain, stopWatching, chainState } from "../lib/chainstore.svelte";
import { banner, localZone, roleLabel, stepLabel, loadPrefs, CHECKS } from "../lib/trace";
import { errorText, type TraceProgressView, type VerdictView } from "../lib/ipc";
import { argsOf, balanceView, chainStatus, keyedWallet, receipt, recordIPC, settle, watchWallet, type SentChannel } from "../lib/testing";
import { REASONS, TAG, record, recordReview, saleReview, traceView } from "../lib/testing-trace";

const VERDICTS: Array<[VerdictView, string]> = [
  ["authentic", "ok"],
  ["unanchored", "warn"],
  ["tampered", "alert"],
  ["suspected-clone", "alert"],
  ["signer-not-registered", "alert"],
  ["unknown-product", "none"],
];

beforeEach(() => {
  resetChain();
  stopWatching();
  chainState.syncedOnce = true;
  localStorage.clear();
  setLocale("en");
  session.wallet = keyedWallet;
  go("trace");
});
afterEach(() => {
  cleanup();
  clearMocks();
  vi.unstubAllGlobals();
});

/** Types a tag into the scanner field as a wedge does, Enter included. */
async function scan(text: string) {
  const input = screen.getByTestId("trace-input") as HTMLInputElement;
  input.focus();
  await fireEvent.input(input, { target: { value: text } });
  await fireEvent.submit(screen.getByTestId("trace-form"));
  await settle();
}

describe("trace logic", () => {
  test("each verdict has its tone and icon; only tampered, clone and unregistered signer are bad", () => {
    for (const [verdict, tone] of VERDICTS) expect(banner(verdict).tone).toBe(tone);
    expect(VERDICTS.filter(([v]) => banner(v).bad).map(([v]) => v)).toEqual(["tampered", "suspected-clone", "signer-not-registered"]);
    expect(new Set(VERDICTS.map(([v]) => banner(v).icon)).size).toBeGreaterThanOrEqual(4);
  });

  test("the records this device makes carry its time zone as an offset", () => {
    const at = (offset: number) => ({ getTimezoneOffset: () => offset }) as Date;
    expect(localZone(at(-480))).toBe("+08:00");
    expect(localZone(at(300))).toBe("-05:00");
    expect(localZone(at(-330))).toBe("+05:30");
    expect(localZone(at(0))).toBe("+00:00");
  });

  test("a step the catalogs do not know shows its own name; the check labels exist in every language", () => {
    expect(stepLabel("some_new_step")).toBe("some_new_step");
    expect(stepLabel(null)).toBe(t("step-none"));
    // Steps are written as CBV names them (with underscores), roles in kebab case.
    setLocale("zh-CN");
    expect(stepLabel("retail_selling")).not.toBe("retail_selling");
    expect(roleLabel("tag_issuer")).not.toBe("tag_issuer");
    expect(roleLabel("tag-issuer")).toBe(roleLabel("tag_issuer"));
    for (const locale of LOCALES) {
      setLocale(locale);
      for (const c of CHECKS) expect(t(c.label)).not.toBe(c.label);
    }
  });
});

describe("trace screen", () => {
  test.each(VERDICTS)("%s renders its banner in its colour", async (verdict, tone) => {
    recordIPC((cmd) => (cmd === "trace_tag" ? traceView(verdict) : null));
    render(Trace, { props: { params: {} } });
    await scan(TAG);
    const b = screen.getByTestId("trace-verdict");
    expect(b.dataset.verdict).toBe(verdict);
    expect(b.dataset.tone).toBe(tone);
    expect(b.classList.contains(`verdict-${tone}`)).toBe(true);
    expect(screen.getByTestId("trace-verdict-word").textContent).toBe(t(`verdict-${verdict}`));
    expect(screen.getByTestId("trace-verdict-word").textContent).not.toContain("verdict-");
    const reason = screen.queryByTestId("trace-verdict-reason");
    if (verdict === "authentic") expect(reason).toBeNull();
    else {
      expect(reason!.textContent).toBe(errorText(REASONS[verdict][0]));
      expect(reason!.textContent).not.toContain("trace-reason");
    }
  });

  test("the scanner's Enter submits, the field empties and keeps the focus for the next scan", async () => {
    const calls = recordIPC((cmd) => (cmd === "trace_tag" ? traceView("authentic") : null));
    render(Trace, { props: { params: {} } });
    await scan(`  ${TAG}  `);
    await scan("https://id.gs1.org/01/09506000134352/21/A2");
    expect(argsOf(calls, "trace_tag")).toEqual([
      { tag: TAG, purpose: "inspect" },
      { tag: "https://id.gs1.org/01/09506000134352/21/A2", purpose: "inspect" },
    ]);
    const input = screen.getByTestId("trace-input") as HTMLInputElement;
    expect(input.value).toBe("");
    expect(document.activeElement).toBe(input);
  });

  test("counter mode looks up as `counter`, is remembered, and sends stray keys back to the field", async () => {
    const calls = recordIPC((cmd) => (cmd === "trace_tag" ? traceView("suspected-clone", { purpose: "counter" }) : null));
    const first = render(Trace, { props: { params: {} } });
    await fireEvent.click(screen.getByTestId("trace-counter"));
    expect(loadPrefs().counter).toBe(true);
    await scan(TAG);
    expect(argsOf(calls, "trace_tag")).toEqual([{ tag: TAG, purpose: "counter" }]);
    expect(screen.getByTestId("trace-screen").dataset.counter).toBe("true");
    // A button took the focus; the scanner's next keys go to the field.
    (screen.getByTestId("trace-export") as HTMLButtonElement).focus();
    await fireEvent.keyDown(screen.getByTestId("trace-export"), { key: "h" });
    expect(document.activeElement).toBe(screen.getByTestId("trace-input"));
    first.unmount();
    render(Trace, { props: { params: {} } });
    expect((screen.getByTestId("trace-counter") as HTMLInputElement).checked).toBe(true);
  });

  test("a bad verdict sounds two low tones, a good one one high tone, nothing when muted", async () => {
    const tones: number[] = [];
    class FakeAudio {
      currentTime = 0;
      destination = {};
      createOscillator() {
        const osc = { type: "", frequency: { value: 0 }, connect: (g: unknown) => g, start() {}, stop() {} };
        return new Proxy(osc, {
          set(target, key, value) {
            (target as Record<string | symbol, unknown>)[key] = value;
            return true;
          },
          get(target, key) {
            if (key === "start") return () => tones.push(target.frequency.value);
            return (target as Record<string | symbol, unknown>)[key];
          },
        });
      }
      createGain() {
        return { gain: { value: 0 }, connect: (d: unknown) => d };
      }
      close() {
        return Promise.resolve();
      }
    }
    vi.stubGlobal("AudioContext", FakeAudio);
    let verdict: VerdictView = "tampered";
    recordIPC((cmd) => (cmd === "trace_tag" ? traceView(verdict) : null));
    render(Trace, { props: { params: {} } });
    await scan(TAG);
    expect(tones).toEqual([220, 220]);
    verdict = "authentic";
    await scan(TAG);
    expect(tones).toEqual([220, 220, 1320]);
    await fireEvent.click(screen.getByTestId("trace-mute"));
    verdict = "suspected-clone";
    await scan(TAG);
    expect(tones).toEqual([220, 220, 1320]);
    expect(loadPrefs().muted).toBe(true);
  });

  test("errors render translated, and the progress shows while it looks up", async () => {
    setLocale("zh-CN");
    let ch: SentChannel<TraceProgressView> | null = null;
    let fail: (e: unknown) => void = () => {};
    const calls = recordIPC((cmd, p) => {
      if (cmd !== "trace_tag") return null;
      ch = p.onProgress as SentChannel<TraceProgressView>;
      return new Promise((_, reject) => (fail = reject));
    });
    render(Trace, { props: { params: {} } });
    await scan(TAG);
    ch!.onmessage({ stage: "records", done: 3, total: 20 });
    await settle();
    expect(screen.getByTestId("trace-progress").textContent).toContain(t("trace-stage-records"));
    expect(screen.getByTestId("trace-progress").textContent).toContain("3 / 20");
    await fireEvent.click(screen.getByTestId("trace-cancel"));
    expect(argsOf(calls, "cancel")).toEqual([{ job: "audit" }]);
    fail({ code: "chain-cancelled", args: {} });
    await settle();
    expect(screen.queryByTestId("trace-progress")).toBeNull();
    const error = screen.getByTestId("error");
    expect(error.dataset.code).toBe("chain-cancelled");
    expect(error.textContent).toBe(t("chain-cancelled"));
    expect(error.textContent).not.toContain("chain-cancelled");
  });

  test("the timeline: local time, place, step, party and role, a mark per check, a failed one red with its problem, sealed data", async () => {
    const tampered = record(1, {
      biz_step: "shipping",
      checks: { hash: false, signature: true, link: true, signer: true, anchored: false, order: true },
      problem: { code: "app-trace-no-tag-in-image", args: {} },
      sealed_for: "Huadong Logistics",
    });
    recordIPC((cmd) => (cmd === "trace_tag" ? traceView("tampered", { records: [record(0), tampered] }) : null));
    render(Trace, { props: { params: { tag: TAG } } });
    await settle();
    const records = screen.getAllByTestId("trace-record");
    expect(records.map((r) => r.dataset.ok)).toEqual(["true", "false"]);
    expect(records[0].querySelector("[data-testid=trace-record-time]")!.textContent).toBe("2026-03-01 10:30 (+08:00)");
    expect(records[0].querySelector("[data-testid=trace-record-place]")!.textContent).toBe("Hangzhou tea garden");
    expect(records[0].querySelector("[data-testid=trace-record-party]")!.textContent).toContain("West Lake Tea Co.");
    const checks = Array.from(records[1].querySelectorAll<HTMLElement>("[data-testid=trace-check]"));
    expect(checks.filter((c) => c.dataset.ok === "false").map((c) => c.dataset.check)).toEqual(["hash", "anchored"]);
    expect(checks[0].classList.contains("check-bad")).toBe(true);
    expect(checks[0].textContent).toBe(`${t("trace-check-hash")} ✕`);
    expect(checks[1].textContent).toBe(`${t("trace-check-signature")} ✓`);
    expect(records[1].querySelector("[data-testid=trace-record-problem]")!.textContent).toBe(t("app-trace-no-tag-in-image"));
    expect(records[1].querySelector("[data-testid=trace-record-sealed]")!.textContent).toContain("Personal data encrypted for Huadong Logistics");
    expect(screen.getByTestId("trace-anchor").textContent).toContain("GS1 China anchored 2 records at main-chain block 31");
    expect(screen.getByTestId("trace-proven").textContent).toBe("main-chain block 44, subchain height 27");
    expect(screen.getByTestId("trace-timing").textContent).toBe("fetch 120 ms, verify 8 ms");
  });

  test("sales are listed; the audit bundle is exported and its path shown", async () => {
    const calls = recordIPC((cmd) => {
      if (cmd === "trace_tag") return traceView("suspected-clone", { sales: [{ seller: { address: "jfd1shop", name: "Nanjing Road Shop", roles: ["retailer"] }, time_ms: Date.UTC(2026, 3, 2, 8, 0), main_height: 40 }] });
      if (cmd === "export_trace_bundle") return "/data/exports/trace-09506000134352-A1.json";
      return null;
    });
    render(Trace, { props: { params: { tag: TAG } } });
    await settle();
    expect(screen.getAllByTestId("trace-sale").map((s) => s.textContent)).toEqual([expect.stringContaining("Sold by Nanjing Road Shop at main-chain block 40 (2026-04-02 08:00 UTC)")]);
    await fireEvent.click(screen.getByTestId("trace-export"));
    await settle();
    expect(argsOf(calls, "export_trace_bundle")).toHaveLength(1);
    expect(screen.getByTestId("trace-bundle-path").textContent).toBe("/data/exports/trace-09506000134352-A1.json");
  });

  test("record receiving: the location is remembered, the review's event hash is what gets signed, then it looks again", async () => {
    const calls = recordIPC((cmd) => {
      if (cmd === "trace_tag") return traceView("authentic");
      if (cmd === "review_receiving") return recordReview();
      if (cmd === "confirm_receiving") return { tag: recordReview().tag, biz_step: "receiving", index: 2, event_hash: recordReview().event_hash, tx_id: null, proven_at: { height: 28, header_hash: "cd".repeat(32) } };
      return null;
    });
    render(Trace, { props: { params: { tag: TAG } } });
    await settle();
    await fireEvent.click(screen.getByTestId("trace-record-receiving"));
    await fireEvent.input(screen.getByTestId("trace-location"), { target: { value: " https://id.gs1.org/414/9506000134369 " } });
    await fireEvent.submit(screen.getByTestId("trace-location").closest("form")!);
    await settle();
    expect(argsOf(calls, "review_receiving")).toEqual([{ tag: traceView("authentic").tag.canonical, location: "https://id.gs1.org/414/9506000134369", place: null, time_zone: localZone(), from_index: 0 }]);
    expect(screen.getByTestId("trace-receiving-index").textContent).toBe("2");
    expect(loadPrefs().location).toBe("https://id.gs1.org/414/9506000134369");
    expect(screen.getByTestId("trace-receiving-hash").textContent).toBe(recordReview().event_hash);
    await fireEvent.click(screen.getByTestId("trace-receiving-confirm"));
    await settle();
    expect(argsOf(calls, "confirm_receiving")).toEqual([{ event_hash: recordReview().event_hash }]);
    expect(screen.getByTestId("trace-receiving-done").textContent).toBe("Recorded as record 2, proven at subchain height 28.");
    expect(argsOf(calls, "trace_tag")).toHaveLength(2);
  });

  test("record sale: reviewed, then confirmed through confirm_action with its review id", async () => {
    const calls = recordIPC((cmd) => {
      if (cmd === "trace_tag") return traceView("authentic");
      if (cmd === "review_sale") return { kind: "sale", ...saleReview() };
      if (cmd === "confirm_action") return { kind: "sale", ...receipt("99.999", 46) };
      return null;
    });
    render(Trace, { props: { params: { tag: TAG } } });
    await settle();
    await fireEvent.click(screen.getByTestId("trace-record-sale"));
    await settle();
    expect(argsOf(calls, "review_sale")).toEqual([{ tag: traceView("authentic").tag.canonical, from_index: 0, fee: null }]);
    expect(screen.getByTestId("trace-sale-card").dataset.reviewId).toBe("rv-sale");
    await fireEvent.click(screen.getByTestId("action-confirm"));
    await settle();
    expect(argsOf(calls, "confirm_action")).toEqual([{ review_id: "rv-sale" }]);
    expect(screen.getByTestId("trace-sale-done").textContent).toBe("Sale recorded, proven in block 46.");
  });

  test("a watch-only wallet is told the merchant actions need its cold device", async () => {
    session.wallet = watchWallet;
    recordIPC((cmd) => (cmd === "trace_tag" ? traceView("authentic") : null));
    render(Trace, { props: { params: { tag: TAG } } });
    await settle();
    expect(screen.getByTestId("trace-merchant-cold").textContent).toBe(t("app-trace-merchant-cold"));
    expect(screen.queryByTestId("trace-record-sale")).toBeNull();
  });
});

describe("ways in", () => {
  test("a product tag scanned on the Scan screen opens the trace with it", async () => {
    recordIPC((cmd) => (cmd === "scan_image" ? [{ kind: "product-tag", address: null, text: TAG }] : null));
    render(Scan);
    const file = new File([new Uint8Array([1, 2, 3])], "tag.png", { type: "image/png" });
    await fireEvent.change(screen.getByTestId("scan-file"), { target: { files: [file] } });
    await settle();
    expect(screen.getByTestId("scan-result").dataset.kind).toBe("product-tag");
    await fireEvent.click(screen.getByTestId("scan-trace"));
    expect(route.id).toBe("trace");
    expect(route.params).toEqual({ tag: TAG });
  });

  test("the home screen has the entry for consumers", async () => {
    recordIPC((cmd) => {
      if (cmd === "chain_status") return chainStatus();
      if (cmd === "balance") return balanceView("1");
      return null;
    });
    go("home");
    render(Home);
    await settle();
    await fireEvent.click(screen.getByTestId("home-trace"));
    expect(route.id).toBe("trace");
  });
});
