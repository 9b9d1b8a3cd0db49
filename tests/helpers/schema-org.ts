/*
 * A strict schema.org vocabulary check (schema-dts is not installed): every type we write and every property we
 * give it, as schema.org defines them (https://schema.org/<Type>, properties inherited from Article, CreativeWork,
 * Organization, Thing). A typo in a property or a type schema.org does not have fails here.
 */
const THING = ['name', 'url', 'description', 'image'];
const CREATIVE_WORK = [...THING, 'headline', 'datePublished', 'dateModified', 'author', 'publisher', 'sourceOrganization',
  'locationCreated', 'isBasedOn', 'inLanguage', 'mainEntityOfPage', 'keywords', 'correction', 'text'];
const ARTICLE = [...CREATIVE_WORK, 'articleSection'];
const NEWS_ARTICLE = [...ARTICLE, 'dateline'];
const ORGANIZATION = [...THING, 'publishingPrinciples', 'ethicsPolicy', 'correctionsPolicy', 'masthead'];
const VOCABULARY: Record<string, string[]> = {
  NewsArticle: NEWS_ARTICLE,
  AnalysisNewsArticle: NEWS_ARTICLE,
  OpinionNewsArticle: NEWS_ARTICLE,
  BackgroundNewsArticle: NEWS_ARTICLE,
  ReviewNewsArticle: NEWS_ARTICLE,
  ReportageNewsArticle: NEWS_ARTICLE,
  // AdvertiserContentArticle is an Article, not a NewsArticle: no dateline.
  AdvertiserContentArticle: ARTICLE,
  CorrectionComment: [...CREATIVE_WORK],
  Person: [...THING],
  Organization: ['name', 'url'],
  // NewsMediaOrganization's own properties: https://schema.org/NewsMediaOrganization (masthead, ethicsPolicy, …).
  NewsMediaOrganization: ORGANIZATION,
  Place: ['name'],
  WebPage: ['@id'],
};

/** Every problem with a JSON-LD value: an unknown @type, or a property its type does not have. */
export function vocabularyProblems(node: unknown, path = '$'): string[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => vocabularyProblems(n, `${path}[${i}]`));
  if (typeof node !== 'object' || node === null) return [];
  const { '@type': type, '@context': _c, ...props } = node as Record<string, unknown>;
  const allowed = VOCABULARY[String(type)];
  if (!allowed) return [`${path}: unknown type ${String(type)}`];
  return Object.entries(props).flatMap(([key, value]) => [
    ...(allowed.includes(key) ? [] : [`${path}: ${String(type)} has no property ${key}`]),
    ...(typeof value === 'object' && value !== null && !Array.isArray(value) || Array.isArray(value) && typeof value[0] === 'object'
      ? vocabularyProblems(value, `${path}.${key}`) : []),
  ]);
}
