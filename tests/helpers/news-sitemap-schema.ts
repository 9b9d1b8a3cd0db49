import { XMLParser, XMLValidator } from 'fast-xml-parser';

/*
 * The Google News sitemap schema (http://www.google.com/schemas/sitemap-news/0.9/sitemap-news.xsd) as a strict
 * check, since no XSD validator is installed: the elements it declares, in its order, with their cardinality and
 * the patterns of its simple types (language, W3C date-time). Anything else is a problem.
 */
const NEWS_CHILDREN = ['news:publication', 'news:genres', 'news:publication_date', 'news:title', 'news:keywords', 'news:stock_tickers'];
const REQUIRED = ['news:publication', 'news:publication_date', 'news:title'];
const LANGUAGE = /^(zh-cn|zh-tw|[a-z]{2,3})$/;
const W3C_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Every way `xml` breaks the sitemap and news sitemap schemas; empty when it is valid. */
export function newsSitemapProblems(xml: string): string[] {
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) return [`not well-formed: ${wellFormed.err.msg}`];
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', preserveOrder: false, isArray: (name) => name === 'url', parseTagValue: false })
    .parse(xml) as Record<string, unknown>;
  const problems: string[] = [];
  const { '?xml': _decl, urlset, ...others } = doc as { '?xml'?: unknown; urlset?: Record<string, unknown> };
  if (Object.keys(others).length || !urlset) return ['the root element must be urlset'];
  if (urlset['@xmlns'] !== 'http://www.sitemaps.org/schemas/sitemap/0.9') problems.push('urlset: wrong or missing sitemap namespace');
  if (urlset['@xmlns:news'] !== 'http://www.google.com/schemas/sitemap-news/0.9') problems.push('urlset: wrong or missing news namespace');
  const urls = (urlset.url ?? []) as Record<string, unknown>[];
  if (urls.length > 1000) problems.push(`urlset: ${urls.length} urls, at most 1,000 allowed`);
  urls.forEach((url, i) => {
    const at = `url[${i}]`;
    const extra = Object.keys(url).filter((k) => !['loc', 'lastmod', 'changefreq', 'priority', 'news:news'].includes(k));
    if (extra.length) problems.push(`${at}: unknown elements ${extra.join(', ')}`);
    if (typeof url.loc !== 'string' || !/^https?:\/\//.test(url.loc)) problems.push(`${at}: loc must be an absolute URL`);
    const news = url['news:news'] as Record<string, unknown> | undefined;
    if (!news || Array.isArray(news)) return void problems.push(`${at}: exactly one news:news is required`);
    const keys = Object.keys(news);
    for (const k of keys) if (!NEWS_CHILDREN.includes(k)) problems.push(`${at}: news:news has no element ${k}`);
    for (const k of REQUIRED) if (!(k in news)) problems.push(`${at}: ${k} is required`);
    const order = keys.map((k) => NEWS_CHILDREN.indexOf(k));
    if (order.some((n, j) => j > 0 && n < order[j - 1]!)) problems.push(`${at}: news:news children out of the schema's order`);
    const publication = news['news:publication'] as Record<string, unknown> | undefined;
    if (publication) {
      if (Object.keys(publication).join() !== 'news:name,news:language') problems.push(`${at}: news:publication must hold news:name then news:language`);
      if (typeof publication['news:name'] !== 'string' || !publication['news:name']) problems.push(`${at}: news:name must be text`);
      if (!LANGUAGE.test(String(publication['news:language']))) problems.push(`${at}: news:language "${String(publication['news:language'])}" is not ISO 639 (or zh-cn, zh-tw)`);
    }
    if (!W3C_DATE.test(String(news['news:publication_date']))) problems.push(`${at}: news:publication_date is not a W3C date`);
    if (typeof news['news:title'] !== 'string' || !news['news:title']) problems.push(`${at}: news:title must be text`);
  });
  return problems;
}
