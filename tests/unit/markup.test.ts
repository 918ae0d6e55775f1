import { describe, expect, it } from 'vitest';
import {
  INVISIBLE_MESSAGE,
  markupProblems,
  plainTextProblems,
  RAW_HTML_MESSAGE,
  renderMarkup,
  STRAY_PDI_MESSAGE,
} from '../../src/lib/story/markup.ts';

const external = 'rel="noopener noreferrer" target="_blank"';

describe('renderMarkup', () => {
  it.each([
    { name: '*emphasis*', input: 'an *armoured* car', expected: 'an <em>armoured</em> car' },
    { name: '_emphasis_', input: 'an _armoured_ car', expected: 'an <em>armoured</em> car' },
    { name: '**strong**', input: 'a **third** officer', expected: 'a <strong>third</strong> officer' },
    {
      name: 'an https link',
      input: 'said [Reuters](https://www.reuters.com/world/)',
      expected: `said <a href="https://www.reuters.com/world/" ${external}>Reuters</a>`,
    },
    {
      name: 'an http link',
      input: '[the mission](http://example.org/mss)',
      expected: `<a href="http://example.org/mss" ${external}>the mission</a>`,
    },
    {
      name: 'a mailto link, which opens no tab',
      input: '[write to us](mailto:desk@example.org)',
      expected: '<a href="mailto:desk@example.org">write to us</a>',
    },
    {
      name: 'strong inside a link',
      input: '[a **new** report](https://example.org)',
      expected: `<a href="https://example.org" ${external}>a <strong>new</strong> report</a>`,
    },
    { name: 'characters HTML reserves', input: 'AT&T said 3 < 4 > 2', expected: 'AT&amp;T said 3 &lt; 4 &gt; 2' },
    { name: 'a heading, which is not markup here', input: '# Not a heading', expected: '# Not a heading' },
    { name: 'code, which is not markup here', input: 'run `rm -rf`', expected: 'run `rm -rf`' },
    {
      name: 'a bare address, which is not a link',
      input: 'see https://example.org',
      expected: 'see https://example.org',
    },
  ])('renders $name inline', ({ input, expected }) => {
    expect(renderMarkup(input, { paragraphs: false })).toBe(expected);
  });

  it.each([
    { name: 'one paragraph', input: 'One *line*.', expected: '<p>One <em>line</em>.</p>' },
    { name: 'two paragraphs', input: 'One.\n\nTwo.', expected: '<p>One.</p>\n<p>Two.</p>' },
    { name: 'a single line break, kept in its paragraph', input: 'One\nline', expected: '<p>One\nline</p>' },
    { name: 'a list, which stays text', input: '- a\n- b', expected: '<p>- a\n- b</p>' },
  ])('renders $name as paragraphs', ({ input, expected }) => {
    expect(renderMarkup(input, { paragraphs: true })).toBe(expected);
  });
});

/** Every tag the renderer may emit, with the only attributes it may carry. */
const SAFE_TAG =
  /^<(\/(p|em|strong|a)|p|em|strong|a href="mailto:[^"]*"|a href="https?:\/\/[^"]*" rel="noopener noreferrer" target="_blank")>$/;

function expectInert(html: string) {
  // Text is escaped, so every `<` left in the output opens a real tag.
  const tags = html.match(/<[^>]*>/g) ?? [];
  for (const tag of tags) {
    expect(tag).toMatch(SAFE_TAG);
    expect(tag).not.toMatch(/\son\w+\s*=|style\s*=|javascript:|data:|vbscript:/i);
  }
  expect(html).not.toMatch(/<(script|svg|img|iframe|style|math|object|embed)\b/i);
}

// Rendering is tested alone, so the page would be safe even if validation were bypassed.
describe('renderMarkup with hostile text', () => {
  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)>',
    '<svg><script>alert(1)</script></svg>',
    '<a href="javascript:alert(1)">x</a>',
    '<p style="background:url(javascript:alert(1))" onclick="alert(1)">x</p>',
    '<iframe src="https://evil.example"></iframe>',
    '<!-- comment --><?php echo 1 ?>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](java&#x73;cript:alert(1))',
    '[x](&#106;avascript:alert(1))',
    '[x](javascript&colon;alert(1))',
    '[x](<javascript:alert(1)>)',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](vbscript:msgbox(1))',
    '[x](file:///etc/passwd)',
    '[x](//evil.example)',
    '[x](/relative/path)',
    '<javascript:alert(1)>',
    '![x](javascript:alert(1))',
    '![x](https://tracker.example/pixel.gif)',
    '[x](https://ok.example "onmouseover=alert(1)")',
    '[x](https://ok.example" onmouseover="alert(1))',
    '[<img src=x onerror=alert(1)>](https://ok.example)',
    '**<b onmouseover=alert(1)>x</b>**',
    '\u0000<script>alert(1)</script>',
    'One.\n\n<style>body { display: none }</style>',
  ])('keeps %j inert', (input) => {
    expectInert(renderMarkup(input, { paragraphs: true }));
    expectInert(renderMarkup(input, { paragraphs: false }));
  });

  it('drops a link it cannot trust, keeping its words', () => {
    expect(renderMarkup('[x](javascript:alert(1))', { paragraphs: false })).toBe('[x](javascript:alert(1))');
    expect(renderMarkup('[x](/relative)', { paragraphs: false })).not.toContain('href');
  });
});

const link = (address: string) => `link "${address}" must start with https://, http:// or mailto:`;

describe('markupProblems', () => {
  it.each([
    { name: 'the whole markup', input: '*a* _b_ **c** [d](https://x.org) [e](mailto:a@x.org)', expected: [] },
    { name: 'comparisons and a heart', input: 'a < b, 3<4 and <3', expected: [] },
    { name: 'a tag', input: 'a <b>bold</b> claim', expected: [RAW_HTML_MESSAGE] },
    { name: 'a closing tag', input: 'text</p>', expected: [RAW_HTML_MESSAGE] },
    { name: 'a comment', input: 'a <!-- hidden --> note', expected: [RAW_HTML_MESSAGE] },
    { name: 'a processing instruction', input: '<?xml version="1.0"?>', expected: [RAW_HTML_MESSAGE] },
    { name: 'a javascript: link', input: '[x](javascript:alert(1))', expected: [link('javascript:alert(1)')] },
    {
      name: 'an encoded javascript: link',
      input: '[x](java&#x73;cript:void(0))',
      expected: [link('javascript:void(0)')],
    },
    { name: 'a data: link', input: '[x](data:text/html,hi)', expected: [link('data:text/html,hi')] },
    { name: 'a vbscript: link', input: '[x](vbscript:msgbox)', expected: [link('vbscript:msgbox')] },
    { name: 'a file: link', input: '[x](file:///etc/passwd)', expected: [link('file:///etc/passwd')] },
    { name: 'a relative link', input: '[x](page.html)', expected: [link('page.html')] },
    { name: 'a protocol-relative link', input: '[x](//evil.example)', expected: [link('//evil.example')] },
    { name: 'text over the limit', input: 'x'.repeat(4321), expected: ['text is 4321 characters; the limit is 4000'] },
    { name: 'text at the limit', input: 'x'.repeat(4000), expected: [] },
    { name: 'paragraphs of zero-width spaces', input: '\u200B\n\n\u200B \u200B', expected: [INVISIBLE_MESSAGE] },
    { name: 'a stray pop directional isolate', input: 'One.\u2069\u202E Two.', expected: [STRAY_PDI_MESSAGE] },
  ])('reports $name', ({ input, expected }) => {
    expect(markupProblems(input)).toEqual(expected);
  });

  it('counts characters, not UTF-16 units, against the field’s limit', () => {
    expect(markupProblems('é'.repeat(600), 600)).toEqual([]);
    expect(markupProblems('🇭🇹'.repeat(301), 600)).toEqual(['text is 602 characters; the limit is 600']);
  });
});

describe('plainTextProblems', () => {
  it.each([
    { name: 'a plain title', input: 'Officers arrive', expected: [] },
    { name: 'a tag in a title', input: 'Officers <i>arrive</i>', expected: [RAW_HTML_MESSAGE] },
    // Titles are shown as text, so link syntax is only words there.
    { name: 'link syntax', input: '[x](javascript:alert(1))', expected: [] },
    { name: 'a long title', input: 't'.repeat(201), expected: ['text is 201 characters; the limit is 200'] },
    { name: 'zero-width spaces only', input: '\u200B\u200B', expected: [INVISIBLE_MESSAGE] },
    { name: 'joiners, word joiner and BOM only', input: '\u200C\u200D\u2060\uFEFF', expected: [INVISIBLE_MESSAGE] },
    {
      name: 'bidi marks and controls only',
      input: '\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069',
      expected: [INVISIBLE_MESSAGE],
    },
    { name: 'soft hyphens and spaces only', input: ' \u00AD\u00A0\u3000\t\u00AD ', expected: [INVISIBLE_MESSAGE] },
    { name: 'a variation selector and a Hangul filler', input: '\uFE0F\u3164', expected: [INVISIBLE_MESSAGE] },
    // Empty text is refused by the schema as "must not be empty", once.
    { name: 'empty text', input: '', expected: [] },
    { name: 'a word between zero-width spaces', input: '\u200BHaiti\u200B', expected: [] },
    { name: 'an emoji joined by a zero-width joiner', input: '👩‍🚒', expected: [] },
    { name: 'a dot', input: '.', expected: [] },
    // The page isolates it (lib/story/isolate.ts, <bdi>): it reverses only the title's own words.
    { name: 'an override left open', input: 'Desk \u202Enight', expected: [] },
    { name: 'an isolate opened and closed', input: '\u2067القاهرة\u2069 desk', expected: [] },
    { name: 'a stray pop directional isolate', input: 'Desk\u2069\u202E night', expected: [STRAY_PDI_MESSAGE] },
  ])('reports $name', ({ input, expected }) => {
    expect(plainTextProblems(input)).toEqual(expected);
  });
});
