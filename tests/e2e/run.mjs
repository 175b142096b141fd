// End-to-end test of the Jifen app in its real window.
//
// Starts (1) the reference node's devnet on a free loopback port, if a node binary is
// given, (2) tauri-driver in front of WebKitWebDriver, which launches the debug app
// binary, then drives the UI with WebdriverIO and saves a screenshot after each step
// in tests/e2e/screenshots/, at the window's desktop size and at a phone's 390x844
// (where it also checks the layout: no horizontal scrolling, 44 px touch targets).
// Run it under a display: scripts/test.sh uses xvfb-run.
//
//   JIFEN_APP_BIN=target/debug/jifen-app JIFEN_NODE_BIN=target/debug/jifen-node \
//     xvfb-run -a node tests/e2e/run.mjs
//
// Timings (launch → first paint, → first verified balance) are printed as
// `figure:` lines for docs/benchmarks.md; they are never asserted.
import { spawnSync, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { steps } from "./steps.mjs";
import { appMemory, launch, start, startDriver, stopAll, waitForLine } from "./measure.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const targetDir = process.env.CARGO_TARGET_DIR ?? "target";
const appBin = resolve(root, process.env.JIFEN_APP_BIN ?? join(targetDir, "debug", "jifen-app"));
const nodeBin = process.env.JIFEN_NODE_BIN ? resolve(root, process.env.JIFEN_NODE_BIN) : null;
// The command-line wallet plays the online side of cold signing (optional).
const cliBin = process.env.JIFEN_CLI_BIN ? resolve(root, process.env.JIFEN_CLI_BIN) : null;
const shots = join(here, "screenshots");
rmSync(shots, { recursive: true, force: true });
mkdirSync(shots, { recursive: true });

const work = mkdtempSync(join(tmpdir(), "jifen-e2e-"));
let rpc = null;
// The devnet's P2P address (/ip4/127.0.0.1/tcp/<port>/p2p/<peer id>).
let p2p = null;
let accounts = [];
// The devnet's demo product tags by name ("authentic", "cloned", ...).
const products = {};
// The demo roles' public devnet words by role ("merchant-1": TEA's owner).
const roleWords = {};
if (nodeBin) {
  // The public devnet accounts ("<i> <address> secret=<hex>"): a second account to send to.
  const listed = execFileSync(nodeBin, ["accounts"], { encoding: "utf8" }).split("\n");
  accounts = listed.map((line) => line.split(" ")[1]).filter((a) => a && a.startsWith("jfd1"));
  // "<role> <address> public_key=…", then an indented line ending ": <12 words>".
  let role = null;
  for (const line of listed) {
    const named = line.match(/^(\S+) jfd1\S+ public_key=/);
    if (named) role = named[1];
    else if (role && /^\s/.test(line) && line.includes(": ")) {
      roleWords[role] = line.slice(line.lastIndexOf(": ") + 2).trim();
      role = null;
    }
  }
  // The devnet's demo products (issue 14), one per verdict: "<name> <tag URI> …" per
  // line from `jifen-node products` (the provenance node helper's command).
  try {
    for (const line of execFileSync(nodeBin, ["products"], { encoding: "utf8" }).split("\n")) {
      const uri = line.split(/\s+/).find((word) => /^https?:\/\/\S+\/01\/\d{14}\/21\//.test(word));
      const name = line.trim().split(/\s+/)[0];
      if (uri && name) products[name] = uri;
    }
  } catch (e) {
    console.log(`no demo products (jifen-node products): ${e.message.split("\n")[0]}`);
  }
  // It serves P2P too (a free port): the last step makes that the app's primary.
  const devnet = start(nodeBin, ["devnet", "--data-dir", join(work, "devnet"), "--rpc-port", "0", "--p2p-port", "0"], {}, "node");
  const m = await waitForLine(devnet, /RPC: (http:\/\/[0-9.:]+)\s[\s\S]*?P2P: (\/ip4\/\S+\/p2p\/\w+)/, 60_000);
  rpc = m[1];
  p2p = m[2];
  console.log(`devnet at ${rpc} and ${p2p}`);
}

const appEnv = {
  JIFEN_DATA_DIR: join(work, "data"),
  ...(rpc ? { JIFEN_ENDPOINTS: rpc } : {}),
  ...(process.env.E2E_APP_ENV ? JSON.parse(process.env.E2E_APP_ENV) : {}),
};
const { driver, port: driverPort } = await startDriver(appEnv);

const launched = Date.now();
const browser = await launch(driverPort, appBin);

// Every screenshot is taken twice: in the app's own window size (desktop) and with the
// viewport of a phone, where the layout is checked too (layoutProblems).
const PHONE = { width: 390, height: 844 };
const desktop = await browser.execute(() => ({ width: window.innerWidth, height: window.innerHeight }));

// Resizes the window so that its viewport (CSS pixels) is `size`: the window's outer
// size may include decorations, so it is corrected by what the page then reports.
async function viewport(size) {
  const inner = () => browser.execute(() => ({ width: window.innerWidth, height: window.innerHeight }));
  const fits = (v) => v.width === size.width && v.height === size.height;
  let outer = { ...size };
  let now = await inner();
  for (let attempt = 0; attempt < 3 && !fits(now); attempt++) {
    await browser.setWindowSize(outer.width, outer.height);
    // The new size may reach the page after the command returned.
    const until = Date.now() + 3_000;
    now = await inner();
    while (!fits(now) && Date.now() < until) {
      await browser.pause(50);
      now = await inner();
    }
    // Decorations only add to the viewport: the window is never asked to be smaller.
    outer = {
      width: Math.max(size.width, outer.width + size.width - now.width),
      height: Math.max(size.height, outer.height + size.height - now.height),
    };
  }
  if (!fits(now)) {
    const rect = await browser.getWindowRect();
    assert.fail(`viewport ${now.width}x${now.height} in a ${rect.width}x${rect.height} window, wanted ${size.width}x${size.height} (below the window's minimum size?)`);
  }
}

// What makes a screen hard to use on a phone: horizontal scrolling, an element
// reaching out of the screen, a control smaller than a 44 px touch target, text
// under 12 px. Returns one line per problem (empty when the screen is fine).
function layoutProblems() {
  return browser.execute(() => {
    const vw = window.innerWidth;
    const problems = [];
    const root = document.documentElement;
    if (root.scrollWidth > vw) problems.push(`the page scrolls horizontally (scrollWidth ${root.scrollWidth} > ${vw})`);
    const label = (el) => {
      const id = el.getAttribute("data-testid");
      const cls = typeof el.className === "string" && el.className.trim() ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
      const text = (el.textContent ?? "").trim().slice(0, 30);
      return `<${el.tagName.toLowerCase()}${id ? ` ${id}` : ""}${cls}> "${text}"`;
    };
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || style.display === "none") continue;
      if (r.right > vw + 0.5 || r.left < -0.5) problems.push(`${label(el)} reaches out of the screen (${Math.round(r.left)}..${Math.round(r.right)})`);
      if (el.matches("button, select, input, textarea, a[href]") && (r.height < 44 || r.width < 44)) {
        problems.push(`${label(el)} is ${Math.round(r.width)}x${Math.round(r.height)} px, under the 44 px touch target`);
      }
      const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").trim());
      if (hasText && parseFloat(style.fontSize) < 12) problems.push(`${label(el)} has ${style.fontSize} text`);
    }
    return problems;
  });
}

const ctx = {
  browser,
  assert,
  rpc,
  p2p,
  accounts,
  roleWords,
  products,
  launched,
  // `phoneFocus`: the test id of what the phone screenshot should show (scrolled to
  // the middle of the screen), when the phone's taller page would leave it below.
  async shot(name, { phoneFocus } = {}) {
    // Let the last change reach the screen before the snapshot.
    await browser.pause(400);
    const file = join(shots, `${name}.png`);
    await browser.saveScreenshot(file);
    console.log(`screenshot: ${file}`);
    await viewport(PHONE);
    let problems;
    try {
      if (phoneFocus) {
        await browser.execute((id) => document.querySelector(`[data-testid="${id}"]`)?.scrollIntoView({ block: "center" }), phoneFocus);
      }
      await browser.pause(300);
      problems = await layoutProblems();
      const phone = join(shots, `${name}-phone.png`);
      await browser.saveScreenshot(phone);
      console.log(`screenshot: ${phone}`);
    } finally {
      await viewport(desktop);
    }
    assert.deepEqual(problems, [], `${name} at ${PHONE.width}x${PHONE.height}`);
  },
  appMemory: () => appMemory(driver.pid),
  dataDir: appEnv.JIFEN_DATA_DIR,
  // Runs the command-line wallet with its own data directory; returns stdout and stderr.
  cli(args) {
    const result = this.cliStatus(args);
    assert.equal(result.status, 0, `jifen ${args.join(" ")} failed:\n${result.stderr}`);
    return { stdout: result.stdout, stderr: result.stderr };
  },
  // Runs the command-line wallet and returns its exit status too (for a refusal).
  cliStatus(args) {
    assert.ok(cliBin, "needs the command-line wallet (JIFEN_CLI_BIN)");
    const env = { ...process.env, JIFEN_DATA_DIR: join(work, "cli"), NO_COLOR: "1" };
    const result = spawnSync(cliBin, ["--lang", "en", ...args], { env, encoding: "utf8", timeout: 120_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  },
  figure(name, value) {
    console.log(`figure: ${name} = ${value}`);
  },
  byTestId(id) {
    return browser.$(`[data-testid="${id}"]`);
  },
};

let failed = 0;
try {
  for (const [name, step] of steps) {
    const began = Date.now();
    try {
      await step(ctx);
      console.log(`ok   ${name} (${Date.now() - began} ms)`);
    } catch (e) {
      failed += 1;
      console.log(`FAIL ${name}: ${e?.stack ?? e}`);
      await ctx.shot(`FAILED-${name.replace(/[^a-z0-9]+/gi, "-")}`).catch(() => {});
      break;
    }
  }
} finally {
  await browser.deleteSession().catch(() => {});
  stopAll();
  rmSync(work, { recursive: true, force: true });
}
console.log(failed ? `e2e: ${failed} step(s) failed` : "e2e: all steps passed");
process.exit(failed ? 1 : 0);
