/**
 * URL segment for a desk, place or tag name. Latin letters lose their accents (São Paulo → sao-paulo);
 * letters of other scripts are kept as they are (القدس stays القدس), because a transliteration would be
 * guesswork and browsers show Unicode paths readably. Anything that is not a letter or digit becomes one hyphen.
 * @example nameSlug('Israel Desk') //=> 'israel-desk'
 */
export function nameSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    // Drop combining marks only after Latin letters: in Arabic or Devanagari they carry meaning.
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  // A name with no letter or digit at all (e.g. "?!") still needs a stable, distinct segment.
  return slug || `u-${[...name.trim()].map((c) => c.codePointAt(0)!.toString(16)).join('-')}`;
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
