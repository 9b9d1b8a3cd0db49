import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import type { Loader, LoaderContext } from 'astro/loaders';
import { ARTICLE_KIND, bodyStartLine, checkArticle, decodeArticle, formatIssues, placeholderLine, type ArticleIssue, type FileKind, type RawArticle } from './article-file.ts';
import { buildTime, isScheduled } from './build-time.ts';
import { CheckCache } from './check-cache.ts';
import { writeArticleIndex, type ArticleIndexEntry } from './article-index.ts';
import type { Article } from './schema.ts';
import { checkPhotos, imageReferences, type ImageReference } from './photos.ts';
import { PAGES_DIR, RESERVED_PAGE_SLUGS, sitePageSchema } from './site-pages.ts';
import { AUTHORS_DIR, authorSchema } from './authors.ts';
import type { InvalidLink } from '../markdown/link-check.ts';
import type { RemovedCharacter } from '../markdown/xml-safe-text.ts';
import { SITE } from '../site.ts';
import { releaseMemory } from '../integrations/release-memory.ts';

/** A file that passed every check: its parts, its validated data and the text it was read from. */
export interface CheckedFile<T> {
  raw: RawArticle;
  data: T;
  contents: string;
}

/** An article file that passed every check. */
export type CheckedArticle = CheckedFile<Article>;

/**
 * Where editors put articles, relative to the project root. Tests and the benchmark point the build
 * at another folder (absolute or relative) with the ARTICLES_DIR environment variable.
 */
export const ARTICLES_DIR = process.env.ARTICLES_DIR || 'content/articles';

/** Editor backups and swap files, which sit beside articles and are not articles: skipped with a note. */
const EDITOR_LEFTOVERS = /(?:~|\.sw[a-p]|\.bak|\.orig|\.tmp)$|^#.*#$/;

/**
 * Where an article file may be, as a path under the articles folder (posix separators): `<slug>.md`, or
 * `<slug>/index.md` for an article with a folder of its own (its images beside it). Returns 'file' for an article,
 * 'asset' for another file in an article's folder (its images: not an article, not an error), else why the file may
 * not be there.
 */
export function articlePlace(path: string): 'file' | 'asset' | string {
  const parts = path.split('/');
  if (parts.length === 1) return path.endsWith('.md') ? 'file' : 'articles must be Markdown files ending in .md, or <slug>/index.md';
  if (parts.length === 2) {
    if (parts[1] === 'index.md') return 'file';
    return parts[1]!.endsWith('.md') ? `an article's folder holds one article, index.md: write this one as ${parts[1]} beside the folder, or as its own ${parts[1]!.replace(/\.md$/, '')}/index.md` : 'asset';
  }
  return 'articles are <slug>.md or <slug>/index.md: nothing deeper in the articles folder';
}

/**
 * An error whose message is the whole report (file, field, problem): with an empty stack, so Astro prints the lines
 * and no trace of this code under them (it prints a "Stack trace:" section whenever `stack` is set).
 */
export function contentError(message: string): Error {
  const error = new Error(message);
  error.stack = '';
  return error;
}

/** A folder of Markdown files (articles, site pages, authors) and how its files are placed and checked. */
export interface FolderKind<T = unknown> extends FileKind<T> {
  /** The folder, relative to the project root (or absolute). */
  dir: string;
  /** Where a file may be (a path under the folder, posix separators): 'file' to check, 'asset' to leave alone, else why not. */
  place: (path: string) => 'file' | 'asset' | string;
  /** The problems with the photographs a file names (its file and path, and the references found in it). */
  photos: (file: string, path: string, references: ImageReference[]) => Promise<ArticleIssue[]>;
  /** Slugs the site's own routes use, which a file may not take. */
  reserved?: readonly string[];
}

/** The articles folder: <slug>.md or <slug>/index.md with its photographs beside it, each photograph checked. */
export const ARTICLES: FolderKind<Article> = {
  ...ARTICLE_KIND,
  dir: ARTICLES_DIR,
  place: articlePlace,
  photos: checkPhotos,
};

/** Site pages and authors: Markdown files directly in their folder, with no photographs (the contract gives them to articles). */
function flatFolder<T>(kind: FileKind<T>, dir: string, reserved?: readonly string[]): FolderKind<T> {
  return {
    ...kind,
    dir,
    reserved,
    place: (path) => (!path.includes('/') && path.endsWith('.md') ? 'file' : `${kind.noun} files are Markdown files <slug>.md directly in the folder`),
    photos: async (file, _path, references) => references.map(({ field, line }) => ({
      file,
      field,
      message: `${line ? `line ${line}: ` : ''}photographs belong to articles (content/articles/<slug>/index.md); remove the image from this ${kind.noun}`,
    })),
  };
}

/** content/pages/<slug>.md (PAGES_DIR), each served at /<slug>/. */
export const SITE_PAGES = flatFolder({ noun: 'site page', example: 'about', schema: sitePageSchema, fields: Object.keys(sitePageSchema.shape) }, PAGES_DIR, RESERVED_PAGE_SLUGS);

/** content/authors/<slug>.md (AUTHORS_DIR), each served at /authors/<slug>/. */
export const AUTHORS = flatFolder({ noun: 'author', example: 'jane-doe', schema: authorSchema, fields: Object.keys(authorSchema.shape) }, AUTHORS_DIR);

/**
 * Reads and validates every file of a content folder (articles, site pages or authors), reporting all problems at
 * once. The one function that decides whether such a file is valid: the collections' loaders (build and dev) and
 * `npm run check` call it. Hidden files (a leading dot) are never read; editor backups (`x.md~`, `#x.md#`, `.swp`)
 * are skipped with a note.
 * @throws Error listing every file, field and problem when any file is invalid.
 */
export async function loadContentFiles<T>(root: string, kind: FolderKind<T>, note: (message: string) => void = console.log, cache?: CheckCache<T>): Promise<Map<string, CheckedFile<T>>> {
  const folder = resolve(root, kind.dir);
  const files = (await glob('**/*', { cwd: folder, absolute: true, dot: false, followSymbolicLinks: true })).sort();
  const checkedFiles = new Map<string, CheckedFile<T>>();
  const slugs = new Map<string, string>();
  const issues: ArticleIssue[] = [];
  const photoChecks: Promise<ArticleIssue[]>[] = [];
  for (const path of files) {
    const file = relative(root, path);
    if (EDITOR_LEFTOVERS.test(basename(path))) {
      note(`${file}: skipped (an editor's backup or swap file, not ${/^[aeiou]/.test(kind.noun) ? 'an' : 'a'} ${kind.noun})`);
      continue;
    }
    const place = kind.place(posixRelative(folder, path));
    if (place === 'asset') continue;
    if (place !== 'file') {
      issues.push({ file, field: 'file name', message: place });
      continue;
    }
    // Read synchronously: thousands of small files, each faster to read than to wait for.
    const decoded = decodeArticle(file, readFileSync(path));
    if (decoded.issue) {
      issues.push(decoded.issue);
      continue;
    }
    const contents = decoded.contents!;
    const remembered = cache?.get(path, contents);
    const checked = remembered ? { ...remembered, issues: [] } : checkArticle(file, contents, kind);
    issues.push(...checked.issues);
    const other = slugs.get(checked.raw.slug);
    if (other) issues.push({ file, field: 'slug', message: `"${checked.raw.slug}" is also the slug of ${other}: one ${kind.noun} per slug` });
    slugs.set(checked.raw.slug, file);
    const taken = kind.reserved?.includes(checked.raw.slug);
    if (taken) issues.push({ file, field: 'slug (file name)', message: `"${checked.raw.slug}" is taken by the site's own routes (${kind.reserved!.join(', ')}): rename the file` });
    if (checked.data && !checked.issues.length && !other && !taken) checkedFiles.set(path, { raw: checked.raw, data: checked.data, contents });
    // Photographs: files read and remote ones fetched concurrently, once every file has been listed. A body already
    // refused (nested too deep to parse, say) is not parsed again for its images.
    const references = remembered?.references ?? (checked.issues.some((i) => i.field.startsWith('body')) ? [] : imageReferences(checked.raw.frontmatter, checked.raw.body, bodyStartLine(contents, checked.raw.body)));
    if (references.length) photoChecks.push(kind.photos(file, path, references));
    if (cache && !remembered && checked.data && !checked.issues.length) cache.set(path, contents, { raw: checked.raw, data: checked.data, references });
  }
  issues.push(...(await Promise.all(photoChecks)).flat());
  // Any problem stops the build before a page is rendered, so the map is only used when there is none.
  if (issues.length) throw contentError(formatIssues(issues.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)), kind.noun));
  cache?.save();
  return checkedFiles;
}

/** Every article file under `dir` (relative to `root`), checked by loadContentFiles (with `cache`, if given). */
export function loadArticleFiles(root: string, dir = ARTICLES_DIR, note?: (message: string) => void, cache?: CheckCache<Article>): Promise<Map<string, CheckedArticle>> {
  return loadContentFiles(root, { ...ARTICLES, dir }, note, cache);
}

/**
 * What `npm run check` notes about valid articles that a production build leaves out: drafts (and those still holding
 * `npm run new`'s placeholder text) and articles scheduled after `now`, with their publication time. One line each,
 * `file: what`, in file order.
 */
export function articleNotes(root: string, articles: Map<string, CheckedArticle>, now: Date = buildTime()): string[] {
  return [...articles].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flatMap(([path, { raw, data, contents }]) => {
    const file = relative(root, path);
    if (data.draft) {
      const line = placeholderLine(contents, raw.body);
      const placeholder = line ? `; line ${line} still holds the placeholder of npm run new` : '';
      return [`${file}: draft: left out of production builds until the draft line is deleted${placeholder}`];
    }
    if (isScheduled(data, now)) {
      return [`${file}: scheduled for ${data.published.toISOString().replace('.000Z', 'Z')}: left out of builds before that time, published by the first build after it`];
    }
    return [];
  });
}

/**
 * A fingerprint of the code that turns a file into a stored entry (this project's sources, its dependencies'
 * versions, the Astro config). It is part of every entry's digest, so an entry rendered by older code is never
 * reused from Astro's cache; an unchanged file under unchanged code is neither parsed nor rendered again.
 */
async function codeVersion(root: string): Promise<string> {
  const files = (await glob(['src/**', 'astro.config.mjs', 'package-lock.json'], { cwd: root })).sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update(await readFile(resolve(root, file)));
  return hash.digest('hex');
}

/**
 * What an article folder (<slug>/index.md) holds beside its Markdown: each file's name, size and time of last change.
 * Part of the entry's digest, so a photograph replaced under the same name is measured again (its width and height
 * are in the stored data) and the pages that show it are rendered again. A single-file article has none.
 */
async function folderFiles(path: string): Promise<string> {
  if (basename(path) !== 'index.md') return '';
  const folder = dirname(path);
  const names = (await readdir(folder)).filter((name) => name !== 'index.md' && !name.startsWith('.')).sort();
  const stamps = await Promise.all(names.map(async (name) => {
    const { size, mtimeMs } = await stat(join(folder, name));
    return `${name}:${size}:${mtimeMs}`;
  }));
  return stamps.join('\0');
}

/**
 * The articles collection's loader: content/articles/<slug>.md into Astro's store, the same way in `astro build`,
 * `astro dev` and `astro check`.
 * 1. Every file is read and checked (loadArticleFiles): all problems of all files are reported together, and the
 *    schema receives the frontmatter as written (YAML 1.2 core), so an impossible date cannot be silently rolled over.
 *    A file that passed under the same code and settings is not checked again (src/content/check-cache.ts).
 * 2. Each valid file's data goes through Astro's parseData, and its body through Astro's renderMarkdown (the
 *    site's Markdown processor, src/markdown/processor.ts), into the store with its digest; `render(entry)` in the
 *    route shows it. An entry whose file and code are unchanged since the last sync is kept as it is.
 * 3. The article index for the steps after the pages (sitemap dates, social images) is written beside Astro's cache.
 * In `astro dev` the folder is watched, and any change syncs it again. A build's or a check's one sync collects its
 * garbage every `collectEvery` stored entries and at its end, before Astro writes the store
 * (src/integrations/release-memory.ts): V8 lets the heap grow to several times what is alive while thousands of
 * bodies come back from the workers (BENCHMARKS.md, "Memory").
 */
export function articleLoader({ collectEvery = 2000 }: { collectEvery?: number } = {}): Loader {
  return {
    name: 'article-loader',
    load: async (context) => {
      const root = fileURLToPath(context.config.root).replace(/\/$/, '');
      const { watcher, logger } = context;
      const sync = () => holdingStoreWrites(context.meta, () => syncArticles(context, root, watcher ? 0 : collectEvery));
      await sync();
      if (!watcher) return void releaseMemory();
      const folder = resolve(root, ARTICLES_DIR);
      watcher.add(folder);
      let pending: Promise<void> = Promise.resolve();
      watcher.on('all', (_event, path) => {
        if (!resolve(path).startsWith(folder + sep)) return;
        pending = pending.then(sync).catch((error: Error) => logger.error(error.message));
      });
    },
  };
}

/** How often the mark of holdingStoreWrites is set again: well inside Astro's 500 ms. */
const HOLD_EVERY_MS = 200;

/**
 * Runs `work` (a sync) with Astro's write of its store held back to the end. Astro writes its whole store 500 ms
 * after the last change to it, and it changes its own metadata as a sync starts, so a sync that reads and checks
 * files for longer than that wrote the whole store once in its middle and again at its end (at 10,000 articles,
 * 52 MB and 1.2 s each time). A mark in this collection's metadata, set again every 200 ms, keeps postponing the
 * write; it is deleted when the work ends, which leaves the one write at the end, without the mark.
 */
export async function holdingStoreWrites<T>(meta: LoaderContext['meta'], work: () => Promise<T>): Promise<T> {
  const hold = () => meta.set('sync-in-progress', 'yes');
  hold();
  const timer = setInterval(hold, HOLD_EVERY_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
    meta.delete('sync-in-progress');
  }
}

/** One sync of the articles folder into the store (steps 1 to 3 above), collecting garbage every `collectEvery` entries (0: never). */
async function syncArticles(context: LoaderContext, root: string, collectEvery: number): Promise<void> {
  const { store, parseData, renderMarkdown, generateDigest } = context;
  const cacheDir = fileURLToPath(context.config.cacheDir);
  await mkdir(cacheDir, { recursive: true });
  const code = await codeVersion(root);
  // An unchanged file is not checked again under unchanged code and settings (the year of the build time bounds a
  // date's year): src/content/check-cache.ts.
  const checks = new CheckCache<Article>(join(cacheDir, 'checked-articles.bin'), `${code}\0${JSON.stringify(SITE)}\0${buildTime().getUTCFullYear()}`);
  const articles = await loadArticleFiles(root, ARTICLES_DIR, (message) => context.logger.info(message), checks);
  const stale = new Set(store.keys());
  const index: ArticleIndexEntry[] = [];
  let stored = 0;
  // Bodies render concurrently: in a build the Markdown processor runs them on worker threads (src/markdown/pool.ts).
  const results = await Promise.allSettled([...articles].map(async ([path, { raw, data, contents }]) => {
    const id = raw.slug;
    const filePath = posixRelative(root, path);
    stale.delete(id);
    index.push({ slug: id, data });
    // The site's time zone decides the instant of a date written without an offset (parseData reads it), and the
    // site's language is the language of an article that does not give one: an entry stored under another zone, or
    // with another language than the one it now has, is not reused.
    const digest = generateDigest(`${code}\0${SITE.timeZone}\0${data.lang}\0${await folderFiles(path)}\0${contents}`);
    if (store.get(id)?.digest === digest) return;
    // renderMarkdown first splits off a leading --- block as frontmatter: one goes first, so a body that opens with a
    // thematic break (---) stays Markdown. It holds the article's language, which the pipeline's furniture words follow
    // (src/markdown/body-words.ts); removing it leaves the same one line in front of the body, whatever it holds.
    const rendered = await renderMarkdown(`---\nlang: ${JSON.stringify(data.lang)}\n---\n${linedBody(contents, raw.body)}`, { fileURL: pathToFileURL(path) }).catch((error: Error) => {
      throw new Error(`${filePath}: body: ${error.message}`);
    });
    const facts = (rendered.metadata?.frontmatter ?? {}) as { invalidLinks?: InvalidLink[]; removedCharacters?: RemovedCharacter[]; photos?: string[] };
    const removed = facts.removedCharacters ?? [];
    if (removed.length) {
      const where = removed.map(({ line: at, character }) => `${character}${at ? ` (line ${at})` : ''}`);
      context.logger.warn(`${filePath}: body: removed ${removed.length} character${removed.length === 1 ? '' : 's'} that feeds cannot carry: ${[...new Set(where)].join(', ')}`);
    }
    const invalid = facts.invalidLinks ?? [];
    if (invalid.length) {
      throw new Error(invalid.map(({ line: at, what, address }) => `${filePath}: body: ${at ? `line ${at}: ` : ''}the ${what} address "${readable(address)}" is not a valid URL`).join('\n  '));
    }
    // The body's photographs, numbered by the Markdown pipeline (src/markdown/figures.ts), go through Astro's image()
    // with the lead photograph: the page receives each as Astro's image metadata, or a remote one as its address.
    const parsed = await parseData({ id, data: { ...(raw.frontmatter as Record<string, unknown>), figures: facts.photos ?? [] }, filePath: path });
    store.set({ id, data: parsed, filePath, digest, rendered });
    // Not after the last of all: the loader collects once more when the sync ends.
    if (collectEvery && ++stored % collectEvery === 0 && stored < articles.size) releaseMemory();
  }));
  const failures = results.flatMap((result) => (result.status === 'rejected' ? [String((result.reason as Error).message ?? result.reason)] : []));
  if (failures.length) throw contentError(`${failures.length} article bod${failures.length === 1 ? 'y' : 'ies'} could not be rendered:\n  ${failures.join('\n  ')}`);
  for (const id of stale) store.delete(id);
  await writeArticleIndex(cacheDir, index);
}

/**
 * The body as rendered: trimmed, after as many empty lines as keep each of its lines on its line of the file (the
 * frontmatter block given to renderMarkdown leaves one line in front of it). Every line the pipeline reports (a
 * character removed, an address that is not a URL, markup the sanitizer took out) is then the line of the file.
 */
export function linedBody(contents: string, body: string): string {
  return '\n'.repeat(Math.max(0, bodyStartLine(contents, body.trimStart()) - 2)) + body.trim();
}

/** An address as the editor wrote it where it can be decoded (Markdown percent-encodes `[`, spaces, …). */
function readable(address: string): string {
  try {
    return decodeURI(address);
  } catch {
    return address;
  }
}

/** A relative path with forward slashes, as Astro names entries and their files on every system. */
function posixRelative(from: string, to: string): string {
  return relative(from, to).split(sep).join('/');
}
