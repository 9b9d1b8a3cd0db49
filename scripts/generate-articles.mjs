#!/usr/bin/env node
// Writes N deterministic, schema-valid articles for benchmarks and tests: several desks, places, tags and
// months, bodies about the seed's length with the Markdown a newsroom uses (links, emphasis, quotes, lists).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DESKS = ['Israel Desk', 'World Desk', 'Business Desk', 'Science Desk', 'Culture Desk', 'Sports Desk'];
export const LOCATIONS = ['Jerusalem', 'London', 'New York', 'Baghdad', 'Tel Aviv', 'Paris', 'Tokyo', 'Cairo', 'Berlin', 'São Paulo'];
export const TAGS = ['Iran', 'Iraq', 'Syria', 'economy', 'elections', 'climate', 'health', 'courts', 'energy', 'transport', 'education', 'security', 'trade', 'diplomacy', 'technology'];
const WORDS = ('the of and to in a that for on with as by was said at from his it an were are which this be has have been ' +
  'officials government minister report sources city border week talks market price council court police army ' +
  'agreement plan budget election vote water power energy school hospital port harbour strike workers union ' +
  'spokesman statement region province capital village crisis support leaders analysts commission inquiry').split(' ');

/** A small seeded generator (mulberry32), so every run writes the same articles. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(rand, words = 12 + Math.floor(rand() * 14)) {
  const list = Array.from({ length: words }, () => WORDS[Math.floor(rand() * WORDS.length)]);
  list[0] = list[0][0].toUpperCase() + list[0].slice(1);
  return `${list.join(' ')}.`;
}

/** The Markdown text of article number `i` (0-based) and its slug. */
export function generateArticle(i, rand = random(i + 1)) {
  const desk = DESKS[i % DESKS.length];
  const location = LOCATIONS[(i * 7) % LOCATIONS.length];
  const tags = [TAGS[i % TAGS.length], TAGS[(i * 5 + 3) % TAGS.length]].filter((t, k, all) => all.indexOf(t) === k);
  // Spread over three years (37 h apart, wrapping), distinct to the minute, whatever the count.
  const span = 3 * 365 * 24;
  const day = new Date(Date.UTC(2023, 0, 1) + ((i * 37) % span) * 3600_000 + Math.floor((i * 37) / span) * 60_000);
  const published = day.toISOString().slice(0, 16) + 'Z';
  const headline = `${sentence(rand, 6 + (i % 5)).slice(0, -1)} (${i + 1})`;
  const paragraphs = Array.from({ length: 9 }, (_, p) => {
    const text = Array.from({ length: 2 + Math.floor(rand() * 2) }, () => sentence(rand)).join(' ');
    // Straight quotes, as editors type them: the smart-punctuation pass turns them into curly ones.
    if (p === 1) return `"${text}" the spokesman said, "it's the plan."`;
    if (p === 3) return `${text} See [the full report](https://example.org/reports/${i}/) for *details*.`;
    if (p === 5) return `> ${text}`;
    return text;
  });
  const slug = `generated-article-${String(i + 1).padStart(5, '0')}`;
  const markdown = [
    '---',
    `title: ${JSON.stringify(headline)}`,
    `description: ${JSON.stringify(sentence(rand, 16))}`,
    'source: The Reader Wire',
    `desk: ${desk}`,
    `location: ${location}`,
    `published: ${published}`,
    `tags: [${tags.map((t) => JSON.stringify(t)).join(', ')}]`,
    '---',
    paragraphs.join('\n\n'),
    '',
  ].join('\n');
  return { slug, markdown };
}

/** Writes `count` generated articles into `dir`. */
export async function writeArticles(dir, count, first = 0) {
  await mkdir(dir, { recursive: true });
  for (let i = first; i < first + count; i++) {
    const { slug, markdown } = generateArticle(i);
    await writeFile(join(dir, `${slug}.md`), markdown);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, count = '30'] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node scripts/generate-articles.mjs <folder> [count]');
    process.exit(2);
  }
  await writeArticles(dir, Number(count));
  console.log(`wrote ${count} articles to ${dir}`);
}
