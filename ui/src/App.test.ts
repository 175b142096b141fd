import { describe, expect, test, afterEach, beforeEach } from "vitest";
import { render, screen, fireEvent, cleanup } from "@testing-library/svelte";
import { clearMocks } from "@tauri-apps/api/mocks";
import App from "./App.svelte";
import { setLocale } from "./lib/i18n.svelte";
import { go, route } from "./lib/router.svelte";
import { session } from "./lib/session.svelte";
import { appInfo, argsOf, keyedWallet, recordIPC, row, settle } from "./lib/testing";
import type { WalletView } from "./lib/ipc";

const fresh: WalletView = { ...keyedWallet, name: "shop", address: "jfd1qqqqexampleaddress", backup_verified: false };

beforeEach(() => {
  session.info = null;
  session.wallet = null;
  session.kdfNotice = null;
  go("loading");
  setLocale("zh-CN");
});

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("App with mocked IPC", () => {
  test("first run shows the welcome screen in zh-CN", async () => {
    recordIPC((cmd) => (cmd === "app_info" ? appInfo() : null));
    render(App);
    await settle();
    expect(screen.getByTestId("start-create").textContent).toContain("创建新钱包");
  });

  test("the saved language is applied at start", async () => {
    recordIPC((cmd) => (cmd === "app_info" ? appInfo({ language: "en" }) : null));
    render(App);
    await settle();
    expect(screen.getByTestId("start-create").textContent).toContain("Create a new wallet");
  });

  test("create sends the form as one args object and asks for the password again before showing words", async () => {
    const calls = recordIPC((cmd) => {
      if (cmd === "app_info") return appInfo();
      if (cmd === "create_wallet") return fresh;
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
    expect(argsOf(calls, "create_wallet")).toEqual([
      { name: "shop", password: "pw-123456", words: 24, mnemonic_language: "zh-hans" },
    ]);
    // No words yet: the backup display needs the password again.
    expect(screen.queryByTestId("mnemonic")).toBeNull();
    expect(screen.getByTestId("reauth-password")).toBeTruthy();
  });

  test("a Rust error arrives as {code, args} and is shown translated", async () => {
    recordIPC((cmd) => {
      if (cmd === "app_info") return appInfo({ wallets: [row(fresh)] });
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

  test("unlock sends name and password, opens the wallet and tells about an upgraded password protection once", async () => {
    const calls = recordIPC((cmd) => {
      if (cmd === "app_info") return appInfo({ language: "en", wallets: [row(fresh)], last_wallet: "shop" });
      if (cmd === "unlock") return { wallet: fresh, kdf: "upgraded" };
      return null;
    });
    render(App);
    await settle();
    await fireEvent.input(screen.getByTestId("password"), { target: { value: "pw" } });
    await fireEvent.click(screen.getByTestId("unlock-submit"));
    await settle();
    expect(argsOf(calls, "unlock")).toEqual([{ name: "shop", password: "pw" }]);
    expect(session.wallet?.name).toBe("shop");
    expect(route.id).toBe("home");
    expect(screen.getByTestId("kdf-notice").dataset.kdf).toBe("upgraded");
    await fireEvent.click(screen.getByTestId("kdf-notice-close"));
    await settle();
    expect(screen.queryByTestId("kdf-notice")).toBeNull();
  });

  test("a wallet file that does not read is listed with its reason, not offered for unlocking", async () => {
    recordIPC((cmd) => {
      if (cmd === "app_info")
        return appInfo({
          language: "en",
          wallets: [row(fresh), { name: "broken", wallet: null, error: { code: "keystore-wrong-password", args: {} } }],
        });
      return null;
    });
    render(App);
    await settle();
    const options = Array.from((screen.getByTestId("wallet") as HTMLSelectElement).options).map((o) => o.value);
    expect(options).toEqual(["shop"]);
    const damaged = screen.getByTestId("damaged-wallet");
    expect(damaged.dataset.wallet).toBe("broken");
    expect(damaged.textContent).toMatch(/password/i);
  });

  test("switching language re-renders the open screen without a restart", async () => {
    const calls = recordIPC((cmd) => (cmd === "app_info" ? appInfo() : null));
    render(App);
    await settle();
    const select = screen.getByTestId("language") as HTMLSelectElement;
    select.value = "zh-TW";
    await fireEvent.change(select);
    await settle();
    expect(screen.getByTestId("start-create").textContent).toContain("建立新錢包");
    expect(argsOf(calls, "set_language")).toEqual([{ tag: "zh-TW" }]);
  });

  test("damaged settings: the app says why, runs as a cold signer, and the person chooses the mode", async () => {
    let info = appInfo(
      { language: "en", settings_problem: { code: "app-settings-corrupt", args: { reason: "expected value at line 1" } } },
      "cold-signer",
    );
    const calls = recordIPC((cmd, p) => {
      if (cmd === "app_info") return info;
      if (cmd === "set_mode") {
        info = appInfo({ language: "en" }, (p.args as { mode: "wallet" }).mode);
        return info;
      }
      return null;
    });
    render(App);
    await settle();
    const problem = screen.getByTestId("settings-problem");
    expect(problem.dataset.code).toBe("app-settings-corrupt");
    expect(screen.getByTestId("settings-problem-text").textContent).toContain("expected value at line 1");
    expect(screen.getByTestId("offline-banner")).toBeTruthy();
    // Offline until chosen: the welcome of a cold signer offers no pairing.
    expect(screen.queryByTestId("start-pair")).toBeNull();
    await fireEvent.click(screen.getByTestId("problem-use-wallet"));
    await settle();
    expect(argsOf(calls, "set_mode")).toEqual([{ mode: "wallet" }]);
    expect(screen.queryByTestId("settings-problem")).toBeNull();
    expect(screen.queryByTestId("offline-banner")).toBeNull();
    expect(screen.getByTestId("start-pair")).toBeTruthy();
  });
});
