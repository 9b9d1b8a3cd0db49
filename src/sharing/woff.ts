// WOFF 1.0 font files (what satori reads, from the @fontsource packages) as the TrueType/OpenType files they wrap (what
// resvg reads): https://www.w3.org/TR/WOFF/ — each table, zlib-compressed where that made it smaller, back into an
// sfnt with its table directory. Plain Node, no dependency: the npm packages that do only this (woff2sfnt-sfnt2woff)
// have had one release, 1.0.0; fontkitten (in node_modules through Astro's fonts) reads a WOFF but writes no font.
import { inflateSync } from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646; // "wOFF"

/**
 * The sfnt (TrueType or OpenType font file) a WOFF 1.0 file holds, table for table.
 * @throws when `woff` is not a WOFF 1.0 file, or a table does not inflate to its stated length
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.length < 44 || woff.readUInt32BE(0) !== WOFF_SIGNATURE) throw new Error('not a WOFF 1.0 file');
  const flavor = woff.readUInt32BE(4);
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + i * 20;
    const [tag, offset, compressed, length, checksum] = [0, 4, 8, 12, 16].map((field) => woff.readUInt32BE(at + field)) as [number, number, number, number, number];
    const stored = woff.subarray(offset, offset + compressed);
    const data = compressed < length ? inflateSync(stored) : stored;
    if (data.length !== length) throw new Error(`WOFF table ${i}: ${data.length} bytes, ${length} stated`);
    return { tag, checksum, data };
  });
  // The directory's binary-search fields, from the number of tables (the WOFF directory is already sorted by tag).
  const power = Math.floor(Math.log2(count));
  const head = Buffer.alloc(12 + 16 * count);
  head.writeUInt32BE(flavor, 0);
  head.writeUInt16BE(count, 4);
  head.writeUInt16BE(2 ** power * 16, 6);
  head.writeUInt16BE(power, 8);
  head.writeUInt16BE(count * 16 - 2 ** power * 16, 10);
  const parts: Buffer[] = [head];
  let offset = head.length;
  tables.forEach(({ tag, checksum, data }, i) => {
    head.writeUInt32BE(tag, 12 + i * 16);
    head.writeUInt32BE(checksum, 16 + i * 16);
    head.writeUInt32BE(offset, 20 + i * 16);
    head.writeUInt32BE(data.length, 24 + i * 16);
    const padded = (data.length + 3) & ~3;
    parts.push(data, Buffer.alloc(padded - data.length));
    offset += padded;
  });
  return Buffer.concat(parts);
}
