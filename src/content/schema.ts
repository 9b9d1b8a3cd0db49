import { z } from 'astro/zod';
import type { ImageMetadata } from 'astro';
import { parseIsoDate, writtenOffset, type WrittenOffsets } from '../format/dates.ts';
import { SITE } from '../site.ts';
import { distinctNames } from '../newsroom/slugs.ts';
import { buildTime } from './build-time.ts';

/** Error text that says "required" when the field is absent, else what was expected. */
const expected = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'is required' : `expected ${what}`;

/** A character that shows: not a control, format (zero-width), space or combining mark, nor a blank filler. */
const VISIBLE = /[^\p{Cc}\p{Cf}\p{Z}\p{M}\u115F\u1160\u3164\uFFA0\u2800]/u;

const text = (what: string) =>
  z.string({ error: expected(`${what} as text (quote it if it looks like a number, date or yes/no)`) })
    .trim()
    .min(1, `${what} must not be empty`)
    .refine((value) => value === '' || VISIBLE.test(value), `${what} has only invisible characters (zero-width spaces, fillers): write it out`);

/**
 * A date as written in the file. The loader hands the schema the raw YAML text (YAML 1.2 core schema),
 * so `2024-02-30` arrives as that string and fails here instead of silently becoming 1 March.
 */
const isoDate = z
  .string({ error: expected('an ISO 8601 date such as 2024-12-16 or 2024-12-16T09:30:00Z') })
  .transform((value, ctx) => {
    const date = parseIsoDate(value);
    if (!date) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a real ISO 8601 date or date-time (e.g. 2024-12-16, 2024-12-16T09:30:00Z)` });
      return z.NEVER;
    }
    const problem = yearProblem(Number(value.trim().slice(0, 4)), value.trim());
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    const offset = writtenOffset(value);
    if (offset !== undefined) OFFSETS.set(date, offset);
    return date;
  });

/** The offset each date was written with (`+02:00`), while its article is validated: withDateRules keeps it as `offsets`. */
const OFFSETS = new WeakMap<Date, number>();

/**
 * What is wrong with a date's year as written, if anything: before SITE.earliestYear or after SITE.latestYear
 * (default: next year), with the date it was most likely meant to be.
 */
export function yearProblem(year: number, text: string, now = buildTime()): string | undefined {
  const earliest = SITE.earliestYear;
  const latest = SITE.latestYear ?? now.getUTCFullYear() + 1;
  if (year >= earliest && year <= latest) return undefined;
  // Two digits typed as four (0024): the century is the likely slip.
  const meant = year < 100 ? [2000 + year, 1900 + year].find((y) => y >= earliest && y <= latest) : undefined;
  const hint = meant ? ` (did you mean ${String(meant)}${text.slice(4)}?)` : '';
  return `"${text}": the year ${year} is ${year < earliest ? `before ${earliest}` : `after ${latest}`}${hint}`;
}

const httpUrl = z
  .string({ error: 'expected an absolute http(s) URL' })
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'expected an absolute http:// or https:// URL');

const bcp47 = z
  .string({ error: 'expected a BCP 47 language tag such as en, ar or pt-BR' })
  .trim()
  .refine((value) => {
    try {
      return Intl.getCanonicalLocales(value).length === 1;
    } catch {
      return false;
    }
  }, 'expected a BCP 47 language tag such as en, ar or pt-BR');

/** The kinds of story an article can be (`kind`); the first is the default. Labels: `story` in src/format/languages/<code>.ts. */
export const KINDS = ['news', 'analysis', 'opinion', 'explainer', 'review', 'interview', 'wire', 'sponsored'] as const;
export type Kind = (typeof KINDS)[number];

const kind = z.enum(KINDS, {
  error: (issue) => `${issue.input === undefined ? 'expected' : `"${String(issue.input)}" is not a kind of story; expected`} one of ${KINDS.join(', ')}`,
});

/** An image's address as the editor wrote it (Astro's `image()` reads it in collectionSchema). */
const imageSource = z.string({ error: 'expected the path of the image file, e.g. ./lead.jpg' }).trim().min(1, 'must name the image file');

/**
 * A lead photograph: `image: { src: ./lead.jpg, alt: "…", caption: "…", credit: "…" }`. `src` is a file beside the
 * article's index.md (`./lead.jpg`) or an https:// address on a host of SITE.imageHosts. `alt` describes the picture
 * for those who cannot see it; an empty alt only with `decorative: true`. Whether the file exists, is a photograph
 * and is wide enough is checked with the body's images (src/content/photos.ts).
 */
const leadImage = z
  .strictObject({
    src: imageSource,
    alt: z.string({ error: expected('the text that describes the photograph, e.g. alt: "Firefighters on Rue Foch"') }).trim(),
    caption: text('caption').optional(),
    credit: text('credit').optional(),
    decorative: z.boolean({ error: 'expected true or false' }).default(false),
  }, { error: 'expected the photograph as { src: ./lead.jpg, alt: "…", caption: "…", credit: "…" }' })
  .refine((image) => image.alt !== '' || image.decorative, {
    path: ['alt'],
    message: 'must describe the photograph (an empty alt only with decorative: true)',
  });


/**
 * The fields of the editors' contract, made once: Astro calls the collection's schema function for every entry (its
 * `image()` reads paths from the entry's folder), and making these schemas again each time took about 0.5 ms an
 * entry, ten times the parse (5 s of a cold sync's main thread at 10,000 articles).
 */
const FIELDS = {
  /** Headline. */
  title: text('title'),
  /** What kind of story it is: news (default), analysis, opinion, …; shown above the headline, sets the JSON-LD type. */
  kind: kind.default('news'),
  /** Dek (standfirst) under the headline; the meta description falls back to the first paragraph. */
  description: text('description').optional(),
  /** Publication the article comes from, e.g. "YWN (Yeshiva World News)". */
  source: text('source'),
  /** Desk that filed it, e.g. "Israel Desk". */
  desk: text('desk'),
  /** Dateline: where it was filed, e.g. "Jerusalem". */
  location: text('location'),
  /** When it was first published. */
  published: isoDate,
  /** When it was last changed; not before `published`. */
  updated: isoDate.optional(),
  /** Byline. */
  author: text('author').optional(),
  /** The original publication's page. */
  sourceUrl: httpUrl.optional(),
  /** Keywords. */
  // Tags that differ only in case or spacing are one tag (one page, one JSON-LD keyword): the first spelling stays.
  tags: z.array(text('tag'), { error: 'expected a list of tags, e.g. [iran, iraq]' }).default([]).transform(distinctNames),
  /** Language of the article (BCP 47), the site's (SITE.lang) unless given; right-to-left languages get dir="rtl". */
  lang: bcp47.default(SITE.lang),
  /** A draft is shown by `npm run dev` and left out of production builds. */
  draft: z.boolean({ error: 'expected true or false' }).default(false),
  /** Corrections, each dated; shown on the page as a notice and counted as an update (see lastUpdated). */
  corrections: z
    .array(z.strictObject({ date: isoDate, text: text('correction text') }), {
      error: 'expected a list of corrections, each with a date and a text',
    })
    .default([]),
  /** The lead photograph, shown under the headline, in previews, feeds and on paper. */
  image: leadImage.optional(),
};

interface DatedFields {
  published: Date;
  updated?: Date | undefined;
  corrections: { date: Date }[];
}

/** The rules between fields: `updated` and correction dates not before `published`; the offsets written, kept. */
const withDateRules = <T extends z.ZodType<DatedFields>>(schema: T) =>
  schema
    .refine((data) => !data.updated || data.updated >= data.published, {
      path: ['updated'],
      message: 'must not be before published',
      // Check the two dates even when other fields fail, so every problem is reported at once.
      when: ({ value }) => {
        const dates = value as { published?: unknown; updated?: unknown };
        return dates.published instanceof Date && dates.updated instanceof Date;
      },
    })
    .superRefine((data, ctx) => {
      data.corrections.forEach((correction, i) => {
        if (correction.date < data.published) {
          ctx.addIssue({ code: 'custom', path: ['corrections', i, 'date'], message: 'must not be before published' });
        }
      });
    })
    .transform((data) => {
      const written = [data.published, data.updated, ...data.corrections.map((c) => c.date)].flatMap((date) => {
        const offset = date && OFFSETS.get(date);
        return offset === undefined ? [] : [[String(date!.getTime()), offset] as const];
      });
      return (written.length ? { ...data, offsets: Object.fromEntries(written) } : data) as z.output<T> & { offsets?: WrittenOffsets };
    });

/** The editors' fields, by name: the check lists them when a key is unknown. */
export const ARTICLE_FIELDS = Object.keys(FIELDS);

/**
 * The frontmatter of one article: the editors' contract, documented in README.md, as `npm run check` and the loader
 * read it. Strict: an unknown key (a typo such as `publshed`) is an error, not silently ignored.
 */
export const articleSchema = withDateRules(z.strictObject(FIELDS));

/** The collection's contract with every image as the address written (collectionSchema reads them), made once. */
const STORED_ARTICLE = withDateRules(z.strictObject({ ...FIELDS, figures: z.array(imageSource).default([]) }));

/**
 * The articles collection's schema (src/content.config.ts): the same contract, with images read by Astro's
 * `image()`, so a local photograph reaches the page as Astro's image metadata (its file goes through Astro's image
 * service) and a remote one as its address. `figures` is not written by editors: the loader fills it with the
 * body's images, in the order the Markdown pipeline numbered them (src/markdown/figures.ts).
 *
 * Astro calls this for every entry, with an `image()` that reads paths from the entry's folder; so the contract is
 * made once (STORED_ARTICLE) and only its images go through that entry's `image()`. Made whole for each entry, the
 * schema took 0.5 to 0.65 ms an entry against 0.05 ms to parse (about 5 s of a cold sync's main thread at 10,000
 * articles); an entry now makes one small schema.
 */
export const collectionSchema = ({ image }: { image: () => z.ZodType<PhotoSource> }) =>
  STORED_ARTICLE.transform(async (data, ctx): Promise<StoredArticle> => {
    let photo: z.ZodType<PhotoSource> | undefined;
    const read = async (src: string, path: (string | number)[]): Promise<PhotoSource> => {
      const result = await (photo ??= image()).safeParseAsync(src);
      if (result.success) return result.data;
      for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [...path, ...issue.path] });
      return src;
    };
    const { image: lead, ...fields } = data;
    const figures = await Promise.all(data.figures.map((src, i) => read(src, ['figures', i])));
    return lead ? { ...fields, image: { ...lead, src: await read(lead.src, ['image', 'src']) }, figures } : { ...fields, figures };
  });

/** An entry's data as the collection stores it: its images as Astro's `image()` read them. */
type StoredArticle = Omit<z.output<typeof STORED_ARTICLE>, 'image' | 'figures'> & { image?: LeadImage; figures: PhotoSource[] };

/** An image as a page receives it: Astro's metadata of a local file, or the address of a remote one. */
export type PhotoSource = ImageMetadata | string;

type EditorArticle = z.output<typeof articleSchema>;
type LeadImage = Omit<NonNullable<EditorArticle['image']>, 'src'> & { src: PhotoSource };

/** An article's frontmatter after validation: the one article type every page uses. */
export type Article = Omit<EditorArticle, 'image'> & { image?: LeadImage | undefined; figures?: PhotoSource[] };
