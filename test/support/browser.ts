// Whether the browser tests can run here. They skip when no Chromium is found,
// unless CRYPTODOC_REQUIRE_BROWSER=1 (as CI sets it), where they run and fail.
import { existsSync } from "node:fs";
import { describe } from "vitest";
import { DEFAULT_BROWSER } from "../../src/render/svg/browser.js";

export const browserPath = process.env.CRYPTODOC_BROWSER ?? DEFAULT_BROWSER;
const required = process.env.CRYPTODOC_REQUIRE_BROWSER === "1";

/** `describe` when a browser is installed or required, `describe.skip` otherwise. */
export const describeWithBrowser = required || existsSync(browserPath) ? describe : describe.skip;
