import { join } from 'node:path';
import type { Plugin } from 'vite';

/** Astro's module of the content store (`astro:data-layer-content`), as its Vite plugin names it once resolved. */
export const STORE_MODULE_ID = '\0astro:data-layer-content';

/** How Astro's plugin writes that module for a build: the whole store (data-store.json) as one string literal. */
const INLINED_STORE = 'export default JSON.parse(';

/**
 * The module that reads the store from the file Astro's content sync wrote, instead of carrying it.
 *
 * Astro writes every entry of the store (each article's data and rendered body) into the build's code as one string
 * literal, `export default JSON.parse("…")`. Node compiles a module holding such a literal slowly: at 5,000 articles
 * (data-store.json 26 MB, some of it Arabic and Hebrew, so the module's source is two-byte) importing it took 8.2 s,
 * of which JSON.parse is under 0.8 s (the same store read from its file and parsed); each build paid it once when the
 * first page asked for a collection, and Vite carried the 27 MB through its bundler before that. The module made
 * here is two lines: it reads the same file in the same build, at the same moment. Astro's own metadata on the module
 * (it is content data, left out of the pages' code hashes by the incremental build) is kept, as a transform leaves it.
 *
 * Only for `astro build`: `astro dev` reads the store another way. A store Astro writes in chunks
 * (`experimental.collectionStorage`), or an empty store, is left as Astro wrote it.
 */
export function storeFromFile(cacheDir: string): Plugin {
  const file = join(cacheDir, 'data-store.json');
  return {
    name: 'content-store-from-file',
    apply: 'build',
    transform(code, id) {
      if (id !== STORE_MODULE_ID || !code.startsWith(INLINED_STORE)) return null;
      return {
        code: `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`,
        map: { mappings: '' },
      };
    },
  };
}
