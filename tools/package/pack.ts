/**
 * Packs the package exactly as `npm pack` / `npm publish` do from a fresh clone, without touching this working
 * tree's `dist/` (which running tests and plugin hosts may be using): the files a clone would have (git's tracked and
 * untracked-but-not-ignored files, with uncommitted edits) are copied to a scratch directory next to a link to this
 * tree's `node_modules`, and `npm pack` runs there, so the package's own `prepack` builds what ships.
 *
 * Packing costs a clean build (about 15 s here), so tarballs are cached by content: the key is a hash of every file a
 * clone would have, the lockfile included. The same sources give the same tarball; any change packs again.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "../engine/pluginHost";

/** A packed tarball. */
export interface PackedPackage {
  /** Absolute path of the `.tgz`. */
  tarball: string;
  /** `name@version` as npm reports it. */
  id: string;
  /** Paths inside the package (without the `package/` prefix), sorted. */
  files: string[];
}

/** Where cached tarballs live: one folder per content hash. */
const CACHE_ROOT = path.join(os.tmpdir(), "pulumi-konnect-dcr-packs");
/** Cached tarballs older than this are removed when a new one is written. */
const CACHE_MAX_AGE_MS = 24 * 3600 * 1000;

/** Folders a source tree without git history still must not contribute (installs, builds, local state). */
const NOT_SOURCE = new Set(["node_modules", ".git", "dist", "coverage", ".pulumi", ".test-state"]);

function walk(root: string, prefix = ""): string[] {
  return fs.readdirSync(path.join(root, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) return NOT_SOURCE.has(entry.name) ? [] : walk(root, relative);
    return entry.isFile() ? [relative] : [];
  });
}

/**
 * The files a fresh clone of `root` would have, with the working tree's edits (git's tracked and untracked files that
 * are not ignored): relative paths, sorted. Outside a git checkout, every file but installs and builds.
 */
export function cloneFiles(root: string = REPO_ROOT): string[] {
  let listed: string;
  try {
    listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch {
    return walk(root).sort();
  }
  const files = new Set(listed.split("\0").filter((f) => f !== ""));
  return [...files].filter((f) => fs.statSync(path.join(root, f), { throwIfNoEntry: false })?.isFile()).sort();
}

function contentKey(root: string, files: string[]): string {
  const hash = createHash("sha256");
  for (const file of files) {
    hash
      .update(file)
      .update("\0")
      .update(fs.readFileSync(path.join(root, file)))
      .update("\0");
  }
  return hash.digest("hex").slice(0, 24);
}

function pruneCache(keep: string): void {
  for (const entry of fs.readdirSync(CACHE_ROOT)) {
    const dir = path.join(CACHE_ROOT, entry);
    if (entry === keep) continue;
    const age = Date.now() - fs.statSync(dir).mtimeMs;
    if (age > CACHE_MAX_AGE_MS) fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface NpmPackResult {
  id: string;
  filename: string;
  files: { path: string }[];
}

/** Runs `npm pack` in a scratch copy of `root` and moves the tarball into `destination`. */
function packCopy(root: string, files: string[], destination: string): PackedPackage {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-konnect-dcr-stage-"));
  try {
    for (const file of files) {
      fs.mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
      fs.copyFileSync(path.join(root, file), path.join(stage, file));
    }
    fs.symlinkSync(path.join(root, "node_modules"), path.join(stage, "node_modules"), "dir");
    // Lifecycle output (prepack's build) goes to stderr; stdout is the JSON report.
    const out = execFileSync("npm", ["pack", "--json", "--pack-destination", destination], {
      cwd: stage,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
    const [result] = JSON.parse(out) as NpmPackResult[];
    if (!result) throw new Error(`npm pack reported nothing:\n${out}`);
    return {
      tarball: path.join(destination, result.filename),
      id: result.id,
      files: result.files.map((f) => f.path).sort(),
    };
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

/**
 * The tarball `npm pack` makes from this working tree (cached by content). Throws with npm's output when packing
 * fails (for example when the build fails).
 */
export function packWorkingTree(root: string = REPO_ROOT): PackedPackage {
  const files = cloneFiles(root);
  const key = contentKey(root, files);
  const dir = path.join(CACHE_ROOT, key);
  const manifest = path.join(dir, "pack.json");
  if (fs.existsSync(manifest)) return JSON.parse(fs.readFileSync(manifest, "utf8")) as PackedPackage;

  fs.mkdirSync(CACHE_ROOT, { recursive: true });
  // Concurrent packs of the same content (two jest workers) each write a private folder; the first rename wins.
  const scratch = fs.mkdtempSync(path.join(CACHE_ROOT, `.${key}-`));
  let packed: PackedPackage;
  try {
    packed = packCopy(root, files, scratch);
  } catch (error) {
    fs.rmSync(scratch, { recursive: true, force: true });
    const stderr = (error as { stderr?: string }).stderr ?? "";
    throw new Error(`npm pack failed: ${error instanceof Error ? error.message : String(error)}\n${stderr}`, {
      cause: error,
    });
  }
  const final: PackedPackage = { ...packed, tarball: path.join(dir, path.basename(packed.tarball)) };
  fs.writeFileSync(path.join(scratch, "pack.json"), JSON.stringify(final, null, 2));
  try {
    fs.renameSync(scratch, dir);
  } catch {
    fs.rmSync(scratch, { recursive: true, force: true }); // another process won: same content, same tarball
  }
  pruneCache(key);
  return final;
}
