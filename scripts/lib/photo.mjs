import sharp from 'sharp';

/**
 * A photograph made with sharp, for the tests (tests/helpers/photo-fixtures.ts) and `npm run bench -- --photos N`:
 * a sky-to-ground gradient with shapes (a sun, hills, a mast) and fine grain, so it compresses like a photograph, not
 * like flat colour. Deterministic: the same bytes every run.
 * @param {number} width shown width (after EXIF orientation)
 * @param {number} height shown height
 * @param {{ hue?: number, format?: 'jpeg' | 'png', orientation?: number, grain?: number }} [options] `grain` seeds the
 *   grain pattern: two photographs with different seeds differ in every block, whatever their hue
 * @returns {Promise<Buffer>}
 */
export async function photo(width, height, options = {}) {
  const { hue = 205, format = 'jpeg', orientation, grain: grainSeed = 42 } = options;
  // A camera stores a portrait-held shot sideways and says so in EXIF: the stored pixels are turned back a quarter.
  const [w, h] = orientation && orientation >= 5 ? [height, width] : [width, height];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="hsl(${hue},65%,70%)"/><stop offset="0.6" stop-color="hsl(${hue + 25},45%,88%)"/><stop offset="1" stop-color="hsl(${hue + 160},35%,35%)"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#s)"/>
    <circle cx="${width * 0.72}" cy="${height * 0.28}" r="${height * 0.11}" fill="hsl(45,95%,62%)"/>
    <path d="M0 ${height * 0.7} Q ${width * 0.3} ${height * 0.45} ${width * 0.55} ${height * 0.68} T ${width} ${height * 0.62} V ${height} H 0 Z" fill="hsl(${hue + 140},40%,30%)"/>
    <rect x="${width * 0.2}" y="${height * 0.3}" width="${width * 0.015}" height="${height * 0.45}" fill="hsl(20,30%,20%)"/>
    <text x="${width * 0.05}" y="${height * 0.93}" font-size="${height * 0.06}" font-family="sans-serif" fill="#fff">${width}×${height}</text>
  </svg>`;
  const picture = await sharp(Buffer.from(svg)).png().toBuffer();
  // Grain: a fixed pseudo-random pattern at low contrast, as a sensor adds.
  const grain = Buffer.alloc(width * height);
  let seed = grainSeed;
  for (let i = 0; i < grain.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    grain[i] = 118 + (seed % 21);
  }
  let image = sharp(picture).composite([{ input: grain, raw: { width, height, channels: 1 }, blend: 'overlay' }]);
  if (orientation && orientation >= 5) image = sharp(await image.png().toBuffer()).rotate(-90);
  const stored = sharp(await image.png().toBuffer()).resize(w, h);
  if (format === 'png') return stored.png().toBuffer();
  return stored.jpeg({ quality: 85 }).withMetadata(orientation ? { orientation } : {}).toBuffer();
}
