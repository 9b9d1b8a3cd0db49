import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import config from '../../.htmlvalidate.mjs';
import { brokenLinks, builtPages } from '../helpers/site-files';

const dist = inject('distDir');
const pages = await builtPages(dist);
const validator = new HtmlValidate(config);
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
    expect(brokenLinks(dist, file, $).broken).toEqual([]);
  });
});
