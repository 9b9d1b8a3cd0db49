import { z } from 'astro/zod';

/**
 * Site pages: content/pages/<slug>.md (or the folder PAGES_DIR names), each served at /<slug>/ — the about page,
 * the corrections policy, the ethics policy, the contact page. Rendered by the articles' Markdown pipeline and
 * sanitizer (astro.config.mjs installs it for every Markdown collection).
 */
export const PAGES_DIR = process.env.PAGES_DIR || 'content/pages';

/** What a site page can stand for in the publisher's JSON-LD (schema.org NewsMediaOrganization properties). */
export const PAGE_ROLES = ['publishingPrinciples', 'correctionsPolicy', 'ethicsPolicy', 'masthead'] as const;
export type PageRole = (typeof PAGE_ROLES)[number];

/**
 * Slugs the site's own routes use: a page there would collide with them. Checked with the file
 * (src/content/loader.ts), since the slug is the file name.
 */
export const RESERVED_PAGE_SLUGS = ['articles', 'authors', 'desks', 'places', 'tags', 'archive', 'search', 'page', 'pagefind', '404'];

/** The frontmatter of a site page. Strict, like articles: a typo is an error naming the field. */
export const sitePageSchema = z.strictObject({
  /** The page's heading and <title>. */
  title: z.string({ error: 'expected title as text' }).trim().min(1, 'title must not be empty'),
  /** The meta description. */
  description: z.string({ error: 'expected description as text' }).trim().min(1, 'description must not be empty'),
  /** Which of the publisher's policies this page is (JSON-LD); a page can be several. */
  roles: z.array(z.enum(PAGE_ROLES, { error: `expected a list of: ${PAGE_ROLES.join(', ')}` })).default([]),
  /** Position in the footer's links, smallest first. */
  order: z.number({ error: 'expected a number' }).int().default(100),
});

export type SitePage = z.output<typeof sitePageSchema>;

/** The path of a site page: /<slug>/. */
export const sitePagePath = (slug: string) => `/${slug}/`;

/** For each role, the absolute URL of the first page (in footer order) that has it. */
export function publisherPages(pages: readonly { id: string; data: SitePage }[], site: URL | string): Partial<Record<PageRole, string>> {
  const urls: Partial<Record<PageRole, string>> = {};
  for (const page of sortPages(pages)) for (const role of page.data.roles) urls[role] ??= new URL(sitePagePath(page.id), site).href;
  return urls;
}

/** Pages in footer order: `order`, then title. */
export function sortPages<P extends { data: Pick<SitePage, 'order' | 'title'> }>(pages: readonly P[]): P[] {
  return [...pages].sort((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title));
}
