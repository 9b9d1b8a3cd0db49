import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_DATA_META, STORE_MODULE_ID, storeFromFile, storeModulePlugin } from '../../../src/content/store-module.ts';

type Load = (id: string) => { code: string; meta: unknown } | null;
const loadOf = (plugin: Plugin): Load => (plugin.load as unknown as { handler: Load }).handler.bind({});

describe('the content store module read from its file (src/content/store-module.ts)', () => {
  let dir = '';
  // A store as Astro's content sync writes it (devalue's flattened JSON), with text in three scripts and the
  // characters a string literal has to escape.
  const store = JSON.stringify([['Map', 1, 2], 'articles', ['Map', 3, 4], 'seed', { title: 5, body: 6 }, 'قاآني "Qaani" \\ \u2028', 'שלום\n<p>done</p>']);
  let load: Load;
  let plugin: Plugin;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'store-module-'));
    await writeFile(join(dir, 'data-store.json'), store);
    plugin = storeModulePlugin(join(dir, 'data-store.json'));
    load = loadOf(plugin);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('gives the pages the same store as the module Astro writes, read from the file, before Astro is asked', async () => {
    // Before Astro's own plugin, which is also enforce: 'pre'.
    expect(plugin.enforce).toBe('pre');
    expect((plugin.load as { order?: string }).order).toBe('pre');
    const result = load(STORE_MODULE_ID);
    expect(result).not.toBeNull();
    expect(result!.code).not.toContain('Qaani');
    expect(result!.code.length).toBeLessThan(300);
    // Marked as content data, as Astro marks its own module: the incremental build leaves it out of pages' code hashes.
    expect(result!.meta).toMatchObject(CONTENT_DATA_META);
    const astroMeta = await readFile(new URL('../../../node_modules/astro/dist/core/build/incremental-metadata.js', import.meta.url), 'utf8');
    expect(astroMeta).toContain('ASTRO_INCREMENTAL_META_KEY = "astroIncremental"');
    expect(astroMeta).toContain('kind: "content-data"');
    const inlined = `export default JSON.parse(${JSON.stringify(store)})`;
    await writeFile(join(dir, 'astro.mjs'), inlined);
    await writeFile(join(dir, 'ours.mjs'), result!.code);
    const [astro, ours] = await Promise.all(['astro.mjs', 'ours.mjs'].map(async (name) => (await import(pathToFileURL(join(dir, name)).href)).default));
    expect(ours).toEqual(astro);
    expect(ours[4]).toEqual({ title: 5, body: 6 });
  });

  it('stops the build if another plugin loaded the module first', () => {
    const buildEnd = (plugin.buildEnd as unknown as (this: unknown) => void);
    const context = (meta: unknown) => ({ getModuleInfo: (id: string) => (id === STORE_MODULE_ID ? { meta } : null), error: (message: string) => { throw new Error(message); } });
    expect(() => buildEnd.call(context(CONTENT_DATA_META))).toThrow(/not read from its file/);
    expect(() => buildEnd.call(context(load(STORE_MODULE_ID)!.meta))).not.toThrow();
  });

  it('leaves every other module, and a store without its file, to Astro', () => {
    expect(load('\0astro:content')).toBeNull();
    expect(loadOf(storeModulePlugin(join(dir, 'missing.json')))(STORE_MODULE_ID)).toBeNull();
  });

  it('is added to astro build only, with the single-file store, at <cacheDir>/data-store.json', () => {
    const setup = (command: string, collectionStorage?: unknown) => {
      const added: Plugin[] = [];
      const hook = storeFromFile().hooks['astro:config:setup'] as (options: unknown) => void;
      hook({ command, config: { cacheDir: pathToFileURL(`${dir}/`), experimental: { collectionStorage } }, updateConfig: (c: { vite: { plugins: Plugin[] } }) => added.push(...c.vite.plugins) });
      return added;
    };
    const [added] = setup('build');
    expect(loadOf(added!)(STORE_MODULE_ID)!.code).toContain(JSON.stringify(join(dir, 'data-store.json')));
    expect(setup('build', 'single-file')).toHaveLength(1);
    expect(setup('dev')).toHaveLength(0);
    expect(setup('build', 'chunked')).toHaveLength(0);
  });

  it('is part of the build configuration', async () => {
    const config = await readFile(new URL('../../../astro.config.mjs', import.meta.url), 'utf8');
    expect(config).toMatch(/integrations: \[storeFromFile\(\),/);
  });
});
