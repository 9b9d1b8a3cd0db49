/**
 * The public origin of the site: the environment's SITE_URL, else `SITE.url` (src/site.ts). Read by
 * astro.config.mjs; every absolute URL the pages, feeds and sitemap print is built on it.
 */

/** What a build uses when no origin is set: the address `npm run preview` serves. */
export const LOCAL_ORIGIN = 'http://localhost:4321';

export interface Origin {
  /** The origin, without a trailing slash. */
  url: string;
  /** Set when no origin is configured: one line for the build log (the build fails with it when CI is set). */
  unset?: string;
}

/**
 * Checks the configured origin.
 * @param fromEnv the SITE_URL environment variable; wins over `setting` when it is not empty
 * @param setting `SITE.url` from src/site.ts
 * @throws an Error naming SITE_URL when the value is not an http(s) origin: pages link with `new URL(path, site)`,
 *   which would silently drop a path (https://host/news), so a path is refused rather than lost
 */
export function resolveOrigin(fromEnv: string | undefined, setting: string | undefined): Origin {
  const name = fromEnv?.trim() ? 'SITE_URL' : 'SITE.url (src/site.ts)';
  const value = (fromEnv?.trim() || setting?.trim()) ?? '';
  if (!value) {
    return {
      url: LOCAL_ORIGIN,
      unset: `SITE_URL is not set (nor SITE.url in src/site.ts): canonical links, feeds and the sitemap point at ${LOCAL_ORIGIN}.`,
    };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name}: "${value}" is not a URL; expected the public origin, like https://news.example`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`${name}: "${value}" must start with https:// or http://`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new Error(`${name}: "${value}" must be an origin alone, without user, ?query or #fragment (like ${url.origin})`);
  }
  if (url.pathname !== '/') {
    throw new Error(`${name}: "${value}" has a path (${url.pathname}); the site must be served at the root of its host, so give the origin alone (${url.origin}) or serve it from its own (sub)domain`);
  }
  return { url: url.origin };
}

/** What a build does with an unset origin: a warning, or (with CI set) an error, so no deploy ships localhost links. */
export function unsetOriginProblem(origin: Origin, ci: string | undefined): { warning?: string; error?: string } {
  if (!origin.unset) return {};
  if (ci && ci !== 'false' && ci !== '0') return { error: `${origin.unset} CI is set, so the build stops: set SITE_URL (or SITE.url) to the public origin.` };
  return { warning: `${origin.unset} Set SITE_URL (or SITE.url) to the public origin before deploying.` };
}
