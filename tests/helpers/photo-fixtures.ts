import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sharp from 'sharp';
import { photo } from '../../scripts/lib/photo.mjs';

export { photo };

const front = (fields: Record<string, string>) => `---\n${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n`;
const base = { source: 'The Reader', desk: 'Photo Desk', location: 'Haifa', published: '2024-12-10T08:00:00Z' };

/** The slugs of the photo articles the test site carries. */
export const PHOTO_ARTICLES = { folder: 'harbour-photographs', rtl: 'arabic-photograph', remote: 'remote-photograph' } as const;

/**
 * Writes the valid photo articles into `dir` (an articles folder): a folder article with a lead photograph and two
 * body figures (Markdown with a "Caption — Credit" title, and raw HTML <figure>), one of them a camera JPEG with
 * EXIF orientation; an Arabic article with a captioned photograph; an article whose photograph is at `remoteBase`.
 */
export async function writePhotoArticles(dir: string, remoteBase: string): Promise<void> {
  const folder = join(dir, PHOTO_ARTICLES.folder);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'lead.jpg'), await photo(2400, 1600));
  await writeFile(join(folder, 'quay.jpg'), await photo(1600, 1067, { hue: 30, orientation: 6 }));
  await writeFile(join(folder, 'chart.png'), await photo(900, 600, { hue: 120, format: 'png' }));
  await writeFile(join(folder, 'index.md'), `${front({
    ...base,
    title: 'Harbour Reopens After Three-Day Strike',
    image: '{ src: ./lead.jpg, alt: "Cranes over the container quay at dawn", caption: "The container quay at dawn on Tuesday.", credit: "Dana Levi / The Reader" }',
    tags: '[Haifa, Port]',
  })}
Dock workers returned to the container quay on Tuesday after a three-day strike over night-shift pay.

![A worker walks along the quay past stacked containers](./quay.jpg "Stacked containers on the east quay. — Omar Haddad / The Reader")

The port authority said ships delayed by the strike would be cleared by the end of the week.

<figure><img src="./chart.png" alt="Bar chart of ships waiting each day, peaking at 14 on Monday"><figcaption>Ships waiting to berth, by day.</figcaption></figure>

Union leaders said talks on a new contract would begin next month.
`);
  const rtl = join(dir, PHOTO_ARTICLES.rtl);
  await mkdir(rtl, { recursive: true });
  await writeFile(join(rtl, 'lead.jpg'), await photo(1600, 1067, { hue: 15 }));
  await writeFile(join(rtl, 'index.md'), `${front({
    ...base,
    title: '"الميناء يعود إلى العمل بعد إضراب"',
    lang: 'ar',
    location: 'حيفا',
    image: '{ src: ./lead.jpg, alt: "رافعات فوق رصيف الحاويات", caption: "رصيف الحاويات صباح الثلاثاء.", credit: "دانا ليفي" }',
  })}
عاد عمال الميناء إلى العمل صباح الثلاثاء بعد إضراب استمر ثلاثة أيام.

قالت إدارة الميناء إن السفن المتأخرة ستغادر قبل نهاية الأسبوع.
`);
  await writeFile(join(dir, `${PHOTO_ARTICLES.remote}.md`), `${front({
    ...base,
    title: 'Wire Photo Of The Breakwater',
    published: '2024-12-09T08:00:00Z',
    image: `{ src: "${remoteBase}/breakwater.jpg", alt: "Waves breaking over the harbour wall", credit: "Wire Agency" }`,
  })}
Storm waves broke over the harbour wall on Monday night.
`);
}

/** The photographs the local "remote" host serves. */
const REMOTE_PHOTOS: Record<string, () => Promise<Buffer>> = {
  '/breakwater.jpg': () => photo(1600, 900, { hue: 190 }),
  '/small.jpg': () => photo(640, 400, { hue: 250 }),
};

/** A local HTTP server standing in for a photo agency's host: serves REMOTE_PHOTOS, 404 for anything else. */
export async function startPhotoHost(): Promise<{ server: Server; base: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const make = REMOTE_PHOTOS[request.url ?? ''];
    if (!make) return void response.writeHead(404).end();
    void make().then((bytes) => response.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': bytes.length }).end(bytes));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

/**
 * The photo error corpus, one mistake per file, for check and build to name alike: missing file, missing alt (lead
 * and body), lead narrower than 1,200 px, unsupported format, a file that is not an image, a path that leaves the
 * folder, a photograph beside a single-file article, a host not on the list, an address that cannot be fetched.
 */
export async function writeInvalidPhotoArticles(dir: string, remoteBase: string): Promise<Record<string, string[]>> {
  const article = async (slug: string, image: string | undefined, body: string, files: Record<string, Buffer | string> = {}) => {
    const folder = join(dir, slug);
    await mkdir(folder, { recursive: true });
    for (const [name, bytes] of Object.entries(files)) await writeFile(join(folder, name), bytes);
    await writeFile(join(folder, 'index.md'), `${front({ ...base, title: `Photo problem ${slug}`, ...(image ? { image } : {}) })}${body}\n`);
  };
  const wide = await photo(1400, 933);
  await article('missing-file', '{ src: ./lead.jpg, alt: "A quay" }', 'Text.');
  await article('missing-alt', '{ src: ./lead.jpg }', 'Text.\n\n![](./lead.jpg)', { 'lead.jpg': wide });
  await article('narrow-lead', '{ src: ./lead.jpg, alt: "A quay" }', 'Text.', { 'lead.jpg': await photo(800, 533) });
  await article('unsupported-format', '{ src: ./lead.gif, alt: "A quay" }', 'Text.', { 'lead.gif': await sharp(wide).gif().toBuffer() });
  await article('not-an-image', '{ src: ./lead.jpg, alt: "A quay" }', 'Text.', { 'lead.jpg': 'this is a text file, not a photograph\n' });
  await article('leaves-folder', undefined, 'Text.\n\n![A quay](../missing-file/index.md)');
  await writeFile(join(dir, 'single-file.md'), `${front({ ...base, title: 'Single file with a photo' })}Text.\n\n![A quay](./quay.jpg)\n`);
  await article('unlisted-host', '{ src: "https://photos.example.com/quay.jpg", alt: "A quay" }', 'Text.\n\n<img src="https://tracker.example.net/pixel.png" alt="an off-site tracking pixel">');
  await article('unfetchable', `{ src: "${remoteBase}/gone.jpg", alt: "A quay" }`, 'Text.');
  // What each file's problem must say (fragments of the one line naming file and field).
  return {
    'missing-file/index.md: image.src': ['"./lead.jpg" does not exist'],
    'missing-alt/index.md: image.alt': ['is required'],
    'missing-alt/index.md: body: line 11': ['needs alt text'],
    'narrow-lead/index.md: image.src': ['800 px wide', 'at least 1200 px'],
    'unsupported-format/index.md: image.src': ['.gif is not a photograph format'],
    'not-an-image/index.md: image.src': ['is not an image'],
    'leaves-folder/index.md: body: line 10': ['leaves the article\'s folder'],
    'single-file.md: body: line 10': ['a folder of its own', 'single-file/index.md'],
    'unlisted-host/index.md: image.src': ['photos.example.com is not one of them'],
    'unlisted-host/index.md: body: line 11': ['tracker.example.net is not one of them'],
    'unfetchable/index.md: image.src': ['gone.jpg" could not be fetched (HTTP 404)'],
  };
}
