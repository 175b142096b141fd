import { describe, expect, test, afterEach, beforeEach, vi } from "vitest";
import { render, screen, fireEvent, cleanup } from "@testing-library/svelte";
import { mockIPC, clearMocks } from "@tauri-apps/api/mocks";
import { tick } from "svelte";
import AnimatedQr from "./AnimatedQr.svelte";
import { setLocale } from "../lib/i18n.svelte";

function qr(frames: number, fps = 5, fragments = 3) {
  return {
    ur_type: "jifen-sign-request",
    frames: Array.from({ length: frames }, (_, i) => `<svg xmlns="http://www.w3.org/2000/svg" data-frame="${i}"></svg>`),
    parts: Array.from({ length: frames }, (_, i) => `ur:jifen-sign-request/${i + 1}-${frames}/part`),
    fragments: frames > 1 ? fragments : 0,
    fps,
  };
}

function shownFrame(): number {
  return Number(screen.getByTestId("qr-frame").dataset.index);
}

beforeEach(() => setLocale("en"));
afterEach(() => {
  vi.useRealTimers();
  cleanup();
  clearMocks();
});

describe("AnimatedQr", () => {
  test("cycles the frames at the suggested rate, and pauses and resumes", async () => {
    vi.useFakeTimers();
    render(AnimatedQr, { qr: qr(4, 5), stem: "jifen-request" });
    await tick();
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
    await tick();
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
    await tick();
    vi.advanceTimersByTime(5000);
    await tick();
    expect(shownFrame()).toBe(0);
    expect(screen.queryByTestId("qr-pause")).toBeNull();
    expect(screen.queryByTestId("qr-fragments")).toBeNull();
    expect(screen.getByTestId("animated-qr").dataset.frames).toBe("1");
  });

  test("save as images sends the stem and the parts and shows the directory", async () => {
    const calls: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "save_qr_frames") {
        calls.push(args);
        return "/data/exports/qr/jifen-signature";
      }
      return null;
    });
    const code = qr(3);
    render(AnimatedQr, { qr: code, stem: "jifen-signature" });
    await fireEvent.click(screen.getByTestId("qr-save"));
    for (let i = 0; i < 5; i++) await tick();
    await new Promise((r) => setTimeout(r, 0));
    await tick();
    expect(calls).toEqual([{ stem: "jifen-signature", parts: code.parts }]);
    expect(screen.getByTestId("qr-saved").textContent).toContain("/data/exports/qr/jifen-signature");
  });
});
