#!/usr/bin/env node
// Builds the site into a fresh folder beside the target and swaps it in only when the build succeeded,
// so a failed build never leaves a half-written dist/ behind (the previous site stays as it was).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = ROOT;

/** The environment minus what a test runner sets (Vitest's MODE, DEV, PROD, SSR…), which would leak into the build. */
function cleanEnv() {
  const env = { ...process.env };
  for (const key of ['MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'TEST', 'NODE_ENV']) delete env[key];
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  return env;
}

/**
 * Astro's cache (the content layer's store: each article's validated data; the bodies are rendered afresh in
 * every build) keyed by a digest of the code that made it, so a change to the schema or a dependency never reuses
 * data checked by the old code. Older caches are removed. ASTRO_CACHE_DIR, when set, wins (the benchmark uses it
 * for cold builds).
 */
async function codeCacheDir() {
  const files = (await glob(['src/**', 'astro.config.mjs', 'package-lock.json'], { cwd: root })).sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update(await readFile(resolve(root, file)));
  const base = resolve(root, 'node_modules/.astro');
  const key = `code-${hash.digest('hex').slice(0, 16)}`;
  const stale = (await readdir(base).catch(() => [])).filter((name) => name !== key);
  await Promise.all(stale.map((name) => rm(resolve(base, name), { recursive: true, force: true })));
  return resolve(base, key);
}

/**
 * Builds the Pagefind search index of the article pages into `<dir>/pagefind/`, using the binary shipped
 * in pagefind's platform npm package (no network). It reads the search documents the build wrote into `input`
 * (each article page's data-pagefind-body element, at the page's own path; see searchDocument in
 * src/security/csp.ts), not the whole pages: the same index, found in about 70% of the time and less memory. Every
 * language goes into one index so the one search page finds articles in any language.
 * It runs after Astro has exited: at 10,000 articles Pagefind needs about 1.3 GiB, and Astro as much again, so
 * running them one after the other halves the build's peak memory (BENCHMARKS.md).
 * @param {string} dir the freshly built site
 * @param {string} input the folder of search documents
 * @returns {Promise<{ code: number, output: string }>}
 */
async function indexSearch(dir, input) {
  const pagefind = await import('pagefind');
  const started = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) return { code: 1, output: `Search index failed: ${errors.join('; ')}\n` };
    await mkdir(input, { recursive: true });
    const added = await index.addDirectory({ path: input });
    const written = await index.writeFiles({ outputPath: resolve(dir, 'pagefind') });
    const problems = [...added.errors, ...written.errors];
    if (problems.length) return { code: 1, output: `Search index failed: ${problems.join('; ')}\n` };
    return { code: 0, output: `Search index: ${added.page_count} pages indexed by Pagefind in ${Math.round(performance.now() - started)} ms.\n` };
  } finally {
    await pagefind.close();
  }
}

/**
 * Runs `astro build` into `<outDir>.partial` (pages, feeds, sitemap, each page's Content-Security-Policy), then
 * the social images (scripts/social-images.mjs) and the search index, and renames it to `outDir` on success.
 * @param {{ outDir?: string, env?: Record<string, string>, quiet?: boolean }} [options]
 * @returns {Promise<{ code: number, output: string }>} exit code and everything the steps printed
 */
export async function buildSite({ outDir = resolve(root, 'dist'), env = {}, quiet = false } = {}) {
  const partial = `${outDir}.partial`;
  const searchInput = `${outDir}.search`;
  await rm(partial, { recursive: true, force: true });
  await rm(searchInput, { recursive: true, force: true });
  await mkdir(dirname(outDir), { recursive: true });
  const childEnv = { ...cleanEnv(), NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', ASTRO_CACHE_DIR: process.env.ASTRO_CACHE_DIR || (await codeCacheDir()), SOCIAL_IMAGES_AFTER_BUILD: '1', SEARCH_INPUT_DIR: searchInput, ...env };
  let output = '';
  /** Runs a Node script of this project with the build's environment, collecting (and echoing) what it prints. */
  const run = async (script, args) => {
    const child = spawn(process.execPath, [resolve(root, script), ...args], { cwd: root, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        output += chunk;
        if (!quiet) (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
      });
    }
    return new Promise((done) => child.on('close', (c) => done(c ?? 1)));
  };
  // Astro first (pages, feeds, sitemap, each page's policy), then the social images, then the search index: one
  // after the other, so the build's peak memory is the largest of the three, not their sum.
  let code = await run('node_modules/astro/bin/astro.mjs', ['build', '--outDir', partial]);
  if (code === 0 && existsSync(resolve(partial, 'index.html'))) code = await run('scripts/social-images.mjs', [partial]);
  else code ||= 1;
  if (code === 0) {
    const search = await indexSearch(partial, searchInput);
    output += search.output;
    if (!quiet) (search.code === 0 ? process.stdout : process.stderr).write(search.output);
    code = search.code;
  }
  await rm(searchInput, { recursive: true, force: true });
  if (code !== 0) {
    await rm(partial, { recursive: true, force: true });
    return { code, output };
  }
  const old = `${outDir}.old`;
  await rm(old, { recursive: true, force: true });
  if (existsSync(outDir)) await rename(outDir, old);
  await rename(partial, outDir);
  await rm(old, { recursive: true, force: true });
  return { code: 0, output };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { code } = await buildSite();
  if (code !== 0) console.error('\nBuild failed: dist/ was left as it was before this build.');
  process.exitCode = code;
}
