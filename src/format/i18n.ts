import { baseLanguage } from './language.ts';
/** The words of the article page's own chrome (not the article), in the article's language. */
export interface ChromeLabels {
  published: string;
  updated: string;
  /** "By" before the author's name. */
  by: string;
  tags: string;
  /** Separator between tags: Arabic has its own comma. */
  comma: string;
  /** Reading time; Latin digits, like the dates from date-fns. */
  minutes: (n: number) => string;
  /** Text before the link to the original publication. */
  originallyPublished: (source: string) => string;
  /** Text of the link to the original publication. */
  readOriginal: (host: string) => string;
}

const en: ChromeLabels = {
  published: 'Published',
  updated: 'Updated',
  by: 'By',
  tags: 'Tags',
  comma: ', ',
  minutes: (n) => `${n} min read`,
  originallyPublished: (source) => `Originally published by ${source}:`,
  readOriginal: (host) => `read the original on ${host}`,
};

// Arabic has six plural forms; Intl.PluralRules picks the one for n.
const AR_MINUTES: Record<string, (n: number) => string> = {
  one: () => 'دقيقة واحدة للقراءة',
  two: () => 'دقيقتان للقراءة',
  few: (n) => `${n} دقائق للقراءة`,
};

const ar: ChromeLabels = {
  published: 'نُشر في',
  updated: 'حُدِّث في',
  by: 'بقلم',
  tags: 'الوسوم',
  comma: '، ',
  minutes: (n) => (AR_MINUTES[new Intl.PluralRules('ar').select(n)] ?? ((m: number) => `${m} دقيقة للقراءة`))(n),
  originallyPublished: (source) => `نُشر أصلًا في ${source}:`,
  readOriginal: (host) => `اقرأ النص الأصلي على ${host}`,
};

const he: ChromeLabels = {
  published: 'פורסם',
  updated: 'עודכן',
  by: 'מאת',
  tags: 'תגיות',
  comma: ', ',
  minutes: (n) => (n === 1 ? 'דקת קריאה אחת' : `${n} דקות קריאה`),
  originallyPublished: (source) => `פורסם במקור ב־${source}:`,
  readOriginal: (host) => `לכתבה המקורית ב־${host}`,
};

const LABELS: Record<string, ChromeLabels> = { en, ar, he };

/** The chrome labels for a BCP 47 tag (its primary language), English when we have none. */
export function labelsFor(lang: string): ChromeLabels {
  return LABELS[baseLanguage(lang)] ?? en;
}
