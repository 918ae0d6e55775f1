/**
 * Takes the README's screenshots of the built site (`npm run build` first):
 *   node_modules/.bin/tsx tests/screenshots/take.ts
 * Writes desktop.jpg and phone.jpg beside this file.
 */
import { resolve } from 'node:path';
import { launch, openStory, serveSite } from '../browser/harness.ts';

const shots = [
  { file: 'desktop.jpg', width: 1440, height: 900, step: 'evacuation' },
  { file: 'phone.jpg', width: 390, height: 844, step: 'mission' },
];

async function main() {
  const site = await serveSite(resolve(import.meta.dirname, '../../dist'));
  const browser = await launch();
  try {
    for (const shot of shots) {
      const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height } });
      await openStory(page, `${site.url}/#${shot.step}`);
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
