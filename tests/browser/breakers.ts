/**
 * Checks for the stories of tests/fixtures/page-breakers, which try to break the page with their
 * ids, their long words and their right-to-left overrides: each looks at the live page as a
 * reader (or a screen reader) meets it.
 */
import type { Page } from 'playwright-core';

/** Ids that more than one element of the live page carries. */
export function duplicateIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
    return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  });
}

/**
 * Whether `text`, found in the text of the element at `selector`, is laid out in reading order:
 * each letter right of the one before it on its line, or on a line below. A right-to-left override
 * left open before it lays it out backwards ("1 January 2025" as "5202 yraunaJ 1"). Returns true,
 * or what is wrong.
 */
export function readsInOrder(page: Page, selector: string, text: string): Promise<true | string> {
  return page.evaluate(
    ({ selector, text }) => {
      const root = document.querySelector(selector);
      if (!root) return `no ${selector}`;
      const nodes: { node: Text; start: number }[] = [];
      let all = '';
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ node: n as Text, start: all.length });
        all += (n as Text).data;
      }
      const at = all.indexOf(text);
      if (at < 0) return `"${text}" is not in ${selector}: "${all}"`;
      const boxes: { c: string; x: number; y: number; h: number }[] = [];
      for (let i = at; i < at + text.length; i++) {
        const c = all[i] ?? '';
        if (/\s/.test(c)) continue;
        let hit = nodes[0];
        for (const n of nodes) if (n.start <= i) hit = n;
        if (!hit) return 'no text';
        const range = document.createRange();
        range.setStart(hit.node, i - hit.start);
        range.setEnd(hit.node, i - hit.start + 1);
        const r = range.getBoundingClientRect();
        boxes.push({ c, x: r.left + r.width / 2, y: r.top + r.height / 2, h: r.height });
      }
      for (let k = 1; k < boxes.length; k++) {
        const [a, b] = [boxes[k - 1], boxes[k]];
        if (!a || !b) continue;
        const sameLine = Math.abs(a.y - b.y) < a.h / 2;
        if (sameLine ? b.x <= a.x : b.y < a.y) return `"${b.c}" is laid out before "${a.c}" in "${text}" (${selector})`;
      }
      return true;
    },
    { selector, text },
  );
}

/**
 * Story text holding `char` that nothing isolates: text nodes outside any <bdi> or element with
 * `dir`, and attributes in which `char` is not inside an FSI…PDI pair.
 */
export function unisolated(page: Page, char: string): Promise<string[]> {
  return page.evaluate((char) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!n.textContent?.includes(char) || parent?.closest('script, style, template')) continue;
      if (!parent?.closest('bdi, [dir]')) found.push(`text "${n.textContent}" in <${parent?.localName}>`);
    }
    for (const el of document.body.querySelectorAll('*'))
      for (const { name, value } of el.attributes) {
        if (!value.includes(char)) continue;
        let depth = 0;
        for (const c of value) {
          if (c === '\u2066' || c === '\u2067' || c === '\u2068') depth++;
          if (c === '\u2069') depth--;
          if (c === char && depth < 1) {
            found.push(`${name}="${value}" on <${el.localName}>`);
            break;
          }
        }
      }
    return found;
  }, char);
}
