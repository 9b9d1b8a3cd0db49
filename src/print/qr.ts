import { encode } from 'uqr';

/** A QR code as one SVG path: `d` draws its dark modules as 1-unit-wide horizontal strokes on a size×size grid. */
export interface QrPath {
  /** Modules per side (without quiet zone). */
  size: number;
  /** Path data, to be drawn with stroke-width 1 (the default) and no fill. */
  d: string;
}

/**
 * Encodes `text` as a QR code (uqr, error correction L, mask 0: the smallest code, fine for clean paper) and merges each
 * row's dark modules into horizontal runs drawn by relative moves: `M0 .5h7m2 0h1…` keeps the inline SVG to a
 * few hundred bytes brotli, where one rectangle per module would cost several kilobytes.
 */
export function qrPath(text: string): QrPath {
  // A fixed mask: every mask is valid QR, and scoring all eight (uqr's default) costs 10x the time
  // (0.73 ms against 0.07 ms a code here), 7 s of a 10,000-article build. The print test decodes the result.
  const { data, size } = encode(text, { ecc: 'L', border: 0, maskPattern: 0 });
  let d = '';
  let x = 0;
  let y = 0;
  data.forEach((row, r) => {
    for (let c = 0; c < size; c++) {
      if (!row[c]) continue;
      const start = c;
      while (c < size && row[c]) c++;
      d += `${d ? `m${start - x} ${r - y}` : `M${start} ${r + 0.5}`}h${c - start}`;
      x = c;
      y = r;
    }
  });
  return { size, d: d.replace(/(\D)0\./g, '$1.') };
}
