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
  files: string[];
}

function checkPath(path: string): void {
  const normalised = posix.normalize(path);
  if (normalised !== path || path.startsWith("/") || path.startsWith("..") || path === MANIFEST_NAME || path.startsWith(STAGING_PREFIX)) {
    throw new RenderError(`Output path \`${path}\` is not a plain relative path inside the output folder.`);
  }
}

/** Reads the file list of the previous build's manifest; a missing or unreadable manifest lists nothing. */
export function readManifest(outDir: string): string[] {
  try {
    const manifest = JSON.parse(readFileSync(join(outDir, MANIFEST_NAME), "utf8")) as Partial<Manifest>;
    return Array.isArray(manifest.files) ? manifest.files.filter((file): file is string => typeof file === "string") : [];
  } catch {
    return [];
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
export async function writeOutput(outDir: string, files: OutputFile[]): Promise<{ removed: string[] }> {
  for (const file of files) checkPath(file.path);
  mkdirSync(outDir, { recursive: true });
  const stagingDir = join(outDir, `${STAGING_PREFIX}${process.pid}`);
  rmSync(stagingDir, { recursive: true, force: true });

  try {
    for (const file of files) await stage(stagingDir, file);
  } catch (error) {
    rmSync(stagingDir, { recursive: true, force: true });
    throw new RenderError(`Writing the output failed before any file was replaced: ${(error as Error).message}`, { cause: error, hint: `Check that \`${outDir}\` is writable; the previous output is unchanged.` });
  }

  const previous = readManifest(outDir);
  for (const file of files) {
    const target = join(outDir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    renameSync(join(stagingDir, file.path), target);
  }
  const produced = new Set(files.map((file) => file.path));
  const removed = previous.filter((path) => !produced.has(path) && !path.split("/").includes(".."));
  for (const path of removed) {
    rmSync(join(outDir, path), { force: true });
    removeEmptyParents(outDir, path);
  }

  const manifest: Manifest = { tool: "cryptodoc", files: [...produced].sort() };
  const manifestTemp = join(stagingDir, MANIFEST_NAME);
  writeFileSync(manifestTemp, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(manifestTemp, join(outDir, MANIFEST_NAME));
  rmSync(stagingDir, { recursive: true, force: true });
  return { removed };
}
