import { readdir } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import { INVALID_ARTICLES } from '../helpers/paths';
import { reportLines, runContentCheck } from '../helpers/content-check';

// The invalid corpus: one file per way an editor can get an article wrong. Built once in the global setup.
const build = inject('invalidBuild');
const lines = reportLines(build.output, 'tests/fixtures/invalid/');

describe('the invalid-article corpus', () => {
  it('fails the build and names every file of the folder, in one run', async () => {
    expect(build.code).not.toBe(0);
    const files = (await readdir(INVALID_ARTICLES)).sort();
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const file of files) expect(lines.some((l) => l.startsWith(`tests/fixtures/invalid/${file}: `)), file).toBe(true);
    expect(build.output).toMatch(new RegExp(`^${lines.length} problems in ${files.length} article files:$`, 'm'));
  });

  it.each([
    ['no-frontmatter.md', 'frontmatter', 'expected the file to start with a --- line'],
    ['unclosed-frontmatter.md', 'frontmatter', 'the --- block that opens line 1 is never closed'],
    ['broken-yaml.md', 'frontmatter', 'line 2: the title opens a quotation mark (") that is never closed: end the title with " on the same line'],
    ['duplicate-key.md', 'frontmatter', 'line 3: "title" is given twice (lines 2 and 3): keep one'],
    ['yaml-anchor.md', 'frontmatter', 'line 2: the title starts with &, which YAML reads as a name for the value: put the title in quotes, e.g. title: "&x Harbour talks resume"'],
    ['yaml-anchor.md', 'frontmatter', 'line 8: an item of tags starts with !, which YAML reads as a type tag: put the item in quotes, e.g. - "!port Rotterdam"'],
    ['wrong-types.md', 'title', 'expected title as text (quote it if it looks like a number'],
    ['wrong-types.md', 'desk', 'expected desk as text'],
    ['wrong-types.md', 'draft', 'expected true or false'],
    ['empty-and-bad-values.md', 'title', 'title must not be empty'],
    ['empty-and-bad-values.md', 'published', '"2024-1-5" is not a real ISO 8601 date'],
    ['empty-and-bad-values.md', 'lang', 'expected a BCP 47 language tag'],
    ['empty-and-bad-values.md', 'sourceUrl', 'expected an absolute http:// or https:// URL'],
    ['empty-and-bad-values.md', 'tags.1', 'tag must not be empty'],
    ['notes.txt', 'file name', 'articles must be Markdown files ending in .md'],
    ['typo-key.md', 'publshed', 'unknown field "publshed": did you mean "published"? (allowed: title,'],
    ['latin-1.md', 'encoding', 'line 2 is not UTF-8 (byte 0xE9): the file looks like Latin-1 (ISO 8859-1) or Windows-1252'],
    ['utf-16.md', 'encoding', 'the file is UTF-16 (little-endian, with a byte-order mark), not UTF-8'],
    ['cr-only.md', 'encoding', 'line 1 ends with a carriage return alone (CR-only line endings'],
    ['alias-bomb.md', 'frontmatter', 'it repeats values through &anchors and *aliases so many times that reading it would take all the memory (YAML stops there); write each value out'],
    ['deep-nesting.md', 'body', 'line 9 nests 3000 levels deep (quotes, lists or HTML elements within each other); at most 100 are allowed'],
    ['unknown-kind.md', 'kind', '"Opinions" is not a kind of story; expected one of news, analysis, opinion,'],
  ])('%s: names the field %s and says what was expected', (file, field, message) => {
    expect(lines).toContainEqual(expect.stringContaining(`tests/fixtures/invalid/${file}: ${field}: ${message}`));
  });

  it('reports the cause alone when the frontmatter cannot be read (no cascade of "is required")', () => {
    for (const file of ['no-frontmatter.md', 'unclosed-frontmatter.md', 'broken-yaml.md', 'duplicate-key.md']) {
      expect(lines.filter((l) => l.startsWith(`tests/fixtures/invalid/${file}: `))).toHaveLength(1);
    }
  });

  it('is judged alike by npm run check and the build: the same problems, line for line', async () => {
    const check = await runContentCheck({ ARTICLES_DIR: INVALID_ARTICLES });
    expect(check.code).toBe(1);
    const checkLines = reportLines(check.out, 'tests/fixtures/invalid/');
    expect(checkLines.length).toBeGreaterThanOrEqual(20);
    expect(checkLines).toEqual(lines);
    // The build's report is those lines alone: no stack trace under them.
    expect(build.output).not.toMatch(/Stack trace|\n\s+at /);
  });
});
