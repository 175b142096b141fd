import { describe, expect, test, afterEach } from "vitest";
import { t, setLocale, messageIds, LOCALES, i18n } from "./i18n.svelte";
import { errorText } from "./ipc";

afterEach(() => setLocale("zh-CN"));

describe("Fluent catalogs in the UI", () => {
  test("the three locales define the same message ids", () => {
    const zh = messageIds("zh-CN");
    expect(zh.length).toBeGreaterThan(100);
    for (const locale of LOCALES) expect(messageIds(locale)).toEqual(zh);
  });

  test("zh-CN is the default and switching is immediate", () => {
    expect(i18n.locale).toBe("zh-CN");
    expect(t("app-nav-settings")).toBe("设置");
    setLocale("zh-TW");
    expect(t("app-nav-settings")).toBe("設定");
    setLocale("en");
    expect(t("app-nav-settings")).toBe("Settings");
  });

  test("arguments are formatted", () => {
    setLocale("en");
    expect(t("app-home-title", { name: "shop" })).toBe("Wallet “shop”");
  });

  test("error codes from Rust translate with the shared catalogs", () => {
    const wrong = { code: "keystore-wrong-password", args: {} };
    setLocale("en");
    expect(errorText(wrong)).toMatch(/password/i);
    setLocale("zh-CN");
    expect(errorText(wrong)).toMatch(/密码/);
    setLocale("zh-TW");
    expect(errorText(wrong)).toMatch(/密碼/);
  });

  test("an unknown code still says something readable", () => {
    setLocale("en");
    expect(errorText({ code: "no-such-code", args: {} })).toContain("no-such-code");
  });
});
