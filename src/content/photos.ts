import { existsSync } from 'node:fs';
import { basename, dirname, extname, relative, resolve, sep } from 'node:path';
import sharp from 'sharp';
import { isRemoteAllowed } from 'astro/assets/utils';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import type { Element } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { sanitizeSchema } from '../security/sanitize-schema.ts';
import type { ArticleIssue } from './article-file.ts';
import { SITE } from '../site.ts';
import { addressKind } from '../markdown/figures.ts';

/**
 * The photographs of an article, checked before anything is rendered, by the one function check and build share
 * (loadArticleFiles): each file exists beside the article, is a photograph in a format the image service reads,
 * and has its alt text; a lead photograph is at least LEAD_MIN_WIDTH wide; a remote one comes from a host of
 * SITE.imageHosts and can be fetched.
 */

/** Search engines show large previews only from 1,200 px (Google's Article guidance). */
export const LEAD_MIN_WIDTH = 1200;
/** File extensions and what sharp must find in them: formats every browser shows once converted, and sharp reads. */
const FORMATS: Record<string, string[]> = { '.jpg': ['jpeg'], '.jpeg': ['jpeg'], '.png': ['png'], '.webp': ['webp'], '.avif': ['heif'] };
const SUPPORTED = 'JPEG, PNG, WebP or AVIF';

/** One image an article uses: where it is written (field, or body line of the file) and what it says. */
export interface ImageReference {
  src: string;
  alt: string | undefined;
  /** `image.src` for the lead, `body` for an image in the body. */
  field: string;
  /** Line of the file, for body images. */
  line?: number;
}

/** Astro's `image.remotePatterns` for SITE.imageHosts: a host name, `*.` wildcard, or an origin with its port. */
export function imageRemotePatterns(hosts: readonly string[] = SITE.imageHosts): { protocol?: string; hostname: string; port?: string }[] {
  return hosts.map((host) => {
    if (!host.includes('://')) return { protocol: 'https', hostname: host };
    const url = new URL(host);
    return { protocol: url.protocol.replace(':', ''), hostname: url.hostname, ...(url.port ? { port: url.port } : {}) };
  });
}

/**
 * Whether a photograph may be fetched from `url`: Astro's own rule for its remote patterns (what its image service will
 * fetch), and one stricter: a port other than the default must be named in the setting (a pattern without a port
 * would let Astro take any).
 */
export function isAllowedImageUrl(url: URL, hosts: readonly string[] = SITE.imageHosts): boolean {
  const remotePatterns = imageRemotePatterns(hosts);
  return isRemoteAllowed(url.href, { domains: [], remotePatterns }) && (url.port === '' || remotePatterns.some((pattern) => pattern.port === url.port));
}

/** The body as the page's pipeline reads it up to the sanitizer: Markdown, GFM, raw HTML parsed into the tree. */
const toTree = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);

/**
 * Every image of a body that the sanitized page keeps, in order: Markdown images (`![alt](./p.jpg "Caption — Credit")`,
 * also by reference) and `<img>` in raw HTML (`<figure><img src alt><figcaption>`), read the way the Markdown pipeline
 * reads them (an `<img>` inside a `<template>` is no image). Lines are the body's, from 1.
 */
export function bodyImages(body: string): { src: string; alt: string | undefined; line: number }[] {
  // Most bodies have no image: skip the parse.
  if (!/!\[|<img/i.test(body)) return [];
  const tree = toTree.runSync(toTree.parse(body));
  // Where each image was written, before the sanitizer rebuilds the tree without positions.
  const lines: number[] = [];
  visit(tree, 'element', (element: Element) => {
    if (element.tagName === 'img') lines.push(element.position?.start.line ?? 1);
    // Mark each image with its place, so the one the sanitizer keeps can be found again.
    if (element.tagName === 'img') element.properties.dataLine = String(lines.length - 1);
  });
  const found: { src: string; alt: string | undefined; line: number }[] = [];
  visit(sanitize(tree, { ...sanitizeSchema, attributes: { ...sanitizeSchema.attributes, img: [...(sanitizeSchema.attributes?.img ?? []), 'dataLine'] } }), 'element', (element: Element) => {
    if (element.tagName !== 'img') return;
    const { src, alt, dataLine } = element.properties;
    if (typeof src === 'string') found.push({ src, alt: typeof alt === 'string' ? alt : undefined, line: lines[Number(dataLine)] ?? 1 });
  });
  return found;
}

/**
 * The lead photograph and the body's images of one article, as references to check. The frontmatter is read as
 * written (even when another field is wrong), so every problem of the file is reported at once.
 */
export function imageReferences(frontmatter: unknown, body: string, bodyLine: number): ImageReference[] {
  const image = (frontmatter as { image?: { src?: unknown; alt?: unknown } } | null)?.image;
  const lead: ImageReference[] = typeof image?.src === 'string' ? [{ src: image.src, alt: typeof image.alt === 'string' ? image.alt : undefined, field: 'image.src' }] : [];
  return [...lead, ...bodyImages(body).map(({ src, alt, line }) => ({ src, alt, field: 'body', line: line + bodyLine - 1 }))];
}

/** What sharp reads of a photograph: its format and its size as shown (after the camera's EXIF orientation). */
interface Probe {
  format: string | undefined;
  width: number;
  height: number;
}

/** Reads only what sharp needs of a file or of fetched bytes: the header, not the whole photograph. */
async function probe(input: Buffer | string): Promise<Probe> {
  const meta = await sharp(input).metadata();
  // EXIF orientations 5–8 turn the picture a quarter: its width as shown is the stored height.
  const turned = (meta.orientation ?? 1) >= 5;
  return { format: meta.format, width: (turned ? meta.height : meta.width) ?? 0, height: (turned ? meta.width : meta.height) ?? 0 };
}

/** Remote photographs fetched once per run, by address. */
const fetched = new Map<string, Promise<Probe | string>>();

function fetchRemote(url: string): Promise<Probe | string> {
  let result = fetched.get(url);
  if (!result) {
    result = (async () => {
      let response: Response;
      try {
        response = await fetch(url, { signal: AbortSignal.timeout(20_000) });
      } catch (error) {
        return `could not be fetched (${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message})`;
      }
      if (!response.ok) return `could not be fetched (HTTP ${response.status})`;
      try {
        return await probe(Buffer.from(await response.arrayBuffer()));
      } catch {
        return 'is not an image';
      }
    })();
    fetched.set(url, result);
  }
  return result;
}

/**
 * Every problem with one article's photographs: `file` as the messages name it (relative to the project), `path`
 * the article file on disk.
 */
export async function checkPhotos(file: string, path: string, references: ImageReference[]): Promise<ArticleIssue[]> {
  const issues: ArticleIssue[] = [];
  const folder = dirname(path);
  const inFolder = basename(path) === 'index.md';
  await Promise.all(references.map(async (ref) => {
    const field = ref.line ? `body: line ${ref.line}` : ref.field;
    const problem = (message: string) => issues.push({ file, field, message });
    const kind = addressKind(ref.src);
    if (kind === 'other') {
      if (ref.field === 'body') return;
      return problem(`"${ref.src}": expected the path of a photograph beside the article (./lead.jpg) or an https:// address`);
    }
    if (ref.field === 'body' && !ref.alt?.trim()) problem(`the image "${ref.src}" needs alt text that describes it (![what it shows](${ref.src}), or alt="what it shows" in HTML)`);
    let found: Probe | string;
    if (kind === 'remote') {
      let url: URL;
      try {
        url = new URL(ref.src);
      } catch {
        return; // an address that is not a URL is reported by the body's link check
      }
      if (!isAllowedImageUrl(url)) return problem(`"${ref.src}": photographs are taken only from the hosts of imageHosts in src/site.ts (or IMAGE_HOSTS), and ${url.host} is not one of them${SITE.imageHosts.length ? ` (${SITE.imageHosts.join(', ')})` : ''}`);
      found = await fetchRemote(url.href);
      if (typeof found === 'string') return problem(`"${ref.src}" ${found}`);
    } else {
      let decoded = ref.src;
      try {
        decoded = decodeURI(ref.src);
      } catch { /* keep it as written */ }
      if (!inFolder) return problem(`"${ref.src}": an article with photographs is a folder of its own: move ${basename(path)} to ${basename(path, '.md')}/index.md and put the photograph beside it`);
      const target = resolve(folder, decoded);
      if (dirname(target) !== folder) return problem(`"${ref.src}" leaves the article's folder: put the photograph beside index.md`);
      const formats = FORMATS[extname(target).toLowerCase()];
      if (!formats) return problem(`"${ref.src}": ${extname(target) || 'a file without extension'} is not a photograph format the site takes (${SUPPORTED})`);
      if (!existsSync(target)) return problem(`"${ref.src}" does not exist beside ${relative(dirname(folder), path).split(sep).join('/')}`);
      try {
        found = await probe(target);
      } catch {
        return problem(`"${ref.src}" is not an image (sharp cannot read it)`);
      }
      if (!found.format || !formats.includes(found.format)) return problem(`"${ref.src}" is named ${extname(target)} but holds ${found.format ?? 'no'} data: save it as ${SUPPORTED} with the matching extension`);
    }
    if (ref.field === 'image.src' && found.width < LEAD_MIN_WIDTH) {
      problem(`"${ref.src}" is ${found.width} px wide: a lead photograph must be at least ${LEAD_MIN_WIDTH} px wide (search engines show large previews only from ${LEAD_MIN_WIDTH} px)`);
    }
  }));
  return issues.sort((a, b) => a.field.localeCompare(b.field, 'en', { numeric: true }));
}
