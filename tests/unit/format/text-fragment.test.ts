import { describe, expect, it } from 'vitest';
import { encodeTextTerm, textDirective } from '../../../src/format/text-fragment';

describe('text fragment links', () => {
  it('escapes the characters the directive syntax uses: - & , (and everything encodeURIComponent does)', () => {
    expect(encodeTextTerm('well-known, cats & dogs')).toBe('well%2Dknown%2C%20cats%20%26%20dogs');
    expect(decodeURIComponent(encodeTextTerm('ضربة-كبرى, «نعم»'))).toBe('ضربة-كبرى, «نعم»');
  });

  it('quotes a short selection whole, whitespace collapsed', () => {
    expect(textDirective('  The strike \t ended on Monday. ')).toBe(':~:text=The%20strike%20ended%20on%20Monday.');
  });

  // A selection's text has a line break only between blocks (paragraphs): it cannot be matched as one string.
  it('gives a long or multi-paragraph selection as its first and last words', () => {
    const long = `${'word '.repeat(40)}the very last words here`;
    expect(textDirective(long)).toBe(':~:text=word%20word%20word%20word,very%20last%20words%20here');
    expect(textDirective('First paragraph ends here.\n\nSecond one starts, and ends.')).toBe(
      ':~:text=First%20paragraph%20ends%20here.,one%20starts%2C%20and%20ends.');
  });
});
