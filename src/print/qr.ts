import { encode } from 'uqr';

/** A QR code as one SVG path: `d` draws its dark modules as 1-unit-wide strokes on a size×size grid. */
export interface QrPath {
  /** Modules per side (without quiet zone). */
  size: number;
  /** Path data, to be drawn with stroke-width 1 (the default) and no fill. */
  d: string;
}

/**
 * Encodes `text` as a QR code (uqr, error correction L, mask 0: the smallest code, fine for clean paper) and merges
 * its dark modules into runs drawn by relative moves: `M0 .5h7m2 0h1…` keeps the inline SVG to a few hundred bytes
 * brotli, where one rectangle per module would cost several kilobytes. Runs go along rows (`h`) or along columns
 * (`v`), whichever path is shorter for this code: on the seed article's permalink the shorter one saves about 40 bytes
 * brotli, part of the article page's 6,000-byte budget (tests/browser/budget.test.ts).
 */
export function qrPath(text: string): QrPath {
  // A fixed mask: every mask is valid QR, and scoring all eight (uqr's default) costs 10x the time
  // (0.73 ms against 0.07 ms a code here), 7 s of a 10,000-article build. The print test decodes the result.
  const { data, size } = encode(text, { ecc: 'L', border: 0, maskPattern: 0 });
  const rows = runs(size, (line, along) => data[line]![along]!, 'h');
  const columns = runs(size, (line, along) => data[along]![line]!, 'v');
  return { size, d: (columns.length < rows.length ? columns : rows).replace(/(\D)0\./g, '$1.') };
}

/**
 * The path of a grid's dark modules as runs along each line: `h` runs go along rows (a line is a row), `v` runs down
 * columns. Every stroke is centred in its line (the `.5`), so a 1-unit stroke covers exactly its modules.
 */
function runs(size: number, dark: (line: number, along: number) => boolean, dir: 'h' | 'v'): string {
  let d = '';
  let at = 0; // where the pen is along its line, and on which line
  let on = 0;
  for (let line = 0; line < size; line++) {
    for (let along = 0; along < size; along++) {
      if (!dark(line, along)) continue;
      const start = along;
      while (along < size && dark(line, along)) along++;
      if (!d) d = dir === 'h' ? `M${start} ${line + 0.5}` : `M${line + 0.5} ${start}`;
      else d += dir === 'h' ? `m${start - at} ${line - on}` : `m${line - on} ${start - at}`;
      d += `${dir}${along - start}`;
      at = along;
      on = line;
    }
  }
  return d;
}
