import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/build.mjs';

// Real builds of a one-article folder (cheap): what `npm run build` does when two run at once in one folder, when
// dist is a symlink, and when no public origin is set.
const work = await mkdtemp(join(tmpdir(), 'reader-publish-build-'));
afterAll(() => rm(work, { recursive: true, force: true }));
const articles = join(work, 'articles');
await mkdir(articles);
await writeFile(join(articles, 'only-article.md'), '---\ntitle: "The Only Article"\npublished: 2024-03-01T09:00:00Z\ndesk: World Desk\nlocation: Paris\nsource: The Reader\n---\n\nOne paragraph.\n');
// No origin and no CI, whatever the machine's environment says; a cache of its own.
const env = { ARTICLES_DIR: articles, SITE_URL: '', CI: '', ASTRO_CACHE_DIR: join(work, 'cache') };

describe('npm run build in one folder', () => {
  it('publishes two builds started at once, one after the other, through a dist that is a symlink', { timeout: 600_000 }, async () => {
    await mkdir(join(work, 'web-root'));
    await symlink('web-root', join(work, 'dist'));
    const outDir = join(work, 'dist');
    const builds = await Promise.all([buildSite({ outDir, env, quiet: true }), buildSite({ outDir, env, quiet: true })]);
    expect(builds.map((b) => b.code)).toEqual([0, 0]);
    // The second waited, saying why.
    expect(builds.map((b) => b.output).join('\n')).toMatch(/Another build \(process \d+\) is publishing .*web-root: waiting for it to finish\./);
    expect((await lstat(outDir)).isSymbolicLink()).toBe(true);
    expect(existsSync(join(outDir, 'index.html'))).toBe(true);
    expect(existsSync(join(outDir, 'articles/only-article/index.html'))).toBe(true);
    expect((await readdir(work)).sort()).toEqual(['articles', 'cache', 'dist', 'web-root']);
    // Unset origin: one warning line naming the setting, in each build.
    for (const { output } of builds) expect(output).toMatch(/\[WARN\] \[public-origin\] SITE_URL is not set \(nor SITE\.url in src\/site\.ts\)/);
  });

  it('fails with CI set and no origin, in one line naming SITE_URL, writing nothing', async () => {
    const outDir = join(work, 'ci-dist');
    const build = await buildSite({ outDir, env: { ...env, CI: 'true' }, quiet: true });
    expect(build.code).not.toBe(0);
    expect(build.output).toMatch(/SITE_URL is not set .* CI is set, so the build stops/);
    expect(build.output).not.toMatch(/\n\s+at /);
    expect((await readdir(work)).filter((name) => name.startsWith('ci-dist'))).toEqual([]);
  });
});
