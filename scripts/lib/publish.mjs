// How `npm run build` publishes a site folder safely (scripts/build.mjs): one build at a time per folder (a lock
// file beside it), a fresh temporary folder per build, a check of the output before it is swapped in, and a swap
// that the next run completes when a crash stopped it halfway.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, realpath, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** How long a build waits for another one publishing the same folder before it gives up. */
export const LOCK_WAIT_MS = 15 * 60_000;
const POLL_MS = 250;

/** A problem the build reports as one line (no stack trace): the message is the whole story. */
export class PublishError extends Error {}

const unwritable = (target, error) =>
  new PublishError(`Cannot write beside ${target} (${error instanceof Error ? error.message : error}): choose an output folder this user can write.`);

/**
 * The real folder to publish into. A `dist` that is a symlink (a web root) stays a symlink: the site is published
 * into the folder it points at, swapped beside that folder.
 */
export async function publishTarget(outDir) {
  const link = await lstat(outDir).catch(() => undefined);
  if (!link?.isSymbolicLink()) return outDir;
  const target = await realpath(outDir).catch(() => {
    throw new PublishError(`${outDir} is a symlink to a folder that does not exist: create that folder or remove the link.`);
  });
  if (!(await stat(target)).isDirectory()) throw new PublishError(`${outDir} is a symlink to ${target}, which is not a folder.`);
  return target;
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
};

/**
 * Takes `<target>.lock` (it holds the build's process id and a token of its own). A second build waits while the
 * first one's process lives, saying so once; a lock left by a process that died is taken over.
 * @returns {Promise<() => Promise<void>>} releases the lock (only if it still is this build's)
 */
export async function acquireLock(target, say, waitMs = LOCK_WAIT_MS) {
  const lock = `${target}.lock`;
  const mine = `${process.pid} ${randomBytes(8).toString('hex')}`;
  const started = Date.now();
  let told = false;
  await mkdir(dirname(target), { recursive: true }).catch((error) => {
    throw unwritable(target, error);
  });
  for (;;) {
    try {
      await writeFile(lock, mine, { flag: 'wx' });
      return async () => {
        if ((await readFile(lock, 'utf8').catch(() => '')) === mine) await rm(lock, { force: true });
      };
    } catch (error) {
      if (error.code !== 'EEXIST') throw unwritable(target, error);
    }
    const holder = Number.parseInt(await readFile(lock, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(holder) && !alive(holder)) {
      say(`Note: ${lock} was left by a build that stopped (process ${holder}); taking it over.`);
      await rm(lock, { force: true });
      continue;
    }
    if (Date.now() - started > waitMs) {
      throw new PublishError(`Another build (process ${holder || '?'}) is still publishing ${target}; gave up after ${Math.round(waitMs / 1000)} s. If no build is running, delete ${lock}.`);
    }
    if (!told) say(`Another build (process ${holder || '?'}) is publishing ${target}: waiting for it to finish.`);
    told = true;
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
}

/**
 * Completes what an earlier build left, under the lock: a crash between the swap's two renames leaves `<target>.old`
 * and no `<target>`, which is renamed back; stray `.old` and `.partial-*` folders are removed. A `.trash-*` folder
 * (an old site whose deletion was stopped, or is still under way: two deletions of one folder do not hurt each other)
 * is given to a deletion in the background, as after a swap.
 */
export async function recoverSwap(target, say) {
  const old = `${target}.old`;
  if (existsSync(old)) {
    if (existsSync(target)) await rm(old, { recursive: true, force: true });
    else {
      await rename(old, target);
      say(`Note: restored ${target} from ${basename(old)} (an earlier build stopped in the middle of publishing).`);
    }
  }
  const parent = dirname(target);
  const prefix = `${basename(target)}.partial`;
  for (const name of await readdir(parent).catch(() => [])) {
    if (name.startsWith(prefix)) await rm(join(parent, name), { recursive: true, force: true });
    else if (name.startsWith(`${basename(target)}.trash-`)) removeInBackground(join(parent, name));
  }
}

/**
 * Deletes `folder` in a detached process that outlives this one. Deleting the previous site of 5,000 articles (16,950
 * files, written a build earlier) took 4.9 s with `fs/promises` `rm`, 6.5 s with `rmSync` and 5 to 6 s with `rm -rf`
 * on this machine: the largest part of what publishing an edit cost after Astro was done. Nothing reads the folder
 * once it is renamed to `.trash-*`.
 */
export function removeInBackground(folder) {
  const code = 'require("node:fs/promises").rm(process.argv[1], { recursive: true, force: true, maxRetries: 3 })';
  spawn(process.execPath, ['-e', code, folder], { detached: true, stdio: 'ignore' }).unref();
}

/** A fresh, uniquely named folder beside `target` for one build's output. */
export async function partialFolder(target) {
  try {
    const folder = await mkdtemp(`${target}.partial-`);
    // mkdtemp makes it private (0700): the published folder must be readable by the web server, as a mkdir'd one is.
    await chmod(folder, 0o777 & ~process.umask());
    return folder;
  } catch (error) {
    throw unwritable(target, error);
  }
}

/**
 * The one path every build of `target` writes through: `<target>.partial`, a link to this build's own `partial`
 * folder. Astro bakes its output folder into the code it bundles, and its incremental build re-renders every page
 * whose code changed: a new folder name per build would make every build cold. Under the lock, one build at a time
 * owns the link; recoverSwap removes a stale one.
 */
export async function outputLink(target, partial) {
  const link = `${target}.partial`;
  await rm(link, { force: true });
  await symlink(partial, link, 'dir');
  return link;
}

/** What a finished build must contain: the home page and every article's page (`articles/<slug>/index.html`). */
export function missingPages(folder, slugs) {
  return ['index.html', ...slugs.map((slug) => `articles/${slug}/index.html`)].filter((page) => !existsSync(join(folder, page)));
}

/**
 * Swaps `partial` in as `target`: the old site goes to `<target>.old` for the moment between the two renames, then to
 * `<target>.trash-<random>`, deleted in the background (removeInBackground) while the build returns.
 */
export async function swapIn(partial, target) {
  const old = `${target}.old`;
  await rm(old, { recursive: true, force: true });
  if (existsSync(target)) await rename(target, old);
  await rename(partial, target);
  if (!existsSync(old)) return;
  const trash = `${target}.trash-${randomBytes(6).toString('hex')}`;
  await rename(old, trash);
  removeInBackground(trash);
}
