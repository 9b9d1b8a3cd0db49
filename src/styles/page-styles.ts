// Every page's CSS, as one inline <style>. Each page names the parts it shows (BaseLayout's `styles`), so a page
// carries only the rules it uses: an article of plain paragraphs has no table, list or photograph rules, and a
// listing has no print edition rules. One <style> costs the page's Content-Security-Policy one hash
// (src/security/csp.ts hashes every inline style) and no request. Vite's `?inline` gives each stylesheet processed and
// minified, as Astro's own bundling would; Astro's bundling is not used, because it gives a route the rules of
// every component the route can show (one article with a table would put the table rules into every article) and a
// page-specific rule (the print running headline) would be a second <style> and a second hash.
// Measured on the seed article page (HTML with CSS, brotli): 6,345 B with Astro's bundles and a second <style>;
// 5,986 B this way, with the shorter QR path of src/print/qr.ts.
import controls from './reader-controls.css?inline';
import nav from './newsroom.css?inline';
import base from './global.css?inline';
import listings from './listings.css?inline';
import sharing from './sharing.css?inline';
import print from './print.css?inline';
import story from './story.css?inline';
import search from './search.css?inline';
import photos from './photos.css?inline';
import body from './article-body.css?inline';
import contents from './contents.css?inline';
import related from './related.css?inline';
import corrections from './corrections.css?inline';
import sponsored from './sponsored.css?inline';

/** On every page: the Display menu, the header's section links and article navigation, then the base rules. */
const EVERY_PAGE = controls + nav + base;

/** The parts only some pages show, in the order they cascade (later parts win ties). */
const PARTS = { listings, sharing, print, story, sponsored, search, photos, body, contents, related, corrections } as const;

/** A part of a page that has its own rules: see the stylesheet it is imported from above. */
export type StylePart = keyof typeof PARTS;

/** The parts a list of article cards shows (home, listings, an author's page): photographs and sponsored labels when any card has one. */
export function cardStyles(cards: ReadonlyArray<{ data: { kind: string; image?: unknown } }>): Array<StylePart | false> {
  return ['listings', 'story', cards.some((card) => card.data.kind === 'sponsored') && 'sponsored', cards.some((card) => card.data.image) && 'photos'];
}

/** Elements of a rendered body that need `article-body.css`: a body of plain paragraphs needs none of it. */
const BODY_PARTS = /<(?:h[2-6]|ul|ol|blockquote|figure|table|pre)[\s>]/;

/** Whether a rendered body (sanitized HTML, from the Markdown pipeline) holds anything `article-body.css` styles. */
export function bodyNeedsStyles(html: string): boolean {
  return BODY_PARTS.test(html);
}

/**
 * The page's CSS: `first` (a rule made for this page alone, such as the print running headline), the rules of every
 * page, then each part asked for, once, in a fixed order (so two pages asking for the same parts get the same bytes).
 * Parts given as `false` or `undefined` are skipped, so a caller can write `wants && 'part'`.
 */
export function pageCss(parts: ReadonlyArray<StylePart | false | undefined>, first = ''): string {
  const wanted = new Set(parts);
  return first + EVERY_PAGE + (Object.keys(PARTS) as StylePart[]).filter((part) => wanted.has(part)).map((part) => PARTS[part]).join('');
}
