/**
 * The story's title on the social preview, wrapped to fit: titles run to 200 characters, and a
 * share card that cuts a headline mid-word misquotes it. At most three lines, at the largest size
 * that fits them; a word wider than a line is broken between letters, and only a title that
 * doesn't fit in three lines even at the smallest size is cut, with an ellipsis.
 */

export interface TitleLayout {
  /** Font size in px. */
  size: number;
  lines: string[];
}

/** How far the ink of `text` reaches to the right of where it starts, in px, at `size` px. */
export type Measure = (text: string, size: number) => number;

export const TITLE_SIZES = [44, 40, 36, 32, 28];
export const MAX_LINES = 3;

const graphemes = (text: string) => [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)];

/** Greedy wrapping: as many words as fit on each line, a word too wide alone broken by letters. */
export function wrapWords(text: string, size: number, width: number, measure: Measure): string[] {
  const fits = (line: string) => measure(line, size) <= width;
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (fits(joined)) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    while (!fits(word)) {
      const parts = graphemes(word).map((s) => s.segment);
      // The longest head that fits, found by bisection; at least one letter, so this ends.
      let lo = 1;
      let hi = parts.length - 1;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (fits(parts.slice(0, mid).join(''))) lo = mid;
        else hi = mid - 1;
      }
      lines.push(parts.slice(0, lo).join(''));
      word = parts.slice(lo).join('');
    }
    line = word;
  }
  if (line) lines.push(line);
  return lines;
}

/** `line` shortened until it fits with an ellipsis after it. */
function withEllipsis(line: string, size: number, width: number, measure: Measure): string {
  const parts = graphemes(line).map((s) => s.segment);
  while (parts.length > 0 && measure(`${parts.join('').trimEnd()}…`, size) > width) parts.pop();
  return `${parts.join('').trimEnd()}…`;
}

/** The title at the largest size whose lines fit `width` and number at most three. */
export function layoutTitle(title: string, width: number, measure: Measure): TitleLayout {
  for (const size of TITLE_SIZES) {
    const lines = wrapWords(title, size, width, measure);
    if (lines.length <= MAX_LINES) return { size, lines };
  }
  const size = TITLE_SIZES[TITLE_SIZES.length - 1] ?? 28;
  const lines = wrapWords(title, size, width, measure).slice(0, MAX_LINES);
  lines[MAX_LINES - 1] = withEllipsis(lines[MAX_LINES - 1] ?? '', size, width, measure);
  return { size, lines };
}
