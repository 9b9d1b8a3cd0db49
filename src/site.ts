/** Site-wide settings, read by pages, feeds and astro.config.mjs alike. */
export const SITE = {
  /** The name shown in the header, the <title> and the feeds, in the site's language. SITE_NAME overrides it. */
  name: process.env.SITE_NAME?.trim() || 'The Reader',
  /** One line under the name on the home page, in the site's language. SITE_TAGLINE overrides it. */
  tagline: process.env.SITE_TAGLINE?.trim() || 'News articles, plainly presented.',
  /**
   * The public origin every absolute URL is built on (canonical links, feeds, sitemap, QR codes, citations, "Copy
   * link"), e.g. 'https://news.example'. The environment variable SITE_URL overrides it. Left unset, builds use
   * http://localhost:4321 with a warning, and a build with CI set fails (src/sharing/origin.ts).
   */
  url: undefined as string | undefined,
  /**
   * The site's language (BCP 47): its name and tagline, and the words of its header, footer, home page, listings,
   * archive, search and 404 pages (src/format/languages/; English, marked so, for a language without a file there),
   * right to left for Arabic, Hebrew, Persian, Urdu…. Articles set their own (`lang`). SITE_LANG overrides it; a
   * malformed tag stops the build and `npm run check`.
   */
  lang: process.env.SITE_LANG?.trim() || 'en',
  /**
   * IANA time zone (`Europe/London`, `Asia/Jerusalem`) in which every date and time is shown, the archive groups its
   * months, and a date-time written without an offset is read. The environment variable SITE_TIME_ZONE overrides it;
   * a name that is not a time zone stops the build and `npm run check` (src/format/time-zone.ts).
   */
  timeZone: process.env.SITE_TIME_ZONE?.trim() || 'UTC',
  /** Label printed after a time of day; unset, the zone's own short name at that date (UTC, BST, CET, GMT-4…). */
  timeZoneLabel: undefined as string | undefined,
  /**
   * The years an article's dates may have: a year before `earliestYear`, or after `latestYear` (default: next
   * year), is an error that suggests the likely typo (0024 → 2024).
   */
  earliestYear: 1900,
  latestYear: undefined as number | undefined,
  /**
   * Hosts whose photographs an article may use by address (`https://images.example.org/…`): fetched and optimized
   * at build time and served from this site, so pages make no request to another origin. Each entry is a host name
   * (`images.example.org`), a wildcard (`*.example.org`) or an origin (`http://127.0.0.1:8080`); IMAGE_HOSTS
   * (comma-separated) overrides the list. Any other host is an error naming the file and the address.
   */
  imageHosts: (process.env.IMAGE_HOSTS ?? '').split(',').map((host) => host.trim()).filter(Boolean),
  /** Words per minute used for reading time. */
  wordsPerMinute: 230,
  /** An article older than this many days shows "This article is more than N years old" (issue 17). */
  ageNoticeDays: 365,
  /**
   * Reach, off unless set (here or by the environment variable named): a WebSub hub announced in the feeds
   * (`<link rel="hub">`) and pinged by `npm run ping` (WEBSUB_HUB), and an IndexNow key (8–128 letters, digits or -),
   * published as /<key>.txt, with which `npm run ping` announces changed URLs (INDEXNOW_KEY, INDEXNOW_ENDPOINT).
   */
  websubHub: process.env.WEBSUB_HUB ?? '',
  indexNowKey: process.env.INDEXNOW_KEY ?? '',
  indexNowEndpoint: process.env.INDEXNOW_ENDPOINT ?? 'https://api.indexnow.org/indexnow',
} as const;
