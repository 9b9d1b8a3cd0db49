// Measures what a first visit to a page costs: every request Chromium makes, and each response's size raw,
// gzip and brotli (the sizes a compressing static host sends). Shared by the budget tests and `npm run bench`.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { load } from 'cheerio';

/** Bytes of `body` raw, gzip -9 and brotli -11. */
export function compressedSizes(body) {
  return {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }).length,
  };
}

/** The text of every inline <script> in an HTML document (no src attribute); JSON-LD data blocks are not script. */
export function inlineScripts(html) {
  const $ = load(html);
  return $('script:not([src])')
    .filter((_, el) => !/json/i.test($(el).attr('type') ?? ''))
    .map((_, el) => $(el).text())
    .get()
    .filter((text) => text.trim() !== '');
}

/**
 * Loads `url` in a fresh page of `context` (playwright-core) and records every request of the first load,
 * including the icon the browser would fetch (headless Chromium skips it, so it is added from <link rel=icon>).
 * @returns {Promise<{ requests: Array<{ url: string, type: string, raw: number, gzip: number, brotli: number }>,
 *   totals: { requests: number, raw: number, gzip: number, brotli: number },
 *   script: { inline: { raw: number, brotli: number }, external: { raw: number, brotli: number } },
 *   html: { raw: number, gzip: number, brotli: number }, blockingScripts: number }>}
 */
export async function measurePage(context, url) {
  const page = await context.newPage();
  const responses = [];
  page.on('response', (response) => responses.push(response));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  const icons = await page.$$eval('link[rel~="icon"]', (links) => links.map((l) => l.href));
  const requests = [];
  for (const response of responses) {
    const body = await response.body().catch(() => Buffer.alloc(0));
    requests.push({ url: response.url(), type: response.request().resourceType(), ...compressedSizes(body) });
  }
  for (const icon of icons.slice(0, 1)) {
    if (requests.some((r) => r.url === icon)) continue;
    const response = await page.request.get(icon);
    requests.push({ url: icon, type: 'icon', ...compressedSizes(await response.body()) });
  }
  const html = await responses[0].text();
  await page.close();
  const sum = (list, key) => list.reduce((total, r) => total + r[key], 0);
  const scripts = inlineScripts(html).join('\n');
  const inline = scripts ? compressedSizes(Buffer.from(scripts)) : { raw: 0, brotli: 0 };
  const external = requests.filter((r) => r.type === 'script');
  return {
    requests,
    totals: { requests: requests.length, raw: sum(requests, 'raw'), gzip: sum(requests, 'gzip'), brotli: sum(requests, 'brotli') },
    script: { inline: { raw: inline.raw, brotli: inline.brotli }, external: { raw: sum(external, 'raw'), brotli: sum(external, 'brotli') } },
    html: compressedSizes(Buffer.from(html)),
    /** External scripts the parser must wait for (no async, defer or type=module). */
    blockingScripts: load(html)('script[src]:not([async]):not([defer]):not([type="module"])').length,
  };
}
