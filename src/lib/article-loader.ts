import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';
import { glob as globLoader } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { checkArticle, formatIssues, type ArticleIssue, type RawArticle } from './article-file';

/**
 * Where editors put articles, relative to the project root. Tests and the benchmark point the build
 * at another folder (absolute or relative) with the ARTICLES_DIR environment variable.
 */
export const ARTICLES_DIR = process.env.ARTICLES_DIR || 'content/articles';

/**
 * Reads and validates every article file under `dir` (relative to `root`), reporting all problems at once.
 * @throws Error listing every file, field and problem when any article is invalid.
 */
export async function loadArticleFiles(root: string, dir = ARTICLES_DIR): Promise<Map<string, RawArticle>> {
  const files = (await glob('**/*', { cwd: resolve(root, dir), absolute: true, dot: false })).sort();
  const articles = new Map<string, RawArticle>();
  const issues: ArticleIssue[] = [];
  for (const path of files) {
    const file = relative(root, path);
    if (!path.endsWith('.md')) {
      issues.push({ file, field: 'file name', message: 'articles must be Markdown files ending in .md' });
      continue;
    }
    const checked = checkArticle(file, await readFile(path, 'utf8'));
    issues.push(...checked.issues);
    articles.set(path, checked.raw);
  }
  if (issues.length) throw new Error(formatIssues(issues));
  return articles;
}

/**
 * Astro's glob loader, with two guarantees added before Astro sees any article:
 * every file is checked first and all problems are reported together, and the schema receives the
 * frontmatter as written (YAML 1.2 core), so an impossible date cannot be silently rolled over.
 */
export function articleLoader(): Loader {
  const inner = globLoader({ pattern: '**/*.md', base: ARTICLES_DIR.startsWith('/') ? ARTICLES_DIR : `./${ARTICLES_DIR}`, generateId: ({ entry }) => entry.replace(/\.md$/, '') });
  return {
    name: 'article-loader',
    load: async (context) => {
      const root = fileURLToPath(context.config.root).replace(/\/$/, '');
      await loadArticleFiles(root);
      await inner.load({
        ...context,
        // Re-read here rather than cache the first pass: in `astro dev` this runs again for each edited file.
        parseData: (async (props) => {
          const path = props.filePath!;
          const { raw, issues } = checkArticle(relative(root, path), await readFile(path, 'utf8'));
          if (issues.length) throw new Error(formatIssues(issues));
          return context.parseData({ ...props, data: raw.frontmatter as Record<string, unknown> });
        }) as typeof context.parseData,
      });
    },
  };
}
