import type { APIRoute } from 'astro';
import { feedItems, feedMeta } from '../sharing/feed-entries';
import { jsonFeed } from '../sharing/feeds';

/** JSON Feed 1.1, with each article whole. */
export const GET: APIRoute = async ({ site }) =>
  new Response(JSON.stringify(jsonFeed(await feedItems(site!), feedMeta(site!), new URL('/feed.json', site).href)), {
    headers: { 'content-type': 'application/feed+json; charset=utf-8' },
  });
