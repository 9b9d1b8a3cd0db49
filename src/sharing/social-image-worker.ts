// One social-image worker thread of the pool in src/sharing/social-images.ts: loads the fonts once, then renders
// each card it is sent and writes the PNG into the cache. Runs in plain Node (type stripping), so it imports the
// renderer with its .ts extension.
import { rename, writeFile } from 'node:fs/promises';
import { loadFonts, renderSocialImage, type SocialCard } from './social-image.ts';

const fonts = loadFonts();

export default async function render({ card, file }: { card: SocialCard; file: string }): Promise<void> {
  const png = await renderSocialImage(card, await fonts);
  // Write then rename, so an interrupted build never leaves a half-written PNG in the cache.
  await writeFile(`${file}.${process.pid}.tmp`, png);
  await rename(`${file}.${process.pid}.tmp`, file);
}
