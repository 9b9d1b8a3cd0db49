#!/usr/bin/env node
// Validates every article, site page and author file (file name, frontmatter, schema, body) without building the
// site, and lists every problem in every file at once. Part of `npm run check`; ARTICLES_DIR, PAGES_DIR and
// AUTHORS_DIR point it elsewhere.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Vite's module runner loads the TypeScript sources as they are, so the check uses the build's own code.
const { module } = await runnerImport(resolve(root, 'src/content/loader.ts'), { root, logLevel: 'error' });
for (const kind of [module.ARTICLES, module.SITE_PAGES, module.AUTHORS]) {
  try {
    const files = await module.loadContentFiles(root, kind);
    console.log(`${files.size} ${kind.noun} file${files.size === 1 ? '' : 's'} checked in ${kind.dir}: no problems.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
