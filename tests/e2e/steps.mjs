// The end-to-end scenario, one named step after another (each saves a screenshot).
import { readdirSync } from "node:fs";
import { join } from "node:path";
const PASSWORD = "e2e correct horse 积分";

async function shown(ctx, id, ms = 30_000) {
  const el = ctx.byTestId(id);
  await el.waitForDisplayed({ timeout: ms });
  return el;
}

async function type(ctx, id, text) {
  const el = await shown(ctx, id);
  await el.setValue(text);
}

export const steps = [
  ["first paint: welcome screen", async (ctx) => {
    await shown(ctx, "start-create", 60_000);
    ctx.figure("launch to first paint (ms)", Date.now() - ctx.launched);
    const brand = await ctx.byTestId("brand").getText();
    ctx.assert.equal(brand, "积分 Jifen", "zh-CN is the default language");
    await ctx.shot("01-welcome-zh-CN");
  }],
  ["create a wallet", async (ctx) => {
    await (await shown(ctx, "start-create")).click();
    await type(ctx, "name", "e2e");
    await type(ctx, "password", PASSWORD);
    await type(ctx, "password-repeat", PASSWORD);
    await (await shown(ctx, "words")).selectByAttribute("value", "12");
    await (await shown(ctx, "word-list")).selectByAttribute("value", "en");
    await ctx.shot("02-create-form");
    await (await shown(ctx, "create-submit")).click();
    await type(ctx, "reauth-password", PASSWORD);
    await (await shown(ctx, "reveal")).click();
    await shown(ctx, "mnemonic");
  }],
  ["backup display and check", async (ctx) => {
    const words = [];
    for (const el of await ctx.browser.$$('[data-testid="word"]')) words.push(await el.getText());
    ctx.assert.equal(words.length, 12);
    await ctx.shot("03-backup-words");
    await (await shown(ctx, "written-down")).click();
    await shown(ctx, "check-word");
    const positions = await ctx.browser.execute(() =>
      [...document.querySelectorAll('[data-testid="check-word"]')].map((e) => Number(e.getAttribute("data-position"))),
    );
    ctx.assert.equal(positions.length, 3, `positions ${JSON.stringify(positions)}`);
    ctx.assert.ok(positions.every((p) => p >= 1 && p <= words.length), `positions ${JSON.stringify(positions)} words ${words.length}`);
    const inputs = await ctx.browser.$$('[data-testid="check-word"]');
    for (let i = 0; i < positions.length; i++) await inputs[i].setValue(words[positions[i] - 1]);
    await ctx.shot("04-backup-check");
    await (await shown(ctx, "check-submit")).click();
    await shown(ctx, "backup-done");
    await (await shown(ctx, "to-home")).click();
  }],
  ["home shows the wallet", async (ctx) => {
    const address = await (await shown(ctx, "home-address")).getText();
    ctx.assert.match(address, /^jfd1/);
    await ctx.shot("05-home");
  }],
  ["receive shows a QR code", async (ctx) => {
    await (await shown(ctx, "nav-receive")).click();
    await shown(ctx, "receive-qr");
    const address = await (await shown(ctx, "receive-address")).getText();
    ctx.assert.match(address, /^jfd1/);
    await ctx.shot("06-receive");
  }],
  ["verified balance from the devnet", async (ctx) => {
    ctx.assert.ok(ctx.rpc, "needs the devnet (JIFEN_NODE_BIN)");
    await (await shown(ctx, "nav-home")).click();
    const points = await shown(ctx, "balance-points", 120_000);
    ctx.figure("launch to first verified balance (ms)", Date.now() - ctx.launched);
    ctx.assert.equal(await points.getText(), "0");
    ctx.assert.match(await ctx.byTestId("balance-height").getText(), /\d+/);
    await ctx.shot("07-home-verified-balance");
  }],
  ["devnet faucet funds the new wallet", async (ctx) => {
    await (await shown(ctx, "faucet")).click();
    await ctx.browser.waitUntil(async () => (await ctx.byTestId("balance-points").getText()) === "100", {
      timeout: 90_000,
      timeoutMsg: "faucet transfer not proven in time",
    });
    await ctx.shot("08-home-funded");
  }],
  ["send to a second account and see the proven inclusion", async (ctx) => {
    await (await shown(ctx, "nav-send")).click();
    await type(ctx, "send-to", ctx.accounts[1]);
    await type(ctx, "send-amount", "12.5");
    await ctx.shot("09-send-form");
    await (await shown(ctx, "send-review")).click();
    const to = await (await shown(ctx, "review-to")).getText();
    ctx.assert.equal(to, ctx.accounts[1]);
    await ctx.shot("10-send-review");
    await (await shown(ctx, "send-confirm")).click();
    await shown(ctx, "send-result", 90_000);
    const after = await (await shown(ctx, "send-new-balance")).getText();
    ctx.assert.ok(after.includes("87.499 "), after);
    await ctx.shot("11-send-proven");
  }],
  ["sync and audit screen", async (ctx) => {
    await (await shown(ctx, "nav-audit")).click();
    await shown(ctx, "trusted-height");
    await ctx.shot("12-sync-audit");
  }],
  ["memory at idle after sync", async (ctx) => {
    await ctx.browser.pause(5000);
    const rows = ctx.appMemory();
    ctx.assert.ok(rows.length > 0, "app processes found");
    const total = rows.reduce((sum, r) => sum + r.mib, 0);
    ctx.figure("app processes at idle after sync (PSS, MiB)", `${total.toFixed(0)} (${rows.map((r) => `${r.comm} ${r.mib.toFixed(0)}`).join(", ")})`);
  }],
  ["switch language at runtime", async (ctx) => {
    await (await shown(ctx, "nav-settings")).click();
    const lang = await shown(ctx, "language");
    await lang.selectByAttribute("value", "zh-TW");
    await ctx.browser.waitUntil(async () => (await ctx.byTestId("brand").getText()) === "積分 Jifen", { timeout: 30_000 });
    await ctx.shot("13-settings-zh-TW");
    await lang.selectByAttribute("value", "en");
    await ctx.browser.waitUntil(async () => (await ctx.byTestId("brand").getText()) === "Jifen 积分", { timeout: 30_000 });
    const nav = await ctx.byTestId("nav-home").getText();
    ctx.assert.equal(nav, "Home");
    await ctx.shot("14-settings-en");
    await (await shown(ctx, "nav-home")).click();
    await shown(ctx, "balance-points");
    await ctx.shot("15-home-en");
  }],
  ["cold signer: pair, review a sign request loaded from an image, sign", async (ctx) => {
    // This app becomes the offline signer of its funded wallet; the command-line
    // wallet is the online side (watch-only), talking to it only through QR images.
    await (await shown(ctx, "nav-settings")).click();
    await (await shown(ctx, "mode-cold")).click();
    await (await shown(ctx, "cold-start-open")).click();
    await shown(ctx, "offline-banner");
    await (await shown(ctx, "nav-cold-pair")).click();
    await (await shown(ctx, "cold-pair-export")).click();
    await shown(ctx, "master-fingerprint");
    await (await shown(ctx, "qr-save")).click();
    await shown(ctx, "qr-saved");
    await ctx.shot("16-cold-pair-export");
    const pairing = join(ctx.dataDir, "exports", "qr", "jifen-pairing");
    ctx.cli(["online", "pair-import", "--name", "watch", pairing]);
    ctx.cli(["endpoints", "--primary", ctx.rpc]);
    // A single-image request (large fragments fit it in one code).
    const requests = join(ctx.dataDir, "..", "requests");
    const made = ctx.cli(["online", "request", "--to", ctx.accounts[1], "--amount", "1.5",
      "--fragment-size", "large", "--out", requests]);
    const cliFingerprint = made.stderr.match(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/)?.[0];
    ctx.assert.ok(cliFingerprint, made.stderr);
    const image = readdirSync(requests).filter((f) => f.endsWith(".png")).map((f) => join(requests, f));
    ctx.assert.equal(image.length, 1, `request frames ${image}`);

    await (await shown(ctx, "nav-cold-sign")).click();
    await (await shown(ctx, "qr-files")).setValue(image[0]);
    await ctx.browser.waitUntil(async () => (await ctx.byTestId("qr-files-count").getAttribute("data-count")) === "1", {
      timeout: 30_000,
      timeoutMsg: "the request image was not read",
    });
    await (await shown(ctx, "cold-review")).click();
    const fingerprint = await (await shown(ctx, "cold-fingerprint")).getText();
    ctx.assert.equal(fingerprint, cliFingerprint, "both devices show the same request fingerprint");
    const lines = await ctx.browser.execute(() =>
      [...document.querySelectorAll('[data-testid="cold-review-line"]')].map((e) => e.textContent ?? ""),
    );
    ctx.assert.ok(lines.some((l) => l.includes("1.5 POINT")), `review lines ${JSON.stringify(lines)}`);
    ctx.assert.ok(lines.some((l) => l.includes(ctx.accounts[1])), "the recipient is shown");
    await ctx.shot("17-cold-review");
    await (await shown(ctx, "cold-confirm")).click();
    await shown(ctx, "animated-qr");
    await (await shown(ctx, "qr-save")).click();
    await shown(ctx, "qr-saved");
    await ctx.shot("18-cold-signed");

    // The online side accepts the signature, broadcasts it and proves its inclusion.
    const signature = join(ctx.dataDir, "exports", "qr", "jifen-signature");
    const accepted = ctx.cli(["online", "accept", "--broadcast", signature]);
    ctx.assert.match(accepted.stdout.trim(), /^[0-9a-f]{64}$/, accepted.stdout);
    ctx.assert.match(accepted.stderr, /included/i, accepted.stderr);
  }],
];
