import { describe, expect, test, afterEach, beforeEach } from "vitest";
import { render, screen, fireEvent, cleanup } from "@testing-library/svelte";
import { clearMocks } from "@tauri-apps/api/mocks";
import Message from "./Message.svelte";
import { setLocale } from "../lib/i18n.svelte";
import { session } from "../lib/session.svelte";
import { argsOf, keyedWallet, recordIPC, settle, watchWallet } from "../lib/testing";

beforeEach(() => {
  setLocale("en");
  session.wallet = keyedWallet;
});
afterEach(() => {
  cleanup();
  clearMocks();
});

describe("sign and verify a message", () => {
  test("signs with the chosen address index, shows the signature, and checks it", async () => {
    const calls = recordIPC((cmd) => {
      if (cmd === "sign_message") return { address: "jfd1second", signature: "jfsig1qqqsignature" };
      if (cmd === "verify_message") return { address: "jfd1second", network: "devnet" };
      return null;
    });
    render(Message, { params: { index: 1 } });
    await settle();
    expect((screen.getByTestId("message-index") as HTMLInputElement).value).toBe("1");
    await fireEvent.input(screen.getByTestId("message-text"), { target: { value: "积分 shop #42 is mine" } });
    await fireEvent.click(screen.getByTestId("message-sign"));
    await settle();
    expect(argsOf(calls, "sign_message")).toEqual([{ index: 1, message: "积分 shop #42 is mine" }]);
    expect(screen.getByTestId("signed-address").textContent).toBe("jfd1second");
    expect(screen.getByTestId("signature").textContent).toBe("jfsig1qqqsignature");
    await fireEvent.click(screen.getByTestId("message-check-this"));
    await settle();
    expect((screen.getByTestId("verify-address") as HTMLInputElement).value).toBe("jfd1second");
    await fireEvent.click(screen.getByTestId("message-verify"));
    await settle();
    expect(argsOf(calls, "verify_message")).toEqual([
      { address: "jfd1second", signature: "jfsig1qqqsignature", message: "积分 shop #42 is mine" },
    ]);
    expect(screen.getByTestId("verify-ok").textContent).toContain("jfd1second");
    expect(screen.getByTestId("verify-ok").textContent).toContain("devnet");
  });

  test("a signature that does not match is refused, translated", async () => {
    recordIPC((cmd) => {
      if (cmd === "verify_message") throw { code: "message-signature-bad", args: {} };
      return null;
    });
    render(Message, { params: {} });
    await settle();
    await fireEvent.input(screen.getByTestId("verify-address"), { target: { value: " jfd1x " } });
    await fireEvent.input(screen.getByTestId("verify-signature"), { target: { value: "jfsig1bad" } });
    await fireEvent.input(screen.getByTestId("verify-text"), { target: { value: "changed" } });
    await fireEvent.click(screen.getByTestId("message-verify"));
    await settle();
    const error = screen.getByTestId("error");
    expect(error.dataset.code).toBe("message-signature-bad");
    expect(error.textContent).toMatch(/does not match/);
    expect(screen.queryByTestId("verify-ok")).toBeNull();
    setLocale("zh-CN");
    await settle();
    expect(screen.getByTestId("error").textContent).not.toBe("message-signature-bad");
  });

  test("a watch-only wallet has no keys: it only verifies", async () => {
    session.wallet = watchWallet;
    recordIPC(() => null);
    render(Message, { params: {} });
    await settle();
    expect(screen.queryByTestId("message-sign")).toBeNull();
    expect(screen.getByTestId("message-watch-only")).toBeTruthy();
    expect(screen.getByTestId("message-verify")).toBeTruthy();
  });
});
