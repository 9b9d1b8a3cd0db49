// Every enhancement of the site in one small module, loaded as one cached file (never render-blocking):
// each part runs only when its markup is on the page, and nothing here is needed to read.
import { ageNotice, readForms } from '../format/age';
import { textDirective } from '../format/text-fragment';

/** Display menu (ReaderControls.astro): theme, text size and font on <html data-*>, kept in localStorage. */
function readerControls(menu: HTMLDetailsElement) {
  const root = document.documentElement;
  const buttons = menu.querySelectorAll('button');
  const show = () => buttons.forEach((b) => b.setAttribute('aria-pressed', String((root.dataset[b.name] ?? '') === b.value)));
  menu.hidden = false;
  show();
  menu.addEventListener('click', (event) => {
    const button = (event.target as Element).closest('button');
    if (!button) return;
    const { name, value } = button;
    if (value) root.dataset[name] = value;
    else delete root.dataset[name];
    // Private modes may refuse storage: the choice then lasts for this page only.
    try {
      if (value) localStorage.setItem(name, value);
      else localStorage.removeItem(name);
    } catch {}
    show();
  });
  // The panel floats over the page: it closes when focus leaves it (so it never hides the focused link) or on Escape.
  menu.addEventListener('focusout', (event) => {
    if (!menu.contains(event.relatedTarget as Node | null)) menu.open = false;
  });
  menu.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    menu.open = false;
    menu.querySelector('summary')!.focus();
  });
}

/** Share (ArticleShare.astro): "Copy link" and the native share sheet, shown only when the browser has them. */
function share(permalink: HTMLAnchorElement) {
  const [copy, native] = document.querySelectorAll<HTMLButtonElement>('.share button');
  const url = permalink.href;
  if (navigator.clipboard && copy) {
    copy.hidden = false;
    // A tick before the label says it worked, in any language.
    const label = copy.textContent;
    copy.addEventListener('click', () => navigator.clipboard.writeText(url).then(() => (copy.textContent = `✓ ${label}`)));
  }
  if (navigator.share && native) {
    native.hidden = false;
    native.addEventListener('click', () => navigator.share({ title: document.title, url }).catch(() => {}));
  }
}

/**
 * Print (PrintButton.astro, PrintFooter.astro): the button calls print(); "Printed on" (its words in `data-t`, in the
 * language of the printed end; English, en.ts `printedOn`, when there is none) is filled in when printing. Intl, not date-fns: the whole enhancement budget is 1.5 KB
 * brotli. English is en-GB, as in src/format/dates.ts (enGB); digits are Latin and the calendar Gregorian, as in every
 * date of the page (Intl's Persian would be Solar Hijri, `ar-SA`'s Hijri).
 */
function print(button: HTMLButtonElement | null, printedOn: HTMLElement) {
  if (button) {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  }
  addEventListener('beforeprint', () => {
    const lang = printedOn.closest('[lang]')!.getAttribute('lang')!;
    printedOn.textContent = (printedOn.dataset.t ?? 'Printed on {date}').replace('{date}', new Date().toLocaleDateString(lang == 'en' ? 'en-GB' : lang, { dateStyle: 'long', numberingSystem: 'latn', calendar: 'gregory' }));
  });
}

/** Age notice (StoryTop.astro): the build's notice, corrected for the day the page is read. */
function age(notice: HTMLElement) {
  const { published, years, months, minDays } = notice.dataset;
  const text = ageNotice({ years: readForms(years), months: readForms(months) }, notice.closest('[lang]')!.getAttribute('lang')!, new Date(published!), new Date(), Number(minDays));
  // null: the reader's clock is behind the build's, and the page holds no sentence for that age: keep the build's.
  if (text === null) return;
  notice.hidden = !text;
  notice.textContent = text ?? '';
}

/**
 * Share quote (QuoteShare.astro): while text in the body is selected, the link points at the permalink with a text
 * fragment of it, or at its paragraph's id where text fragments are unknown. It stays while hovered or focused, so
 * the click or key press that reaches it does not lose it.
 */
function quote(box: HTMLElement, body: Element) {
  const link = box.firstElementChild as HTMLAnchorElement;
  const base = link.href;
  document.addEventListener('selectionchange', () => {
    const selection = getSelection()!;
    const text = selection.toString().trim();
    const start = selection.anchorNode;
    if (!text || !start || !body.contains(start) || !body.contains(selection.focusNode)) {
      if (!box.matches(':hover,:focus-within')) box.hidden = true;
      return;
    }
    const paragraph = (start instanceof Element ? start : start.parentElement)!.closest('[id]');
    link.href = `${base}#${'fragmentDirective' in document ? textDirective(text) : paragraph?.id ?? ''}`;
    box.hidden = false;
  });
}

/** Paragraph links (src/markdown/paragraph-ids.ts): one Tab stop, and the arrow keys move it between paragraphs. */
function paragraphLinks(body: Element) {
  const links = [...body.querySelectorAll<HTMLAnchorElement>('a.pl')];
  body.addEventListener('keydown', (event) => {
    const key = (event as KeyboardEvent).key;
    const i = links.indexOf(event.target as HTMLAnchorElement);
    const next = links[i + (key === 'ArrowDown' ? 1 : key === 'ArrowUp' ? -1 : NaN)];
    if (i < 0 || !next) return;
    event.preventDefault();
    links[i]!.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  });
}

const body = document.querySelector('.article-body');
if (body) paragraphLinks(body);
const menu = document.querySelector<HTMLDetailsElement>('details.rc');
if (menu) readerControls(menu);
const permalink = document.querySelector<HTMLAnchorElement>('.share .permalink');
if (permalink) share(permalink);
const printedOn = document.getElementById('printed-on');
if (printedOn) print(document.querySelector<HTMLButtonElement>('#print-button'), printedOn);
const notice = document.querySelector<HTMLElement>('.age-notice');
if (notice) age(notice);
const quoteBox = document.querySelector<HTMLElement>('.quote-share');
if (quoteBox) quote(quoteBox, body!);
