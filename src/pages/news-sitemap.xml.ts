import type { APIRoute } from 'astro';
import { articlePath } from '../content/articles';
import { getNewsroom } from '../newsroom/newsroom';
import { newsSitemap } from '../sharing/news-sitemap';
import { SITE } from '../site';
import { buildTime } from '../content/build-time';

/** The Google News sitemap: the published articles of the 48 hours before the build time (robots.txt names it). */
export const GET: APIRoute = async ({ site }) => {
  const { all } = await getNewsroom();
  const articles = all.map((e) => ({ url: new URL(articlePath(e.id), site).href, title: e.data.title, published: e.data.published, lang: e.data.lang }));
  return new Response(newsSitemap(articles, SITE.name, buildTime()), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
