import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';
import {
  FONT_FILES, HEIGHT, WIDTH, cardTree, glyphRuns, headlineFit, inkBoxes, loadFonts, needsShaping, pngSize, renderSocialImage, renderSocialImageWhole,
  type SocialCard,
} from '../../../src/sharing/social-image';
import { deskSpellings, siteCard, socialCard, socialImageKey } from '../../../src/sharing/social-card';
import { articleSchema } from '../../../src/content/schema';
import { TEST_OUTPUT } from '../../helpers/paths';

const fonts = await loadFonts();
const latinOnly = await loadFonts(FONT_FILES.filter((f) => f.file.includes('noto-sans-latin-')));
const out = join(TEST_OUTPUT, 'social-images');
await mkdir(out, { recursive: true });

const english: SocialCard = {
  title: 'Iran Stands Alone In Major Blow: Iraqi Militias Refuse To Continue Aiding Iran',
  desk: 'Israel Desk', line: 'YWN (Yeshiva World News) · Jerusalem · 16 December 2024', siteName: 'The Reader', lang: 'en', rtl: false,
};
const arabic: SocialCard = {
  title: 'إيران تقف وحيدة في ضربة كبيرة: الميليشيات العراقية ترفض مواصلة مساعدة إيران',
  desk: 'مكتب القدس', line: 'المصدر، القدس، ١٦ ديسمبر ٢٠٢٤', siteName: 'The Reader', lang: 'ar', rtl: true,
};

/** RGBA pixels of a card, rendered exactly as the build does, and saved as PNG for a person to look at. */
async function pixels(name: string, card: SocialCard, withFonts = fonts): Promise<Uint8Array> {
  const image = new Resvg(await satori(cardTree(card) as never, { width: WIDTH, height: HEIGHT, fonts: withFonts }), { font: { loadSystemFonts: false } }).render();
  await writeFile(join(out, `${name}.png`), image.asPng());
  return image.pixels;
}
/** Rows [top, bottom) of an RGBA image. */
const rows = (p: Uint8Array, top: number, bottom: number) => p.subarray(top * WIDTH * 4, bottom * WIDTH * 4);
/** Pixels darker than the background in rows [top, bottom). */
const ink = (p: Uint8Array, top: number, bottom: number) => {
  const r = rows(p, top, bottom);
  let n = 0;
  for (let i = 0; i < r.length; i += 4) if (r[i]! < 128) n++;
  return n;
};

describe('social preview image', () => {
  it('is a 1200x630 PNG', async () => {
    const png = await renderSocialImage(english, fonts);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });

  it('draws an Arabic headline with real glyphs: different from the same text in a font without them', async () => {
    const real = await pixels('arabic', arabic);
    const missing = await pixels('arabic-missing-glyphs', arabic, latinOnly);
    // The headline band: glyphs from Noto Sans Arabic differ from the .notdef boxes of a Latin-only font.
    let differing = 0;
    const a = rows(real, 104, 464), b = rows(missing, 104, 464);
    for (let i = 0; i < a.length; i += 4) if (Math.abs(a[i]! - b[i]!) > 64) differing++;
    expect(differing).toBeGreaterThan(20_000);
    expect(ink(real, 104, 464)).toBeGreaterThan(20_000);
  });

  it('spaces the letters of a Latin desk, not those of an Arabic one (its letters join)', () => {
    const deskStyle = (card: SocialCard) => (cardTree(card).props.children as Array<{ props: { style: Record<string, unknown> } }>)[0]!.props.style;
    expect(deskStyle(english).letterSpacing).toBe(2);
    expect(deskStyle(arabic).letterSpacing).toBe(0);
  });

  it('sets a right-to-left headline against the right margin', async () => {
    const p = await pixels('arabic', arabic);
    let right = 0, left = 0;
    for (let y = 104; y < 464; y++) for (let x = 0; x < WIDTH; x++) if (p[(y * WIDTH + x) * 4]! < 128) (x < WIDTH / 2 ? left++ : right++);
    expect(right).toBeGreaterThan(left);
  });

  it('shrinks long headlines and clamps the longest: the footer stays untouched', async () => {
    expect(headlineFit('Short').fontSize).toBeGreaterThan(headlineFit('A much longer headline '.repeat(8)).fontSize);
    const huge = { ...english, title: 'An extremely long headline that goes on and on '.repeat(12) };
    expect(headlineFit(huge.title).maxLines).toBeGreaterThan(0);
    const short = await pixels('english', english);
    const long = await pixels('english-very-long', huge);
    // Everything below the headline box (the rule, source line and site name) is pixel-identical.
    expect(Buffer.from(rows(long, 464, HEIGHT)).equals(Buffer.from(rows(short, 464, HEIGHT)))).toBe(true);
    expect(ink(long, 104, 464)).toBeGreaterThan(ink(short, 104, 464));
  });
});

describe('social preview image drawn from the text boxes onto a template', () => {
  const hebrew: SocialCard = {
    title: 'איראן עומדת לבדה במכה קשה: המיליציות העיראקיות מסרבות להמשיך לסייע לאיראן',
    desk: 'דסק ישראל', line: 'המקור, ירושלים, 16 בדצמבר 2024', siteName: 'The Reader', lang: 'he', rtl: true,
  };
  const cards: Record<string, SocialCard> = {
    english,
    arabic,
    hebrew,
    'long-clamped': { ...english, title: 'An extremely long headline that goes on and on '.repeat(12), line: `${english.line} · ${'and a line far too long for the footer '.repeat(3)}` },
    'one-word': { ...english, title: 'Breaking' },
    // Headlines of `npm run bench`'s generated articles whose last line's descenders passed the clamped box (cut off).
    'cut-descenders': { ...english, title: 'School this were price province plan week (2)' },
    'cut-descenders-2': { ...english, title: 'Energy and sources a port border border by (3)' },
    'no-desk': { ...english, desk: '' },
    'age-notice': { ...english, desk: 'This article is more than 2 years old' },
    // No font of the card has Chinese or Japanese glyphs: both ways draw the same missing-glyph boxes.
    chinese: { ...english, title: '伊朗在重大打击中孤立无援：伊拉克民兵拒绝继续援助伊朗', line: '新华社 · 北京 · 2024年12月16日', lang: 'zh' },
    japanese: { ...english, title: 'イランは孤立：イラクの民兵組織が支援継続を拒否', desk: '', lang: 'ja' },
    site: siteCard(),
  };
  const rgba = async (png: Uint8Array) => sharp(png).ensureAlpha().raw().toBuffer();
  /** Satori's SVG of a card, its text as outlines: what the fast way reads. */
  const outlines = (card: SocialCard) => satori(cardTree(card) as never, { width: WIDTH, height: HEIGHT, fonts });
  /** The largest difference of one channel (0 to 255) and how many channels differ at all. */
  const difference = (a: Uint8Array, b: Uint8Array) => {
    let max = 0, channels = 0;
    for (let i = 0; i < a.length; i++) {
      const d = Math.abs(a[i]! - b[i]!);
      if (d) { channels++; max = Math.max(max, d); }
    }
    return { max, share: channels / a.length };
  };

  // The threshold: anti-aliased edges may differ by 2 of 255 in a channel (resvg blends a run drawn straight onto
  // the card and one drawn on a layer of its own with different rounding), on at most 2 % of the channels (the
  // longest clamped headline, its box full of glyph edges, has 1.5 %, nearly all by 1).
  it.each(Object.keys(cards))('%s: the same pixels as the whole card drawn by resvg, up to anti-aliasing rounding', async (name) => {
    const card = cards[name]!;
    const [whole, boxes] = await Promise.all([renderSocialImageWhole(card, fonts), renderSocialImage(card, fonts)]);
    await writeFile(join(out, `${name}-whole.png`), whole);
    await writeFile(join(out, `${name}-boxes.png`), boxes);
    expect(pngSize(boxes)).toEqual({ width: WIDTH, height: HEIGHT });
    const { max, share } = difference(await rgba(whole), await rgba(boxes));
    expect(max).toBeLessThanOrEqual(2);
    expect(share).toBeLessThan(0.02);
  });

  it('draws the dots of an Arabic final teh marbuta, which satori\'s outlines lose: an Arabic card is shaped by resvg', async () => {
    expect([arabic, english, hebrew].map(needsShaping)).toEqual([true, false, false]);
    // One word alone, with ة and with ه: the same letters but for the two dots (about 80 px each at this size).
    const word = async (title: string) => ink(await rgba(await renderSocialImage({ ...arabic, desk: '', title }, fonts)), 104, 464);
    // Satori's outlines: 3,645 and 3,612 px of ink, the dots missing; shaped: 3,787 and 3,618.
    expect(await word('ضربة') - await word('ضربه')).toBeGreaterThan(100);
    const card = await renderSocialImage(arabic, fonts);
    await writeFile(join(out, 'arabic-shaped.png'), card);
    expect(pngSize(card)).toEqual({ width: WIDTH, height: HEIGHT });
  });

  it('the comparison sees a different card: one word of the headline changed', async () => {
    const other = { ...english, title: english.title.replace('Militias', 'Soldiers') };
    const { max, share } = difference(await rgba(await renderSocialImageWhole(english, fonts)), await rgba(await renderSocialImage(other, fonts)));
    expect(max).toBeGreaterThan(100);
    expect(share).toBeGreaterThan(0.001);
  });

  it('takes the fast way for every card above but the Arabic one (shaped): runs of glyphs found, and resvg draws well under half the card', async () => {
    for (const card of Object.values(cards).filter((card) => !needsShaping(card))) {
      const runs = glyphRuns(await outlines(card));
      expect(runs?.length).toBeGreaterThan(0);
      const area = inkBoxes(runs!).reduce((sum, b) => sum + (b.x1 - b.x0) * (b.y1 - b.y0), 0);
      expect(area).toBeLessThan(WIDTH * HEIGHT * 0.5);
    }
  });

  it('draws no run of the cards above on a layer of its own: their clips and masks are rectangles it keeps to itself', async () => {
    let cut = 0;
    for (const card of Object.values(cards).filter((card) => !needsShaping(card))) {
      for (const run of glyphRuns(await outlines(card))!) {
        expect(run.group).toMatch(/^<g><path /);
        if (run.clip) cut++;
      }
    }
    // Missing-glyph boxes (the Chinese and Japanese cards) pass their line's box: cut by copying only the pixels inside it.
    expect(cut).toBeGreaterThanOrEqual(2);
  });

  it('draws the whole card when the SVG is not in the form it knows', () => {
    expect(glyphRuns('<svg><g><path fill="#000" d="M0 0 a 5 5 0 0 1 10 10Z"/></g></svg>')).toBeNull();
    expect(glyphRuns('<svg><path fill="#000" d="M0 0L10 10Z"/></svg>')).toBeNull();
    expect(glyphRuns('<svg><g><path fill="#000" d="M0 0L10 10Z"/></g></svg>')).toHaveLength(1);
  });
});

describe('social image cache key', () => {
  const data = articleSchema.parse({ title: 'T', source: 'S', desk: 'D', location: 'L', published: '2024-12-16' });
  it('changes with what is drawn and with the renderer, not otherwise', () => {
    const key = socialImageKey(socialCard(data), 'v1');
    expect(socialImageKey(socialCard({ ...data, tags: ['not drawn'] }), 'v1')).toBe(key);
    expect(socialImageKey(socialCard({ ...data, title: 'T2' }), 'v1')).not.toBe(key);
    expect(socialImageKey(socialCard(data), 'v2')).not.toBe(key);
  });
  it('shows the age notice instead of the desk on an old article, in its language', () => {
    expect(socialCard(data, new Date('2025-01-10T00:00:00Z')).desk).toBe(data.desk);
    expect(socialCard(data, new Date('2027-01-10T00:00:00Z')).desk).toBe('This article is more than 2 years old');
    expect(socialCard({ ...data, lang: 'de' }, new Date('2027-01-10T00:00:00Z')).desk).toBe('Dieser Artikel ist mehr als 2 Jahre alt');
    expect(socialCard({ ...data, lang: 'ar' }, new Date('2027-01-10T00:00:00Z')).desk).toBe('مضى على هذا المقال أكثر من سنتين');
    expect(socialCard({ ...data, lang: 'he' }, new Date('2027-01-10T00:00:00Z')).desk).toBe('כתבה זו פורסמה לפני יותר משנתיים');
  });
  it('names the desk as its listing does: the newest article\'s spelling', () => {
    const older = { ...data, desk: 'WORLD  desk', published: new Date('2024-01-02T00:00:00Z') };
    const newer = { ...data, desk: 'World Desk', title: 'U', published: new Date('2024-06-01T00:00:00Z') };
    const desk = deskSpellings([older, newer, { ...data, desk: 'Sports' }]);
    expect([desk('WORLD  desk'), desk('world desk'), desk('Sports'), desk('Unlisted Desk')]).toEqual(['World Desk', 'World Desk', 'Sports', 'Unlisted Desk']);
    expect(socialCard(older, new Date('2024-06-10T00:00:00Z'), desk(older.desk)).desk).toBe('World Desk');
  });
  it('formats the card line as the page does', () => {
    expect(socialCard(data).line).toBe('S · L · 16 December 2024');
  });
  it('separates an Arabic line with the Arabic comma, never a dot that can read as an Arabic zero', () => {
    expect(socialCard({ ...data, lang: 'ar' }).line).toBe('S، L، 16 ديسمبر 2024');
    expect(socialCard({ ...data, lang: 'he' }).line).toMatch(/^S, L, /);
  });
});
