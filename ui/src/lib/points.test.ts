import { describe, expect, test } from "vitest";
import { MIN_CONFIRM_MS, QUOTE_VALIDITY_MS, amountText, bpsText, confirmable, heldFirst, leftPercent, optional, ownedBy, quoteLeft, secondsLeft } from "./points";
import { amount, holdings, merchant } from "./testing-points";

describe("the quote's countdown", () => {
  test("the wallet's constants reach the UI through the generated bindings", () => {
    expect(MIN_CONFIRM_MS).toBe(5000);
    expect(QUOTE_VALIDITY_MS).toBe(30000);
  });

  test("time left never goes below zero", () => {
    expect(quoteLeft(31_000, 1_000)).toBe(30_000);
    expect(quoteLeft(31_000, 40_000)).toBe(0);
  });

  test("seconds are rounded down, so the screen never shows more time than there is", () => {
    expect(secondsLeft(30_000)).toBe(30);
    expect(secondsLeft(5_999)).toBe(5);
    expect(secondsLeft(4_999)).toBe(4);
    expect(secondsLeft(999)).toBe(0);
    expect(secondsLeft(-5)).toBe(0);
  });

  test("confirmable exactly while at least 5 s are left (the wallet's own rule)", () => {
    expect(confirmable(5_000)).toBe(true);
    expect(confirmable(4_999)).toBe(false);
    expect(confirmable(0)).toBe(false);
    // Where the two meet: "5 s" is shown only while Confirm works.
    for (const ms of [4_001, 4_999, 5_000, 5_001, 5_999]) expect(confirmable(ms)).toBe(secondsLeft(ms) >= 5);
  });

  test("the bar's share of the validity", () => {
    expect(leftPercent(30_000)).toBe(100);
    expect(leftPercent(15_000)).toBe(50);
    expect(leftPercent(0)).toBe(0);
    expect(leftPercent(99_000)).toBe(100);
    expect(leftPercent(1, 0)).toBe(0);
  });
});

describe("formatting", () => {
  test("basis points as an exact percentage", () => {
    expect(bpsText(0)).toBe("0%");
    expect(bpsText(50)).toBe("0.5%");
    expect(bpsText(30)).toBe("0.3%");
    expect(bpsText(5)).toBe("0.05%");
    expect(bpsText(384)).toBe("3.84%");
    expect(bpsText(1000)).toBe("10%");
    expect(bpsText(10_000)).toBe("100%");
  });

  test("amounts keep the wallet's exact text and symbol", () => {
    expect(amountText(amount("12.5", "MALL", 2))).toBe("12.5 MALL");
    expect(amountText(amount("0.000001"))).toBe("0.000001 POINT");
  });

  test("an empty optional field asks for the default", () => {
    expect(optional("  ")).toBeNull();
    expect(optional(" 0.002 ")).toBe("0.002");
  });
});

describe("which assets and merchants", () => {
  test("assets held come first, in the wallet's order", () => {
    expect(heldFirst(holdings().assets).map((a) => a.asset.id)).toEqual(["POINT", "M2", "M1"]);
  });

  test("merchant tools only for the merchants this wallet's address owns", () => {
    const list = [merchant({ owner: "jfd1vault" }), merchant({ owner: "jfd1other", asset: { ...merchant().asset, id: "M2" } })];
    expect(ownedBy(list, "jfd1vault").map((m) => m.asset.id)).toEqual(["M1"]);
    expect(ownedBy(list, "jfd1nobody")).toEqual([]);
    expect(ownedBy(list, null)).toEqual([]);
  });
});
