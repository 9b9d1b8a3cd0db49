import type { APIRoute } from 'astro';

/** Lets every crawler in and points it at the sitemap and the news sitemap, on the origin SITE_URL names. */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL('/sitemap-index.xml', site).href}\nSitemap: ${new URL('/news-sitemap.xml', site).href}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
