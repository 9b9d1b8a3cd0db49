// Renders an article's 1200x630 social preview image: satori lays out the text as SVG, resvg rasterises it.
// This module imports npm packages only, so the image workers can load it in plain Node.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import satori, { type Font } from 'satori';
import { Resvg } from '@resvg/resvg-js';

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
    background: '#fdfcfa', color: '#1b1b1b', fontFamily: FONT_FAMILY, borderTop: '14px solid #a3151b',
    direction: card.rtl ? 'rtl' : 'ltr',
  }, [
    el({ display: 'flex', fontSize: 30, fontWeight: 700, color: '#a3151b', textTransform: 'uppercase', letterSpacing: 2, height: 48, flexShrink: 0 }, card.desk),
    el({ display: 'flex', flexShrink: 0, height: HEADLINE_BOX, alignItems: 'center', overflow: 'hidden' }, [
      el({ display: 'block', width: '100%', fontSize, fontWeight: 700, lineHeight: LINE_HEIGHT, lineClamp: maxLines, textAlign: align, overflow: 'hidden' }, card.title),
    ]),
    el({ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', borderTop: '2px solid #d9d6d0', paddingTop: 20, fontSize: 28, color: '#595959', height: 80, flexShrink: 0, marginTop: 'auto' }, [
      el({ display: 'block', flexShrink: 1, lineClamp: 1, overflow: 'hidden' }, card.line),
      el({ display: 'flex', flexShrink: 0, fontWeight: 700, color: '#1b1b1b', marginLeft: 24, marginRight: 24 }, card.siteName),
    ]),
  ]);
}

/** Renders one card to PNG bytes. */
export async function renderSocialImage(card: SocialCard, fonts: Font[]): Promise<Uint8Array> {
  const svg = await satori(cardTree(card) as never, { width: WIDTH, height: HEIGHT, fonts });
  return new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
}

/** Width and height from a PNG's IHDR header. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (view.getUint32(0) !== 0x89504e47 || view.getUint32(12) !== 0x49484452) throw new Error('not a PNG');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
