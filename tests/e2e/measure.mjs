// What the end-to-end run (run.mjs) and the floor comparison (floor.mjs) share:
// starting processes and tauri-driver, opening the WebDriver session that launches
// the app, and the memory of the app's processes.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { remote } from "webdriverio";

export const driverBin = process.env.TAURI_DRIVER ?? join(process.env.HOME ?? "", ".cargo/bin/tauri-driver");

// Every process started here, stopped in reverse order by stopAll (also on exit).
const children = [];
export function start(cmd, args, env, name) {
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  child.stderr.on("data", (d) => process.env.E2E_VERBOSE && process.stderr.write(`[${name}] ${d}`));
  return child;
}
export function stopAll() {
  for (const child of children.reverse()) if (child.exitCode === null) child.kill("SIGTERM");
  children.length = 0;
}
process.on("exit", stopAll);
process.on("SIGINT", () => process.exit(130));

// Stops one child and waits until it has exited (its WebKit processes go with it).
export async function stop(child, ms = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((ok) => child.once("exit", ok));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), ms);
  await exited;
  clearTimeout(timer);
}

export function waitForLine(child, pattern, ms) {
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

// A free loopback port (asked of the OS, then released for a driver to bind).
export async function freePort() {
  const server = createServer();
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
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

// tauri-driver in front of WebKitWebDriver on free ports; `env` reaches the app
// (the driver's environment is inherited by WebKitWebDriver and the app it starts).
export async function startDriver(env) {
  const port = await freePort();
  const nativePort = await freePort();
  const driver = start(driverBin, ["--port", String(port), "--native-port", String(nativePort)], env, "driver");
  await waitForPort(port, 30_000);
  return { driver, port };
}

// The WebDriver session: WebKitWebDriver launches `appBin` when it is requested.
export function launch(port, appBin) {
  return remote({
    hostname: "127.0.0.1",
    port,
    logLevel: "warn",
    connectionRetryTimeout: 120_000,
    capabilities: {
      "wdio:enforceWebDriverClassic": true,
      "tauri:options": { application: appBin },
    },
  });
}

// The app's processes (the app and its WebKit web/network processes, not the
// drivers): every process below `driverPid` whose name is not a driver's.
export function appProcesses(driverPid) {
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
    for (let p = pid; p > 1; p = parent.get(p) ?? 0) if (p === driverPid) return true;
    return false;
  };
  const rows = [];
  for (const [pid, comm] of name) {
    if (pid === driverPid || !isBelow(pid) || /driver/i.test(comm)) continue;
    rows.push({ pid, comm });
  }
  return rows;
}

// Memory of the app's processes: proportional set size from /proc/<pid>/smaps_rollup.
export function appMemory(driverPid) {
  const rows = [];
  for (const { pid, comm } of appProcesses(driverPid)) {
    try {
      const pss = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8").match(/^Pss:\s+(\d+) kB/m);
      if (pss) rows.push({ pid, comm, mib: Number(pss[1]) / 1024 });
    } catch {}
  }
  return rows;
}

// The `n` mappings of a process with the largest Pss (from /proc/<pid>/smaps), the
// anonymous ones named by their kind ([heap], [anon]): where the memory is.
export function topMappings(pid, n = 10) {
  let text;
  try {
    text = readFileSync(`/proc/${pid}/smaps`, "utf8");
  } catch {
    return [];
  }
  const byName = new Map();
  let current = null;
  for (const line of text.split("\n")) {
    const head = line.match(/^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/);
    if (head) {
      current = head[1].trim() || "[anon]";
      continue;
    }
    const pss = line.match(/^Pss:\s+(\d+) kB/);
    if (pss && current) byName.set(current, (byName.get(current) ?? 0) + Number(pss[1]));
  }
  return [...byName.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, kb]) => ({ name, mib: kb / 1024 }));
}
