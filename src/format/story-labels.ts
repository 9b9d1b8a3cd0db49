import type { Kind } from '../content/schema.ts';
import { baseLanguage } from './language.ts';

/**
 * The words issue 17 adds to the article page (kind of story, age notice, contents, related articles, share quote),
 * in the article's language. Kept apart from the page's other words (i18n.ts) on purpose: each table is one object.
 */
export interface StoryLabels {
  /** The label above the headline for each kind of story. */
  kinds: Record<Kind, string>;
  /** The age notice with `{}` where the age goes ("3 years", written by Intl.NumberFormat: plural rules included). */
  olderThan: string;
  /** Heading of the table of contents. */
  contents: string;
  /** Heading of the related-articles list. */
  related: string;
  /** The button offered on a selected quote. */
  shareQuote: string;
}

const en: StoryLabels = {
  kinds: {
    news: 'News', analysis: 'Analysis', opinion: 'Opinion', explainer: 'Explainer',
    review: 'Review', interview: 'Interview', wire: 'Wire', sponsored: 'Sponsored content',
  },
  olderThan: 'This article is more than {} old',
  contents: 'Contents',
  related: 'Related articles',
  shareQuote: 'Share quote',
};

const TABLES: Record<string, StoryLabels> = {
  en,
  ar: {
    kinds: {
      news: 'أخبار', analysis: 'تحليل', opinion: 'رأي', explainer: 'شرح',
      review: 'مراجعة', interview: 'مقابلة', wire: 'وكالات', sponsored: 'محتوى مموَّل',
    },
    olderThan: 'مضى على هذا المقال أكثر من {}',
    contents: 'المحتويات',
    related: 'مقالات ذات صلة',
    shareQuote: 'شارك الاقتباس',
  },
  he: {
    kinds: {
      news: 'חדשות', analysis: 'ניתוח', opinion: 'דעה', explainer: 'הסבר',
      review: 'ביקורת', interview: 'ראיון', wire: 'סוכנויות', sponsored: 'תוכן ממומן',
    },
    olderThan: 'כתבה זו פורסמה לפני יותר מ־{}',
    contents: 'תוכן העניינים',
    related: 'כתבות קשורות',
    shareQuote: 'שיתוף ציטוט',
  },
  es: {
    kinds: {
      news: 'Noticias', analysis: 'Análisis', opinion: 'Opinión', explainer: 'Explicativo',
      review: 'Reseña', interview: 'Entrevista', wire: 'Agencias', sponsored: 'Contenido patrocinado',
    },
    olderThan: 'Este artículo tiene más de {}',
    contents: 'Contenido',
    related: 'Artículos relacionados',
    shareQuote: 'Compartir cita',
  },
  fr: {
    kinds: {
      news: 'Actualité', analysis: 'Analyse', opinion: 'Opinion', explainer: 'Décryptage',
      review: 'Critique', interview: 'Entretien', wire: 'Dépêche', sponsored: 'Contenu sponsorisé',
    },
    olderThan: 'Cet article date de plus de {}',
    contents: 'Sommaire',
    related: 'Articles liés',
    shareQuote: 'Partager la citation',
  },
  de: {
    kinds: {
      news: 'Nachrichten', analysis: 'Analyse', opinion: 'Meinung', explainer: 'Erklärstück',
      review: 'Rezension', interview: 'Interview', wire: 'Agenturmeldung', sponsored: 'Gesponserter Inhalt',
    },
    olderThan: 'Dieser Artikel ist mehr als {} alt',
    contents: 'Inhalt',
    related: 'Verwandte Artikel',
    shareQuote: 'Zitat teilen',
  },
};

/**
 * The story words for an article's language, and the language they are really in: a language without a table
 * gets English, and the element showing them must then say `lang="en"`.
 */
export function storyLabelsFor(lang: string): { labels: StoryLabels; lang: string } {
  const table = TABLES[baseLanguage(lang)];
  return table ? { labels: table, lang } : { labels: en, lang: 'en' };
}
