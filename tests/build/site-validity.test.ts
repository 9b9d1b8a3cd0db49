import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import config from '../../.htmlvalidate.mjs';
import { builtPages, pageUrl, URL_ATTRIBUTES } from '../helpers/site-files';

const dist = inject('distDir');
const pages = await builtPages(dist);
const validator = new HtmlValidate(config);
const SITE = new URL('http://localhost:4321/');

/** The built file a same-site URL is served from, or undefined when none is. */
function builtFile(pathname: string): string | undefined {
  const path = join(dist, decodeURIComponent(pathname));
  if (existsSync(path) && statSync(path).isFile()) return path;
  const index = join(path, 'index.html');
  return pathname.endsWith('/') && existsSync(index) ? index : undefined;
}

describe('the built site', () => {
  it('has the pages this test expects to check', () => {
    expect(pages.map((p) => p.file)).toEqual(expect.arrayContaining(['index.html', '404.html']));
    expect(pages.length).toBeGreaterThanOrEqual(4);
  });

  it.each(pages.map((p) => [p.file, p] as const))('%s: zero html-validate errors', async (file, { html }) => {
    const report = await validator.validateString(html, file);
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
    expect(messages).toEqual([]);
  });

  it.each(pages.map((p) => [p.file, p] as const))('%s: every href and src resolves to a built file (and #fragment to an id)', (file, { $ }) => {
    const base = new URL(pageUrl(file), SITE);
    const broken: string[] = [];
    const selector = URL_ATTRIBUTES.map((a) => `[${a.replace(':', '\\:')}]`).join(', ');
    $(selector).each((_, el) => {
      for (const name of URL_ATTRIBUTES) {
        const value = $(el).attr(name);
        if (value === undefined) continue;
        // The canonical URL is absolute on purpose (the public origin); every other URL must be on this site or an outbound link.
        const url = new URL(value, base);
        if (url.origin !== SITE.origin) {
          if (name !== 'href' || !/^https?:$/.test(url.protocol)) broken.push(`${name}="${value}" (not on this site)`);
          continue;
        }
        const target = builtFile(url.pathname);
        if (!target) broken.push(`${name}="${value}" (no such file)`);
        else if (url.hash && target === join(dist, file) && $(`[id="${decodeURIComponent(url.hash.slice(1))}"]`).length === 0) {
          broken.push(`${name}="${value}" (no such id)`);
        }
      }
    });
    expect(broken).toEqual([]);
  });
});
