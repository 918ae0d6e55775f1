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

import { en, type Messages } from '../i18n/messages.ts';

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** `m`: the words of the story's language (English by default) for each code's label and help. */
export function embedSnippets(embedUrl: string, title: string, slug: string, m: Messages = en): Snippet[] {
  const url = new URL(embedUrl);
  const withQuery = (query: string) => `${url.origin}${url.pathname}?${query}`;
  const scriptUrl = new URL('../../embed.js', url).href;
  const t = escapeAttr(title);
  return [
    {
      id: 'fixed',
      label: m.embedFixed,
      help: m.embedFixedHelp,
      code: `<iframe src="${escapeAttr(url.href)}" title="${t}" width="100%" height="700" style="border:0" loading="lazy"></iframe>`,
    },
    {
      id: 'full',
      label: m.embedFull,
      help: m.embedFullHelp,
      code: `<div data-storymap="${escapeAttr(url.href)}" data-title="${t}"></div>\n<script src="${escapeAttr(scriptUrl)}" async></script>`,
    },
    {
      id: 'pym',
      label: m.embedPym,
      help: m.embedPymHelp,
      code: `<div id="storymap-${slug}"></div>\n<script>new pym.Parent('storymap-${slug}', '${url.href}', { title: '${title.replace(/['\\<]/g, '')}', trackscroll: true });</script>`,
    },
    {
      id: 'datawrapper',
      label: m.embedDatawrapper,
      help: m.embedDatawrapperHelp,
      code: `<iframe src="${escapeAttr(withQuery('resize=1'))}" title="${t}" width="100%" height="700" scrolling="no" style="border:0"></iframe>`,
    },
  ];
}
