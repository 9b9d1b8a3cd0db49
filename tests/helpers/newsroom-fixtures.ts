import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One generated article of the newsroom fixture set, with the facts the tests expect back. */
export interface NewsroomArticle {
  slug: string;
  title: string;
  desk: string;
  location: string;
  tags: string[];
  /** As written in the frontmatter. */
  published: string;
  /** A made-up word that appears in this article's body only, for the search test. */
  word: string;
  corrections: { date: string; text: string }[];
}

const DESKS = ['World Desk', 'Business Desk', 'Israel Desk', 'مكتب الشرق الأوسط'];
const PLACES = ['Jerusalem', 'London', 'São Paulo', 'القدس', 'New York'];
const TAGS = ['Economy', 'Elections', 'Energy', 'Health', 'Climate', 'Tech'];
export const NEWSROOM_SIZE = 47;

/** A deterministic set of articles (half of them from World Desk, so its listing paginates) across 4 desks, 5 places, 6 tags and 14 months (2024-01 … 2025-02). */
export function newsroomArticles(count = NEWSROOM_SIZE): NewsroomArticle[] {
  return Array.from({ length: count }, (_, i) => {
    const m = Math.floor((i * 14) / count);
    const year = 2024 + Math.floor(m / 12);
    const month = String((m % 12) + 1).padStart(2, '0');
    const day = String(1 + (i % 3) * 9).padStart(2, '0');
    // Every fifth article has a time of day; pairs on the same day test the headline tie-break.
    const published = i % 5 === 0 ? `${year}-${month}-${day}T${String(i % 24).padStart(2, '0')}:15:00Z` : `${year}-${month}-${day}`;
    const letters = i.toString(26).split('').map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('');
    return {
      slug: `newsroom-story-${String(i).padStart(2, '0')}`,
      title: `Newsroom story ${String.fromCharCode(65 + (i % 26))}${i}`,
      desk: DESKS[[0, 0, 0, 1, 2, 3][i % 6]!]!,
      location: PLACES[(i * 3) % PLACES.length]!,
      tags: [...new Set([TAGS[i % TAGS.length]!, TAGS[(i * 7 + 2) % TAGS.length]!])],
      published,
      word: `quillmark${letters}`,
      corrections: i === 7 ? [{ date: '2025-03-02', text: 'An earlier version misspelled the minister’s name.' }] : [],
    };
  });
}

/** Writes the generated articles as Markdown files into `dir`. */
export async function writeNewsroom(dir: string, articles = newsroomArticles()): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const a of articles) {
    const yaml = [
      '---',
      `title: "${a.title}"`,
      'source: Test Wire',
      `desk: "${a.desk}"`,
      `location: "${a.location}"`,
      `published: ${a.published}`,
      `tags: [${a.tags.join(', ')}]`,
      ...(a.corrections.length ? ['corrections:', ...a.corrections.flatMap((c) => [`  - date: ${c.date}`, `    text: "${c.text}"`])] : []),
      '---',
    ];
    const body = `A generated story filed for the newsroom tests, mentioning ${a.word} once.\n\nA second paragraph about ${a.tags.join(' and ')}.\n`;
    await writeFile(join(dir, `${a.slug}.md`), `${yaml.join('\n')}\n${body}`);
  }
}
