// The Jifen app against its floor: a minimal Tauri v2 app (tools/tauri-floor: one
// static page, no commands, the same Tauri and WebKitGTK), measured side by side in
// one run. Rounds alternate the order (floor first, then Jifen first, ...) so drift in
// the machine's load falls on both. Per run: a fresh tauri-driver and a fresh data
// directory (JIFEN_DATA_DIR and the XDG directories, where WebKit keeps its caches);
// first paint = from the WebDriver session request (WebKitWebDriver starts the app)
// until the floor's `floor-ready` / Jifen's welcome button `start-create` is
// displayed; then the app idles and the PSS of all its processes (the app and its
// WebKit processes, not the drivers) is read from /proc/<pid>/smaps_rollup.
//
//   cargo build --release -p jifen-app -p jifen-tauri-floor --features tauri/custom-protocol
//   FLOOR_BIN=target/release/jifen-tauri-floor JIFEN_APP_BIN=target/release/jifen-app \
//     xvfb-run -a -s "-screen 0 1280x900x24" node tests/e2e/floor.mjs
//
// FLOOR_ROUNDS (default 5) and FLOOR_IDLE_MS (default 15000) change the run;
// FLOOR_ENV (JSON) is added to every app's environment; FLOOR_VARIANTS (below) adds
// more apps to the same rounds. Figures are printed as
// `figure:` lines for docs/benchmarks.md; nothing is asserted but that each app
// reached its first paint.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { appMemory, launch, startDriver, stop, topMappings } from "./measure.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const targetDir = process.env.CARGO_TARGET_DIR ?? "target";
const rounds = Number(process.env.FLOOR_ROUNDS ?? 5);
const idleMs = Number(process.env.FLOOR_IDLE_MS ?? 15_000);
const extraEnv = process.env.FLOOR_ENV ? JSON.parse(process.env.FLOOR_ENV) : {};

const apps = [
  {
    name: "floor",
    bin: resolve(root, process.env.FLOOR_BIN ?? join(targetDir, "release", "jifen-tauri-floor")),
    ready: "floor-ready",
  },
  {
    name: "jifen",
    bin: resolve(root, process.env.JIFEN_APP_BIN ?? join(targetDir, "release", "jifen-app")),
    ready: "start-create",
  },
  // More apps in the same rounds (before/after a change, or the floor with other
  // settings): FLOOR_VARIANTS='[{"name":"jifen-before","bin":"…","ready":"start-create","env":{…}}]'.
  ...(process.env.FLOOR_VARIANTS ? JSON.parse(process.env.FLOOR_VARIANTS) : []).map((v) => ({ ...v, bin: resolve(root, v.bin) })),
];

// Every app's name must be its own (results are kept by name).
if (new Set(apps.map((a) => a.name)).size !== apps.length) throw new Error("FLOOR_VARIANTS: names must differ");

// One launch of `app`: first paint, then the idle memory of every app process.
async function measureOnce(app) {
  const work = mkdtempSync(join(tmpdir(), `jifen-floor-${app.name}-`));
  const env = {
    JIFEN_DATA_DIR: join(work, "data"),
    XDG_DATA_HOME: join(work, "xdg-data"),
    XDG_CACHE_HOME: join(work, "xdg-cache"),
    XDG_CONFIG_HOME: join(work, "xdg-config"),
    ...extraEnv,
    ...(app.env ?? {}),
  };
  const { driver, port } = await startDriver(env);
  let browser = null;
  try {
    const launched = Date.now();
    browser = await launch(port, app.bin);
    await browser.$(`[data-testid="${app.ready}"]`).waitForDisplayed({ timeout: 60_000 });
    const firstPaint = Date.now() - launched;
    await browser.pause(idleMs);
    const rows = appMemory(driver.pid);
    if (rows.length === 0) throw new Error(`${app.name}: no app processes found`);
    const top = rows.map((r) => ({ ...r, top: topMappings(r.pid) }));
    return { firstPaint, rows: top, total: rows.reduce((sum, r) => sum + r.mib, 0) };
  } finally {
    await browser?.deleteSession().catch(() => {});
    await stop(driver);
    rmSync(work, { recursive: true, force: true });
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

function versions() {
  const lock = readFileSync(join(root, "Cargo.lock"), "utf8");
  const crate = (name) => lock.match(new RegExp(`name = "${name}"\\nversion = "([^"]+)"`))?.[1] ?? "?";
  let webkit = "?";
  try {
    webkit = execFileSync("pkg-config", ["--modversion", "webkit2gtk-4.1"], { encoding: "utf8" }).trim();
  } catch {
    try {
      webkit = execFileSync("dpkg-query", ["-W", "-f", "${Version}", "libwebkit2gtk-4.1-0"], { encoding: "utf8" }).trim();
    } catch {}
  }
  return `tauri ${crate("tauri")}, wry ${crate("wry")}, webkit2gtk (crate) ${crate("webkit2gtk")}, WebKitGTK ${webkit}`;
}

const results = Object.fromEntries(apps.map((app) => [app.name, []]));
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? apps : [...apps].reverse();
  for (const app of order) {
    const r = await measureOnce(app);
    results[app.name].push(r);
    const split = r.rows.map((x) => `${x.comm} ${x.mib.toFixed(1)}`).join(", ");
    console.log(`round ${round + 1} ${app.name}: first paint ${r.firstPaint} ms, idle PSS ${r.total.toFixed(1)} MiB (${split})`);
  }
}

// Where the memory is, from each app's last run: the largest mappings per process.
for (const app of apps) {
  const last = results[app.name].at(-1);
  for (const row of last.rows) {
    const list = row.top.map((m) => `${m.name} ${m.mib.toFixed(1)}`).join("; ");
    console.log(`top mappings ${app.name} ${row.comm} (${row.mib.toFixed(1)} MiB): ${list}`);
  }
}

const paint = {};
const pss = {};
for (const app of apps) {
  const runs = results[app.name];
  paint[app.name] = median(runs.map((r) => r.firstPaint));
  pss[app.name] = median(runs.map((r) => r.total));
  // Median per process kind (the app, WebKitWebProcess, WebKitNetworkProcess).
  const kinds = [...new Set(runs.flatMap((r) => r.rows.map((x) => x.comm)))];
  const split = kinds
    .map((k) => `${k} ${median(runs.map((r) => r.rows.filter((x) => x.comm === k).reduce((s, x) => s + x.mib, 0))).toFixed(1)}`)
    .join(", ");
  console.log(`figure: ${app.name} launch to first paint (ms, median of ${runs.length}) = ${paint[app.name]} (${runs.map((r) => r.firstPaint).join(", ")})`);
  console.log(`figure: ${app.name} idle PSS, all app processes (MiB, median of ${runs.length}) = ${pss[app.name].toFixed(1)} (${split}; runs ${runs.map((r) => r.total.toFixed(1)).join(", ")})`);
}
for (const app of apps.filter((a) => a.name !== "floor")) {
  console.log(`figure: ${app.name} / floor first paint = ${(paint[app.name] / paint.floor).toFixed(2)}`);
  console.log(`figure: ${app.name} / floor idle PSS = ${(pss[app.name] / pss.floor).toFixed(2)} (${app.name} above the floor: ${(pss[app.name] - pss.floor).toFixed(1)} MiB)`);
}
console.log(`figure: versions = ${versions()}; idle ${idleMs} ms; ${rounds} rounds`);
process.exit(0);
