import type { APIRoute } from 'astro';
import { feedItems, feedMeta } from '../sharing/feed-entries';
import { atomFeed } from '../sharing/feeds';

/** Atom 1.0, with each article whole. */
export const GET: APIRoute = async ({ site }) =>
  new Response(atomFeed(await feedItems(site!), feedMeta(site!), new URL('/atom.xml', site).href), {
    headers: { 'content-type': 'application/atom+xml; charset=utf-8' },
  });
