import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { woffToSfnt } from '../../../src/sharing/woff';

const require = createRequire(import.meta.url);
const woff = await readFile(require.resolve('@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff'));

describe('WOFF 1.0 to sfnt (src/sharing/woff.ts)', () => {
  const sfnt = woffToSfnt(woff);
  /** The sfnt's tables by tag: [offset, length]. */
  const tables = new Map(Array.from({ length: sfnt.readUInt16BE(4) }, (_, i) => [
    sfnt.toString('latin1', 12 + i * 16, 16 + i * 16), [sfnt.readUInt32BE(20 + i * 16), sfnt.readUInt32BE(24 + i * 16)] as const,
  ]));

  it('keeps the flavour and every table, each at a 4-byte boundary inside the file', () => {
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
    expect(tables.size).toBe(woff.readUInt16BE(12));
    for (const tag of ['cmap', 'glyf', 'head', 'name', 'GPOS', 'GSUB']) expect(tables.has(tag), tag).toBe(true);
    for (const [offset, length] of tables.values()) {
      expect(offset % 4).toBe(0);
      expect(offset + length).toBeLessThanOrEqual(sfnt.length);
    }
  });

  it('gives each table its full uncompressed bytes: the head table\'s magic number where the format puts it', () => {
    const [head] = tables.get('head')!;
    expect(sfnt.readUInt32BE(head + 12)).toBe(0x5f0f3cf5);
  });

  it('refuses what is not a WOFF 1.0 file', () => {
    expect(() => woffToSfnt(Buffer.from('not a font at all, longer than a WOFF header of forty-four bytes'))).toThrow('not a WOFF 1.0 file');
  });
});
