import { createHash } from 'node:crypto';
import type { Article } from '../content/schema.ts';
import { isRtl } from '../format/language.ts';
import { formatDate } from '../format/dates.ts';
import type { SocialCard } from './social-image.ts';
import { SITE } from '../site.ts';
import { storyLabelsFor } from '../format/story-labels.ts';
import { ageNotice } from '../format/age.ts';
import { buildTime } from '../content/build-time.ts';
import { nameSlug } from '../newsroom/slugs.ts';

/**
 * The separator of the image's credit line. In Arabic-script languages a middle dot beside Arabic-Indic digits
 * reads as a zero (١٦ · ديسمبر looks like ١٦٠), so they get the Arabic comma; Hebrew a comma.
 */
export function lineSeparator(lang: string): string {
  if (!isRtl(lang)) return ' · ';
  return /^(?:he|yi)\b/i.test(lang) ? ', ' : '، ';
}

/**
 * What an article's social image shows, formatted as on its page. An old article's card says so where the desk
 * goes ("This article is more than 2 years old", as above its headline): a shared link must not pass as news.
 * `desk` is the desk as its listing spells it (deskSpellings), as the page's kicker and credit show it.
 */
export function socialCard(article: Article, now = buildTime(), desk = article.desk): SocialCard {
  const { labels, lang } = storyLabelsFor(article.lang);
  return {
    title: article.title,
    desk: ageNotice(labels.olderThan, lang, article.published, now, SITE.ageNoticeDays) ?? desk,
    line: [article.source, article.location, formatDate(article.published, article.lang)].join(lineSeparator(article.lang)),
    siteName: SITE.name,
    lang: article.lang,
    rtl: isRtl(article.lang),
  };
}

/** The site's own card (/og.png), shared by the home page, listings, search and archive: its name and tagline. */
export function siteCard(): SocialCard {
  return { title: SITE.name, desk: '', line: SITE.tagline, siteName: SITE.name, lang: SITE.lang, rtl: isRtl(SITE.lang) };
}

/** The cache key of a card's PNG: a hash of exactly what is drawn and of the renderer that draws it. */
export function socialImageKey(card: SocialCard, rendererVersion: string): string {
  return createHash('sha256').update(rendererVersion).update('\0').update(JSON.stringify(card)).digest('hex').slice(0, 32);
}

/**
 * Each desk's spelling as its listing shows it, by the desk's key (nameSlug): the newest article's, as buildNewsroom
 * (src/newsroom/listings.ts) names its groups. For the social images, made in plain Node from the article index.
 */
export function deskSpellings(articles: ReadonlyArray<Pick<Article, 'desk' | 'published' | 'title'>>): (desk: string) => string {
  const newestFirst = [...articles].sort((a, b) => b.published.getTime() - a.published.getTime() || a.title.localeCompare(b.title));
  const names = new Map<string, string>();
  for (const { desk } of newestFirst) if (!names.has(nameSlug(desk))) names.set(nameSlug(desk), desk);
  return (desk) => names.get(nameSlug(desk)) ?? desk;
}
