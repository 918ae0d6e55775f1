/**
 * The small Markdown a reporter may write in prose: *emphasis* or _emphasis_, **strong**,
 * [links](https://…) to http, https or mailto addresses, and (in step text and an event's `what`)
 * paragraphs separated by a blank line. Nothing else is markup: headings, lists, code, images and
 * raw HTML stay literal text.
 *
 * Two layers, so either alone keeps the page safe: validation (`markupProblems`) rejects raw HTML
 * and bad links with a message a reporter can act on, and rendering (`renderMarkup`) never emits
 * anything but p, em, strong and a[href] with an allowed scheme, even for text that skipped
 * validation. Rendering happens at build time; the page inserts the result as it is.
 */
import Markdown, { type MarkdownIt } from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/** The longest text, in characters, each kind of field may hold. */
export const LIMITS = { text: 4000, summary: 600, quote: 1000, title: 200 } as const;

export const RAW_HTML_MESSAGE = 'raw HTML is not allowed; write *emphasis*, **strong** or [a link](https://…)';

/** Anything a browser could read as the start of a tag, comment, doctype or processing instruction. */
const RAW_HTML = /<[a-z!?/]/i;
const SAFE_ADDRESS = /^(https?:\/\/|mailto:)/i;
const EXTERNAL = /^https?:\/\//i;

/** A markdown-it that knows only paragraphs, emphasis, strong, links, escapes and line breaks. */
function markdown(validateLink: (url: string) => boolean): MarkdownIt {
  const md = new Markdown('zero', { html: false, linkify: false, typographer: false });
  md.enable(['paragraph', 'text', 'emphasis', 'link', 'escape', 'newline']);
  md.validateLink = validateLink;
  return md;
}

// A link to any other address is not a link at all: it stays literal text.
const renderer = markdown((url) => SAFE_ADDRESS.test(url));

// The checker sees every link as written (no percent-encoding) so its message can quote it.
const checker = markdown(() => true);
checker.normalizeLink = (url) => url;

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'em', 'strong', 'a'],
  // rel and target are set by the transform below, never taken from the input.
  allowedAttributes: { a: ['href', 'rel', 'target'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  transformTags: {
    a: (_tagName, attribs): sanitizeHtml.Tag => {
      const href = attribs.href ?? '';
      // A disallowed tag is dropped and its text kept: an unsafe link becomes its words.
      if (!SAFE_ADDRESS.test(href)) return { tagName: 'span', attribs: {} };
      if (!EXTERNAL.test(href)) return { tagName: 'a', attribs: { href } };
      return { tagName: 'a', attribs: { href, rel: 'noopener noreferrer', target: '_blank' } };
    },
  },
};

/**
 * Safe HTML for a piece of prose. With `paragraphs`, blank lines separate `<p>` elements;
 * without, the result is inline (no `<p>`), for a summary or a quote.
 */
export function renderMarkup(text: string, options: { paragraphs: boolean }): string {
  const html = options.paragraphs ? renderer.render(text) : renderer.renderInline(text);
  return sanitizeHtml(html, sanitizeOptions).trim();
}

export const INVISIBLE_MESSAGE = 'text has no visible characters';
export const STRAY_PDI_MESSAGE =
  'text has a stray invisible character U+2069 (pop directional isolate) that can reorder the words after it; delete it';

/**
 * Characters that draw nothing: whitespace, control characters, and the default-ignorable ones
 * (zero-width space, joiners, word joiner, byte order mark, soft hyphen, bidi marks and controls,
 * variation selectors, Hangul fillers), plus the blank Braille pattern.
 */
const INVISIBLE = /[\s\p{Cc}\p{Default_Ignorable_Code_Point}\u2800]/gu;

/**
 * True if a POP DIRECTIONAL ISOLATE closes no isolate the text opened. It would close the <bdi>
 * the page holds the text in (Chromium lays a <bdi> out as these very characters), and a
 * right-to-left override after it would then reverse the page's own words.
 */
function hasStrayPdi(text: string): boolean {
  let open = 0;
  for (const c of text) {
    if (c === '\u2066' || c === '\u2067' || c === '\u2068') open++;
    else if (c === '\u2069' && --open < 0) return true;
  }
  return false;
}

/**
 * Problems of a field shown as plain text (a title, a name): no raw HTML, something a reader can
 * see, and not too long.
 */
export function plainTextProblems(text: string, limit: number = LIMITS.title): string[] {
  const problems: string[] = [];
  if (RAW_HTML.test(text)) problems.push(RAW_HTML_MESSAGE);
  // Empty text is the schema's own "must not be empty".
  if (text !== '' && text.replace(INVISIBLE, '') === '') problems.push(INVISIBLE_MESSAGE);
  if (hasStrayPdi(text)) problems.push(STRAY_PDI_MESSAGE);
  const length = [...text].length;
  if (length > limit) problems.push(`text is ${length} characters; the limit is ${limit}`);
  return problems;
}

/** The addresses of the links in `text`, as the reporter wrote them. */
function linkAddresses(text: string): string[] {
  return checker
    .parse(text, {})
    .flatMap((token) => token.children ?? [])
    .filter((token) => token.type === 'link_open')
    .map((token) => String(token.attrGet('href') ?? ''));
}

/** Problems of a prose field, in the reporter's words; empty when the text is fine. */
export function markupProblems(text: string, limit: number = LIMITS.text): string[] {
  const problems = plainTextProblems(text, limit);
  // Too long is reason enough; don't spend time parsing a huge text.
  if ([...text].length > limit) return problems;
  for (const address of linkAddresses(text))
    if (!SAFE_ADDRESS.test(address)) problems.push(`link "${address}" must start with https://, http:// or mailto:`);
  return problems;
}
