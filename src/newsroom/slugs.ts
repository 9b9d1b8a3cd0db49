/** The longest URL segment a name gets, in UTF-8 bytes: file systems allow 255 per path segment. */
export const MAX_SEGMENT_BYTES = 80;

/** Characters that tell names apart (C, C++ and C#): symbols and the few punctuation marks that carry meaning. */
const MEANINGFUL = /[\p{S}#%@*/\\]/u;
/** Runs of characters that are neither letters, digits nor MEANINGFUL: each becomes one hyphen in a name's key. */
const NOT_MEANINGFUL = new RegExp(`(?:(?!${MEANINGFUL.source})[^\\p{L}\\p{M}\\p{N}])+`, 'gu');
const encoder = new TextEncoder();

/** A name as compared: case folded, Latin accents dropped, NFC (the first steps of the segment, shared). */
function folded(name: string): string {
  return name
    .normalize('NFKD')
    // Drop combining marks only after Latin letters: in Arabic or Devanagari they carry meaning.
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase();
}

/** 8 hex digits of FNV-1a over the UTF-16 code units: the same everywhere, and no dependency. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/** `text` cut to at most `bytes` UTF-8 bytes, at a character boundary, without a trailing hyphen. */
function cutToBytes(text: string, bytes: number): string {
  let out = '';
  for (const char of text) {
    if (encoder.encode(out + char).length > bytes) break;
    out += char;
  }
  return out.replace(/-+$/, '');
}

/**
 * URL segment for a desk, place or tag name: unique, at most MAX_SEGMENT_BYTES, readable. Latin letters lose their
 * accents (São Paulo → sao-paulo); letters of other scripts are kept as they are (القدس stays القدس), because a
 * transliteration would be guesswork and browsers show Unicode paths readably. Spaces, dashes and ordinary
 * punctuation become one hyphen, so names that differ only in case, accents, spacing or such punctuation share a
 * segment (one page). A name whose symbols tell it apart (C++, C#), or too long a name, gets its readable segment
 * plus `--` and 8 hex digits of a hash of what tells it apart (`c--1a2b3c4d`); a name with no letter or digit gets
 * `u--` and its code points (`!!!` → `u--21-21-21`). A plain segment never holds `--`, so none of these forms can
 * meet another name's segment (two hashed ones only if their 32-bit hashes are equal).
 * @example nameSlug('Israel Desk') //=> 'israel-desk'
 */
export function nameSlug(name: string): string {
  const fold = folded(name);
  const slug = fold.replace(/[^\p{L}\p{M}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  if (!slug) {
    const codes = `u--${[...name.trim()].map((c) => c.codePointAt(0)!.toString(16)).join('-')}`;
    return encoder.encode(codes).length <= MAX_SEGMENT_BYTES ? codes : `u--${shortHash(fold.trim())}`;
  }
  // What tells this name apart from others with the same readable segment: its letters, digits and symbols.
  const key = fold.replace(NOT_MEANINGFUL, '-').replace(/^-+|-+$/g, '');
  if (key === slug && encoder.encode(slug).length <= MAX_SEGMENT_BYTES) return slug;
  return `${cutToBytes(slug, MAX_SEGMENT_BYTES - 10)}--${shortHash(key)}`;
}

/** The names that are one desk, place or tag (the same segment), each once, in its first spelling. */
export function distinctNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const slug = nameSlug(name);
    return !seen.has(slug) && seen.add(slug);
  });
}

/**
 * File-name slug for a new article from its headline: lowercase a–z, 0–9 and single hyphens, at most
 * `max` characters, cut at a word. Undefined when the headline has no Latin letter or digit (then the
 * editor names the file).
 * @example fileSlug('Élections: "Yes" & No!') //=> 'elections-yes-no'
 */
export function fileSlug(headline: string, max = 80): string | undefined {
  let slug = headline
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > max) {
    const cut = slug.slice(0, max + 1);
    slug = (cut.lastIndexOf('-') > max / 2 ? cut.slice(0, cut.lastIndexOf('-')) : cut.slice(0, max)).replace(/-+$/, '');
  }
  return slug || undefined;
}
