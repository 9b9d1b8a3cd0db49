/** Languages written right to left: an article in one of them gets dir="rtl". */
const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/**
 * The primary language subtag of a BCP 47 tag, lowercased: the key of every per-language table (date locales,
 * page labels).
 * @example baseLanguage('ar-EG') //=> 'ar'
 */
export function baseLanguage(lang: string): string {
  return lang.toLowerCase().split('-')[0]!;
}

/** True when a BCP 47 tag names a right-to-left language. */
export function isRtl(lang: string): boolean {
  return RTL_LANGUAGES.has(baseLanguage(lang));
}

/**
 * The `dir` an element in `lang` needs inside a page or list in `around`: its own direction where the two differ
 * (an English headline on an Arabic site), none where they agree.
 */
export function dirAgainst(lang: string, around: string): 'ltr' | 'rtl' | undefined {
  return isRtl(lang) === isRtl(around) ? undefined : isRtl(lang) ? 'rtl' : 'ltr';
}

/** Why `tag` is not a BCP 47 language tag, naming the setting it came from; undefined when it is one. */
export function languageTagProblem(tag: string, setting: string): string | undefined {
  try {
    if (Intl.getCanonicalLocales(tag).length === 1) return undefined;
  } catch {
    // Falls through to the message.
  }
  return `${setting}: "${tag}" is not a BCP 47 language tag such as en, ar or pt-BR`;
}
