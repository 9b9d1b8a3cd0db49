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
// A wrong setting (time zone, build time) first, alone: read by every date, it would make each article look wrong.
const { settingProblems } = (await runnerImport(resolve(root, 'src/settings.ts'), { root, logLevel: 'error' })).module;
const problems = settingProblems();
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
for (const kind of [module.ARTICLES, module.SITE_PAGES, module.AUTHORS]) {
  try {
    const files = await module.loadContentFiles(root, kind);
    console.log(`${files.size} ${kind.noun} file${files.size === 1 ? '' : 's'} checked in ${kind.dir}: no problems.`);
    if (kind !== module.ARTICLES) continue;
    // Valid, but not on the site yet: drafts and scheduled articles, as notes (not errors).
    const notes = module.articleNotes(root, files);
    if (notes.length) console.log(`${notes.length} note${notes.length === 1 ? '' : 's'} (not published now):\n${notes.map((note) => `  ${note}`).join('\n')}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
