import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import { markdownConfig, markdownOptions } from '../../../src/markdown/processor';
import { rehypeSanitizeReported } from '../../../src/security/sanitize-report';
import { paragraphId, rehypeParagraphIds } from '../../../src/markdown/paragraph-ids';

/** Runs the plugin on an HTML fragment (of an article in `lang`, as the loader says) and returns the resulting HTML. */
const run = (html: string, lang?: string): string => {
  const tree = fromHtml(html, { fragment: true });
  rehypeParagraphIds()(tree, new VFile({ data: lang ? { astro: { frontmatter: { lang } } } : {} }));
  return toHtml(tree);
};
const ids = (html: string): string[] => [...run(html).matchAll(/<p id="([^"]+)"/g)].map((m) => m[1]!);
const paragraphs = (...texts: string[]) => texts.map((t) => `<p>${t}</p>`).join('\n');

describe('paragraph ids', () => {
  it('come from the paragraph text alone: p- and six hex digits, whitespace-insensitive', () => {
    expect(paragraphId('Hello world.')).toMatch(/^p-[0-9a-f]{6}$/);
    expect(paragraphId(' Hello \n world. ')).toBe(paragraphId('Hello world.'));
    expect(paragraphId('Hello world!')).not.toBe(paragraphId('Hello world.'));
  });

  it('stay the same when a paragraph is inserted above, removed or edited elsewhere', () => {
    const before = ids(paragraphs('First.', 'Second.', 'Third.'));
    expect(ids(paragraphs('A new lead.', 'First.', 'Second.', 'Third.')).slice(1)).toEqual(before);
    expect(ids(paragraphs('First.', 'Third.'))).toEqual([before[0], before[2]]);
    expect(ids(paragraphs('First, edited.', 'Second.', 'Third.')).slice(1)).toEqual(before.slice(1));
  });

  it('number duplicates in document order: -2, -3', () => {
    const [a, b, c, d] = ids(paragraphs('Same.', 'Other.', 'Same.', 'Same.'));
    expect([b, c, d]).toEqual([paragraphId('Other.'), `${a}-2`, `${a}-3`]);
  });

  it('skip paragraphs without text, and add an empty link to each paragraph', () => {
    const html = run('<p><img src="a.png" alt=""></p><p>Text <em>here</em>.</p>');
    const id = paragraphId('Text here.');
    expect(html).toBe(`<p><img src="a.png" alt=""></p><p id="${id}">Text <em>here</em>.<a href="#${id}" class="pl" aria-label="Link to this paragraph"></a></p>`);
  });

  it('make only the first paragraph link a Tab stop', () => {
    const html = run('<p>One.</p><p>Two.</p><p>Three.</p>');
    expect(html.match(/<a [^>]*>/g)!.map((a) => a.includes('tabindex="-1"'))).toEqual([false, true, true]);
  });

  it('keep an id the author gave (prefixed by the sanitizer) and link to it', () => {
    expect(run('<p id="user-content-lead">Lead.</p>')).toBe('<p id="user-content-lead">Lead.<a href="#user-content-lead" class="pl" aria-label="Link to this paragraph"></a></p>');
  });

  it('name the links in the article\'s language, in English marked lang="en" for a language without its words', () => {
    expect(run('<p>Eins.</p>', 'de-AT')).toContain('aria-label="Link zu diesem Absatz"></a>');
    expect(run('<p>واحد.</p>', 'ar')).toContain('aria-label="رابط إلى هذه الفقرة"></a>');
    expect(run('<p>Moja.</p>', 'sw')).toContain('aria-label="Link to this paragraph" lang="en"></a>');
    expect(run('<p>One.</p>')).toContain('aria-label="Link to this paragraph"></a>');
  });

  it('run after the sanitizer, so the ids are not prefixed with user-content-', async () => {
    const plugins: unknown[] = markdownOptions.rehypePlugins.map((p) => (Array.isArray(p) ? p[0] : p));
    const sanitizer = plugins.indexOf(rehypeSanitizeReported);
    expect(sanitizer).toBeGreaterThanOrEqual(0);
    expect(plugins.indexOf(rehypeParagraphIds)).toBeGreaterThan(sanitizer);
    // And in the processor the site installs: the id reaches the page as the plugin made it.
    const renderer = await markdownConfig.processor.createRenderer({ ...markdownConfigDefaults, ...markdownConfig } as never);
    const { code } = await renderer.render('One paragraph.');
    expect(code).toContain(`<p id="${paragraphId('One paragraph.')}">`);
  });
});
