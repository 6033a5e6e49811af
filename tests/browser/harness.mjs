// Serves www/ on a free loopback port and drives Debian's Chromium through
// playwright-core (never a browser of its own). Used by the browser tests.
import { spawn, execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";
import { chromium } from "playwright-core";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const shots = join(root, "test-results");
mkdirSync(shots, { recursive: true });

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function waitForServer(url) {
  for (let i = 0; i < 100; i++) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not start`);
}

/** Serves `directory` (www/ by default) on a free loopback port. */
export async function serve(directory = join(root, "www")) {
  const port = await freePort();
  const server = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", directory], {
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}/`;
  await waitForServer(url);
  return { url, close: () => server.kill() };
}

function chromiumPath() {
  for (const name of ["chromium", "chromium-browser"]) {
    try {
      return execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim();
    } catch {
      // try the next name
    }
  }
  throw new Error("Chromium is not installed: run `make setup-browser`");
}

export async function launch() {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    // playwright starts every launch with a new, empty profile directory.
  });
}

/** A page that records requests, CSP violations and errors. */
export async function open(browser, url, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const log = { requests: [], methods: [], violations: [], errors: [] };
  page.on("request", (request) => {
    log.requests.push(request.url());
    log.methods.push(request.method());
  });
  page.on("pageerror", (error) => log.errors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") log.errors.push(message.text());
  });
  await page.addInitScript(() => {
    // The page's explorer keeps its parts in a shadow root: these reach them.
    window.shadow = () => document.querySelector("yesan-explorer").shadowRoot;
    window.deepActive = () => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active;
    };
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (event) =>
      window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await page.goto(url);
  await page.waitForSelector("body[data-state=ready]");
  return { page, context, log };
}

/** A site holding examples/embed/ and, in yesan/, the npm package as
 * `npm pack` makes it (the test and bench/embed.mjs serve it). */
export function exampleSite() {
  const dir = mkdtempSync(join(tmpdir(), "yesan-embed-"));
  cpSync(join(root, "examples/embed"), dir, { recursive: true });
  const packed = execFileSync("npm", ["pack", join(root, "pkg"), "--pack-destination", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim().split("\n").pop();
  mkdirSync(join(dir, "yesan"));
  execFileSync("tar", ["-xzf", join(dir, packed), "-C", join(dir, "yesan"), "--strip-components=1"]);
  rmSync(join(dir, packed));
  return dir;
}
