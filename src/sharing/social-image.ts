// Renders an article's 1200x630 social preview image: satori lays out the text as SVG, resvg rasterises it.
// This module imports npm packages and ./woff.ts only (with its extension), so the image workers can load it in
// plain Node.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { crc32, deflateSync } from 'node:zlib';
import satori, { type Font } from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { woffToSfnt } from './woff.ts';

export const WIDTH = 1200;
export const HEIGHT = 630;

/** Everything drawn on a card, already formatted: the cache key is a hash of exactly this. */
export interface SocialCard {
  title: string;
  desk: string;
  /** "Source · Location · 16 December 2024" */
  line: string;
  siteName: string;
  lang: string;
  rtl: boolean;
}

/** Font files (WOFF, which satori reads; it cannot read WOFF2) from npm packages: Latin, Cyrillic, Greek, Arabic, Hebrew. */
export const FONT_FILES: Array<{ name: string; file: string; weight: 400 | 700 }> = [
  ...['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'].map((subset) => `@fontsource/noto-sans/files/noto-sans-${subset}`),
  '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic',
  '@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew',
].flatMap((base) => ([400, 700] as const).map((weight) => ({ name: base.split('/').pop()!, file: `${base}-${weight}-normal.woff`, weight })));

/** Every font above by name, in order: satori takes each glyph from the first font that has it. */
const FONT_FAMILY = [...new Set(FONT_FILES.map((f) => f.name))].join(', ');

/** Reads the font files, resolved from this project's node_modules. */
export async function loadFonts(files = FONT_FILES): Promise<Font[]> {
  const require = createRequire(import.meta.url);
  return Promise.all(files.map(async ({ name, file, weight }) => ({ name, weight, style: 'normal' as const, data: await readFile(require.resolve(file)) })));
}

/** Headline box height in px: what is left between the desk line and the footer. */
const HEADLINE_BOX = 360;
const BACKGROUND = '#fdfcfa';
const LINE_HEIGHT = 1.15;

/**
 * The headline's font size and line limit: the largest size whose estimated line count fits the box;
 * past the smallest size, satori's line clamp ends it with an ellipsis, so it can never overflow.
 */
export function headlineFit(title: string): { fontSize: number; maxLines: number } {
  const sizes = [76, 68, 60, 52, 46, 40];
  const fit = (size: number) => Math.floor(HEADLINE_BOX / (size * LINE_HEIGHT));
  const lines = (size: number) => Math.ceil((title.length * size * 0.55) / (WIDTH - 128));
  const fontSize = sizes.find((size) => lines(size) <= fit(size)) ?? sizes.at(-1)!;
  return { fontSize, maxLines: fit(fontSize) };
}

type Node = { type: string; props: { style?: Record<string, unknown>; children?: Node | Node[] | string } };
const el = (style: Record<string, unknown>, children: Node['props']['children']): Node => ({ type: 'div', props: { style, children } });

/** The card's layout as satori elements (React-like objects; no JSX needed). */
export function cardTree(card: SocialCard): Node {
  const { fontSize, maxLines } = headlineFit(card.title);
  const align = card.rtl ? 'right' : 'left';
  return el({
    width: WIDTH, height: HEIGHT, boxSizing: 'border-box', display: 'flex', flexDirection: 'column', padding: '42px 64px 40px',
    background: BACKGROUND, color: '#1b1b1b', fontFamily: FONT_FAMILY, borderTop: '14px solid #a3151b',
    direction: card.rtl ? 'rtl' : 'ltr',
  }, [
    // Letters of a cursive script join: no spacing between them (an Arabic desk kept the Latin desk's 2 px, which
    // resvg drew inside its words and satori counted between them).
    el({ display: 'flex', fontSize: 30, fontWeight: 700, color: '#a3151b', textTransform: 'uppercase', letterSpacing: ARABIC_SCRIPT.test(card.desk) ? 0 : 2, height: 48, flexShrink: 0 }, card.desk),
    el({ display: 'flex', flexShrink: 0, height: HEADLINE_BOX, alignItems: 'center', overflow: 'hidden' }, [
      // The padding gives the last line's descenders (g, p, y) room inside the clamped box, which cuts what passes
      // it; the negative margin keeps the headline where it was.
      el({ display: 'block', width: '100%', fontSize, fontWeight: 700, lineHeight: LINE_HEIGHT, lineClamp: maxLines, textAlign: align, overflow: 'hidden', paddingBottom: Math.ceil(fontSize * 0.3), marginBottom: -Math.ceil(fontSize * 0.3) }, card.title),
    ]),
    el({ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', borderTop: '2px solid #d9d6d0', paddingTop: 20, fontSize: 28, color: '#595959', height: 80, flexShrink: 0, marginTop: 'auto' }, [
      el({ display: 'block', flexShrink: 1, lineClamp: 1, overflow: 'hidden' }, card.line),
      el({ display: 'flex', flexShrink: 0, fontWeight: 700, color: '#1b1b1b', marginLeft: 24, marginRight: 24 }, card.siteName),
    ]),
  ]);
}

const RESVG_OPTIONS = { fitTo: { mode: 'original' as const }, font: { loadSystemFonts: false } };
/** Satori's SVG of a card: its text as outlines, or (`embedFont` false) as text elements in satori's layout. */
const svgOf = (card: SocialCard, fonts: Font[], embedFont = true) => satori(cardTree(card) as never, { width: WIDTH, height: HEIGHT, fonts, embedFont });

/**
 * Text in the Arabic script (Arabic, Persian, Urdu…). Satori draws each letter's outline without the font's mark
 * positioning, so a letter whose dots are marks in Noto Sans Arabic loses them (a final ة reads as ه, a final ي as
 * ى); such a card is drawn by resvg from satori's layout with its text left as text, which resvg shapes.
 */
const ARABIC_SCRIPT = /\p{Script=Arabic}/u;
export const needsShaping = (card: SocialCard) => ARABIC_SCRIPT.test(`${card.title}${card.desk}${card.line}${card.siteName}`);

/**
 * The family (as named inside the font files) for a piece of text satori laid out, by its script: resvg matches the
 * weight within a family, but takes a glyph the family lacks from whichever font has it, at any weight.
 */
function familyFor(text: string): string {
  if (ARABIC_SCRIPT.test(text)) return 'Noto Sans Arabic, Noto Sans';
  if (/\p{Script=Hebrew}/u.test(text)) return 'Noto Sans Hebrew, Noto Sans';
  return 'Noto Sans';
}

/**
 * The fonts as files resvg can read (it reads TrueType, not the WOFF satori is given), written once per process
 * under the temporary folder, named by a hash of their bytes (left as they are when there, else written then
 * renamed: workers may write the same one).
 */
let fontFiles: Promise<string[]> | undefined;
function shapingFontFiles(fonts: Font[]): Promise<string[]> {
  fontFiles ??= (async () => {
    const folder = join(tmpdir(), 'reader-social-image-fonts');
    await mkdir(folder, { recursive: true });
    return Promise.all(fonts.map(async ({ data }) => {
      const sfnt = woffToSfnt(Buffer.from(data as ArrayBuffer));
      const file = join(folder, `${createHash('sha256').update(sfnt).digest('hex').slice(0, 32)}.ttf`);
      if (!existsSync(file)) {
        const temporary = `${file}.${process.pid}.${threadId}.tmp`;
        await writeFile(temporary, sfnt);
        await rename(temporary, file);
      }
      return file;
    }));
  })();
  return fontFiles;
}

/** A card with Arabic text, drawn whole by resvg from satori's layout with the text as text (see needsShaping). */
async function renderShaped(card: SocialCard, fonts: Font[]): Promise<Uint8Array> {
  const svg = (await svgOf(card, fonts, false))
    .replace(/(<text [^>]*font-family=")[^"]*("[^>]*>)([^<]*)/g, (_, before: string, after: string, text: string) => `${before}${familyFor(text)}${after}${text}`);
  const files = await shapingFontFiles(fonts);
  return new Resvg(svg, { ...RESVG_OPTIONS, font: { loadSystemFonts: false, fontFiles: files, defaultFontFamily: 'Noto Sans' } }).render().asPng();
}

/**
 * Renders one card to PNG bytes the plain way: the whole 1200x630 SVG through resvg. The fast path below must give
 * the same pixels; this one stays as its reference (tests/unit/sharing/social-image.test.ts, benchmarks/social-cards.mjs).
 */
export async function renderSocialImageWhole(card: SocialCard, fonts: Font[]): Promise<Uint8Array> {
  if (needsShaping(card)) return renderShaped(card, fonts);
  return new Resvg(await svgOf(card, fonts), RESVG_OPTIONS).render().asPng();
}

/** Satori's runs of glyphs: a filled path (the border and the rule are strokes with fill="none") in its own group. */
const GLYPH_RUN = /<g((?: (?:clip-path|mask)="url\(#[\w-]+\)")*)><path fill="(?!none")[^"]*" d="([^"]*)"\/><\/g>/g;
const ANY_FILL = /<path fill="(?!none")/g;
/** Satori's clip paths and masks that are a plain rectangle (inside another one, if any). */
const RECT_CLIP = /<clipPath id="([\w-]+)"(?: clip-path="url\(#([\w-]+)\)")?><rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)"\/><\/clipPath>/g;
const RECT_MASK = /<mask id="([\w-]+)"><rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)" fill="#fff"(?: mask="url\(#([\w-]+)\)")?\/><\/mask>/g;
const DEFINITIONS = /<defs>.*?<\/defs>|<clipPath [^>]*>.*?<\/clipPath>|<mask [^>]*>.*?<\/mask>/g;

/** A box of pixels [x0, x1) × [y0, y1). */
export interface Box { x0: number; y0: number; x1: number; y1: number }
const within = (a: Box, b: Box) => a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 && a.y1 <= b.y1;
const intersect = (a: Box, b: Box): Box => ({ x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) });
const CANVAS: Box = { x0: 0, y0: 0, x1: WIDTH, y1: HEIGHT };
const onPixelGrid = (b: Box) => [b.x0, b.y0, b.x1, b.y1].every(Number.isInteger);

/**
 * A run of glyphs: `group` is how it is drawn, `whole` the group as satori wrote it; `ink` holds its points, `box`
 * the pixels it can change (its ink and 2 px of anti-aliased edge). `clip`, when set, is a rectangle on the pixel
 * grid that `group` is drawn without: only the pixels inside it may be kept, and the group is drawn that way only
 * in a crop of its own (a crop with other runs draws `whole`).
 */
interface Run { group: string; whole: string; clip?: Box; ink: Box; box: Box }

/**
 * The runs of glyphs of satori's SVG. Each is measured from its points (their hull holds the curves). resvg draws a
 * clipped or masked group on a layer of its own and blends it back, its slowest step (a headline whose descenders
 * pass its clamped box: 13 ms for the clip and mask, 3.6 ms for neither), so where the clip paths and masks of a
 * run are plain rectangles (each inside the one it names, if any), the group is drawn without them:
 * - when their common rectangle holds all the ink, they cut nothing;
 * - when it is on the pixel grid (as satori's boxes mostly are), the run is drawn whole and only the pixels inside
 *   it are copied (not a crop that ends at the rectangle: resvg's coverage changes near the edge of its canvas);
 * - otherwise (a rectangle between pixels, not seen on satori's cards so far) the group is drawn as satori wrote it.
 * Null when the SVG is not in the form satori writes (groups of one absolute M/L/Q/C/Z path), so that the caller
 * draws the whole card instead of losing ink.
 */
export function glyphRuns(svg: string): Run[] | null {
  const rects = new Map<string, { box: Box; parent?: string | undefined }>();
  const rect = (x: string, y: string, w: string, h: string): Box => ({ x0: +x, y0: +y, x1: +x + +w, y1: +y + +h });
  for (const [, id, parent, x, y, w, h] of svg.matchAll(RECT_CLIP)) rects.set(id!, { box: rect(x!, y!, w!, h!), parent });
  for (const [, id, x, y, w, h, parent] of svg.matchAll(RECT_MASK)) rects.set(id!, { box: rect(x!, y!, w!, h!), parent });
  /** What a clip path or mask (and those it names) leaves visible, or null when one of them is not a rectangle. */
  const area = (id: string | undefined): Box | null => {
    if (id === undefined) return CANVAS;
    const found = rects.get(id);
    const outer = found && area(found.parent);
    return outer ? intersect(found.box, outer) : null;
  };
  const runs: Run[] = [];
  for (const [group, refs, d] of svg.matchAll(GLYPH_RUN)) {
    if (/[^MLQCZ\d.\-\s,]/.test(d!)) return null;
    const numbers = d!.match(/-?\d*\.?\d+/g)?.map(Number) ?? [];
    if (numbers.length < 2 || numbers.length % 2) return null;
    const ink = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
    for (let i = 0; i < numbers.length; i += 2) {
      ink.x0 = Math.min(ink.x0, numbers[i]!); ink.x1 = Math.max(ink.x1, numbers[i]!);
      ink.y0 = Math.min(ink.y0, numbers[i + 1]!); ink.y1 = Math.max(ink.y1, numbers[i + 1]!);
    }
    const box = intersect(CANVAS, { x0: Math.floor(ink.x0) - 2, y0: Math.floor(ink.y0) - 2, x1: Math.ceil(ink.x1) + 2, y1: Math.ceil(ink.y1) + 2 });
    const areas = [...refs!.matchAll(/url\(#([\w-]+)\)/g)].map(([, id]) => area(id));
    const plain = group.replace(refs!, '');
    const cut = areas.reduce<Box | null>((inside, rect) => inside && rect && intersect(inside, rect), CANVAS);
    if (!cut) runs.push({ group, whole: group, ink, box });
    else if (within(ink, cut)) runs.push({ group: plain, whole: group, ink, box });
    else if (onPixelGrid(cut)) runs.push({ group: plain, whole: group, clip: cut, ink, box });
    else runs.push({ group, whole: group, ink, box });
  }
  return runs.length === (svg.match(ANY_FILL) ?? []).length ? runs : null;
}

/** The boxes of the runs, merged where they touch (a handful: the desk, the headline, the line, the site name). */
export function inkBoxes(runs: Run[]): Box[] {
  const boxes = runs.map((run) => run.box);
  for (let merged = true; merged;) {
    merged = false;
    for (let i = 0; i < boxes.length && !merged; i++) for (let j = i + 1; j < boxes.length && !merged; j++) {
      const a = boxes[i]!, b = boxes[j]!;
      if (a.x0 <= b.x1 && b.x0 <= a.x1 && a.y0 <= b.y1 && b.y0 <= a.y1) {
        boxes[i] = { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
        boxes.splice(j, 1);
        merged = true;
      }
    }
  }
  return boxes.filter((b) => b.x1 > b.x0 && b.y1 > b.y0);
}

/**
 * An SVG of only `box`, at 1:1 on the same pixel grid: the card's background colour, satori's definitions and the
 * groups of the runs inside the box (the caller leaves out the others: resvg cannot draw a clipped or masked group
 * wholly outside its canvas).
 */
function cropped(definitions: string, groups: string[], { x0, y0, x1, y1 }: Box): string {
  const [w, h] = [x1 - x0, y1 - y0];
  return `<svg width="${w}" height="${h}" viewBox="${x0} ${y0} ${w} ${h}" xmlns="http://www.w3.org/2000/svg">`
    + `<rect x="${x0}" y="${y0}" width="${w}" height="${h}" fill="${BACKGROUND}"/>${definitions}${groups.join('')}</svg>`;
}

/** Bytes of one row of the PNG's scanlines: its filter byte, then RGB pixels. */
const STRIDE = WIDTH * 3 + 1;

/** Writes `width` RGBA pixels from `rgba` at `from` as RGB into `rows` at `to`. */
function rgbOf(rgba: Uint8Array, from: number, rows: Buffer, to: number, width: number): void {
  for (let x = 0; x < width; x++, from += 4) {
    rows[to++] = rgba[from]!;
    rows[to++] = rgba[from + 1]!;
    rows[to++] = rgba[from + 2]!;
  }
}

/** An opaque RGBA card as the PNG's scanlines: each row a 0 (filter: none) and its pixels as RGB. */
function scanlines(rgba: Uint8Array): Buffer {
  const rows = Buffer.allocUnsafe(STRIDE * HEIGHT);
  for (let y = 0; y < HEIGHT; y++) {
    rows[y * STRIDE] = 0;
    rgbOf(rgba, y * WIDTH * 4, rows, y * STRIDE + 1, WIDTH);
  }
  return rows;
}

/**
 * The card without its text: background, coloured top border and footer rule (the card's rows have fixed heights,
 * so they do not move with the text), as the PNG's scanlines: a card's SVG with its glyphs taken out, rendered once
 * per direction and worker.
 */
const templates = new Map<boolean, Promise<Buffer>>();
function template(rtl: boolean, fonts: Font[]): Promise<Buffer> {
  let rows = templates.get(rtl);
  if (!rows) {
    const sample: SocialCard = { title: 'T', desk: 'D', line: 'L', siteName: 'S', lang: 'en', rtl };
    rows = svgOf(sample, fonts).then((svg) => scanlines(new Resvg(svg.replace(GLYPH_RUN, ''), RESVG_OPTIONS).render().pixels));
    templates.set(rtl, rows);
  }
  return rows;
}

/**
 * The canvas of this thread, reused for every card: on this machine kind a fresh 2 MB buffer costs more in page
 * faults than its drawing. Nothing awaits between filling it and encoding it, so cards never share it at once.
 */
let canvas: Buffer | undefined;

/** A PNG chunk: length, type, data, CRC of type and data. */
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, tail]);
}

/**
 * An RGB PNG (8 bits, zlib level 2) of a PNG's scanlines: the card has no transparency, and on its flat colours
 * this is about as small as resvg's own PNG (41 against 43 KB) in a fraction of the time.
 */
function pngOfScanlines(rows: Buffer, width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, deflate, adaptive filtering (each row says none), no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 2 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Renders one card to PNG bytes (a card with Arabic text: renderShaped). resvg rasterises only the boxes around the text (a third of the card or less), each
 * a crop of the same SVG on the same pixel grid, and they are written over the prepared template's scanlines, which
 * become the PNG. The same pixels as renderSocialImageWhole up to anti-aliasing rounding
 * (tests/unit/sharing/social-image.test.ts); benchmarks/social-cards.mjs measures both.
 */
export async function renderSocialImage(card: SocialCard, fonts: Font[]): Promise<Uint8Array> {
  if (needsShaping(card)) return renderShaped(card, fonts);
  const svg = await svgOf(card, fonts);
  const runs = glyphRuns(svg);
  if (!runs) return new Resvg(svg, RESVG_OPTIONS).render().asPng();
  const background = await template(card.rtl, fonts);
  canvas ??= Buffer.allocUnsafe(STRIDE * HEIGHT);
  background.copy(canvas);
  const definitions = (svg.match(DEFINITIONS) ?? []).join('');
  for (const box of inkBoxes(runs)) {
    const inside = runs.filter((run) => within(run.box, box));
    const alone = inside.length === 1 ? inside[0]! : undefined;
    const groups = inside.map((run) => (run.clip && !alone ? run.whole : run.group));
    const pixels = new Resvg(cropped(definitions, groups, box), RESVG_OPTIONS).render().pixels;
    // The pixels to keep: the box, inside the rectangle its run is drawn without.
    const keep = alone?.clip ? intersect(box, alone.clip) : box;
    const width = box.x1 - box.x0;
    for (let y = keep.y0; y < keep.y1; y++) {
      rgbOf(pixels, ((y - box.y0) * width + keep.x0 - box.x0) * 4, canvas, y * STRIDE + 1 + keep.x0 * 3, keep.x1 - keep.x0);
    }
  }
  return pngOfScanlines(canvas, WIDTH, HEIGHT);
}

/** Width and height from a PNG's IHDR header. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (view.getUint32(0) !== 0x89504e47 || view.getUint32(12) !== 0x49484452) throw new Error('not a PNG');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
