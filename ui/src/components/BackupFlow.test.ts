import { describe, expect, test, afterEach, beforeEach } from "vitest";
import { render, screen, fireEvent, cleanup } from "@testing-library/svelte";
import { clearMocks } from "@tauri-apps/api/mocks";
import BackupFlow from "./BackupFlow.svelte";
import { setLocale } from "../lib/i18n.svelte";
import { session } from "../lib/session.svelte";
import { argsOf, keyedWallet, recordIPC, settle } from "../lib/testing";
import type { WalletView } from "../lib/ipc";

const words = ["abandon", "ability", "able", "about", "above", "absent", "absorb", "abstract", "absurd", "abuse", "access", "accident"];
const unchecked: WalletView = { ...keyedWallet, backup_verified: false };

async function answer(values: string[]) {
  const inputs = screen.getAllByTestId("check-word");
  for (let i = 0; i < inputs.length; i++) await fireEvent.input(inputs[i], { target: { value: values[i] ?? "" } });
  await fireEvent.click(screen.getByTestId("check-submit"));
  await settle();
}

beforeEach(() => {
  setLocale("en");
  session.wallet = unchecked;
});
afterEach(() => {
  cleanup();
  clearMocks();
});

describe("backup display and check", () => {
  test("a wrong answer shows the tries left and never which word was wrong; the right words then pass", async () => {
    let tries = 3;
    const calls = recordIPC((cmd, p) => {
      if (cmd === "reveal_words") return { words, challenge: { positions: [3, 7, 11], word_count: 12, tries_left: 3 } };
      if (cmd === "backup_check") {
        const given = (p.args as { answers: string[] }).answers;
        if (given.join(" ") !== "able abstract access") {
          tries -= 1;
          throw { code: "wallet-backup-mismatch", args: { left: tries } };
        }
        return { ...unchecked, backup_verified: true };
      }
      return null;
    });
    render(BackupFlow);
    await settle();
    await fireEvent.input(screen.getByTestId("reauth-password"), { target: { value: "pw" } });
    await fireEvent.click(screen.getByTestId("reveal"));
    await settle();
    expect(argsOf(calls, "reveal_words")).toEqual([{ password: "pw" }]);
    expect(screen.getAllByTestId("word").map((w) => w.textContent)).toEqual(words);
    await fireEvent.click(screen.getByTestId("written-down"));
    await settle();
    // The words are gone from the page; the three positions of the challenge are asked.
    expect(screen.queryByTestId("mnemonic")).toBeNull();
    expect(screen.getAllByTestId("check-word").map((i) => i.dataset.position)).toEqual(["3", "7", "11"]);
    expect(screen.getByTestId("backup-tries").dataset.left).toBe("3");

    await answer(["able", "absorb", "access"]); // the second is wrong
    const mismatch = screen.getByTestId("backup-mismatch");
    expect(mismatch.dataset.left).toBe("2");
    expect(mismatch.textContent).toContain("2 tries left");
    // Neither a position nor a word is named.
    expect(mismatch.textContent).not.toMatch(/\b(3|7|11)\b/);
    for (const w of ["able", "absorb", "abstract", "access"]) expect(mismatch.textContent).not.toContain(w);
    expect(screen.getByTestId("backup-tries").dataset.left).toBe("2");
    // The same challenge stays armed: same positions, no new request.
    expect(screen.getAllByTestId("check-word").map((i) => i.dataset.position)).toEqual(["3", "7", "11"]);
    expect(calls.some(([c]) => c === "backup_challenge")).toBe(false);

    await answer(["able", "abstract", "access"]);
    expect(argsOf(calls, "backup_check")).toEqual([
      { answers: ["able", "absorb", "access"] },
      { answers: ["able", "abstract", "access"] },
    ]);
    expect(screen.getByTestId("backup-done")).toBeTruthy();
    expect(session.wallet?.backup_verified).toBe(true);
  });

  test("with no tries left the check is gone: the password again starts a new one", async () => {
    const calls = recordIPC((cmd) => {
      if (cmd === "reveal_words") return { words, challenge: { positions: [1, 2, 3], word_count: 12, tries_left: 1 } };
      if (cmd === "backup_check") throw { code: "wallet-backup-mismatch", args: { left: 0 } };
      if (cmd === "backup_challenge") return { positions: [4, 8, 12], word_count: 12, tries_left: 3 };
      return null;
    });
    render(BackupFlow);
    await settle();
    await fireEvent.input(screen.getByTestId("reauth-password"), { target: { value: "pw" } });
    await fireEvent.click(screen.getByTestId("reveal"));
    await settle();
    await fireEvent.click(screen.getByTestId("written-down"));
    await settle();
    await answer(["x", "y", "z"]);
    expect(screen.getByTestId("backup-used-up")).toBeTruthy();
    expect(screen.queryByTestId("check-word")).toBeNull();
    await fireEvent.input(screen.getByTestId("recheck-password"), { target: { value: "pw2" } });
    await fireEvent.click(screen.getByTestId("recheck-start"));
    await settle();
    expect(argsOf(calls, "backup_challenge")).toEqual([{ password: "pw2" }]);
    expect(screen.getAllByTestId("check-word").map((i) => i.dataset.position)).toEqual(["4", "8", "12"]);
    expect(screen.getByTestId("backup-tries").dataset.left).toBe("3");
    // The words are never shown again.
    expect(screen.queryByTestId("mnemonic")).toBeNull();
  });

  test("a later re-check asks for the password first; a challenge that is gone (wallet-no-backup-challenge) starts over", async () => {
    let armed = true;
    const calls = recordIPC((cmd) => {
      if (cmd === "backup_challenge") {
        armed = true;
        return { positions: [2, 5, 9], word_count: 12, tries_left: 3 };
      }
      if (cmd === "backup_check") {
        if (armed) {
          armed = false;
          throw { code: "wallet-no-backup-challenge", args: {} };
        }
      }
      return null;
    });
    render(BackupFlow, { checkOnly: true });
    await settle();
    expect(calls).toEqual([]);
    expect(screen.queryByTestId("check-word")).toBeNull();
    await fireEvent.input(screen.getByTestId("recheck-password"), { target: { value: "pw" } });
    await fireEvent.click(screen.getByTestId("recheck-start"));
    await settle();
    expect(screen.getAllByTestId("check-word")).toHaveLength(3);
    await answer(["a", "b", "c"]);
    expect(screen.getByTestId("backup-used-up")).toBeTruthy();
    expect(screen.getByTestId("recheck-password")).toBeTruthy();
  });
});
