import { describe, expect, it } from 'vitest';
import { decodeArticle } from '../../../src/content/article-file';

const TEXT = '---\ntitle: "Café in São Paulo"\n---\n\nLe café était fermé.\n';
const utf16 = (text: string, bigEndian: boolean, bom: boolean) => {
  const units = [...(bom ? '\uFEFF' : ''), ...text].flatMap((c) => {
    const code = c.charCodeAt(0);
    return bigEndian ? [code >> 8, code & 0xff] : [code & 0xff, code >> 8];
  });
  return Uint8Array.from(units);
};
const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

describe('decodeArticle', () => {
  it.each([
    ['UTF-8', Buffer.from(TEXT)],
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)])],
    ['UTF-8 with CRLF line endings', Buffer.from(TEXT.replaceAll('\n', '\r\n'))],
  ])('accepts %s', (_name, bytes) => {
    const { contents, issue } = decodeArticle('a.md', bytes);
    expect(issue).toBeUndefined();
    expect(contents!.replace(/^\uFEFF/, '').replaceAll('\r\n', '\n')).toBe(TEXT);
  });

  it.each([
    ['Latin-1', latin1(TEXT), 'line 2 is not UTF-8 (byte 0xE9): the file looks like Latin-1 (ISO 8859-1) or Windows-1252'],
    ['UTF-16 LE with a mark', utf16(TEXT, false, true), 'the file is UTF-16 (little-endian, with a byte-order mark), not UTF-8'],
    ['UTF-16 BE with a mark', utf16(TEXT, true, true), 'the file is UTF-16 (big-endian, with a byte-order mark), not UTF-8'],
    ['UTF-16 LE without a mark', utf16(TEXT, false, false), 'the file is UTF-16 (little-endian, without a byte-order mark), not UTF-8'],
    ['UTF-16 BE without a mark', utf16(TEXT, true, false), 'the file is UTF-16 (big-endian, without a byte-order mark), not UTF-8'],
    ['CR-only line endings', Buffer.from(TEXT.replaceAll('\n', '\r')), 'line 1 ends with a carriage return alone (CR-only line endings'],
    ['one stray CR', Buffer.from(TEXT.replace('Le café', 'Le\rcafé')), 'line 5 ends with a carriage return alone'],
  ])('refuses %s, naming the file and the encoding found', (_name, bytes, message) => {
    const { contents, issue } = decodeArticle('a.md', bytes);
    expect(contents).toBeUndefined();
    expect(issue).toEqual({ file: 'a.md', field: 'encoding', message: expect.stringContaining(message) });
    expect(issue!.message).toMatch(/: save the file as UTF-8 with LF \(or CRLF\) line endings$/);
  });
});
