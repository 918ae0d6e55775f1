/**
 * Takes the README's screenshots of the built site (`npm run build` first):
 *   node_modules/.bin/tsx tests/screenshots/take.ts
 * Writes desktop.jpg and phone.jpg beside this file.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, openStory } from '../browser/harness.ts';
import { serveDir } from '../../src/build/serve.ts';

const shots = [
  { file: 'desktop.jpg', width: 1440, height: 900, step: 'evacuation' },
  { file: 'phone.jpg', width: 390, height: 844, step: 'mission' },
];

/** Whether the step cards' text is drawn in a font the page brought, not one of the system's. */
async function ownFont(page: Page): Promise<boolean> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', {});
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.card p' });
  await cdp.send('CSS.enable');
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.every((f) => f.isCustomFont);
}

async function main() {
  // Served as `npm start` serves it, so a returning reader's browser keeps the fonts.
  const site = await serveDir(resolve(import.meta.dirname, '../../dist'), 0);
  const browser = await launch();
  try {
    for (const shot of shots) {
      const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height } });
      // The fonts are `font-display: optional`: a page whose fonts miss its first paint keeps the
      // metric-matched fallback for its life. Visit again, as a returning reader does, until the
      // step text is drawn in the story's own font (a few tries on a busy machine).
      for (let visit = 0; visit < 6; visit++) {
        // From a blank page: going to the same address again would only follow its #step.
        await page.goto('about:blank');
        await openStory(page, `${site.url}#${shot.step}`);
        if (await ownFont(page)) break;
      }
      await page.evaluate((id) => window.storyMap?.goTo(id), shot.step);
      await page.screenshot({ path: resolve(import.meta.dirname, shot.file), type: 'jpeg', quality: 80 });
      await page.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
}

void main();
