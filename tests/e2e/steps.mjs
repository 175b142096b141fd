// The end-to-end scenario, one named step after another (each saves a screenshot).
import { readdirSync } from "node:fs";
import { join } from "node:path";
const PASSWORD = "e2e correct horse 积分";

async function shown(ctx, id, ms = 30_000) {
  const el = ctx.byTestId(id);
  await el.waitForDisplayed({ timeout: ms });
  return el;
}

// Counter mode on or off (it is remembered in the webview's storage, which can
// outlive a run's data directory).
async function counterMode(ctx, on) {
  if ((await ctx.byTestId("trace-screen").getAttribute("data-counter")) !== String(on)) {
    await (await shown(ctx, "trace-counter")).click();
  }
  ctx.assert.equal(await ctx.byTestId("trace-screen").getAttribute("data-counter"), String(on));
}

// A demo product's tag from `jifen-node products` by a pattern of its name.
function demoProduct(ctx, pattern) {
  const name = Object.keys(ctx.products).find((n) => pattern.test(n));
  ctx.assert.ok(name, `no demo product matching ${pattern} in jifen-node products: ${JSON.stringify(ctx.products)}`);
  return ctx.products[name];
}

async function type(ctx, id, text) {
  const el = await shown(ctx, id);
  await el.setValue(text);
}

// Whether Chinese characters render as real glyphs in the UI's font (the font-family
// of the page, as the screens use it): each character is drawn on a canvas and its
// pixels compared. Without a font that has them, every character comes out as the same
// missing-glyph box (or as nothing), so distinct characters give identical pixels;
// with a CJK font each has its own shape. Returns the problems (empty when fine).
async function cjkGlyphProblems(ctx, chars) {
  const drawn = await ctx.browser.execute((list) => {
    const family = getComputedStyle(document.body).fontFamily;
    const size = 48;
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = size * 2;
    const g = canvas.getContext("2d", { willReadFrequently: true });
    // U+10FFFD (private use, plane 16) is in no font here: the missing-glyph shape.
    return [...list, "\u{10FFFD}"].map((ch) => {
      g.clearRect(0, 0, canvas.width, canvas.height);
      g.font = `${size}px ${family}`;
      g.textBaseline = "top";
      g.fillStyle = "#000";
      g.fillText(ch, size / 4, size / 4);
      const alpha = g.getImageData(0, 0, canvas.width, canvas.height).data;
      let bits = "";
      let ink = 0;
      for (let i = 3; i < alpha.length; i += 4) {
        const on = alpha[i] > 96;
        bits += on ? "1" : "0";
        if (on) ink += 1;
      }
      return { ch, bits, ink, width: g.measureText(ch).width, family };
    });
  }, chars);
  const missing = drawn.pop();
  const problems = [];
  for (const d of drawn) {
    if (d.ink === 0) problems.push(`${d.ch} draws nothing`);
    else if (d.bits === missing.bits) problems.push(`${d.ch} draws the missing-glyph shape`);
  }
  const shapes = new Set(drawn.map((d) => d.bits));
  if (shapes.size < drawn.length) problems.push(`${drawn.length} different characters draw only ${shapes.size} different shapes`);
  if (problems.length > 0) problems.push(`font-family: ${drawn[0]?.family}`);
  return { problems, widths: drawn.map((d) => `${d.ch} ${d.width.toFixed(1)}`).join(", ") };
}

export const steps = [
  ["first paint: welcome screen", async (ctx) => {
    await shown(ctx, "start-create", 60_000);
    ctx.figure("launch to first paint (ms)", Date.now() - ctx.launched);
    const brand = await ctx.byTestId("brand").getText();
    ctx.assert.equal(brand, "积分 Jifen", "zh-CN is the default language");
    await ctx.shot("01-welcome-zh-CN");
  }],
  ["Chinese text renders with real glyphs (zh-CN)", async (ctx) => {
    // The characters of the brand and the welcome screen, and a few more.
    const { problems, widths } = await cjkGlyphProblems(ctx, ["积", "分", "钱", "包", "创", "建", "恢", "复"]);
    ctx.assert.deepEqual(problems, [], "a CJK font must be installed (Debian: fonts-noto-cjk)");
    ctx.figure("CJK glyph advance at 48 px (zh-CN)", widths);
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
  ["sign a message in the app, verify it with the command-line wallet", async (ctx) => {
    await (await shown(ctx, "to-message")).click();
    const message = "积分 e2e: this address is mine";
    await type(ctx, "message-text", message);
    await (await shown(ctx, "message-sign")).click();
    const signature = (await (await shown(ctx, "signature")).getText()).trim();
    const address = (await (await shown(ctx, "signed-address")).getText()).trim();
    ctx.assert.match(address, /^jfd1/);
    // Checked by the other front end, from the text alone.
    const valid = ctx.cli(["verify-message", "--address", address, "--signature", signature, message]);
    ctx.assert.match(valid.stderr + valid.stdout, new RegExp(address), valid.stderr);
    const tampered = ctx.cliStatus(["verify-message", "--address", address, "--signature", signature, `${message}!`]);
    ctx.assert.notEqual(tampered.status, 0, "a changed message must not verify");
    // And in the app itself.
    await (await shown(ctx, "message-check-this")).click();
    await (await shown(ctx, "message-verify")).click();
    const ok = await (await shown(ctx, "verify-ok")).getText();
    ctx.assert.ok(ok.includes(address), ok);
    await (await ctx.byTestId("signature")).scrollIntoView({ block: "start" });
    await ctx.shot("06b-sign-message", { phoneFocus: "signature" });
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
  ["sync and audit screen: tip age, jobs, export an audit bundle and verify it in the app", async (ctx) => {
    await (await shown(ctx, "nav-audit")).click();
    await shown(ctx, "trusted-height");
    ctx.assert.match(await (await shown(ctx, "tip-age")).getText(), /\d/);
    await shown(ctx, "jobs");
    await ctx.shot("12-sync-audit");
    await (await shown(ctx, "export-bundle")).click();
    const exported = await shown(ctx, "bundle-exported", 90_000);
    const path = await exported.getAttribute("data-path");
    ctx.assert.match(path, /audit-jfd1.*\.json$/);
    await (await shown(ctx, "bundle-file")).setValue(path);
    await ctx.browser.waitUntil(async () => (await ctx.byTestId("verify-bundle").isEnabled()), {
      timeout: 30_000,
      timeoutMsg: "the bundle file was not read",
    });
    await (await shown(ctx, "verify-bundle")).click();
    const report = await shown(ctx, "bundle-report", 60_000);
    const balance = await (await shown(ctx, "bundle-balance")).getText();
    ctx.assert.ok(balance.includes("87.499"), balance);
    ctx.assert.match(await report.getText(), /\d+/);
    await report.scrollIntoView({ block: "center" });
    await ctx.shot("12b-audit-bundle-verified", { phoneFocus: "bundle-report" });
  }],
  ["sync and audit screen: verify every stored header; the exported bundle is pinned and can be released", async (ctx) => {
    await (await shown(ctx, "verify-store")).click();
    const report = await shown(ctx, "store-report", 60_000);
    ctx.assert.ok(Number(await report.getAttribute("data-blocks")) >= 2, await report.getText());
    const pins = await ctx.browser.$$('[data-testid="store-pin"]');
    ctx.assert.ok(pins.length >= 1, "the exported bundle is pinned");
    ctx.assert.match(await pins[0].getText(), /audit-jfd1.*\.json/);
    await report.scrollIntoView({ block: "center" });
    await ctx.shot("12c-store-verified", { phoneFocus: "store-report" });
    await (await shown(ctx, "store-unpin")).click();
    await shown(ctx, "store-unpinned");
  }],
  ["memory at idle after sync", async (ctx) => {
    await ctx.browser.pause(5000);
    const rows = ctx.appMemory();
    ctx.assert.ok(rows.length > 0, "app processes found");
    const total = rows.reduce((sum, r) => sum + r.mib, 0);
    ctx.figure("app processes at idle after sync (PSS, MiB)", `${total.toFixed(0)} (${rows.map((r) => `${r.comm} ${r.mib.toFixed(0)}`).join(", ")})`);
  }],
  ["points: every asset proven, each merchant's standing and rate history", async (ctx) => {
    await (await shown(ctx, "nav-points")).click();
    await shown(ctx, "holdings", 90_000);
    const assets = await ctx.browser.execute(() =>
      [...document.querySelectorAll('[data-testid="holding"]')].map((e) => ({
        asset: e.getAttribute("data-asset"),
        held: e.getAttribute("data-held"),
        text: e.textContent ?? "",
      })),
    );
    // Held first: POINT (the faucet's, less the send), then the merchants' points not held.
    ctx.assert.deepEqual(assets.map((a) => a.asset), ["POINT", "M1", "M2", "M3", "M4"]);
    ctx.assert.ok(assets[0].text.includes("87.499"), assets[0].text);
    ctx.assert.deepEqual(assets.map((a) => a.held), ["true", "false", "false", "false", "false"]);
    ctx.assert.ok(assets.every((a) => /\d+/.test(a.text)), "each balance with its height");
    const standing = await ctx.byTestId("holding-M4").getText();
    ctx.assert.ok(standing.includes("理事会"), `NEW is proposed: ${standing}`);
    await ctx.shot("12c-points");
    await (await shown(ctx, "holding-M1")).click();
    await shown(ctx, "rate-history", 60_000);
    const versions = await ctx.browser.execute(() =>
      [...document.querySelectorAll('[data-testid="rate-row"]')].map((e) => [e.getAttribute("data-version"), e.getAttribute("data-current")]),
    );
    ctx.assert.deepEqual(versions, [["3", "true"], ["2", "false"], ["1", "false"]]);
    await ctx.shot("12d-merchant-tea", { phoneFocus: "rate-history" });
  }],
  ["swap: buy TEA (M1) with POINT, then sell some back, each receipt as quoted", async (ctx) => {
    // Confirms the quote on screen; if taking the screenshots used up its validity, a fresh one first.
    async function confirmQuote() {
      const confirm = await shown(ctx, "action-confirm");
      if (!(await confirm.isEnabled())) {
        await (await shown(ctx, "quote-refresh")).click();
        await ctx.browser.waitUntil(async () => (await ctx.byTestId("action-confirm").isEnabled()), { timeout: 60_000 });
      }
      await (await shown(ctx, "action-confirm")).click();
      await shown(ctx, "swap-receipt", 90_000);
      await shown(ctx, "receipt-as-quoted");
    }
    await (await shown(ctx, "merchant-swap")).click();
    await (await shown(ctx, "swap-merchant")).selectByAttribute("value", "M1");
    await (await shown(ctx, "swap-buy")).click();
    await type(ctx, "swap-amount", "5");
    await (await shown(ctx, "swap-quote")).click();
    await shown(ctx, "swap-quote-card", 60_000);
    ctx.assert.equal(await ctx.byTestId("quote-receive").getText(), "500 TEA");
    const left = Number(await ctx.byTestId("quote-countdown").getAttribute("data-left"));
    ctx.assert.ok(left > 20 && left <= 30, `countdown ${left}`);
    await ctx.browser.waitUntil(async () => Number(await ctx.byTestId("quote-countdown").getAttribute("data-left")) < left, {
      timeout: 5_000,
      timeoutMsg: "the countdown does not run",
    });
    await shown(ctx, "swap-final");
    await ctx.shot("12e-swap-quote", { phoneFocus: "quote-countdown" });
    await confirmQuote();
    ctx.assert.equal(await ctx.byTestId("receipt-received").getText(), "500 TEA");
    await ctx.shot("12f-swap-receipt", { phoneFocus: "swap-receipt" });

    await (await shown(ctx, "swap-again")).click();
    await (await shown(ctx, "swap-sell")).click();
    await type(ctx, "swap-amount", "100");
    await (await shown(ctx, "swap-quote")).click();
    await shown(ctx, "swap-quote-card", 60_000);
    ctx.assert.equal(await ctx.byTestId("quote-receive").getText(), "0.92 POINT");
    await shown(ctx, "quote-withdrawal-fee");
    await confirmQuote();
    const balances = await ctx.byTestId("receipt-balances").getText();
    ctx.assert.ok(balances.includes("400 TEA"), balances);
  }],
  ["receive payment: a request's QR code and URI", async (ctx) => {
    await (await shown(ctx, "nav-request-payment")).click();
    await ctx.browser.waitUntil(async () => (await ctx.browser.$$('[data-testid="request-asset"] option')).length > 1, {
      timeout: 60_000,
      timeoutMsg: "the merchants were not proven",
    });
    await (await shown(ctx, "request-asset")).selectByAttribute("value", "M1");
    await type(ctx, "request-amount", "20");
    await type(ctx, "request-memo", "订单 42");
    await type(ctx, "request-label", "茶香咖啡 1号柜台");
    await (await shown(ctx, "request-create")).click();
    await shown(ctx, "request-qr", 60_000);
    const svg = await ctx.browser.execute(() => document.querySelector('[data-testid="request-qr"] svg')?.outerHTML.length ?? 0);
    ctx.assert.ok(svg > 1000, "the QR code is drawn");
    ctx.paymentRequest = (await ctx.byTestId("request-uri").getText()).trim();
    ctx.assert.match(ctx.paymentRequest, /^jifen:jfd1/);
    await shown(ctx, "request-watch");
    await ctx.shot("12g-receive-payment-qr", { phoneFocus: "request-qr" });
  }],
  ["pay the request from the same wallet: review, then the proven receipt", async (ctx) => {
    await (await shown(ctx, "nav-pay")).click();
    await type(ctx, "pay-request", ctx.paymentRequest);
    await (await shown(ctx, "pay-review")).click();
    await shown(ctx, "pay-review-card", 60_000);
    ctx.assert.equal(await ctx.byTestId("pay-amount-shown").getText(), "20 TEA");
    ctx.assert.equal(await ctx.byTestId("pay-memo").getText(), "订单 42");
    // The payee (this wallet) owns no registered merchant: warned, the label marked unproven.
    await shown(ctx, "pay-not-merchant");
    ctx.customer = (await ctx.byTestId("pay-to").getText()).trim();
    ctx.assert.ok((await ctx.byTestId("pay-label").getText()).includes("茶香咖啡 1号柜台"));
    await ctx.shot("12h-pay-review", { phoneFocus: "pay-review-card" });
    await (await shown(ctx, "action-confirm")).click();
    await shown(ctx, "pay-receipt", 90_000);
    ctx.assert.equal(await ctx.byTestId("pay-receipt-memo").getText(), "订单 42");
    ctx.assert.ok((await ctx.byTestId("pay-receipt-balance").getText()).includes("400 TEA"));
    await ctx.shot("12i-pay-receipt", { phoneFocus: "pay-receipt" });
    // Back on Receive payment, the request is still shown and its watch finds the payment, proven.
    await (await shown(ctx, "nav-request-payment")).click();
    const paid = await shown(ctx, "request-paid", 90_000);
    ctx.assert.ok((await paid.getText()).includes("20 TEA"), await paid.getText());
    await paid.scrollIntoView({ block: "center" });
    await ctx.shot("12j-receive-payment-paid", { phoneFocus: "request-watch" });
  }],
  ["merchant tools: TEA's owner, restored from its public devnet words, issues points to the customer", async (ctx) => {
    const words = ctx.roleWords["merchant-1"];
    ctx.assert.equal(words?.split(" ").length, 12, `TEA owner's words: ${words}`);
    await (await shown(ctx, "nav-settings")).click();
    await (await shown(ctx, "lock")).click();
    await shown(ctx, "unlock-submit");
    await (await ctx.browser.$$(".links button.link"))[1].click();
    await type(ctx, "name", "tea-owner");
    await type(ctx, "phrase", words);
    await type(ctx, "password", PASSWORD);
    await type(ctx, "password-repeat", PASSWORD);
    await (await shown(ctx, "restore-submit")).click();
    await (await shown(ctx, "nav-points", 60_000)).click();
    // Only a wallet that owns a merchant gets its tools.
    await (await shown(ctx, "manage-M1", 120_000)).click();
    await shown(ctx, "admin-merchant", 60_000);
    await (await shown(ctx, "admin-action")).selectByAttribute("value", "issue");
    await type(ctx, "admin-to", ctx.customer);
    await type(ctx, "admin-amount", "10");
    await (await shown(ctx, "admin-review")).click();
    await shown(ctx, "admin-review-card", 60_000);
    ctx.assert.equal(await ctx.byTestId("admin-review-amount").getText(), "10 TEA");
    await ctx.shot("12k-merchant-issue-review", { phoneFocus: "admin-review-card" });
    await (await shown(ctx, "action-confirm")).click();
    await shown(ctx, "send-result", 90_000);
    await ctx.shot("12l-merchant-issued");
    // Back to the customer's wallet: 10 more TEA, proven.
    await (await shown(ctx, "nav-settings")).click();
    await (await shown(ctx, "lock")).click();
    await (await shown(ctx, "wallet")).selectByAttribute("value", "e2e");
    await type(ctx, "password", PASSWORD);
    await (await shown(ctx, "unlock-submit")).click();
    await (await shown(ctx, "nav-points", 60_000)).click();
    await ctx.browser.waitUntil(async () => (await ctx.byTestId("holding-M1").getText()).includes("410"), {
      timeout: 120_000,
      timeoutMsg: "the issued points are not proven in the customer's wallet",
    });
  }],
  ["history: proven complete, the swaps, the payment and the issued points; a swap's receipt saved and checked", async (ctx) => {
    await (await shown(ctx, "nav-history")).click();
    const complete = await shown(ctx, "history-complete", 120_000);
    ctx.assert.match(await complete.getText(), /\d+/);
    const kinds = await ctx.browser.execute(() => [...document.querySelectorAll('[data-testid="history-entry"]')].map((e) => e.getAttribute("data-kind")));
    // Newest first: TEA's owner's issue, the payment to this wallet, the two swaps, then the send and the faucet.
    ctx.assert.deepEqual(kinds.slice(0, 4), ["points-issue", "transfer-asset", "swap", "swap"], kinds.join(","));
    ctx.assert.ok(kinds.includes("transfer"), kinds.join(","));
    const memo = await ctx.browser.execute(() => document.querySelector('[data-testid="history-memo"]')?.textContent ?? "");
    ctx.assert.ok(memo.includes("订单 42"), memo);
    await ctx.shot("12m-history", { phoneFocus: "history-list" });
    // The newest swap's receipt as an audit bundle, then checked in the app with no network.
    await ctx.browser.execute(() => document.querySelectorAll('[data-testid="history-entry"]')[2].querySelector("button")?.click());
    await (await shown(ctx, "save-receipt")).click();
    const path = (await (await shown(ctx, "receipt-path", 90_000)).getText()).trim();
    ctx.assert.match(path, /receipt-[0-9a-f]{16}\.json$/);
    await ctx.shot("12n-history-receipt-saved", { phoneFocus: "receipt-path" });
    await (await shown(ctx, "nav-audit")).click();
    await (await shown(ctx, "bundle-file")).setValue(path);
    await ctx.browser.waitUntil(async () => (await ctx.byTestId("verify-bundle").isEnabled()), {
      timeout: 30_000,
      timeoutMsg: "the receipt file was not read",
    });
    await (await shown(ctx, "verify-bundle")).click();
    await shown(ctx, "bundle-transaction", 60_000);
    ctx.assert.equal(await ctx.byTestId("bundle-tx-kind").getText(), "兑换");
    await ctx.byTestId("bundle-transaction").scrollIntoView({ block: "center" });
    await ctx.shot("12o-receipt-bundle-verified", { phoneFocus: "bundle-transaction" });
  }],
  ["subchains: the devnet's bft and pow-xor subchains audit clean; follow one; a proven value of #1", async (ctx) => {
    await (await shown(ctx, "nav-subchains")).click();
    await ctx.browser.waitUntil(async () => (await ctx.browser.$$('[data-testid="subchain-card"]')).length >= 2, {
      timeout: 120_000,
      timeoutMsg: "the devnet's two subchains are not listed",
    });
    const card = (id) => ctx.browser.$(`[data-testid="subchain-card"][data-id="${id}"]`);
    ctx.assert.equal(await (await card(1)).getAttribute("data-kind"), "bft");
    ctx.assert.equal(await (await card(2)).getAttribute("data-kind"), "pow-xor");
    ctx.assert.match(await (await card(1)).getText(), /trace-consortium/);
    ctx.assert.match(await (await card(2)).getText(), /xor-demo/);
    for (const id of [1, 2]) {
      await (await (await card(id)).$('[data-testid="subchain-audit"]')).click();
      await ctx.browser.waitUntil(async () => (await (await card(id)).getAttribute("data-state")) === "clean", {
        timeout: 300_000,
        interval: 500,
        timeoutMsg: `subchain #${id} did not audit clean: ${await (await card(id)).getText()}`,
      });
      const state = await (await (await card(id)).$('[data-testid="subchain-state"]')).getText();
      ctx.assert.ok(state.includes("健康") && state.includes("✓"), state);
      const audited = Number(await (await (await card(id)).$('[data-testid="subchain-audited"]')).getAttribute("data-height"));
      ctx.assert.ok(audited >= 1, `subchain #${id} audited to ${audited}`);
    }
    // The committee of the latest audited bft report, and the pow-xor difficulty.
    ctx.assert.match(await (await (await card(1)).$('[data-testid="subchain-consensus"]')).getText(), /委员会 \d+ 人/);
    ctx.assert.match(await (await (await card(2)).$('[data-testid="subchain-consensus"]')).getText(), /难度 \d+ 位/);
    // Follow #1: audited with every sync from now on.
    await (await (await card(1)).$('[data-testid="subchain-follow"]')).click();
    await ctx.browser.waitUntil(async () => (await (await card(1)).getAttribute("data-followed")) === "true", {
      timeout: 60_000,
      timeoutMsg: "subchain #1 is not followed",
    });
    await ctx.shot("13-subchains", { phoneFocus: "subchain-card" });
    // A value of #1's state, proven against the audited header.
    await (await shown(ctx, "value-subchain")).selectByAttribute("value", "1");
    await type(ctx, "value-key", "demo/greeting");
    await (await shown(ctx, "value-read")).click();
    const text = await shown(ctx, "value-text", 120_000);
    ctx.assert.ok((await text.getText()).includes("hello from the trace consortium"), await text.getText());
    ctx.assert.match(await (await shown(ctx, "value-header")).getText(), /^[0-9a-f]{64}$/);
    ctx.assert.match(await (await shown(ctx, "value-anchor")).getText(), /\d+/);
    await ctx.byTestId("value-report").scrollIntoView({ block: "center" });
    await ctx.shot("13-subchains-value", { phoneFocus: "value-report" });
  }],
  ["subchains: the home screen's sync audits the followed subchain (#1) and only it", async (ctx) => {
    const audited = async (id) =>
      Number(await (await ctx.browser.$(`[data-testid="subchain-card"][data-id="${id}"] [data-testid="subchain-audited"]`)).getAttribute("data-height"));
    const before = [await audited(1), await audited(2)];
    await (await shown(ctx, "nav-home")).click();
    await (await shown(ctx, "sync-now", 60_000)).click();
    await shown(ctx, "sync-now", 300_000);
    ctx.assert.equal(await ctx.browser.$('[data-testid="subchain-alert-banner"]').isExisting(), false, "no subchain alert while both are clean");
    await (await shown(ctx, "nav-subchains")).click();
    await shown(ctx, "subchain-card", 60_000);
    // The devnet's bft subchain reports a block with every main block: the sync audited more of #1.
    await ctx.browser.waitUntil(async () => (await audited(1)) > before[0], { timeout: 60_000, timeoutMsg: `#1 still audited to ${before[0]}` });
    ctx.assert.equal(await audited(2), before[1], "#2 is not followed: the sync leaves it");
  }],
  ["subchains: the rogue committee's equivocation is an ALERT beside the two healthy ones, on the home screen too; its evidence checks offline", async (ctx) => {
    // The devnet's third subchain, rogue-committee, is halted by the main chain: its
    // committee signed two headers at one height. This wallet's audit finds it itself.
    await (await shown(ctx, "nav-subchains")).click();
    const card = (id) => ctx.browser.$(`[data-testid="subchain-card"][data-id="${id}"]`);
    await (await card(3)).waitForDisplayed({ timeout: 60_000 });
    ctx.assert.match(await (await card(3)).getText(), /rogue-committee/);
    ctx.assert.equal(await (await (await card(3)).$('[data-testid="subchain-status"]')).getAttribute("data-status"), "halted");
    // The honest two audited at the same verified head as the rogue one (#1, followed,
    // was audited by the last sync; #2 may be behind it).
    for (const id of [2, 3, 1]) {
      const before = await (await card(id)).getAttribute("data-audited-at");
      const button = await (await card(id)).$('[data-testid="subchain-audit"]');
      await button.waitForEnabled({ timeout: 300_000 });
      await button.click();
      await ctx.browser.waitUntil(async () => (await (await card(id)).getAttribute("data-audited-at")) !== before, {
        timeout: 300_000,
        interval: 500,
        timeoutMsg: `the audit of #${id} did not end: ${await (await card(id)).getText()}`,
      });
    }
    ctx.assert.equal(await (await card(3)).getAttribute("data-state"), "alert", await (await card(3)).getText());
    ctx.assert.equal(await (await card(1)).getAttribute("data-state"), "clean");
    ctx.assert.equal(await (await card(2)).getAttribute("data-state"), "clean");
    ctx.assert.ok((await (await (await card(3)).$('[data-testid="subchain-state"]')).getText()).includes("警报"));
    const alert = await (await card(3)).$('[data-testid="subchain-alert"]');
    ctx.assert.equal(await alert.getAttribute("data-kind"), "equivocation");
    const path = (await (await (await card(3)).$('[data-testid="subchain-alert-evidence"]')).getText()).trim();
    ctx.assert.match(path, /\.json$/);
    // A healthy one (#2) and the alerted one (#3) on one screen.
    await ctx.browser.execute(() => document.querySelector('[data-testid="subchain-card"][data-id="2"]')?.scrollIntoView({ block: "start" }));
    await ctx.shot("13-subchains-alert", { phoneFocus: "subchain-alerts" });
    // The evidence file the audit wrote, checked with nothing but its own contents.
    await (await shown(ctx, "subchain-evidence-file")).setValue(path);
    await ctx.browser.waitUntil(async () => (await ctx.byTestId("subchain-evidence-verify").isEnabled()), {
      timeout: 30_000,
      timeoutMsg: "the evidence file was not read",
    });
    await (await shown(ctx, "subchain-evidence-verify")).click();
    const report = await shown(ctx, "subchain-evidence-report", 60_000);
    ctx.assert.equal(await report.getAttribute("data-kind"), "equivocation");
    ctx.assert.ok((await report.getText()).includes("证据有效"), await report.getText());
    await report.scrollIntoView({ block: "center" });
    await ctx.shot("13-subchains-evidence", { phoneFocus: "subchain-evidence-report" });
    // The home screen warns, and leads here.
    await (await shown(ctx, "nav-home")).click();
    const banner = await shown(ctx, "subchain-alert-banner", 60_000);
    ctx.assert.ok((await banner.getText()).includes("子链审计发现了问题"), await banner.getText());
    await ctx.shot("13-subchains-home-alert", { phoneFocus: "subchain-alert-banner" });
    await (await shown(ctx, "subchain-alert-open")).click();
    await (await card(3)).waitForDisplayed({ timeout: 60_000 });
  }],
  ["provenance: Check a product from the home screen; the devnet's authentic demo tag, pasted, is authentic", async (ctx) => {
    const tag = demoProduct(ctx, /authentic/);
    await (await shown(ctx, "nav-home")).click();
    await (await shown(ctx, "home-trace")).click();
    await counterMode(ctx, false);
    const input = await shown(ctx, "trace-input");
    await input.setValue(tag);
    await ctx.browser.keys(["Enter"]);
    const banner = await shown(ctx, "trace-verdict", 180_000);
    ctx.assert.equal(await banner.getAttribute("data-verdict"), "authentic", await banner.getText());
    ctx.assert.equal(await banner.getAttribute("data-tone"), "ok");
    ctx.assert.ok((await ctx.byTestId("trace-verdict-word").getText()).length > 0);
    ctx.assert.ok((await ctx.browser.$$('[data-testid="trace-record"]')).length >= 2, "the authentic demo product has a history");
    ctx.assert.equal(await ctx.browser.$('[data-testid="trace-record"][data-ok="false"]').isExisting(), false, "every record of the authentic product checks");
    ctx.assert.match(await ctx.byTestId("trace-proven").getText(), /\d+/);
    await ctx.shot("14-trace-authentic", { phoneFocus: "trace-verdict" });
    await (await shown(ctx, "trace-export")).click();
    const path = await shown(ctx, "trace-bundle-path", 60_000);
    ctx.assert.match(await path.getText(), /exports/);
  }],
  ["provenance: counter mode; the cloned demo tag, typed by a scanner ending in Enter, is a suspected copy and the field is ready for the next scan", async (ctx) => {
    const tag = demoProduct(ctx, /clon/);
    await counterMode(ctx, true);
    const input = await shown(ctx, "trace-input");
    await input.click();
    // A wedge types the code's characters as keys, then Enter, in one burst.
    // (browser.keys with one key per character drops doubled letters here: "htps".)
    await input.addValue(`${tag}\uE007`);
    await ctx.browser.waitUntil(async () => (await ctx.byTestId("trace-verdict").getAttribute("data-verdict")) === "suspected-clone", {
      timeout: 180_000,
      timeoutMsg: `the cloned demo tag was not a suspected copy: ${await ctx.byTestId("trace-screen").getText()}`,
    });
    ctx.assert.equal(await ctx.byTestId("trace-verdict").getAttribute("data-tone"), "alert");
    const focused = await ctx.browser.execute(() => document.activeElement?.getAttribute("data-testid"));
    ctx.assert.equal(focused, "trace-input", "the scanner's field keeps the focus");
    ctx.assert.equal(await input.getValue(), "");
    await ctx.shot("14-trace-clone", { phoneFocus: "trace-verdict" });
    // Counter mode is remembered on the device: turned off again for the steps after.
    await counterMode(ctx, false);
  }],
  ["switch language at runtime", async (ctx) => {
    await (await shown(ctx, "nav-settings")).click();
    const lang = await shown(ctx, "language");
    await lang.selectByAttribute("value", "zh-TW");
    await ctx.browser.waitUntil(async () => (await ctx.byTestId("brand").getText()) === "積分 Jifen", { timeout: 30_000 });
    const traditional = await cjkGlyphProblems(ctx, ["積", "設", "定", "語", "言", "錢"]);
    ctx.assert.deepEqual(traditional.problems, [], "zh-TW text renders with real glyphs");
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
  ["the points screen in English and the phone's More sheet", async (ctx) => {
    await (await shown(ctx, "nav-points")).click();
    await shown(ctx, "holdings", 60_000);
    await ctx.shot("15b-points-en");
    await (await shown(ctx, "nav-swap")).click();
    await shown(ctx, "swap-amount", 60_000);
    await ctx.shot("15c-swap-form-en");
    // On a phone the entries beyond the bar open from "More" (hidden on a desktop: opened by script).
    await ctx.browser.execute(() => document.querySelector('[data-testid="more-toggle"]')?.click());
    await ctx.browser.waitUntil(async () => (await ctx.browser.$$('[data-testid="more-sheet"] button')).length === 9, {
      timeout: 10_000,
      timeoutMsg: "the More sheet lists the other nine entries",
    });
    await ctx.shot("15d-more-sheet-en");
    await ctx.browser.execute(() => document.querySelector('[data-testid="more-toggle"]')?.click());
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
    await ctx.shot("17-cold-review", { phoneFocus: "cold-fingerprint" });
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
  ["the other screens (layout at both sizes): cold home, scan, unlock, cold start, restore", async (ctx) => {
    await (await shown(ctx, "nav-cold-home")).click();
    await shown(ctx, "to-cold-sign");
    await ctx.shot("19-cold-home");
    // The signature code saved above, read back by the scanner.
    await (await shown(ctx, "cold-scan")).click();
    const signature = join(ctx.dataDir, "exports", "qr", "jifen-signature");
    const frame = readdirSync(signature).filter((f) => f.endsWith(".png")).sort()[0];
    await (await shown(ctx, "scan-file")).setValue(join(signature, frame));
    const result = await shown(ctx, "scan-result");
    ctx.assert.equal(await result.getAttribute("data-kind"), "signature");
    await ctx.shot("20-scan");
    // Back to the online wallet, locked: the screens before a wallet is open.
    await (await shown(ctx, "nav-settings")).click();
    await (await shown(ctx, "mode-wallet")).click();
    // Leaving cold-signer mode lands on the home screen: wait for it before moving on.
    await shown(ctx, "nav-send");
    await shown(ctx, "balance-points", 60_000);
    await (await shown(ctx, "nav-settings")).click();
    await (await shown(ctx, "lock")).click();
    await shown(ctx, "unlock-submit");
    await ctx.shot("21-unlock");
    await (await shown(ctx, "unlock-cold")).click();
    await shown(ctx, "cold-start-create");
    await ctx.shot("22-cold-start");
    await (await ctx.browser.$("section.narrow > p > button.link")).click();
    await shown(ctx, "unlock-submit");
    await (await ctx.browser.$$(".links button.link"))[1].click();
    await shown(ctx, "phrase");
    await ctx.shot("23-restore");
    await (await ctx.browser.$("form button.secondary[type=button]")).click();
    await shown(ctx, "unlock-submit");
  }],
  ["watch-only wallet: pair from images, accept, sign request as an animated code", async (ctx) => {
    // This app pairs with the cold signer's account code it exported itself.
    await (await shown(ctx, "unlock-pair")).click();
    await type(ctx, "pair-name", "watch");
    const pairing = join(ctx.dataDir, "exports", "qr", "jifen-pairing");
    const frames = readdirSync(pairing).filter((f) => f.endsWith(".png")).sort();
    // Every pick adds to the images chosen before.
    for (const [i, f] of frames.entries()) {
      await (await shown(ctx, "qr-files")).setValue(join(pairing, f));
      await ctx.browser.waitUntil(async () => Number(await ctx.byTestId("qr-files-count").getAttribute("data-count")) === i + 1, {
        timeout: 30_000,
        timeoutMsg: `pairing frame ${f} was not read`,
      });
    }
    await ctx.shot("24-pair");
    await (await shown(ctx, "pair-import")).click();
    await shown(ctx, "watch-only-badge", 60_000);
    await shown(ctx, "balance-points", 120_000);
    await ctx.shot("25-home-watch-only");
    await (await shown(ctx, "to-accept")).click();
    await shown(ctx, "to-send");
    await ctx.shot("26-accept");
    await (await shown(ctx, "nav-send")).click();
    await type(ctx, "send-to", ctx.accounts[1]);
    await type(ctx, "send-amount", "2");
    await (await shown(ctx, "send-review")).click();
    await (await shown(ctx, "make-request")).click();
    await shown(ctx, "request-fingerprint", 60_000);
    await shown(ctx, "animated-qr");
    await ctx.shot("27-send-sign-request", { phoneFocus: "qr-frame" });
    // The request is pending until its signature is accepted.
    await (await shown(ctx, "nav-home")).click();
    await (await shown(ctx, "to-accept")).click();
    // The pending list loads after the screen shows.
    await ctx.browser.waitUntil(async () => (await ctx.browser.$$('[data-testid="pending-row"]')).length > 0, {
      timeout: 30_000,
      timeoutMsg: "no pending request listed",
    });
    const rows = await ctx.browser.$$('[data-testid="pending-row"]');
    ctx.assert.equal(rows.length, 1, "the sign request is listed as pending");
    const fingerprint = await ctx.byTestId("pending-list").getText();
    ctx.assert.match(fingerprint, /[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    await ctx.shot("28-accept-pending");
  }],
  ["P2P: the devnet's P2P address as the primary; the app follows the chain by itself", async (ctx) => {
    ctx.assert.ok(ctx.p2p, "needs the devnet's P2P address");
    await (await shown(ctx, "nav-settings")).click();
    const field = await shown(ctx, "endpoints");
    await field.setValue(ctx.p2p);
    await (await (await field.parentElement()).$("button[type=submit]")).click();
    await ctx.browser.waitUntil(async () => (await ctx.byTestId("endpoints").getValue()).trim() === ctx.p2p, {
      timeout: 30_000,
      timeoutMsg: "the P2P endpoint was not saved",
    });
    await (await shown(ctx, "nav-audit")).click();
    // Nobody presses Sync: the app follows over P2P by itself.
    await shown(ctx, "following", 60_000);
    await ctx.browser.waitUntil(async () => (await ctx.browser.$$('[data-testid="peer-row"][data-transport="p2p"]')).length > 0, {
      timeout: 60_000,
      timeoutMsg: "no P2P peer listed",
    });
    const primary = (await ctx.browser.$$('[data-testid="peer-row"]'))[0];
    ctx.assert.equal(await primary.getAttribute("data-transport"), "p2p");
    const row = await primary.getText();
    ctx.assert.ok(row.includes(ctx.p2p), row);
    ctx.assert.match(row, /Primary/i);
    ctx.assert.match(row, /bucket \d+/);
    const heightNow = async () => Number(await (await shown(ctx, "trusted-height")).getAttribute("data-height"));
    const first = await heightNow();
    const began = Date.now();
    await ctx.browser.waitUntil(async () => (await heightNow()) >= first + 2, {
      timeout: 60_000,
      timeoutMsg: `the verified height stayed at ${first}`,
    });
    ctx.figure("followed 2 blocks over P2P (ms)", Date.now() - began);
    await shown(ctx, "following-hint");
    await ctx.shot("29-sync-audit-p2p", { phoneFocus: "peer-row" });
    // The home screen moves with it too.
    await (await shown(ctx, "nav-home")).click();
    await shown(ctx, "following");
    await ctx.shot("30-home-p2p");
  }],
];
