/**
 * Text collapsed to single spaces and cut to at most `max` characters at a word boundary, with "…" (used for meta
 * descriptions and the printed running header). Short text is returned whole.
 * @example truncateAtWord('Iran Stands Alone In Major Blow', 20) //=> 'Iran Stands Alone…'
 */
export function truncateAtWord(text: string, max: number): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  if (collapsed.length <= max) return collapsed;
  const cut = collapsed.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}
