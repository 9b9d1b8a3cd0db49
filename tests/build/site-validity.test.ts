import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import config from '../../.htmlvalidate.mjs';
import { builtPages, pageUrl, URL_ATTRIBUTES, urlsIn } from '../helpers/site-files';

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
    /** Why one URL of the page is broken, or undefined when it is fine. */
    const problem = (name: string, value: string): string | undefined => {
      const url = new URL(value, base);
      // Outbound links are fine; anything else must be on this site (the canonical URL is absolute on purpose).
      // Links may leave the site (web pages, e-mail); anything a page loads (src) must be on it.
      if (url.origin !== SITE.origin) return name === 'href' && /^(?:https?|mailto):$/.test(url.protocol) ? undefined : 'not on this site';
      const target = builtFile(url.pathname);
      if (!target) return 'no such file';
      const id = decodeURIComponent(url.hash.slice(1));
      if (id && target === join(dist, file) && $(`[id="${id}"]`).length === 0) return 'no such id';
      return undefined;
    };
    const broken: string[] = [];
    $('*').each((_, el) => {
      for (const name of URL_ATTRIBUTES) {
        const attribute = $(el).attr(name);
        for (const value of attribute === undefined ? [] : urlsIn(name, attribute)) {
          const why = problem(name, value);
          if (why) broken.push(`<${(el as { tagName: string }).tagName} ${name}="${value}"> (${why})`);
        }
      }
    });
    expect(broken).toEqual([]);
  });
});
