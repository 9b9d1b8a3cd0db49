import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkSmartypants from 'remark-smartypants';
import { unified, type PluggableList } from 'unified';
import { remarkSmartypantsFast } from '../../../src/markdown/smartypants';
import { deepestNesting, MAX_NESTING } from '../../../src/content/nesting';
import { generateArticle } from '../../../scripts/generate-articles.mjs';

/** Markdown → mdast (with GFM, as Astro parses) → one smart-punctuation plugin → the tree as JSON. */
const treeWith = (plugins: PluggableList) => (markdown: string) =>
  JSON.stringify(unified().use(remarkParse).use(remarkGfm).use(plugins).runSync(unified().use(remarkParse).use(remarkGfm).parse(markdown)));
const fast = treeWith([remarkSmartypantsFast]);
const reference = treeWith([remarkSmartypants]);

const markdownFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? markdownFiles(join(dir, name)) : name.endsWith('.md') ? [join(dir, name)] : []));

describe('remarkSmartypantsFast gives exactly what remark-smartypants gives', () => {
  it.each([
    ['quotes, dashes and ellipses', `He said "it's -- fine..." and 'single' ... . . . \`\`tick'' the '80s "'nested' quote"`],
    ['quotes around emphasis and links', '> "quote *em "in"* [link "t"](https://example.com/) end"'],
    ['code keeps its quotes and dashes', 'Run `say "hi" -- now...` then "done".\n\n```\n"fenced" -- ...\n```'],
    ['headings and table cells start fresh', '# "Head" -- x\n\n| "a" | \'b\' |\n|---|---|\n| c... | d--e |'],
    ['no quotes at all', 'Plain text, with a dash - and one dot.'],
    ['Arabic and Hebrew text', 'قال "المتحدث" -- ثم... "שלום" \'עולם\''],
  ])('%s', (_name, markdown) => {
    expect(fast(markdown)).toBe(reference(markdown));
  });

  it('on every fixture and the seed article', () => {
    // Not the fixture nested beyond MAX_NESTING: the check refuses it before anything renders it.
    const files = [...markdownFiles('tests/fixtures'), ...markdownFiles('content/articles')].filter((file) => deepestNesting(readFileSync(file, 'utf8')).depth <= MAX_NESTING);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) expect(fast(readFileSync(file, 'utf8')), file).toBe(reference(readFileSync(file, 'utf8')));
  });

  it('on 200 generated articles', () => {
    for (let i = 0; i < 200; i++) {
      const { markdown } = generateArticle(i);
      expect(fast(markdown), `generated article ${i}`).toBe(reference(markdown));
    }
  });

  it('on random text of quotes, words, sentence ends and Markdown marks', () => {
    // The quote pass transforms only the sentences holding a quote; any text must still come out the same.
    const piece = fc.constantFrom('"', "'", ' ', 'word', 'I', '80s', '.', '!', '?', ',', ';', '--', '...', '``', "''", '\n', '\n\n', '*', '_', '`', '[l](u)', '> ', '# ', '- ', '(', ')', 'é', 'قال', '—', '’', '2.5');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join('')), (markdown) => fast(markdown) === reference(markdown)), { numRuns: 3000 });
  });
});
