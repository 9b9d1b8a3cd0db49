import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../../src/content/article-file';

/** The frontmatter problems of a file whose block holds `fields` (line 2 of the file is the block's first line). */
const problems = (...fields: string[]) =>
  checkArticle('a.md', `---\n${fields.join('\n')}\n---\nBody.\n`).issues.filter((i) => i.field === 'frontmatter').map((i) => i.message);

const rest = ['source: The Reader', 'desk: World Desk', 'location: London', 'published: 2024-12-16'];

describe('YAML mistakes, in plain words with the line and the fix', () => {
  it('a colon and a space in an unquoted title: put it in quotes', () => {
    expect(problems('title: Iran: Militias refuse to help', ...rest)).toEqual([
      'line 2: the title contains a colon and a space, which YAML reads as the start of another field: put the title in quotes, e.g. title: "Iran: Militias refuse to help"',
    ]);
    expect(problems(...rest, 'description: Talks resume: both sides agree')).toEqual([
      'line 6: the description contains a colon and a space, which YAML reads as the start of another field: put the description in quotes, e.g. description: "Talks resume: both sides agree"',
    ]);
  });

  it('a quotation mark that is never closed: names the line it opens on, not where YAML gave up', () => {
    expect(problems('title: "Iran stands alone', ...rest)).toEqual(['line 2: the title opens a quotation mark (") that is never closed: end the title with " on the same line']);
  });

  it('a value that starts with a quotation mark and goes on after it, or an apostrophe inside single quotes', () => {
    expect(problems('title: "Iran" stands alone', ...rest)).toEqual([
      `line 2: the title starts with a quotation mark, so YAML ends it at the next one and cannot read the rest: put the whole title in quotes, e.g. title: '"Iran" stands alone'`,
    ]);
    expect(problems("title: 'It's over'", ...rest)).toEqual([
      `line 2: the title starts with a quotation mark, so YAML ends it at the next one and cannot read the rest: put the whole title in quotes, e.g. title: "It's over"`,
    ]);
  });

  it('a character YAML keeps for itself at the start of a value (@, `, %, *)', () => {
    expect(problems('title: @home with the team', ...rest)).toEqual(['line 2: the title starts with @, which YAML keeps for itself: put the title in quotes, e.g. title: "@home with the team"']);
    expect(problems(...rest, 'author: `Ana`')).toEqual(['line 6: the author starts with `, which YAML keeps for itself: put the author in quotes, e.g. author: "`Ana`"']);
    expect(problems('title: *Exclusive* talks', ...rest)).toEqual(['line 2: the title starts with *, which YAML reads as a reference to another value: put the title in quotes, e.g. title: "*Exclusive* talks"']);
  });

  it('an anchor (&x), a reference (*x) or a type tag (!x) that YAML would read without a word: put the value in quotes', () => {
    // `title: &x Talks` would be published as "Talks", `title: !x Talks` as "Talks", `title: !x` as an empty title.
    expect(problems('title: &x Talks resume', ...rest)).toEqual(['line 2: the title starts with &, which YAML reads as a name for the value: put the title in quotes, e.g. title: "&x Talks resume"']);
    expect(problems('title: !x Talks', ...rest)).toEqual(['line 2: the title starts with !, which YAML reads as a type tag: put the title in quotes, e.g. title: "!x Talks"']);
    expect(problems('title: Talks', ...rest, 'description: &d Both sides agree', 'author: *d')).toEqual([
      'line 7: the description starts with &, which YAML reads as a name for the value: put the description in quotes, e.g. description: "&d Both sides agree"',
      'line 8: the author starts with *, which YAML reads as a reference to another value: put the author in quotes, e.g. author: "*d"',
    ]);
    expect(problems('title: Talks', ...rest, 'tags:', '  - &p Ports', '  - *p')).toEqual([
      'line 8: an item of tags starts with &, which YAML reads as a name for the value: put the item in quotes, e.g. - "&p Ports"',
      'line 9: an item of tags starts with *, which YAML reads as a reference to another value: put the item in quotes, e.g. - "*p"',
    ]);
    expect(problems('title: Talks', ...rest, 'tags: [&p Ports, *p, !x Labour]')).toEqual([
      'line 7: a value in tags is marked &p, which YAML reads as a name for the value: put that value in quotes, e.g. "&p Ports"',
    ]);
    expect(problems('title: Talks', ...rest, 'tags: [Ports, !x Labour]', 'image: { src: ./lead.jpg, alt: *a }')).toEqual([
      'line 7: a value in tags is marked !x, which YAML reads as a type tag: put that value in quotes, e.g. "!x Labour"',
      'line 8: a value in image is marked *a, which YAML reads as a reference to another value: put that value in quotes, e.g. "*a"',
    ]);
    expect(problems('title: "&x Talks"', ...rest, 'tags:', '  - "!Ports"', '  - Ampersand & co', 'description: "[*a, &b]"')).toEqual([]);
  });

  it('tabs, indented fields, a list item without its space, a line without a colon', () => {
    expect(problems('title: Talks', '\tsource: The Reader', 'desk: World Desk', 'location: London', 'published: 2024-12-16')).toEqual([
      'line 3: the line starts with a tab: YAML indents with spaces only, and a field starts at the beginning of its line; remove the tab',
    ]);
    expect(problems('title: Talks', '  source: The Reader', 'desk: World Desk', 'location: London', 'published: 2024-12-16')).toEqual([
      'line 3: the line is indented: start each field at the beginning of its line (YAML reads an indented line as part of the field above)',
    ]);
    expect(problems('title: Talks', ...rest, 'tags:', '-Ports', '-Labour')).toEqual(['line 8: a list item needs a space after the dash: - Ports']);
    expect(problems('title Talks', ...rest)).toEqual(['line 2: "title Talks" is not a field: write it as field: value, with a colon and a space']);
  });

  it('a list opened with [ and never closed, a field given twice', () => {
    expect(problems('title: Talks', 'tags: [Ports, Labour', ...rest)).toEqual(['line 3: the tags opens [ that is never closed: end it with ] on the same line']);
    expect(problems('title: Talks', 'image: { src: ./lead.jpg, alt: "Quay"', ...rest)).toEqual(['line 3: the image opens { that is never closed: end it with } on the same line']);
    expect(problems('title: Talks', ...rest, 'title: Other talks')).toEqual(['line 7: "title" is given twice (lines 2 and 7): keep one']);
  });

  it('keeps what is right as it was: quoted colons, apostrophes and list items pass', () => {
    expect(problems('title: "Iran: Militias refuse"', 'description: It\'s over', ...rest, 'tags:', '- Ports', '- "C++"')).toEqual([]);
  });
});

describe('text YAML would cut short without an error', () => {
  it('a # in an unquoted title, dek, desk or byline: a comment to YAML, so the words after it would be lost', () => {
    expect(problems('title: Talks #2 resume today', ...rest)).toEqual([
      'line 2: the title has a #, which YAML reads as the start of a comment, so the title would end at "Talks": put the title in quotes, e.g. title: "Talks #2 resume today"',
    ]);
    expect(problems('title: #1 story of the year', ...rest)).toEqual([
      'line 2: the title has a #, which YAML reads as the start of a comment, so the title would be empty: put the title in quotes, e.g. title: "#1 story of the year"',
    ]);
    expect(problems('title: Talks', ...rest, 'author: Ana #Reporter')).toEqual([
      'line 7: the author has a #, which YAML reads as the start of a comment, so the author would end at "Ana": put the author in quotes, e.g. author: "Ana #Reporter"',
    ]);
  });
  it('leaves quoted text, a # inside a word and comments after other fields alone', () => {
    expect(problems('title: "Talks #2 resume"', 'description: C# and F# on the quay', ...rest, 'draft: true # until Monday')).toEqual([]);
  });
});
