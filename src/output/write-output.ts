// Writes a build's files into the output folder without ever leaving it half
// written: everything is rendered into a staging folder first, then each file
// is renamed into place, files an earlier build wrote and this one does not
// are removed, and the manifest is written last. cryptodoc touches only the
// files its manifest lists, so the folder may be a wiki checkout with its own
// files and `.git`.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, rmdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { RenderError } from "../errors.js";
import { FileSink, type Sink } from "../report/sink.js";

export const MANIFEST_NAME = ".cryptodoc-manifest.json";
const STAGING_PREFIX = ".cryptodoc-staging-";

export interface OutputFile {
  /** Path inside the output folder, with `/` separators. */
  path: string;
  /** The file's text, or a function that streams it into a sink. */
  content: string | Buffer | ((sink: Sink) => void);
}

interface Manifest {
  tool: string;
  /** True when the files carry pseudonyms in place of ids and IP addresses. */
  redacted?: boolean;
  files: string[];
}

function checkPath(path: string): void {
  const normalised = posix.normalize(path);
  if (normalised !== path || path.startsWith("/") || path.startsWith("..") || path === MANIFEST_NAME || path.startsWith(STAGING_PREFIX)) {
    throw new RenderError(`Output path \`${path}\` is not a plain relative path inside the output folder.`);
  }
}

/** Reads the previous build's manifest; a missing or unreadable manifest lists nothing. */
function readManifestFile(outDir: string): Manifest {
  try {
    const manifest = JSON.parse(readFileSync(join(outDir, MANIFEST_NAME), "utf8")) as Partial<Manifest>;
    const files = Array.isArray(manifest.files) ? manifest.files.filter((file): file is string => typeof file === "string") : [];
    return { tool: "cryptodoc", redacted: manifest.redacted === true, files };
  } catch {
    return { tool: "cryptodoc", redacted: false, files: [] };
  }
}

/** Reads the file list of the previous build's manifest; a missing or unreadable manifest lists nothing. */
export function readManifest(outDir: string): string[] {
  return readManifestFile(outDir).files;
}

/** Rejects a build that would replace files cryptodoc did not write, or publish real ids over a redacted build. */
function checkOwnership(outDir: string, files: OutputFile[], previous: Manifest, redacted: boolean): void {
  const owned = new Set(previous.files);
  const foreign = files.map((file) => file.path).filter((path) => !owned.has(path) && existsSync(join(outDir, path)));
  if (foreign.length > 0) {
    throw new RenderError(`The output folder \`${outDir}\` already contains ${foreign.map((path) => `\`${path}\``).join(", ")}, which cryptodoc did not write; nothing was written.`, {
      hint: "Move those files away, or choose another folder with --out. cryptodoc replaces only the files its manifest lists.",
    });
  }
  if (previous.redacted === true && !redacted) {
    throw new RenderError(`The output folder \`${outDir}\` contains a redacted build, and this build is not redacted; nothing was written, so no real ids were published.`, {
      hint: "Build with --redact, or delete the folder's files first if it should hold real ids from now on.",
    });
  }
}

function createFolder(outDir: string): void {
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "EEXIST" || code === "ENOTDIR" ? "a file of that name is in the way" : (error as Error).message;
    throw new RenderError(`The output folder \`${outDir}\` cannot be created: ${reason}.`, { cause: error, hint: "Choose a folder you can write to with --out." });
  }
}

async function stage(stagingDir: string, file: OutputFile): Promise<void> {
  const target = join(stagingDir, file.path);
  mkdirSync(dirname(target), { recursive: true });
  if (typeof file.content === "function") {
    const sink = new FileSink(target);
    file.content(sink);
    await sink.close();
  } else {
    writeFileSync(target, file.content);
  }
}

/** Removes now-empty folders between `path`'s folder and `outDir`. */
function removeEmptyParents(outDir: string, path: string): void {
  for (let folder = dirname(path); folder !== "." && folder !== ""; folder = dirname(folder)) {
    const absolute = join(outDir, folder);
    if (!existsSync(absolute) || readdirSync(absolute).length > 0) return;
    rmdirSync(absolute);
  }
}

/** Writes `files` into `outDir` as one build; returns the paths it removed. */
export async function writeOutput(outDir: string, files: OutputFile[], options: { redacted?: boolean } = {}): Promise<{ removed: string[] }> {
  for (const file of files) checkPath(file.path);
  createFolder(outDir);
  const previous = readManifestFile(outDir);
  checkOwnership(outDir, files, previous, options.redacted === true);
  const stagingDir = join(outDir, `${STAGING_PREFIX}${process.pid}`);
  rmSync(stagingDir, { recursive: true, force: true });

  try {
    for (const file of files) await stage(stagingDir, file);
  } catch (error) {
    rmSync(stagingDir, { recursive: true, force: true });
    throw new RenderError(`Writing the output failed before any file was replaced: ${(error as Error).message}`, { cause: error, hint: `Check that \`${outDir}\` is writable; the previous output is unchanged.` });
  }

  for (const file of files) {
    const target = join(outDir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    renameSync(join(stagingDir, file.path), target);
  }
  const produced = new Set(files.map((file) => file.path));
  const removed = previous.files.filter((path) => !produced.has(path) && !path.split("/").includes(".."));
  for (const path of removed) {
    rmSync(join(outDir, path), { force: true });
    removeEmptyParents(outDir, path);
  }

  const manifest: Manifest = { tool: "cryptodoc", ...(options.redacted === true ? { redacted: true } : {}), files: [...produced].sort() };
  const manifestTemp = join(stagingDir, MANIFEST_NAME);
  writeFileSync(manifestTemp, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(manifestTemp, join(outDir, MANIFEST_NAME));
  rmSync(stagingDir, { recursive: true, force: true });
  return { removed };
}
