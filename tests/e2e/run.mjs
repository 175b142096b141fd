// End-to-end test of the Jifen app in its real window.
//
// Starts (1) the reference node's devnet on a free loopback port, if a node binary is
// given, (2) tauri-driver in front of WebKitWebDriver, which launches the debug app
// binary, then drives the UI with WebdriverIO and saves a screenshot after each step
// in tests/e2e/screenshots/. Run it under a display: scripts/test.sh uses xvfb-run.
//
//   JIFEN_APP_BIN=target/debug/jifen-app JIFEN_NODE_BIN=target/debug/jifen-node \
//     xvfb-run -a node tests/e2e/run.mjs
//
// Timings (launch → first paint, → first verified balance) are printed as
// `figure:` lines for docs/benchmarks.md; they are never asserted.
import { spawn, spawnSync, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { remote } from "webdriverio";
import { steps } from "./steps.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const targetDir = process.env.CARGO_TARGET_DIR ?? "target";
const appBin = resolve(root, process.env.JIFEN_APP_BIN ?? join(targetDir, "debug", "jifen-app"));
const nodeBin = process.env.JIFEN_NODE_BIN ? resolve(root, process.env.JIFEN_NODE_BIN) : null;
// The command-line wallet plays the online side of cold signing (optional).
const cliBin = process.env.JIFEN_CLI_BIN ? resolve(root, process.env.JIFEN_CLI_BIN) : null;
const driverBin = process.env.TAURI_DRIVER ?? join(process.env.HOME ?? "", ".cargo/bin/tauri-driver");
const shots = join(here, "screenshots");
rmSync(shots, { recursive: true, force: true });
mkdirSync(shots, { recursive: true });

const children = [];
function start(cmd, args, env, name) {
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  child.stderr.on("data", (d) => process.env.E2E_VERBOSE && process.stderr.write(`[${name}] ${d}`));
  return child;
}
function stopAll() {
  for (const child of children.reverse()) if (child.exitCode === null) child.kill("SIGTERM");
}
process.on("exit", stopAll);
process.on("SIGINT", () => process.exit(130));

function waitForLine(child, pattern, ms) {
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`timeout waiting for ${pattern}`)), ms);
    let seen = "";
    const onData = (d) => {
      seen += d;
      const m = seen.match(pattern);
      if (m) {
        clearTimeout(timer);
        ok(m);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => fail(new Error(`process exited (${code}) before ${pattern}: ${seen}`)));
  });
}

async function waitForPort(port, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/status`);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`tauri-driver did not start on ${port}`);
}

const work = mkdtempSync(join(tmpdir(), "jifen-e2e-"));
let rpc = null;
let accounts = [];
if (nodeBin) {
  // The public devnet accounts ("<i> <address> secret=<hex>"): a second account to send to.
  accounts = execFileSync(nodeBin, ["accounts"], { encoding: "utf8" })
    .split("\n")
    .map((line) => line.split(" ")[1])
    .filter((a) => a && a.startsWith("jfd1"));
  const devnet = start(nodeBin, ["devnet", "--data-dir", join(work, "devnet"), "--rpc-port", "0"], {}, "node");
  const m = await waitForLine(devnet, /RPC: (http:\/\/[0-9.:]+)/, 60_000);
  rpc = m[1];
  console.log(`devnet at ${rpc}`);
}

// Free loopback ports for tauri-driver and WebKitWebDriver (asked of the OS,
// then released for the drivers to bind).
async function freePort() {
  const server = createServer();
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}
const driverPort = await freePort();
const nativePort = await freePort();
const appEnv = {
  JIFEN_DATA_DIR: join(work, "data"),
  ...(rpc ? { JIFEN_ENDPOINTS: rpc } : {}),
  ...(process.env.E2E_APP_ENV ? JSON.parse(process.env.E2E_APP_ENV) : {}),
};
const driver = start(driverBin, ["--port", String(driverPort), "--native-port", String(nativePort)], appEnv, "driver");

// Memory of the app's processes (jifen-app and its WebKit web/network processes,
// not the drivers): proportional set size from /proc/<pid>/smaps_rollup.
function appMemory() {
  const parent = new Map();
  const name = new Map();
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parent.set(Number(pid), Number(fields[1]));
      name.set(Number(pid), readFileSync(`/proc/${pid}/comm`, "utf8").trim());
    } catch {}
  }
  const isBelow = (pid) => {
    for (let p = pid; p > 1; p = parent.get(p) ?? 0) if (p === driver.pid) return true;
    return false;
  };
  const rows = [];
  for (const [pid, comm] of name) {
    if (pid === driver.pid || !isBelow(pid) || /driver/i.test(comm)) continue;
    try {
      const pss = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8").match(/^Pss:\s+(\d+) kB/m);
      if (pss) rows.push({ pid, comm, mib: Number(pss[1]) / 1024 });
    } catch {}
  }
  return rows;
}
await waitForPort(driverPort, 30_000);

const launched = Date.now();
const browser = await remote({
  hostname: "127.0.0.1",
  port: driverPort,
  logLevel: "warn",
  connectionRetryTimeout: 120_000,
  capabilities: {
    "wdio:enforceWebDriverClassic": true,
    "tauri:options": { application: appBin },
  },
});

const ctx = {
  browser,
  assert,
  rpc,
  accounts,
  launched,
  async shot(name) {
    // Let the last change reach the screen before the snapshot.
    await browser.pause(400);
    const file = join(shots, `${name}.png`);
    await browser.saveScreenshot(file);
    console.log(`screenshot: ${file}`);
  },
  appMemory,
  dataDir: appEnv.JIFEN_DATA_DIR,
  // Runs the command-line wallet with its own data directory; returns stdout and stderr.
  cli(args) {
    assert.ok(cliBin, "needs the command-line wallet (JIFEN_CLI_BIN)");
    const env = { ...process.env, JIFEN_DATA_DIR: join(work, "cli"), NO_COLOR: "1" };
    const result = spawnSync(cliBin, ["--lang", "en", ...args], { env, encoding: "utf8", timeout: 120_000 });
    assert.equal(result.status, 0, `jifen ${args.join(" ")} failed:\n${result.stderr}`);
    return { stdout: result.stdout, stderr: result.stderr };
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
