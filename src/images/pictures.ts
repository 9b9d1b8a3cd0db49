import { getImage, inferRemoteSize } from 'astro:assets';
import { fromHtml } from 'hast-util-from-html';
import type { PhotoSource } from '../content/schema';
import { escapeHtml } from '../sharing/feeds';

/**
 * Every photograph a page, feed or preview shows, made by Astro's image service (sharp) from the article's own
 * files, or from remote addresses on SITE.imageHosts, fetched at build time: all are served from this site, so the
 * Content-Security-Policy stays `img-src 'self'`. Astro keeps what it encoded in its cache folder
 * (`<cacheDir>/assets`), so a build after the first re-encodes no photograph.
 */

/** The text column: 32em of at most 20 px type (640 px) inside 1.25rem of margin on each side. */
export const COLUMN_SIZES = '(min-width: 42.5rem) 40rem, calc(100vw - 2.5rem)';
/** Widths for the column: a phone at 1x, a phone at 2–3x or the desktop column at 1x, the desktop column at 2x. */
const COLUMN_WIDTHS = [480, 800, 1280];
/** Each photograph in the modern formats, best first; browsers without either take the fallback. */
const FORMATS = [['avif', 'image/avif'], ['webp', 'image/webp']] as const;

const attributes = (pairs: Record<string, string | number | undefined>) =>
  Object.entries(pairs).filter(([, value]) => value !== undefined).map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`).join('');

/** A remote photograph's size, asked once per build (getImage's inferSize would fetch it for every variant). */
const remoteSizes = new Map<string, Promise<{ width: number; height: number }>>();
const remoteSize = (src: string) => {
  let size = remoteSizes.get(src);
  if (!size) remoteSizes.set(src, (size = inferRemoteSize(src)));
  return size;
};

/** What getImage needs to know of a source: the metadata of a file, or the address and size of a remote photograph. */
const source = async (src: PhotoSource) => (typeof src === 'string' ? { src, ...(await remoteSize(src)) } : { src });

/** A source at one width, its height in proportion (Astro works that out itself only for local files). */
const atWidth = async (src: PhotoSource, width: number) => {
  if (typeof src !== 'string') return { src, width: Math.min(width, src.width) };
  const size = await remoteSize(src);
  const w = Math.min(width, size.width);
  return { src, width: w, height: Math.round((w * size.height) / size.width) };
};

/** PNG stays PNG (drawings, screenshots); everything else falls back to JPEG. */
const fallbackFormat = (src: PhotoSource) => ((typeof src === 'string' ? /\.png$/i.test(new URL(src).pathname) : src.format === 'png') ? 'png' : 'jpg');

export interface PictureOptions {
  alt: string;
  /** The lead photograph loads first (eager, high priority); body photographs load as the reader reaches them. */
  lead?: boolean;
}

/**
 * A `<picture>`: AVIF and WebP at every column width, then an `<img>` in JPEG (or PNG) with the photograph's width
 * and height, so its place is kept before it loads (no layout shift).
 */
export async function pictureHtml(src: PhotoSource, { alt, lead = false }: PictureOptions): Promise<string> {
  const common = { ...(await source(src)), widths: COLUMN_WIDTHS, sizes: COLUMN_SIZES };
  const [modern, fallback] = await Promise.all([
    Promise.all(FORMATS.map(([format]) => getImage({ ...common, format }))),
    getImage({ ...(await atWidth(src, 800)), format: fallbackFormat(src) }),
  ]);
  const sources = modern.map((image, i) => `<source${attributes({ type: FORMATS[i]![1], srcset: image.srcSet.attribute, sizes: COLUMN_SIZES })}>`).join('');
  const img = `<img${attributes({
    src: fallback.src,
    alt,
    width: fallback.attributes.width,
    height: fallback.attributes.height,
    loading: lead ? 'eager' : 'lazy',
    decoding: lead ? undefined : 'async',
    fetchpriority: lead ? 'high' : undefined,
  })}>`;
  return `<picture>${sources}${img}</picture>`;
}

/** The body's photograph slots (`<img data-photo="N" alt="…">`, src/markdown/figures.ts) with their pictures. */
export async function bodyWithPictures(html: string, figures: readonly PhotoSource[] = []): Promise<string> {
  return replaceSlots(html, figures, (src, alt) => pictureHtml(src, { alt }));
}

/**
 * The body for a feed: one plain `<img>` per photograph (feed readers show no `<picture>`), at column width in
 * JPEG or PNG (the feeds make its address absolute with the body's other links: absolutizeHtml in src/sharing/feeds.ts).
 */
export async function bodyForFeed(html: string, figures: readonly PhotoSource[]): Promise<string> {
  return replaceSlots(html, figures, async (src, alt) => {
    const image = await getImage({ ...(await atWidth(src, 800)), format: fallbackFormat(src) });
    return `<img${attributes({ src: image.src, alt, width: image.attributes.width, height: image.attributes.height })}>`;
  });
}

const SLOT = /<img data-photo="(\d+)"[^>]*>/g;

async function replaceSlots(html: string, figures: readonly PhotoSource[], picture: (src: PhotoSource, alt: string) => Promise<string>): Promise<string> {
  const slots = [...html.matchAll(SLOT)];
  if (!slots.length) return html;
  const pictures = await Promise.all(slots.map(([slot, n]) => {
    const src = figures[Number(n)];
    if (src === undefined) throw new Error(`photograph ${n} of the body has no image: the entry's figures are out of date`);
    // The slot's alt as text: read back by the same HTML parser the feeds use (it undoes the serializer's escapes).
    const img = fromHtml(slot, { fragment: true }).children[0];
    return picture(src, img?.type === 'element' ? String(img.properties.alt ?? '') : '');
  }));
  let i = 0;
  return html.replace(SLOT, () => pictures[i++]!);
}

/** One JPEG crop of a photograph at an exact size, by its absolute address: for previews and structured data. */
export async function photoCrop(src: PhotoSource, width: number, height: number, site: URL): Promise<{ url: string; width: number; height: number }> {
  const image = await getImage({ ...(await source(src)), width, height, fit: 'cover', format: 'jpg' });
  return { url: new URL(image.src, site).href, width: Number(image.attributes.width), height: Number(image.attributes.height) };
}

/** The crops Google's Article guidance asks for, each 1,200 px wide: 16:9, 4:3 and 1:1. */
export function schemaCrops(src: PhotoSource, site: URL) {
  return Promise.all([[1200, 675], [1200, 900], [1200, 1200]].map(([w, h]) => photoCrop(src, w!, h!, site)));
}

/** A listing's thumbnail: a small WebP at 1x and 2x, with its size, loaded lazily. */
export async function thumbnailHtml(src: PhotoSource, alt: string, width = 120, height = 80): Promise<string> {
  const image = await getImage({ ...(await source(src)), width, height, fit: 'cover', densities: [1, 2], format: 'webp' });
  return `<img${attributes({ class: 'thumbnail', src: image.src, srcset: image.srcSet.attribute, alt, width, height, loading: 'lazy', decoding: 'async' })}>`;
}
