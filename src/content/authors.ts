import { z } from 'astro/zod';
import { nameSlug } from '../newsroom/slugs.ts';

/**
 * Authors: content/authors/<slug>.md (or the folder AUTHORS_DIR names): the name and links in the frontmatter, a
 * short bio as the body. A byline that matches an author's name gets a link to /authors/<slug>/.
 */
export const AUTHORS_DIR = process.env.AUTHORS_DIR || 'content/authors';

const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an absolute http:// or https:// URL' });

/** The frontmatter of an author file. Strict: a typo is an error naming the field. */
export const authorSchema = z.strictObject({
  /** The name exactly as bylines write it (case and spacing aside). */
  name: z.string({ error: 'expected name as text' }).trim().min(1, 'name must not be empty'),
  /** The author's own pages elsewhere (a site, a profile): shown on the author page. */
  links: z.array(httpUrl, { error: 'expected a list of URLs' }).default([]),
});

export type Author = z.output<typeof authorSchema>;

/** The path of an author's page. */
export const authorPath = (slug: string) => `/authors/${slug}/`;

/** The key a byline and an author's name are matched by: case, accents and punctuation aside. */
export const bylineKey = (name: string) => nameSlug(name);

/** Finds the author entry a byline names, if any. */
export function authorForByline<A extends { data: Pick<Author, 'name'> }>(authors: readonly A[], byline: string | undefined): A | undefined {
  if (!byline) return undefined;
  const key = bylineKey(byline);
  return authors.find((a) => bylineKey(a.data.name) === key);
}
