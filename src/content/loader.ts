import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import { glob as globLoader } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import { checkArticle, formatIssues, type ArticleIssue, type RawArticle } from './article-file.ts';
import type { Article } from './schema.ts';
import { renderBody, startBodies } from './article-bodies.ts';

/** An article file that passed every check: its parts, its validated data and the text it was read from. */
export interface CheckedArticle {
  raw: RawArticle;
  data: Article;
  contents: string;
}

/**
 * Where editors put articles, relative to the project root. Tests and the benchmark point the build
 * at another folder (absolute or relative) with the ARTICLES_DIR environment variable.
 */
export const ARTICLES_DIR = process.env.ARTICLES_DIR || 'content/articles';

/**
 * Reads and validates every article file under `dir` (relative to `root`), reporting all problems at once.
 * `onValid` is called with each valid article as soon as it is checked (the build starts rendering it then).
 * @throws Error listing every file, field and problem when any article is invalid.
 */
export async function loadArticleFiles(root: string, dir = ARTICLES_DIR, onValid?: (path: string, article: CheckedArticle) => void): Promise<Map<string, CheckedArticle>> {
  const files = (await glob('**/*', { cwd: resolve(root, dir), absolute: true, dot: false })).sort();
  const articles = new Map<string, CheckedArticle>();
  const issues: ArticleIssue[] = [];
  for (const [n, path] of files.entries()) {
    // Let the event loop run now and then, so bodies sent to the Markdown workers come back while files are read.
    if (onValid && n % 16 === 15) await new Promise((resume) => setImmediate(resume));
    const file = relative(root, path);
    if (!path.endsWith('.md')) {
      issues.push({ file, field: 'file name', message: 'articles must be Markdown files ending in .md' });
      continue;
    }
    // Read synchronously: thousands of small files, each faster to read than to wait for.
    const contents = readFileSync(path, 'utf8');
    const checked = checkArticle(file, contents);
    issues.push(...checked.issues);
    if (!checked.data || checked.issues.length) continue;
    const article = { raw: checked.raw, data: checked.data, contents };
    articles.set(path, article);
    onValid?.(path, article);
  }
  if (issues.length) throw new Error(formatIssues(issues));
  // Slug and data only: the file texts are not kept past the build's sync.
  lastLoaded().set(resolve(root, dir), [...articles.values()].map(({ raw, data }) => ({ slug: raw.slug, data })));
  return articles;
}

/**
 * The articles the last successful loadArticleFiles of `dir` found in this process, if any. A build reads and
 * checks every file once, in the content loader; the steps after the pages (sitemap dates, social images) reuse
 * that reading instead of parsing thousands of files again. The map lives on globalThis because Astro loads the
 * content config and the integrations as separate module instances.
 */
export function lastLoadedArticles(root: string, dir = ARTICLES_DIR): ArticleIndexEntry[] | undefined {
  return lastLoaded().get(resolve(root, dir));
}
/** What the steps after the pages need of an article. */
export interface ArticleIndexEntry {
  slug: string;
  data: Article;
}
const LAST_LOADED = Symbol.for('news-reader.last-loaded-articles');
function lastLoaded(): Map<string, ArticleIndexEntry[]> {
  const store = globalThis as { [LAST_LOADED]?: Map<string, ArticleIndexEntry[]> };
  return (store[LAST_LOADED] ??= new Map());
}

/**
 * The articles collection's loader. Two guarantees before Astro sees any article: every file is checked first
 * and all problems are reported together, and the schema receives the frontmatter as written (YAML 1.2 core), so
 * an impossible date cannot be silently rolled over.
 *
 * In a build, that one reading of each file feeds Astro's store directly (storeForBuild). In `astro dev`, which
 * watches the files, Astro's glob loader takes over after the check, with the checked frontmatter.
 */
export function articleLoader(): Loader {
  const base = ARTICLES_DIR.startsWith('/') ? ARTICLES_DIR : `./${ARTICLES_DIR}`;
  const inner = globLoader({ pattern: '**/*.md', base, generateId: ({ entry }) => entry.replace(/\.md$/, ''), retainBody: false });
  return {
    name: 'article-loader',
    load: async (context) => {
      const root = fileURLToPath(context.config.root).replace(/\/$/, '');
      if (!context.watcher) return storeForBuild(context, root);
      const checked = await loadArticleFiles(root);
      await inner.load({
        ...context,
        parseData: (async (props) => {
          const path = props.filePath!;
          // An edited file is checked again.
          const contents = await readFile(path, 'utf8');
          let frontmatter = checked.get(path)?.contents === contents ? checked.get(path)!.raw.frontmatter : undefined;
          if (frontmatter === undefined) {
            const { raw, issues } = checkArticle(relative(root, path), contents);
            if (issues.length) throw new Error(formatIssues(issues));
            frontmatter = raw.frontmatter;
          }
          return context.parseData({ ...props, data: frontmatter as Record<string, unknown> });
        }) as typeof context.parseData,
      });
    },
  };
}

/**
 * A build's sync: what Astro's glob loader stores (id = path under the articles folder without .md, schema-parsed
 * data, digest), from the one reading of each file; entries of deleted files go. The bodies are not stored: each
 * is sent to the Markdown workers as soon as its file is checked, and the promise of its HTML goes into this
 * build's registry of bodies (src/content/article-bodies.ts), which the pages read. The sync does not wait for them:
 * Astro writes its store and bundles the pages while the workers render, and a page waits for its own body only.
 */
async function storeForBuild(context: LoaderContext, root: string): Promise<void> {
  const { store, config } = context;
  const { markdown } = config;
  const renderer = await markdown.processor.createRenderer({ image: config.image, syntaxHighlight: markdown.syntaxHighlight, shikiConfig: markdown.shikiConfig, gfm: markdown.gfm, smartypants: markdown.smartypants });
  const bodies = startBodies();
  const folder = resolve(root, ARTICLES_DIR);
  const stale = new Set(store.keys());
  const stored: Array<Promise<void>> = [];
  const storeArticle = async (path: string, { raw, contents }: CheckedArticle) => {
    const id = posixRelative(folder, path).replace(/\.md$/, '');
    const file = posixRelative(root, path);
    stale.delete(id);
    bodies.set(id, renderBody(renderer, file, raw.body, pathToFileURL(path)));
    const digest = context.generateDigest(contents);
    const existing = store.get(id);
    // Unchanged since the cached build: keep the entry (one stored with its body, by an older build, is replaced).
    if (existing?.digest === digest && !existing.rendered) return;
    const frontmatter = raw.frontmatter as Record<string, unknown>;
    const data = await context.parseData({ id, data: frontmatter, filePath: path });
    store.set({ id, data, filePath: file, digest });
  };
  try {
    await loadArticleFiles(root, ARTICLES_DIR, (path, article) => stored.push(storeArticle(path, article)));
  } catch (error) {
    // Invalid files stop the build; let the entries being stored finish first.
    await Promise.allSettled(stored);
    throw error;
  }
  await Promise.all(stored);
  for (const id of stale) store.delete(id);
}

/** A relative path with forward slashes, as Astro names entries and their files on every system. */
function posixRelative(from: string, to: string): string {
  return relative(from, to).split(sep).join('/');
}
