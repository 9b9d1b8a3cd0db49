#!/usr/bin/env node
// `npm run build`: `astro build` (which makes the whole site: pages, feeds, sitemap, policies, social images,
// search index) into a fresh folder beside dist/, swapped in only when the build succeeded and holds every page, so a
// failed build never leaves a half-written dist/ behind (the previous site stays as it was). Two builds of one
// folder take turns (a lock); a swap a crash interrupted is completed by the next run.
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLogFilter } from './lib/build-log.mjs';
import { acquireLock, missingPages, outputLink, partialFolder, PublishError, publishTarget, recoverSwap, swapIn } from './lib/publish.mjs';
import { readArticleIndex } from '../src/content/article-index.ts';
import { BUILD_TIME_SETTING, buildTimeEnv, isPublic, startBuildTime } from '../src/content/build-time.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The environment minus what a test runner sets (Vitest's MODE, DEV, PROD, SSR…), which would leak into the build. */
export function cleanEnv() {
  const env = { ...process.env };
  for (const key of ['MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'TEST', 'NODE_ENV']) delete env[key];
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  return env;
}

/**
 * The article pages a build must have written: every article in the index the build's loader wrote, less drafts and
 * articles scheduled after the build time `now`.
 */
async function publishedSlugs(env, now) {
  const cacheDir = resolve(ROOT, env.ASTRO_CACHE_DIR || 'node_modules/.astro');
  return (await readArticleIndex(cacheDir)).filter((entry) => isPublic(entry.data, true, now)).map((entry) => entry.slug);
}

/**
 * Runs `astro build` into a fresh folder beside `outDir` and swaps it in on success (scripts/lib/publish.mjs): one
 * build at a time per folder, the others wait; an output lacking its home page or an article page is never swapped
 * in; a symlinked `outDir` stays a link.
 * @param {{ outDir?: string, env?: Record<string, string>, quiet?: boolean }} [options] `env` is added to the
 *   build's environment (tests and the benchmark point ARTICLES_DIR and the caches elsewhere)
 * @returns {Promise<{ code: number, output: string }>} exit code and everything the build printed
 */
export async function buildSite({ outDir = resolve(ROOT, 'dist'), env = {}, quiet = false } = {}) {
  let output = '';
  const say = (line) => {
    output += `${line}\n`;
    if (!quiet) process.stderr.write(`${line}\n`);
  };
  let release = async () => {};
  let partial;
  let link;
  try {
    const baseEnv = { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: '1', ...env };
    // One build time for the whole build (src/content/build-time.ts): this check and every process of astro build.
    const now = (() => {
      try {
        return startBuildTime(baseEnv[BUILD_TIME_SETTING]);
      } catch (error) {
        throw new PublishError(error.message);
      }
    })();
    const buildEnv = { ...baseEnv, ...buildTimeEnv(now) };
    const target = await publishTarget(outDir);
    release = await acquireLock(target, say);
    await recoverSwap(target, say);
    partial = await partialFolder(target);
    link = await outputLink(target, partial);
    const child = spawn(process.execPath, [resolve(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', link], {
      cwd: ROOT,
      env: buildEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The log without Astro's list of every page and image written, each with its timestamp (scripts/lib/build-log.mjs).
    const logs = [child.stdout, child.stderr].map((stream) => {
      const filter = buildLogFilter();
      const show = (text) => {
        output += text;
        if (!quiet && text) (stream === child.stdout ? process.stdout : process.stderr).write(text);
      };
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => show(filter.push(chunk)));
      return new Promise((done) => stream.on('end', () => done(show(filter.end()))));
    });
    const code = await new Promise((done) => child.on('close', (c) => done(c ?? 1)));
    await Promise.all(logs);
    if (code !== 0) return { code, output };
    const missing = missingPages(partial, await publishedSlugs(buildEnv, now));
    if (missing.length) {
      say(`The build finished without ${missing.length} of its pages (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}): not published.`);
      return { code: 1, output };
    }
    await swapIn(partial, target);
    partial = undefined;
    return { code: 0, output };
  } catch (error) {
    if (!(error instanceof PublishError)) throw error;
    say(error.message);
    return { code: 1, output };
  } finally {
    if (link) await rm(link, { force: true });
    if (partial) await rm(partial, { recursive: true, force: true });
    await release();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { code } = await buildSite();
  if (code !== 0) console.error('\nBuild failed: dist/ was left as it was before this build.');
  process.exitCode = code;
}
