import type { Kind } from '../content/schema.ts';
import { baseLanguage, isRtl } from './language.ts';
import { LANGUAGES } from './languages/index.ts';
import { en } from './languages/en.ts';

/** One text per plural category of Intl.PluralRules (`other` is required), `{n}` where the number goes. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * The words of a page's own furniture (not the article), as one language's data file holds them
 * (src/format/languages/<code>.ts): plain strings, `{name}` marking what is filled in. Adding a word means adding
 * it here and to every file (the compiler lists the files that lack it); adding a language means one new file
 * and one line in languages/index.ts.
 */
export interface Words {
  published: string;
  updated: string;
  /** "By" before the author's name. */
  by: string;
  tags: string;
  /** Separator between tags: Arabic, Persian and Urdu have their own comma; Chinese and Japanese theirs. */
  comma: string;
  /** Reading time, one text per plural category of Intl.PluralRules (`other` is required): `{n}` is the number. */
  minutes: PluralForms;
  /** Text before the link to the original publication: `{source}`. */
  originallyPublished: string;
  /** Text of the link to the original publication: `{host}`. */
  readOriginal: string;
  skipToContent: string;
  /** Name of the site header's navigation, for screen readers. */
  sections: string;
  search: string;
  archive: string;
  desks: string;
  places: string;
  /** The Display menu and its choices. */
  display: string;
  theme: string;
  auto: string;
  light: string;
  dark: string;
  textSize: string;
  small: string;
  normal: string;
  large: string;
  larger: string;
  font: string;
  serif: string;
  sans: string;
  permalink: string;
  copyLink: string;
  share: string;
  cite: string;
  print: string;
  /** Name of the navigation after an article, for screen readers. */
  moreArticles: string;
  /** Before the desk's name, which is a link: "More from {desk}". */
  moreFrom: string;
  previous: string;
  next: string;
  allArticles: string;
  /** Label before the links to the feeds in the site footer. */
  feeds: string;
  /** The search page. */
  wordsToFind: string;
  searching: string;
  /** How many articles were found, per plural category (`{n}`): its script picks one with Intl.PluralRules. */
  found: PluralForms;
  /** Followed by links to the archive and the desks. */
  noResults: string;
  /** Without script; followed by links to the archive and the desks. */
  searchNeedsScript: string;
  /** The 404 page. */
  notFound: string;
  notFoundText: string;
  newest: string;
  /** The correction notices at the end of an article: their label for screen readers, one and several. */
  correction: string;
  corrections: string;
  /** Before each correction's text: `{date}` is the correction's date. */
  correctionOn: string;
  /** The link to the site's corrections policy under the notices. */
  correctionsPolicy: string;
  /** The accessible name of the link each paragraph of a body has to itself (src/markdown/paragraph-ids.ts). */
  paragraphLink: string;
  /** The heading of a body's footnotes (hidden, for screen readers), and the name of each link back to the text: `{n}`. */
  footnotes: string;
  backToReference: string;
  /** The printed edition's end: the heading of the links' endnotes, the text before the permalink, the date of
   * printing (`{date}`, filled in by src/scripts/enhance.ts when printing) and the QR code's name. */
  printLinks: string;
  readOnline: string;
  printedOn: string;
  qrCode: string;
  /**
   * The words around an article's story (kind of story, age notice, contents, related articles, share quote), read
   * by `storyLabelsFor` (story-labels.ts), which gives English, marked `lang="en"`, for a language without a file.
   */
  story: StoryLabels;
  /** The words of the site's own pages (home, listings, archive, search), in the site's language (`SITE.lang`). */
  listings: ListingWords;
}

/** The words of the site's listings (`Words.listings`): `{name}` marks what is filled in. */
export interface ListingWords {
  /** Heading of the home page and its later pages. */
  latest: string;
  /** The note under a listing's heading: how many articles, per plural category (`{n}`), as a sentence. */
  articles: PluralForms;
  /** The note under a section index (desks, places, tags): `{n}` of them. */
  groups: PluralForms;
  /** Between the links of a listing of several pages, and added to its note: `{page}` and `{pages}`. */
  pageOf: string;
  /** The end of a sentence (".", "。", "۔"), after pageOf in the note. */
  fullStop: string;
  /** The <title> of a later page: `{title}` and `{page}`. */
  titlePage: string;
  /** The links between the pages of a listing, and their navigation's name for screen readers. */
  previousPage: string;
  nextPage: string;
  pages: string;
  /** A listing's meta description: `{title}`, `{n}` articles, `{site}`. */
  description: string;
  /** The archive's note, per plural category (`{n}`), then the links to the sections: `{desk}`, `{place}`, `{tag}`. */
  archiveNote: PluralForms;
  alsoBy: string;
  desk: string;
  place: string;
  tag: string;
  /** The meta descriptions of the archive and the search page. */
  archiveDescription: string;
  searchDescription: string;
  /** An author's page: the heading of their articles, and its meta description (`{name}`). */
  authorArticles: string;
  authorDescription: string;
}

/** The story words of one language (`Words.story`). */
export interface StoryLabels {
  /** The label above the headline for each kind of story. */
  kinds: Record<Kind, string>;
  /**
   * The age notice, whole sentences per plural category, for an age in years and in months (below a year): the
   * category decides the words as well as the noun's form (Arabic "أكثر من سنتين", the dual; Hebrew "יותר משנתיים").
   */
  olderThan: { years: PluralForms; months: PluralForms };
  /** Heading of the table of contents. */
  contents: string;
  /** Heading of the related-articles list. */
  related: string;
  /** The button offered on a selected quote. */
  shareQuote: string;
}

/** The words of one page, ready to use. */
export interface ChromeLabels extends Omit<Words, 'minutes' | 'originallyPublished' | 'readOriginal' | 'moreFrom' | 'correctionOn' | 'backToReference' | 'story'> {
  /**
   * `"en"` when the page's language has no table and these are the English words: put it in the `lang` attribute
   * of every element holding furniture, so a screen reader reads them with an English voice. Undefined otherwise.
   */
  lang: 'en' | undefined;
  /**
   * `"ltr"` on a right-to-left page, undefined otherwise: the `dir` of text that reads left to right whatever the page
   * (addresses shown as text, the site's name in another script), so the bidi algorithm keeps its parts in order.
   */
  ltr: 'ltr' | undefined;
  /** Reading time, with Latin digits like the dates, and no-break spaces: "2 min read" is never split. */
  minutes: (n: number) => string;
  originallyPublished: (source: string) => string;
  readOriginal: (host: string) => string;
  /** The text before and after the desk's link in "More from {desk}". */
  moreFrom: [before: string, after: string];
  /** The text before and after the date in "Correction, {date}:". */
  correctionOn: [before: string, after: string];
  /** "Back to reference 2", the number written as `n` is (Latin digits, like the dates). */
  backToReference: (n: string) => string;
  /** The form of `forms` Intl.PluralRules picks for `n`, `{n}` filled in with Latin digits, other `{name}`s from `values`. */
  count: (forms: PluralForms, n: number, values?: Record<string, string>) => string;
}

/** `text` with each `{name}` replaced by its value. */
export const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');

const labels = new Map<string, ChromeLabels>();

/**
 * The words for a BCP 47 tag (its primary language); English, marked `lang: 'en'`, when we have none.
 * Made once per tag: an article page asks three times (layout, article, navigation), and every page at least once.
 */
export function labelsFor(lang: string): ChromeLabels {
  let words = labels.get(lang);
  if (!words) labels.set(lang, (words = makeLabels(lang)));
  return words;
}

function makeLabels(lang: string): ChromeLabels {
  const found = LANGUAGES[baseLanguage(lang)];
  const words = found ?? en;
  const locale = found ? lang : 'en';
  const plural = new Intl.PluralRules(locale);
  const number = new Intl.NumberFormat(locale, { numberingSystem: 'latn', useGrouping: false });
  const count = (forms: PluralForms, n: number, values: Record<string, string> = {}) => fill(forms[plural.select(n)] ?? forms.other, { ...values, n: number.format(n) });
  return {
    ...words,
    lang: found ? undefined : 'en',
    ltr: isRtl(lang) ? 'ltr' : undefined,
    minutes: (n) => count(words.minutes, n).replaceAll(' ', '\u00a0'),
    originallyPublished: (source) => fill(words.originallyPublished, { source }),
    readOriginal: (host) => fill(words.readOriginal, { host }),
    moreFrom: words.moreFrom.split('{desk}', 2) as [string, string],
    correctionOn: words.correctionOn.split('{date}', 2) as [string, string],
    backToReference: (n) => fill(words.backToReference, { n }),
    count,
  };
}
