import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_MODULE_ID, storeFromFile } from '../../../src/content/store-module.ts';

type Transform = (code: string, id: string) => { code: string } | null;

describe('the content store module read from its file (src/content/store-module.ts)', () => {
  let dir = '';
  // A store as Astro's content sync writes it (devalue's flattened JSON), with text in three scripts and the
  // characters a string literal has to escape.
  const store = JSON.stringify([['Map', 1, 2], 'articles', ['Map', 3, 4], 'seed', { title: 5, body: 6 }, 'قاآني "Qaani" \\ \u2028', 'שלום\n<p>done</p>']);
  let transform: Transform;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'store-module-'));
    await writeFile(join(dir, 'data-store.json'), store);
    const plugin = storeFromFile(dir);
    expect(plugin.apply).toBe('build');
    transform = (plugin.transform as Transform).bind({});
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('gives the pages the same store as the module Astro writes, read from the file', async () => {
    const inlined = `export default JSON.parse(${JSON.stringify(store)})`;
    const result = transform(inlined, STORE_MODULE_ID);
    expect(result).not.toBeNull();
    expect(result!.code).not.toContain('Qaani');
    expect(result!.code.length).toBeLessThan(300);
    await writeFile(join(dir, 'astro.mjs'), inlined);
    await writeFile(join(dir, 'ours.mjs'), result!.code);
    const [astro, ours] = await Promise.all(['astro.mjs', 'ours.mjs'].map(async (name) => (await import(pathToFileURL(join(dir, name)).href)).default));
    expect(ours).toEqual(astro);
    expect(ours[4]).toEqual({ title: 5, body: 6 });
  });

  it('leaves every other module, an empty store and a store in chunks as Astro wrote them', () => {
    expect(transform(`export default JSON.parse(${JSON.stringify(store)})`, '\0astro:content')).toBeNull();
    expect(transform('export default new Map()', STORE_MODULE_ID)).toBeNull();
    expect(transform('export default{"articles":[(await import("astro:data-layer-content-chunk:0.json"))]}', STORE_MODULE_ID)).toBeNull();
  });

  it('is part of the build configuration', async () => {
    const config = await readFile(new URL('../../../astro.config.mjs', import.meta.url), 'utf8');
    expect(config).toMatch(/plugins: \[storeFromFile\(cacheDir\)\]/);
  });
});
