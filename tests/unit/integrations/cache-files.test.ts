import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkTree } from '../../../src/integrations/cache-files.ts';

describe('cached files put into the site (linkTree)', () => {
  it('gives every file of every folder at the same place, as a link to the same file', () => {
    const work = mkdtempSync(join(tmpdir(), 'reader-link-tree-'));
    try {
      const from = join(work, 'kept');
      mkdirSync(join(from, 'fragment'), { recursive: true });
      mkdirSync(join(from, 'index', 'deep'), { recursive: true });
      const files = { 'pagefind-entry.json': '{"version":"1"}', 'fragment/en_1.pf_fragment': 'a', 'index/deep/en_2.pf_index': 'b' };
      for (const [path, text] of Object.entries(files)) writeFileSync(join(from, path), text);
      linkTree(from, join(work, 'site', 'pagefind', '1'));
      for (const [path, text] of Object.entries(files)) {
        const placed = join(work, 'site', 'pagefind', '1', path);
        expect(readFileSync(placed, 'utf8'), path).toBe(text);
        expect(statSync(placed).ino, path).toBe(statSync(join(from, path)).ino);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
