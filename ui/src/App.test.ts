import { describe, expect, test, afterEach, beforeEach } from "vitest";
import { render, screen, fireEvent, cleanup } from "@testing-library/svelte";
import { mockIPC, clearMocks } from "@tauri-apps/api/mocks";
import { tick } from "svelte";
import App from "./App.svelte";
import { setLocale } from "./lib/i18n.svelte";
import { go } from "./lib/router.svelte";
import { session } from "./lib/session.svelte";

const wallet = {
  name: "shop",
  network: "devnet",
  address: "jfd1qqqqexampleaddress",
  backup_verified: false,
  has_keyring_slot: false,
  kdf: { memory_mib: 64, passes: 3, lanes: 1, millis: null },
};

function info(wallets: unknown[] = [], language: string | null = null) {
  return { version: "0.1.0", network: "devnet", data_dir: "/tmp/x", language, last_wallet: null, wallets, unlocked: null };
}

async function settle() {
  for (let i = 0; i < 5; i++) {
    await tick();
    await new Promise((r) => setTimeout(r, 0));
  }
}

beforeEach(() => {
  session.info = null;
  session.wallet = null;
  go("loading");
  setLocale("zh-CN");
});

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("App with mocked IPC", () => {
  test("first run shows the welcome screen in zh-CN", async () => {
    mockIPC((cmd) => (cmd === "app_info" ? info() : null));
    render(App);
    await settle();
    expect(screen.getByTestId("start-create").textContent).toContain("创建新钱包");
  });

  test("the saved language is applied at start", async () => {
    mockIPC((cmd) => (cmd === "app_info" ? info([], "en") : null));
    render(App);
    await settle();
    expect(screen.getByTestId("start-create").textContent).toContain("Create a new wallet");
  });

  test("create sends the form as one intent and asks for the password again before showing words", async () => {
    const calls: Array<[string, unknown]> = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      if (cmd === "app_info") return info();
      if (cmd === "create_wallet") return wallet;
      return null;
    });
    render(App);
    await settle();
    await fireEvent.click(screen.getByTestId("start-create"));
    await settle();
    await fireEvent.input(screen.getByTestId("name"), { target: { value: "shop" } });
    await fireEvent.input(screen.getByTestId("password"), { target: { value: "pw-123456" } });
    await fireEvent.input(screen.getByTestId("password-repeat"), { target: { value: "pw-123456" } });
    await fireEvent.click(screen.getByTestId("create-submit"));
    await settle();
    const create = calls.find(([c]) => c === "create_wallet");
    expect(create?.[1]).toMatchObject({ request: { name: "shop", password: "pw-123456", words: 24, mnemonicLanguage: "zh-hans" } });
    // No words yet: the backup display needs the password again.
    expect(screen.queryByTestId("mnemonic")).toBeNull();
    expect(screen.getByTestId("reauth-password")).toBeTruthy();
  });

  test("a Rust error arrives as {code, args} and is shown translated", async () => {
    mockIPC((cmd) => {
      if (cmd === "app_info") return info([{ name: "shop", network: "devnet", address: "jfd1x", backup_verified: true, error: null }]);
      if (cmd === "unlock") throw { code: "keystore-wrong-password", args: {} };
      return null;
    });
    render(App);
    await settle();
    await fireEvent.input(screen.getByTestId("password"), { target: { value: "nope" } });
    await fireEvent.click(screen.getByTestId("unlock-submit"));
    await settle();
    const error = screen.getByTestId("error");
    expect(error.dataset.code).toBe("keystore-wrong-password");
    expect(error.textContent).toMatch(/密码/);
  });

  test("switching language re-renders the open screen without a restart", async () => {
    const saved: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "app_info") return info();
      if (cmd === "set_language") saved.push(args);
      return null;
    });
    render(App);
    await settle();
    const select = screen.getByTestId("language") as HTMLSelectElement;
    select.value = "zh-TW";
    await fireEvent.change(select);
    await settle();
    expect(screen.getByTestId("start-create").textContent).toContain("建立新錢包");
    expect(saved).toEqual([{ tag: "zh-TW" }]);
  });
});
