import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

/** Astro's module of the content store (`astro:data-layer-content`), as its Vite plugin names it once resolved. */
export const STORE_MODULE_ID = '\0astro:data-layer-content';

/**
 * What Astro's own plugin marks that module with (`createContentDataIncrementalMetadata` in
 * astro/dist/core/build/incremental-metadata.js, not exported): content data, left out of the pages' code hashes by
 * the incremental build. Without it every edit would change every page's code hash and every page would be rendered
 * again: tests/build/incremental.test.ts fails then (an edit must render under a third of the pages).
 */
export const CONTENT_DATA_META = { astroIncremental: { kind: 'content-data' } } as const;

/** Marks the module this plugin gave. */
const FROM_FILE = 'contentStoreFromFile';

/**
 * The module that reads the store from the file Astro's content sync wrote, instead of carrying it.
 *
 * Astro writes every entry of the store (each article's data and rendered body) into the build's code as one string
 * literal, `export default JSON.parse("…")`. Node compiles a module holding such a literal slowly: at 5,000 articles
 * (data-store.json 26 MB, some of it Arabic and Hebrew, so the module's source is two-byte) importing it took 8.2 s,
 * of which JSON.parse is under 0.8 s (the same store read from its file and parsed). Making that literal costs too:
 * at 10,000 articles (52 MB) Astro's plugin took 2.0 s to read, check and quote the file, and every Vite plugin after it
 * was handed the 52 MB of code. The module given here, before Astro's plugin is asked, is two lines: it reads the same
 * file in the same build, at the same moment.
 */
export function storeModulePlugin(file: string): Plugin {
  return {
    name: 'content-store-from-file',
    // Astro's plugin is one of the first too (enforce: 'pre'): this hook is ordered before it.
    enforce: 'pre',
    load: {
      order: 'pre',
      handler(id) {
        // No file (a site without content): Astro's plugin gives its empty store.
        if (id !== STORE_MODULE_ID || !existsSync(file)) return null;
        return {
          code: `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`,
          map: { mappings: '' },
          meta: { ...CONTENT_DATA_META, [FROM_FILE]: true },
        };
      },
    },
    // Should another plugin ever load the module first, the build stops here rather than inlining the store again.
    buildEnd() {
      const info = this.getModuleInfo(STORE_MODULE_ID);
      if (info && existsSync(file) && !info.meta?.[FROM_FILE]) this.error('the content store module was not read from its file (src/content/store-module.ts): another plugin loaded it first');
    },
  };
}

/**
 * The pages of `astro build` read the content store from `<cacheDir>/data-store.json` (storeModulePlugin). Only for
 * `astro build` with Astro's single-file store: `astro dev` reads the store another way, and a store Astro writes in
 * chunks (`experimental.collectionStorage`) is left to Astro.
 */
export function storeFromFile(): AstroIntegration {
  return {
    name: 'content-store-from-file',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        const storage = config.experimental.collectionStorage;
        if (command !== 'build' || (storage !== undefined && storage !== 'single-file')) return;
        updateConfig({ vite: { plugins: [storeModulePlugin(fileURLToPath(new URL('data-store.json', config.cacheDir)))] } });
      },
    },
  };
}
