import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock, missingPages, partialFolder, PublishError, publishTarget, recoverSwap, swapIn } from '../../../scripts/lib/publish.mjs';

const root = await mkdtemp(join(tmpdir(), 'reader-publish-'));
afterAll(() => rm(root, { recursive: true, force: true }));
let n = 0;
/** A fresh folder per test, holding `dist` paths that do not exist yet. */
async function place() {
  const dir = join(root, String(n++));
  await mkdir(dir);
  return dir;
}
/** The names in `dir`, sorted, for `expect.poll` (an old site is deleted in the background). */
const names = (dir: string) => async () => (await readdir(dir)).sort();
const site = async (folder: string, text: string) => {
  await mkdir(join(folder, 'articles/a'), { recursive: true });
  await writeFile(join(folder, 'index.html'), text);
  await writeFile(join(folder, 'articles/a/index.html'), text);
};

describe('acquireLock', () => {
  it('makes a second build wait for the first, and says why', async () => {
    const dist = join(await place(), 'dist');
    const said: string[] = [];
    const order: string[] = [];
    const release = await acquireLock(dist, (l: string) => said.push(l));
    const second = acquireLock(dist, (l: string) => said.push(l)).then(async (releaseSecond) => {
      order.push('second has the lock');
      await releaseSecond();
    });
    await new Promise((done) => setTimeout(done, 600));
    order.push('first releases');
    await release();
    await second;
    expect(order).toEqual(['first releases', 'second has the lock']);
    expect(said).toEqual([expect.stringMatching(/^Another build \(process \d+\) is publishing .*dist: waiting for it to finish\.$/)]);
    expect(existsSync(`${dist}.lock`)).toBe(false);
  });

  it('takes over a lock whose process has died', async () => {
    const dist = join(await place(), 'dist');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    await writeFile(`${dist}.lock`, `${dead} deadbeef`);
    const said: string[] = [];
    const release = await acquireLock(dist, (l: string) => said.push(l));
    expect(said[0]).toMatch(/was left by a build that stopped/);
    expect(await readFile(`${dist}.lock`, 'utf8')).toMatch(new RegExp(`^${process.pid} `));
    await release();
  });

  it('gives up after its wait, naming the lock file', async () => {
    const dist = join(await place(), 'dist');
    const release = await acquireLock(dist, () => {});
    await expect(acquireLock(dist, () => {}, 300)).rejects.toThrow(/gave up after 0 s\. If no build is running, delete .*dist\.lock\./);
    await release();
  });

  it('says in one line when the folder beside dist cannot be written', async () => {
    const file = join(await place(), 'a-file');
    await writeFile(file, '');
    const error = await acquireLock(join(file, 'dist'), () => {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublishError);
    expect((error as Error).message).toMatch(/^Cannot write beside .*a-file\/dist \(E[A-Z]+: .*\): choose an output folder this user can write\.$/);
    await expect(partialFolder(join(file, 'dist'))).rejects.toThrow(/^Cannot write beside .*a-file\/dist \(ENOTDIR: /);
  });
});

describe('recoverSwap', () => {
  it('restores dist from dist.old after a crash between the two renames', async () => {
    const dist = join(await place(), 'dist');
    await site(`${dist}.old`, 'previous site');
    const said: string[] = [];
    await recoverSwap(dist, (l: string) => said.push(l));
    expect(await readFile(join(dist, 'index.html'), 'utf8')).toBe('previous site');
    expect(existsSync(`${dist}.old`)).toBe(false);
    expect(said).toEqual([expect.stringContaining('restored')]);
  });

  it('removes a stray dist.old and earlier builds\' temporary folders, keeping dist', async () => {
    const dist = join(await place(), 'dist');
    await site(dist, 'current');
    await site(`${dist}.old`, 'older');
    await mkdir(`${dist}.partial-abc123`);
    await mkdir(`${dist}.partial`);
    await recoverSwap(dist, () => {});
    expect(await readFile(join(dist, 'index.html'), 'utf8')).toBe('current');
    for (const gone of ['.old', '.partial-abc123', '.partial']) expect(existsSync(`${dist}${gone}`), gone).toBe(false);
  });

  it('deletes an old site left in the trash by an earlier build, in the background, keeping dist', async () => {
    const dir = await place();
    const dist = join(dir, 'dist');
    await site(dist, 'current');
    await site(`${dist}.trash-0a1b2c`, 'older');
    await site(join(dir, 'other.trash-0a1b2c'), 'not ours');
    await recoverSwap(dist, () => {});
    expect(await readFile(join(dist, 'index.html'), 'utf8')).toBe('current');
    await expect.poll(names(dir), { timeout: 10_000 }).toEqual(['dist', 'other.trash-0a1b2c']);
  });
});

describe('publishTarget and swapIn', () => {
  it('publishes through a dist that is a symlink, which stays a symlink', async () => {
    const dir = await place();
    await site(join(dir, 'web-root'), 'old');
    await symlink('web-root', join(dir, 'dist'));
    const target = await publishTarget(join(dir, 'dist'));
    expect(target).toBe(join(dir, 'web-root'));
    const partial = await partialFolder(target);
    // Readable by a web server running as another user, like a folder made with mkdir.
    expect((await stat(partial)).mode & 0o777).toBe(0o777 & ~process.umask());
    await site(partial, 'new');
    await swapIn(partial, target);
    expect((await lstat(join(dir, 'dist'))).isSymbolicLink()).toBe(true);
    expect(await readlink(join(dir, 'dist'))).toBe('web-root');
    expect(await readFile(join(dir, 'dist/index.html'), 'utf8')).toBe('new');
  });

  it('swaps the new site in at once and deletes the old one in the background', async () => {
    const dir = await place();
    const dist = join(dir, 'dist');
    await site(dist, 'old');
    const partial = await partialFolder(dist);
    await site(partial, 'new');
    await swapIn(partial, dist);
    expect(await readFile(join(dist, 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(`${dist}.old`)).toBe(false);
    await expect.poll(names(dir), { timeout: 10_000 }).toEqual(['dist']);
  });

  it('refuses a symlink to nowhere, saying so', async () => {
    const dir = await place();
    await symlink('missing', join(dir, 'dist'));
    await expect(publishTarget(join(dir, 'dist'))).rejects.toThrow(/is a symlink to a folder that does not exist/);
  });

  it('leaves a plain dist as it is', async () => {
    const dist = join(await place(), 'dist');
    expect(await publishTarget(dist)).toBe(dist);
  });
});

describe('missingPages', () => {
  it('lists the home page and each article page the output lacks', async () => {
    const dir = await place();
    await site(dir, 'x');
    expect(missingPages(dir, ['a'])).toEqual([]);
    expect(missingPages(dir, ['a', 'b'])).toEqual(['articles/b/index.html']);
    expect(missingPages(join(dir, 'empty'), [])).toEqual(['index.html']);
  });
});
