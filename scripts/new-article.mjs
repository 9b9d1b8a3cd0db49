#!/usr/bin/env node
// npm run new -- "Headline" [--desk "World Desk"] [--location London] [--source "The Reader"] [--author …]
//   [--tags "a, b"] [--slug file-name] [--dir folder]
// Creates <dir>/<slug>.md (dir: --dir, else ARTICLES_DIR, else content/articles) with the frontmatter filled
// in, published set to now and draft: true. Missing desk, location or source are asked for when run in a terminal.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runnerImport } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const load = async (file) => (await runnerImport(resolve(root, file), { root, logLevel: 'error' })).module;

const USAGE = 'npm run new -- "Headline" [--desk …] [--location …] [--source …] [--author …] [--tags "a, b"] [--slug file-name] [--dir folder]';
const fail = (message) => {
  console.error(`npm run new: ${message}`);
  process.exit(1);
};
let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: Object.fromEntries(['desk', 'location', 'source', 'author', 'tags', 'slug', 'dir'].map((k) => [k, { type: 'string' }])),
  });
} catch (error) {
  // An unknown option or one without its value: one line of help, not a stack trace.
  fail(`${error.message.split('\n')[0]}\nusage: ${USAGE}`);
}
const { values, positionals } = parsed;

const title = positionals.join(' ').trim();
if (!title) fail('give the headline, e.g. npm run new -- "Harbour strike ends" --desk "World Desk" --location London --source "The Reader"');

const asked = { desk: 'Desk (e.g. World Desk)', location: 'Location, the dateline (e.g. London)', source: 'Source publication' };
const missing = Object.keys(asked).filter((k) => !values[k]?.trim());
if (missing.length && process.stdin.isTTY) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  for (const key of missing) values[key] = (await rl.question(`${asked[key]}: `)).trim();
  rl.close();
} else if (missing.length) {
  fail(`missing ${missing.map((k) => `--${k}`).join(', ')} (no terminal to ask in)`);
}

const { fileSlug } = await load('src/newsroom/slugs.ts');
const { checkArticle, formatIssues, PLACEHOLDER, SLUG } = await load('src/content/article-file.ts');
const slug = values.slug ?? fileSlug(title);
if (!slug) fail('the headline has no Latin letters to make a file name from: give one with --slug');
// Checked as a file name before it becomes a path: no /, no .., only what the build accepts.
if (!SLUG.test(slug)) fail(`--slug "${slug}" must be lowercase a-z, 0-9 and single hyphens, e.g. harbour-strike`);

const dir = resolve(root, values.dir ?? process.env.ARTICLES_DIR ?? 'content/articles');
const path = join(dir, `${slug}.md`);
if (existsSync(path)) fail(`${relative(root, path)} already exists: choose another --slug`);

const q = (text) => JSON.stringify(text); // a JSON string is a valid double-quoted YAML scalar
const tags = (values.tags ?? '').split(',').map((t) => t.trim()).filter(Boolean);
const frontmatter = [
  `title: ${q(title)}`,
  `source: ${q(values.source.trim())}`,
  `desk: ${q(values.desk.trim())}`,
  `location: ${q(values.location.trim())}`,
  `published: ${new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
  ...(values.author ? [`author: ${q(values.author.trim())}`] : []),
  ...(tags.length ? [`tags: [${tags.map(q).join(', ')}]`] : []),
  // A draft until the editor has written the story and removes this line: the build leaves drafts out.
  'draft: true',
];
// The placeholder is the one `npm run check` looks for: published with it, the article stops the build.
const contents = `---\n${frontmatter.join('\n')}\n---\n${PLACEHOLDER}\n`;

// The same checks as the build, before anything is written.
const { issues } = checkArticle(relative(root, path), contents);
if (issues.length) fail(`\n${formatIssues(issues)}`);
await mkdir(dir, { recursive: true });
await writeFile(path, contents, { flag: 'wx' });
const shown = relative(root, path).startsWith('..') ? path : relative(root, path);
console.log(`Created ${shown} (a draft): write the story, delete the draft line, then npm run check.`);
