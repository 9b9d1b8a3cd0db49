// A static server and a Chromium launcher shared by the browser tests and the benchmark.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sirv from 'sirv';
import { chromium } from 'playwright-core';

/** Flags that keep Chromium quiet and offline on a closed machine. */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Writes a .br and a .gz beside every text file in `dir`, as a compressing host or CDN would serve them. */
export async function precompress(dir) {
  const { readdir, writeFile } = await import('node:fs/promises');
  const { brotliCompressSync, gzipSync, constants } = await import('node:zlib');
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(html|css|js|mjs|svg|xml|json|txt)$/.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    const body = await readFile(path);
    await writeFile(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    await writeFile(`${path}.gz`, gzipSync(body, { level: 9 }));
  }
}

/**
 * Serves a built site on a free loopback port, the way a static host would (404.html for misses).
 * With `compressed`, serves the .br/.gz files that precompress() wrote when the browser accepts them.
 * @param {string} dir
 * @param {{ compressed?: boolean }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serve(dir, { compressed = false } = {}) {
  const files = sirv(dir, { dev: false, etag: true, extensions: ['html'], brotli: compressed, gzip: compressed });
  const notFound = await readFile(join(dir, '404.html'));
  const server = createServer((req, res) =>
    files(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(notFound);
    }),
  );
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) };
}

/**
 * Launches Chromium with a fresh profile; close() removes the profile too.
 * @param {string} [executablePath] defaults to CHROMIUM_PATH or Debian's /usr/bin/chromium
 */
export async function launch(executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium') {
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}: apt-get install -y chromium, or set CHROMIUM_PATH.`);
  const profile = await mkdtemp(join(tmpdir(), 'reader-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, args: CHROMIUM_ARGS, headless: true });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
