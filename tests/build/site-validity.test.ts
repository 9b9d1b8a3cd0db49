import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import config from '../../.htmlvalidate.mjs';
import { brokenLinks, builtPages } from '../helpers/site-files';

const validator = new HtmlValidate(config);
// The test site, and the photo site (pictures, figures, thumbnails, the photographs' inline stylesheet).
const sites = [['the built site', inject('distDir')], ['the photo site', inject('photoDist')]] as const;
const built = await Promise.all(sites.map(async ([name, dist]) => [name, dist, await builtPages(dist)] as const));
describe.each(built)('%s', (_name, dist, pages) => {
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
    expect(brokenLinks(dist, file, $).broken).toEqual([]);
  });
});
