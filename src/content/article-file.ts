import { basename, dirname } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'astro/zod';
import { ARTICLE_FIELDS, articleSchema, type Article } from './schema.ts';
import { codePoint, XML_FORBIDDEN } from '../markdown/xml-safe-text.ts';
import { deepestNesting, MAX_NESTING } from './nesting.ts';
import { cutByComment, markupNodes, markupValues, unresolvedAlias, yamlProblem } from './yaml-errors.ts';

/** A file name an editor may use: lowercase a-z, 0-9 and single hyphens, ending in .md. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The text `npm run new` writes as the body of a new article (scripts/new-article.mjs). A draft may still hold it
 * (`npm run check` notes it); an article that would be published with it is an error of its file and line.
 */
export const PLACEHOLDER = 'Write the first paragraph of the story here.';

/** One thing wrong with one article file. */
export interface ArticleIssue {
  file: string;
  field: string;
  message: string;
}

/**
 * What a folder of Markdown files holds (articles, site pages, authors): the checks of this file are the same for
 * every kind, with its own schema, its own fields, and its own words in the messages.
 */
export interface FileKind<T = unknown> {
  /** What one file is, in messages: "article", "site page", "author". */
  noun: string;
  /** A good file name without .md, shown when a name is not a slug. */
  example: string;
  /** The frontmatter's schema: strict, so an unknown key is an error. */
  schema: z.ZodType<T>;
  /** The frontmatter's fields, listed when a key is unknown and offered when it is misspelled. */
  fields: readonly string[];
}

/** Article files: content/articles/<slug>.md, the contract of README.md. */
export const ARTICLE_KIND: FileKind<Article> = { noun: 'article', example: 'harbour-strike', schema: articleSchema, fields: ARTICLE_FIELDS };

/** The parts of an article file, before validation. */
export interface RawArticle {
  slug: string;
  /** Frontmatter as YAML 1.2 core-schema values: dates stay the text the editor wrote. */
  frontmatter: unknown;
  body: string;
}

/** The fields that hold words, where a # is far likelier part of the text than the start of a YAML comment. */
const TEXT_FIELDS = ['title', 'description', 'source', 'desk', 'location', 'author'] as const;

const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

/** Splits a Markdown file into frontmatter (parsed as YAML 1.2 core) and body, noting what is malformed. */
export function readArticle(file: string, contents: string, kind: Pick<FileKind, 'noun' | 'example' | 'fields'> = ARTICLE_KIND): { raw: RawArticle; issues: ArticleIssue[] } {
  const issues: ArticleIssue[] = [];
  // <slug>.md, or <slug>/index.md for an article in a folder of its own (with its images beside it).
  const inFolder = basename(file) === 'index.md';
  const slug = inFolder ? basename(dirname(file)) : basename(file).replace(/\.md$/, '');
  if (!SLUG.test(slug)) {
    issues.push(inFolder
      ? { file, field: 'slug (folder name)', message: `"${slug}" must be lowercase a-z, 0-9 and single hyphens, e.g. ${kind.example}/index.md` }
      : { file, field: 'slug (file name)', message: `"${slug}" must be lowercase a-z, 0-9 and single hyphens, e.g. ${kind.example}.md` });
  }
  const match = FRONTMATTER.exec(contents);
  let frontmatter: unknown = {};
  if (!match) {
    const opened = /^\uFEFF?---[ \t]*\r?\n/.test(contents);
    issues.push({
      file,
      field: 'frontmatter',
      message: opened
        ? 'the --- block that opens line 1 is never closed: add a line with only --- after the last field'
        : 'expected the file to start with a --- line, the fields (title, source, …), then a closing --- line',
    });
  } else {
    const doc = parseDocument(match[1]!, { schema: 'core', uniqueKeys: true, prettyErrors: true });
    // In plain words, one problem per line: one slip (a colon in a title) can make the parser complain twice.
    // The block's first line is line 2 of the file (the opening --- is line 1).
    const lines = match[1]!.split(/\r?\n/);
    const said = new Set<string>();
    for (const error of doc.errors) {
      const { line, message } = yamlProblem(error, lines, 2);
      if (said.has(String(line))) continue;
      said.add(String(line));
      issues.push({ file, field: 'frontmatter', message: `${line ? `line ${line}: ` : ''}${message}` });
    }
    // Text YAML would silently read as its own markup (&anchor, *alias, !tag), or cut short at a # (a comment).
    const unsaid = doc.errors.length ? [] : [...markupValues(lines, 2, kind.fields), ...markupNodes(doc, match[1]!, 2, kind.fields), ...cutByComment(lines, 2, TEXT_FIELDS)].sort((a, b) => a.line - b.line)
      .filter((p, i, all) => p.line !== all[i - 1]?.line);
    for (const { line, message } of unsaid) issues.push({ file, field: 'frontmatter', message: `line ${line}: ${message}` });
    if (doc.errors.length === 0 && unsaid.length === 0) {
      try {
        frontmatter = doc.toJS() ?? {};
      } catch (error) {
        // The yaml package refuses to expand too many aliases (an "alias bomb" would take all memory), or a *reference
        // to nothing: a problem of this file, reported with the others, not an exception that stops the whole check.
        const alias = /^Unresolved alias/.test((error as Error).message) ? unresolvedAlias(lines, 2) : undefined;
        const message = (error as Error).message;
        const plain = /^Excessive alias count/.test(message)
          ? 'it repeats values through &anchors and *aliases so many times that reading it would take all the memory (YAML stops there)'
          : `YAML could not be read: ${message}`;
        issues.push({ file, field: 'frontmatter', message: alias ? `line ${alias.line}: ${alias.message}` : `${plain}; write each value out instead of repeating it with &anchors and *aliases` });
      }
    }
  }
  const body = match ? contents.slice(match[0].length) : contents;
  if (body.trim() === '') {
    issues.push({ file, field: 'body', message: `the ${kind.noun} has no text after the frontmatter` });
  }
  return { raw: { slug, frontmatter, body }, issues };
}

/** Strict UTF-8: throws on the first invalid byte (and drops a byte-order mark). Reusable: each decode starts anew. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of an article file, which must be UTF-8 (with or without a byte-order mark) with LF or CRLF line
 * endings. Anything else is an issue naming the encoding found: decoded as UTF-8 regardless, a Latin-1 file would put
 * U+FFFD replacement characters on the page, in the feeds and in the social image, and a UTF-16 or CR-only file
 * would be read as one line with no frontmatter.
 */
export function decodeArticle(file: string, bytes: Uint8Array): { contents?: string; issue?: ArticleIssue } {
  const fail = (found: string) => ({ issue: { file, field: 'encoding', message: `${found}: save the file as UTF-8 with LF (or CRLF) line endings` } });
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return fail('the file is UTF-16 (little-endian, with a byte-order mark), not UTF-8');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return fail('the file is UTF-16 (big-endian, with a byte-order mark), not UTF-8');
  // UTF-16 without a mark: Latin text has a zero byte in every other position (UTF-8 text has none).
  const head = bytes.subarray(0, 512);
  const zeros = [0, 1].map((odd) => head.filter((byte, i) => i % 2 === odd && byte === 0).length);
  if (Math.max(...zeros) > head.length / 8) return fail(`the file is UTF-16 (${zeros[1]! > zeros[0]! ? 'little' : 'big'}-endian, without a byte-order mark), not UTF-8`);
  let contents: string;
  try {
    contents = UTF8.decode(bytes);
  } catch {
    // The first line that is not UTF-8, and its first byte above ASCII: é in Latin-1 is the single byte 0xE9.
    let start = 0;
    for (let line = 1; start <= bytes.length; line++) {
      const end = bytes.indexOf(0x0a, start) >>> 0; // -1 becomes 2^32 - 1: to the end of the file
      const part = bytes.subarray(start, end);
      try {
        UTF8.decode(part);
      } catch {
        const byte = part.find((b) => b >= 0x80) ?? 0;
        return fail(`line ${line} is not UTF-8 (byte 0x${byte.toString(16).toUpperCase()}): the file looks like Latin-1 (ISO 8859-1) or Windows-1252`);
      }
      start = end + 1;
    }
    return fail('the file is not UTF-8');
  }
  const loneCr = /\r(?!\n)/.exec(contents);
  if (loneCr) {
    const line = contents.slice(0, loneCr.index).split(/\r\n?|\n/).length;
    return fail(`line ${line} ends with a carriage return alone (CR-only line endings, as on classic Mac OS)`);
  }
  return { contents };
}

/** Edits (insert, delete, replace a character) between two words. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** `: did you mean "published"?` for a misspelled field (at most two edits, case aside), else nothing. */
function didYouMean(keys: string[], fields: readonly string[]): string {
  const guesses = keys.flatMap((key) => {
    const near = fields.find((field) => editDistance(key.toLowerCase(), field.toLowerCase()) <= Math.min(2, Math.floor(field.length / 3)));
    return near ? [`"${near}"`] : [];
  });
  return guesses.length ? `: did you mean ${guesses.join(', ')}?` : '';
}

/** Validates the frontmatter against its kind's schema (the article schema unless told), naming each bad field. */
export function validateFrontmatter<T = Article>(file: string, frontmatter: unknown, kind: FileKind<T> = ARTICLE_KIND as FileKind<T>): { data?: T; issues: ArticleIssue[] } {
  const result = kind.schema.safeParse(frontmatter);
  if (result.success) return { data: result.data, issues: [] };
  return {
    issues: result.error.issues.map((issue) => ({
      file,
      field: issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k].join('.')).join(', ') : issue.path.join('.') || 'frontmatter',
      message: issue.code === 'unrecognized_keys'
        ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}${issue.path.length ? '' : `${didYouMean(issue.keys, kind.fields)} (allowed: ${kind.fields.join(', ')})`}`
        : issue.message,
    })),
  };
}

/** Each frontmatter string holding a character XML forbids (it would make the feeds ill-formed), by field. */
function forbiddenCharacters(file: string, value: unknown, path: string[] = []): ArticleIssue[] {
  if (typeof value === 'string') {
    const at = value.search(XML_FORBIDDEN);
    if (at < 0) return [];
    const character = codePoint(value.slice(at, at + 1));
    return [{ file, field: path.join('.') || 'frontmatter', message: `contains the invisible control character ${character}, which feeds cannot carry: remove it` }];
  }
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, v]) => forbiddenCharacters(file, v, [...path, key]));
  return [];
}

/** The line of the file (from 1) on which `body`, the end of `contents`, starts: body lines become file lines. */
export function bodyStartLine(contents: string, body: string): number {
  return contents.slice(0, contents.length - body.length).split('\n').length;
}

/** The line of the file on which the body still holds `npm run new`'s placeholder text, if it does. */
export function placeholderLine(contents: string, body: string): number | undefined {
  const at = body.indexOf(PLACEHOLDER);
  return at < 0 ? undefined : bodyStartLine(contents, body) + body.slice(0, at).split('\n').length - 1;
}

/** Reads and validates one file of a kind (an article unless told): every problem in it, or its data. */
export function checkArticle<T = Article>(file: string, contents: string, kind: FileKind<T> = ARTICLE_KIND as FileKind<T>): { raw: RawArticle; data?: T; issues: ArticleIssue[] } {
  const { raw, issues } = readArticle(file, contents, kind);
  // Frontmatter that could not be read would only add "is required" for every field: report the cause alone.
  if (issues.some((i) => i.field === 'frontmatter')) return { raw, issues };
  const validated = validateFrontmatter(file, raw.frontmatter, kind);
  const forbidden = forbiddenCharacters(file, raw.frontmatter);
  const nesting = deepestNesting(raw.body);
  if (nesting.depth > MAX_NESTING) {
    const line = bodyStartLine(contents, raw.body) - 1 + nesting.line;
    issues.push({ file, field: 'body', message: `line ${line} nests ${nesting.depth} levels deep (quotes, lists or HTML elements within each other); at most ${MAX_NESTING} are allowed` });
  }
  // Site pages and authors have no draft field: they are always published.
  const draft = (validated.data as { draft?: unknown } | undefined)?.draft === true;
  const placeholder = validated.data && !draft ? placeholderLine(contents, raw.body) : undefined;
  if (placeholder) {
    issues.push({ file, field: 'body', message: `line ${placeholder} still holds the placeholder of npm run new ("${PLACEHOLDER}"): write the story there, or keep draft: true until it is written` });
  }
  return { raw, data: forbidden.length ? undefined : validated.data, issues: [...issues, ...validated.issues, ...forbidden] };
}

/** One line per problem: `file: field: message`, the form editors and CI logs read. */
export function formatIssues(issues: ArticleIssue[], noun = ARTICLE_KIND.noun): string {
  const files = new Set(issues.map((i) => i.file)).size;
  return [
    `${issues.length} problem${issues.length === 1 ? '' : 's'} in ${files} ${noun} file${files === 1 ? '' : 's'}:`,
    ...issues.map((i) => `  ${i.file}: ${i.field}: ${i.message}`),
  ].join('\n');
}
