import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';
import { glob as globLoader } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { checkArticle, formatIssues, type ArticleIssue, type RawArticle } from './article-file';
import type { Article } from './article-schema';

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
 * @throws Error listing every file, field and problem when any article is invalid.
 */
export async function loadArticleFiles(root: string, dir = ARTICLES_DIR): Promise<Map<string, CheckedArticle>> {
  const files = (await glob('**/*', { cwd: resolve(root, dir), absolute: true, dot: false })).sort();
  const articles = new Map<string, CheckedArticle>();
  const issues: ArticleIssue[] = [];
  for (const path of files) {
    const file = relative(root, path);
    if (!path.endsWith('.md')) {
      issues.push({ file, field: 'file name', message: 'articles must be Markdown files ending in .md' });
      continue;
    }
    const contents = await readFile(path, 'utf8');
    const checked = checkArticle(file, contents);
    issues.push(...checked.issues);
    if (checked.data) articles.set(path, { raw: checked.raw, data: checked.data, contents });
  }
  if (issues.length) throw new Error(formatIssues(issues));
  lastLoaded().set(resolve(root, dir), articles);
  return articles;
}

/**
 * The articles the last successful loadArticleFiles of `dir` found in this process, if any. A build reads and
 * checks every file once, in the content loader; the steps after the pages (sitemap dates, social images) reuse
 * that reading instead of parsing thousands of files again. The map lives on globalThis because Astro loads the
 * content config and the integrations as separate module instances.
 */
export function lastLoadedArticles(root: string, dir = ARTICLES_DIR): Map<string, CheckedArticle> | undefined {
  return lastLoaded().get(resolve(root, dir));
}
const LAST_LOADED = Symbol.for('news-reader.last-loaded-articles');
function lastLoaded(): Map<string, Map<string, CheckedArticle>> {
  const store = globalThis as { [LAST_LOADED]?: Map<string, Map<string, CheckedArticle>> };
  return (store[LAST_LOADED] ??= new Map());
}

/**
 * Astro's glob loader, with two guarantees added before Astro sees any article:
 * every file is checked first and all problems are reported together, and the schema receives the
 * frontmatter as written (YAML 1.2 core), so an impossible date cannot be silently rolled over.
 */
export function articleLoader(): Loader {
  const inner = globLoader({ pattern: '**/*.md', base: ARTICLES_DIR.startsWith('/') ? ARTICLES_DIR : `./${ARTICLES_DIR}`, generateId: ({ entry }) => entry.replace(/\.md$/, ''), retainBody: false });
  return {
    name: 'article-loader',
    load: async (context) => {
      const root = fileURLToPath(context.config.root).replace(/\/$/, '');
      const checked = await loadArticleFiles(root);
      await inner.load({
        ...context,
        parseData: (async (props) => {
          const path = props.filePath!;
          // The first pass already read and checked the file. In `astro dev` (a watcher is set) the file may have
          // been edited since, so it is read again and, if it changed, checked again.
          const contents = context.watcher ? await readFile(path, 'utf8') : checked.get(path)?.contents;
          let frontmatter = contents !== undefined && checked.get(path)?.contents === contents ? checked.get(path)!.raw.frontmatter : undefined;
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
