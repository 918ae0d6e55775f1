/**
 * The embed codes an editor copies from the Embed button, for the story deployed at `embedUrl`
 * (the address of its embed page). Each is documented in the README.
 */
export interface Snippet {
  id: string;
  label: string;
  help: string;
  code: string;
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function embedSnippets(embedUrl: string, title: string, slug: string): Snippet[] {
  const url = new URL(embedUrl);
  const withQuery = (query: string) => `${url.origin}${url.pathname}?${query}`;
  const scriptUrl = new URL('../../embed.js', url).href;
  const t = escapeAttr(title);
  return [
    {
      id: 'fixed',
      label: 'Fixed height',
      help: 'Works in any CMS. The story scrolls inside a frame of the height you choose.',
      code: `<iframe src="${escapeAttr(url.href)}" title="${t}" width="100%" height="700" style="border:0" loading="lazy"></iframe>`,
    },
    {
      id: 'full',
      label: 'Full height (our script)',
      help: 'The frame grows to the story’s height and your page scrolls; the map stays in view.',
      code: `<div data-storymap="${escapeAttr(url.href)}" data-title="${t}"></div>\n<script src="${escapeAttr(scriptUrl)}" async></script>`,
    },
    {
      id: 'pym',
      label: 'pym.js',
      help: 'For pages that already load NPR’s pym.js. Keep trackscroll on so the map follows your page.',
      code: `<div id="storymap-${slug}"></div>\n<script>new pym.Parent('storymap-${slug}', '${url.href}', { title: '${title.replace(/['\\<]/g, '')}', trackscroll: true });</script>`,
    },
    {
      id: 'datawrapper',
      label: 'Datawrapper-style resizing',
      help: 'For pages that already listen for Datawrapper’s height message.',
      code: `<iframe src="${escapeAttr(withQuery('resize=1'))}" title="${t}" width="100%" height="700" scrolling="no" style="border:0"></iframe>`,
    },
  ];
}
