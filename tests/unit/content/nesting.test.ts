import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../../src/content/article-file';
import { deepestNesting, MAX_NESTING } from '../../../src/content/nesting';
import { markdownConfig } from '../../../src/markdown/processor';
import { absolutizeHtml } from '../../../src/sharing/feeds';

const quotes = (n: number) => `${'> '.repeat(n)}deep`;
const lists = (n: number) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n');
const elements = (n: number) => `${'<div>'.repeat(n)}deep${'</div>'.repeat(n)}`;
const FRONTMATTER = '---\ntitle: "Deep"\nsource: The Reader\ndesk: World Desk\nlocation: Paris\npublished: 2024-03-01\n---\n\n';

describe('deepestNesting', () => {
  it.each([
    ['quotes', quotes(7), 7, 1],
    ['lists', lists(5), 4, 5],
    ['HTML elements', `Intro\n\n${elements(6)}`, 6, 3],
    ['elements spread over lines', '<section>\n<div>\n<div>\ntext\n</div>\n</div>\n</section>', 3, 3],
    ['a quote holding a list', '> - a\n>   - b', 2, 2],
  ])('counts %s', (_name, body, depth, line) => {
    expect(deepestNesting(body)).toEqual({ depth, line });
  });

  it('does not count elements that hold nothing or close themselves', () => {
    expect(deepestNesting('<p>a<p>b<br><img src="x.png" alt=""><li>c<hr/>').depth).toBe(0);
  });

  it('keeps an ordinary article shallow', () => {
    expect(deepestNesting('# Title\n\nA paragraph with <abbr title="x">x</abbr>.\n\n> A quote\n\n- a\n  - b\n').depth).toBeLessThan(5);
  });
});

describe('checkArticle refuses a body nested deeper than MAX_NESTING, naming the file line', () => {
  it.each([
    ['quotes', quotes(3000), 9],
    ['lists', lists(MAX_NESTING + 5), 9 + MAX_NESTING + 4],
    ['HTML elements', elements(5000), 9],
  ])('%s', (_name, body, line) => {
    const { issues } = checkArticle('deep.md', FRONTMATTER + body + '\n');
    expect(issues).toEqual([{ file: 'deep.md', field: 'body', message: expect.stringMatching(new RegExp(`^line ${line} nests \\d+ levels deep \\(quotes, lists or HTML elements within each other\\); at most ${MAX_NESTING} are allowed$`)) }]);
  });

  it('accepts a body at the limit', () => {
    expect(checkArticle('deep.md', FRONTMATTER + quotes(MAX_NESTING)).issues).toEqual([]);
  });
});

const renderer = await markdownConfig.processor.createRenderer({ ...markdownConfigDefaults, ...markdownConfig } as never);
describe('a body at the limit renders, and its feed HTML too', () => {
  it.each([
    ['quotes', quotes(MAX_NESTING), '<blockquote>'],
    ['lists', lists(MAX_NESTING / 2), '<ul>'],
    ['HTML elements', elements(MAX_NESTING), '<div>'],
  ])('%s', async (_name, body, tag) => {
    const html = absolutizeHtml((await renderer.render(body)).code, 'https://news.example/articles/deep/');
    expect(html.split(tag).length - 1).toBeGreaterThanOrEqual(body === lists(MAX_NESTING / 2) ? MAX_NESTING / 2 : MAX_NESTING);
  });
});
