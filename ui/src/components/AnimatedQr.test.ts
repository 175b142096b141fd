import { describe, expect, test, afterEach, beforeEach, vi } from "vitest";
import { render, screen, fireEvent, cleanup } from "@testing-library/svelte";
import { clearMocks } from "@tauri-apps/api/mocks";
import { tick } from "svelte";
import AnimatedQr from "./AnimatedQr.svelte";
import { setLocale } from "../lib/i18n.svelte";
import { argsOf, qrCode, recordIPC } from "../lib/testing";

function qr(frames: number, fps = 5, fragments = 3) {
  return qrCode("jifen-sign-request", frames, fps, fragments);
}

/** Lets the render_qr answer arrive (fake timers do not hold promises). */
async function drawn() {
  for (let i = 0; i < 5; i++) await tick();
}

function shownFrame(): number {
  return Number(screen.getByTestId("qr-frame").dataset.index);
}

let calls: Array<[string, unknown]> = [];
beforeEach(() => {
  setLocale("en");
  // render_qr answers one SVG per part (recordIPC's default).
  calls = recordIPC(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
  cleanup();
  clearMocks();
});

describe("AnimatedQr", () => {
  test("cycles the frames at the suggested rate, and pauses and resumes", async () => {
    vi.useFakeTimers();
    const code = qr(4, 5);
    render(AnimatedQr, { qr: code, stem: "jifen-request" });
    await drawn();
    // The frames are drawn by the app's renderer from the UR parts, once.
    expect(argsOf(calls, "render_qr")).toEqual([{ parts: code.parts }]);
    expect(screen.getByTestId("animated-qr").dataset.ready).toBe("true");
    expect(shownFrame()).toBe(0);
    expect(screen.getByTestId("qr-frame").innerHTML).toContain('data-frame="0"');
    expect(screen.getByTestId("qr-frame-count").textContent).toContain("frame 1 / 4");
    expect(screen.getByTestId("qr-fragments").textContent).toBe("3 fragments");
    // 5 fps: one frame every 200 ms.
    vi.advanceTimersByTime(199);
    await tick();
    expect(shownFrame()).toBe(0);
    vi.advanceTimersByTime(1);
    await tick();
    expect(shownFrame()).toBe(1);
    expect(screen.getByTestId("qr-frame").innerHTML).toContain('data-frame="1"');
    expect(screen.getByTestId("qr-frame-count").textContent).toContain("frame 2 / 4");
    vi.advanceTimersByTime(600);
    await tick();
    expect(shownFrame()).toBe(0); // 1 → 2 → 3 → 0: the loop wraps
    await fireEvent.click(screen.getByTestId("qr-pause"));
    vi.advanceTimersByTime(2000);
    await tick();
    expect(shownFrame()).toBe(0);
    await fireEvent.click(screen.getByTestId("qr-pause"));
    vi.advanceTimersByTime(200);
    await tick();
    expect(shownFrame()).toBe(1);
  });

  test("the rate control changes the speed, within 2..10 fps", async () => {
    vi.useFakeTimers();
    render(AnimatedQr, { qr: qr(10, 25), stem: "jifen-request" });
    await drawn();
    const speed = screen.getByTestId("qr-fps") as HTMLInputElement;
    // A suggested 25 fps is clamped to the fastest offered, 10.
    expect(speed.value).toBe("10");
    expect(speed.min).toBe("2");
    expect(speed.max).toBe("10");
    vi.advanceTimersByTime(300);
    await tick();
    expect(shownFrame()).toBe(3);
    await fireEvent.input(speed, { target: { value: "2" } });
    await tick();
    vi.advanceTimersByTime(499);
    await tick();
    expect(shownFrame()).toBe(3);
    vi.advanceTimersByTime(1);
    await tick();
    expect(shownFrame()).toBe(4);
  });

  test("a single frame is a static code", async () => {
    vi.useFakeTimers();
    render(AnimatedQr, { qr: qr(1), stem: "jifen-pairing" });
    await drawn();
    vi.advanceTimersByTime(5000);
    await tick();
    expect(shownFrame()).toBe(0);
    expect(screen.queryByTestId("qr-pause")).toBeNull();
    expect(screen.queryByTestId("qr-fragments")).toBeNull();
    expect(screen.getByTestId("animated-qr").dataset.frames).toBe("1");
  });

  test("save as images sends the stem and the parts and shows the directory", async () => {
    calls = recordIPC((cmd) => (cmd === "save_qr_frames" ? "/data/exports/qr/jifen-signature" : undefined));
    const code = qrCode("jifen-signature", 3);
    render(AnimatedQr, { qr: code, stem: "jifen-signature" });
    await fireEvent.click(screen.getByTestId("qr-save"));
    for (let i = 0; i < 5; i++) await tick();
    await new Promise((r) => setTimeout(r, 0));
    await tick();
    expect(argsOf(calls, "save_qr_frames")).toEqual([{ stem: "jifen-signature", parts: code.parts }]);
    expect(screen.getByTestId("qr-saved").textContent).toContain("/data/exports/qr/jifen-signature");
  });
});
