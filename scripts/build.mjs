#!/usr/bin/env node
// `npm run build`: `astro build` (which makes the whole site: pages, feeds, sitemap, policies, social images,
// search index) into a fresh folder beside dist/, swapped in only when the build succeeded, so a failed build never
// leaves a half-written dist/ behind (the previous site stays as it was).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The environment minus what a test runner sets (Vitest's MODE, DEV, PROD, SSR…), which would leak into the build. */
function cleanEnv() {
  const env = { ...process.env };
  for (const key of ['MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'TEST', 'NODE_ENV']) delete env[key];
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  return env;
}

/**
 * Runs `astro build` into `<outDir>.partial` and renames it to `outDir` on success.
 * @param {{ outDir?: string, env?: Record<string, string>, quiet?: boolean }} [options] `env` is added to the
 *   build's environment (tests and the benchmark point ARTICLES_DIR and the caches elsewhere)
 * @returns {Promise<{ code: number, output: string }>} exit code and everything the build printed
 */
export async function buildSite({ outDir = resolve(ROOT, 'dist'), env = {}, quiet = false } = {}) {
  const partial = `${outDir}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(dirname(outDir), { recursive: true });
  const child = spawn(process.execPath, [resolve(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', partial], {
    cwd: ROOT,
    env: { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      output += chunk;
      if (!quiet) (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
    });
  }
  let code = await new Promise((done) => child.on('close', (c) => done(c ?? 1)));
  if (code === 0 && !existsSync(resolve(partial, 'index.html'))) code = 1;
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
