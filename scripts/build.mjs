#!/usr/bin/env node
// Builds the site into a fresh folder beside the target and swaps it in only when the build succeeded,
// so a failed build never leaves a half-written dist/ behind (the previous site stays as it was).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';
import { applyCsp } from '../src/lib/csp.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The environment minus what a test runner sets (Vitest's MODE, DEV, PROD, SSR…), which would leak into the build. */
function cleanEnv() {
  const env = { ...process.env };
  for (const key of ['MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'TEST', 'NODE_ENV']) delete env[key];
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  return env;
}

/**
 * Runs `astro build` into `<outDir>.partial` and renames it to `outDir` on success.
 * @param {{ outDir?: string, env?: Record<string, string>, quiet?: boolean }} [options]
 * @returns {Promise<{ code: number, output: string }>} exit code and everything Astro printed
 */
export async function buildSite({ outDir = resolve(root, 'dist'), env = {}, quiet = false } = {}) {
  const partial = `${outDir}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(dirname(outDir), { recursive: true });
  const astro = resolve(root, 'node_modules/astro/bin/astro.mjs');
  const child = spawn(process.execPath, [astro, 'build', '--outDir', partial], {
    cwd: root,
    env: { ...cleanEnv(), NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', ...env },
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
  const code = await new Promise((done) => child.on('close', (c) => done(c ?? 1)));
  if (code !== 0 || !existsSync(resolve(partial, 'index.html'))) {
    await rm(partial, { recursive: true, force: true });
    return { code: code || 1, output };
  }
  // Every page gets its Content-Security-Policy, hashing the inline scripts and styles it really contains.
  try {
    await applyCsp(partial, await glob('**/*.html', { cwd: partial, absolute: true }));
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    const message = `Content-Security-Policy: ${error instanceof Error ? error.message : error}\n`;
    if (!quiet) process.stderr.write(message);
    return { code: 1, output: output + message };
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
