// Starts the headless Chromium that renders Mermaid diagrams: a throw-away
// profile, no background traffic, and host-resolver rules that resolve no host
// name but localhost. A browser that cannot start is reported with the cause
// and the fix, because the messages puppeteer gives are easy to misread.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";
import { RenderError } from "../../errors.js";

/** The launcher that Debian's `chromium` package installs. */
export const DEFAULT_BROWSER = "/usr/bin/chromium";

const LAUNCH_TIMEOUT_MS = 30_000;

/** Chromium refuses to run as root with its sandbox on, so root (as in most CI containers) turns it off. */
const runsAsRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** Returns the command-line switches every launch uses besides the profile folder. */
export function browserArguments(): string[] {
  return [
    ...(runsAsRoot() ? ["--no-sandbox", "--disable-setuid-sandbox"] : []),
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--disable-extensions",
    // Every host name resolves to nothing except localhost, so the page cannot reach any host by name.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
  ];
}

/** A browser that could not be started; exit code 2, with a message that names the cause. */
export class BrowserLaunchError extends RenderError {
  constructor(message: string, hint: string, cause: unknown) {
    super(message, { cause, hint });
  }
}

const INSTALL_HINT = "Install Debian's Chromium with `apt-get install chromium`, or pass --browser PATH to a Chromium or Chrome executable.";

/** Turns puppeteer's launch error into a message naming what went wrong and how to fix it. */
export function describeLaunchFailure(path: string, error: Error): BrowserLaunchError {
  const message = error.message;
  const stderr = /stderr:\s*([\s\S]*?)(?:\n\s*TROUBLESHOOTING:|$)/.exec(message)?.[1]?.trim() ?? "";
  const firstStderrLine = stderr.split("\n").find((line) => line.trim() !== "")?.replace(/^\[[^\]]*\]\s*/, "") ?? "";

  if (/Browser was not found at the configured executablePath|Could not find Chrome|ENOENT/.test(message)) {
    return new BrowserLaunchError(`No browser was found at \`${path}\`, which --diagrams svg needs to render diagrams.`, INSTALL_HINT, error);
  }
  if (/Running as root without --no-sandbox is not supported/.test(message)) {
    return new BrowserLaunchError(`The browser at \`${path}\` did not start: Chromium does not run as root with its sandbox on.`, "Run cryptodoc as root, where it starts Chromium without the sandbox, or as an ordinary user.", error);
  }
  if (/No usable sandbox/.test(message)) {
    return new BrowserLaunchError(`The browser at \`${path}\` did not start: it found no usable sandbox.`, "Allow unprivileged user namespaces (Ubuntu 23.10 and later restrict them through AppArmor), or run the build as root in a container, where cryptodoc turns the sandbox off.", error);
  }
  if (/EACCES|ENOEXEC|Code: 126\b/.test(message)) {
    return new BrowserLaunchError(`The browser path \`${path}\` is not an executable file.`, INSTALL_HINT, error);
  }
  if (/Timed out after \d+ ms while waiting for the WS endpoint/.test(message)) {
    return new BrowserLaunchError(`The browser at \`${path}\` did not start within ${LAUNCH_TIMEOUT_MS / 1000} s.`, `Check that \`${path} --headless --version\` works on this machine.`, error);
  }
  const code = /Code: (\d+)/.exec(message)?.[1];
  if (code !== undefined) {
    return new BrowserLaunchError(`The browser at \`${path}\` exited with code ${code} before it was ready${firstStderrLine === "" ? "" : `: ${firstStderrLine}`}.`, `Check that \`${path}\` is Chromium or Chrome: \`${path} --version\`. ${INSTALL_HINT}`, error);
  }
  return new BrowserLaunchError(`Starting the browser at \`${path}\` failed: ${message.split("\n")[0]}`, INSTALL_HINT, error);
}

export interface LaunchedBrowser {
  browser: Browser;
  profileDir: string;
  arguments: string[];
}

/** Starts headless Chromium at `path` with a new profile folder; the caller removes it with closeBrowser. */
export async function launchBrowser(path: string): Promise<LaunchedBrowser> {
  const profileDir = mkdtempSync(join(tmpdir(), "cryptodoc-chromium-"));
  const args = browserArguments();
  try {
    const browser = await puppeteer.launch({
      executablePath: path,
      headless: "shell",
      args,
      timeout: LAUNCH_TIMEOUT_MS,
      userDataDir: profileDir,
    });
    return { browser, profileDir, arguments: args };
  } catch (error) {
    rmSync(profileDir, { recursive: true, force: true });
    throw describeLaunchFailure(path, error as Error);
  }
}

/** Closes the browser and removes its profile folder, even when closing fails. */
export async function closeBrowser(launched: LaunchedBrowser): Promise<void> {
  try {
    await launched.browser.close();
  } finally {
    rmSync(launched.profileDir, { recursive: true, force: true });
  }
}
