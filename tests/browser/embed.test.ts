/**
 * The story embedded in pages of another origin (a second 127.0.0.1 port): pym.js, Datawrapper's
 * height message, our embed.js, a fixed-height frame, and the host API by postMessage.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { mapReady, serveHosts, waitForFrame, watch, type Site, type Watch } from './harness.ts';
import { useSite } from './setup.ts';
import { expectedCamera, storyOf, waitForCamera } from './expect.ts';
import { triggerFraction } from '../../src/lib/scroll/active.ts';

const env = useSite();
let hosts: Site;
let page: Page;
let watched: Watch;
let childWatch: string[];

beforeAll(async () => {
  hosts = await serveHosts();
});
afterAll(() => hosts?.close());
afterEach(async () => {
  expect(watched.errors, 'console errors').toEqual([]);
  expect(childWatch, 'errors in the story').toEqual([]);
  await page?.close();
});

/** Opens a host page framing the story, and returns the story's frame once its page is up. */
async function host(name: string, width = 1280, height = 800, query = ''): Promise<Frame> {
  page = await env.browser.newPage({ viewport: { width, height } });
  watched = watch(page, hosts.url);
  // The story's own origin is expected here: only requests to any third host are foreign.
  watched.foreign = [];
  childWatch = [];
  page.on('console', (m) => m.type() === 'error' && childWatch.push(m.text()));
  const url = `${hosts.url}/${name}.html?story=${encodeURIComponent(`${env.site.url}/`)}${query}`;
  await page.goto(url);
  const frame = await waitForFrame(page);
  await frame.waitForFunction(() => window.storyMap !== undefined);
  return frame;
}

/** The frame's height on the host page and the height of the story inside it. */
async function heights(frame: Frame) {
  const element = await frame.frameElement();
  const outer = (await element.boundingBox())?.height ?? 0;
  const inner = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
  return { outer, inner };
}

async function expectFrameFitsStory(frame: Frame) {
  // Chromium does not render a frame out of view; bring it into view, as a reader would.
  await (await frame.frameElement()).scrollIntoViewIfNeeded();
  let last = { outer: 0, inner: 0 };
  await expect
    .poll(
      async () => {
        last = await heights(frame);
        return Math.abs(last.outer - last.inner) <= 3 && last.inner > 1000;
      },
      { timeout: 10_000 },
    )
    .toBe(true)
    .catch(() => {
      throw new Error(`the frame is ${last.outer}px tall for a story of ${last.inner}px`);
    });
}

/** Scrolls the host so the middle of a step of the full-height story sits on the story's trigger line. */
async function scrollHostToStep(frame: Frame, stepId: string) {
  const element = await frame.frameElement();
  const stepMiddle = await frame.evaluate((id) => {
    const r = document.getElementById(id)?.getBoundingClientRect();
    return r ? r.top + r.height / 2 : NaN;
  }, stepId);
  const width = (await element.boundingBox())?.width ?? 0;
  await page.evaluate(
    ({ stepMiddle, fraction }) => {
      const frame = document.querySelector('iframe') as HTMLIFrameElement;
      const frameTop = frame.getBoundingClientRect().top + window.scrollY;
      window.scrollTo({ top: frameTop + stepMiddle - window.innerHeight * fraction, behavior: 'instant' });
    },
    // The story measures against its own window: the frame, as tall as the story.
    { stepMiddle, fraction: triggerFraction(width, Infinity) },
  );
}

async function walkHostedSteps(frame: Frame) {
  const story = await storyOf(frame);
  // The story switches to its sticky layout once the host has said where the frame is.
  await page.mouse.wheel(0, 200);
  await frame.waitForSelector('.mode-hosted');
  await mapReady(frame);
  for (const step of story.steps) {
    await scrollHostToStep(frame, step.id);
    await waitForCamera(frame, step.id, await expectedCamera(frame, story, step.id));
  }
}

describe('a pym.js host', () => {
  it('sizes the frame to the story, after load and after a width change', async () => {
    const frame = await host('pym');
    await expectFrameFitsStory(frame);
    const before = await heights(frame);
    await page.setViewportSize({ width: 420, height: 800 });
    await expect.poll(async () => (await heights(frame)).inner).not.toBe(before.inner);
    await expectFrameFitsStory(frame);
  });

  it('moves through the steps as the host page scrolls (trackscroll)', async () => {
    await walkHostedSteps(await host('pym'));
  });
});

describe('a host listening for Datawrapper’s message', () => {
  it('resizes the frame, and the story unrolls with a map for every step', async () => {
    const frame = await host('datawrapper');
    await expectFrameFitsStory(frame);
    const story = await storyOf(frame);
    await frame.waitForSelector('.mode-unrolled');
    // With no interactive map to wait for, `ready` resolves at once.
    await mapReady(frame);
    const maps = await frame.$$eval('.unrolled img', (imgs) => imgs.map((i) => (i as HTMLImageElement).src));
    expect(maps).toHaveLength(story.steps.length);
    for (const src of maps) expect((await page.request.get(src)).ok()).toBe(true);
  });
});

describe('a host using embed.js', () => {
  it('sizes the frame to the story', async () => {
    await expectFrameFitsStory(await host('embedjs'));
  });

  it('moves through the steps as the host page scrolls, and tells the host of each step', async () => {
    const frame = await host('embedjs');
    await walkHostedSteps(frame);
    const heard = await page.evaluate(() => (window as unknown as { steps: string[] }).steps);
    expect(heard).toContain('outlook');
  });

  it('starts the live map when the host page scrolls, though the frame itself hears no input', async () => {
    const frame = await host('embedjs');
    await frame.waitForSelector('.mode-hosted');
    expect(await frame.locator('[data-testid="map-canvas"] canvas').count(), 'no map before a reader').toBe(0);
    // The reader scrolls the host page with the pointer outside the frame (or by keyboard): only the
    // frame's reported position moves.
    await page.evaluate(() => window.scrollBy({ top: 150, behavior: 'instant' }));
    // The live map draws and takes the static one's place (`ready` is no sign here: it resolves at
    // once while the frame is unrolled, before the host's first positions).
    await frame.waitForSelector('[data-testid="map-still"]', { state: 'detached' });
    expect(await frame.locator('[data-testid="map-canvas"] canvas').count()).toBe(1);
  });

  it('is a few kilobytes with no dependencies', async () => {
    const body = Buffer.from(await (await fetch(`${env.site.url}/embed.js`)).arrayBuffer());
    expect(body.length).toBeGreaterThan(1000);
    expect(body.length).toBeLessThan(5 * 1024);
    expect(body.toString()).not.toMatch(/\bimport\b|\brequire\(/);
    // No page was opened for this one.
    watched = { errors: [], foreign: [] };
    childWatch = [];
    page = undefined as unknown as Page;
  });
});

describe('a fixed-height frame', () => {
  it('scrolls inside the frame through every step, with the map following', async () => {
    const frame = await host('fixed');
    await mapReady(frame);
    const story = await storyOf(frame);
    for (const step of story.steps) {
      await frame.evaluate(
        ({ id, fraction }) => {
          const r = document.getElementById(id)?.getBoundingClientRect();
          if (r)
            window.scrollTo({
              top: window.scrollY + r.top + r.height / 2 - innerHeight * fraction,
              behavior: 'instant',
            });
        },
        { id: step.id, fraction: triggerFraction(1280, 700) },
      );
      await waitForCamera(frame, step.id, await expectedCamera(frame, story, step.id));
    }
  });

  it('fits a 300 px wide frame with nothing cut off sideways', async () => {
    const frame = await host('fixed', 300, 800);
    await mapReady(frame);
    const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await frame.evaluate(() => window.innerWidth)).toBeLessThanOrEqual(300);
  });

  it('starts at the step named by ?step=', async () => {
    const frame = await host('fixed', 1280, 800, '&query=' + encodeURIComponent('?step=evacuation'));
    await mapReady(frame);
    const story = await storyOf(frame);
    await waitForCamera(frame, 'evacuation', await expectedCamera(frame, story, 'evacuation'));
  });
});

describe('the host API', () => {
  it('goes to a step on request and reports step changes to the host', async () => {
    const frame = await host('fixed');
    await mapReady(frame);
    await page.evaluate(() =>
      (window as unknown as { sendToStory: (m: unknown) => void }).sendToStory({
        type: 'storymap:goto',
        step: 'delegation',
      }),
    );
    const story = await storyOf(frame);
    await waitForCamera(frame, 'delegation', await expectedCamera(frame, story, 'delegation'));
    const received = await page.evaluate(
      () => (window as unknown as { received: { type: string; id?: string }[] }).received,
    );
    expect(received.some((m) => m.type === 'storymap:ready')).toBe(true);
    expect(received.filter((m) => m.type === 'storymap:step').at(-1)?.id).toBe('delegation');
  });

  it('ignores malformed, foreign and oversized messages without an error', async () => {
    const frame = await host('fixed');
    await mapReady(frame);
    const before = await frame.evaluate(() => window.storyMap?.activeStep());
    await page.evaluate(() => {
      const send = (window as unknown as { sendToStory: (m: unknown) => void }).sendToStory;
      const junk: unknown[] = [
        null,
        42,
        'garbage',
        [1, 2, 3],
        { type: 'storymap:goto' },
        { type: 'storymap:goto', step: 12 },
        { type: 'storymap:goto', step: 'no-such-step' },
        { type: 'storymap:goto', step: '<img src=x onerror="window.pwned=1">' },
        { type: 'storymap:position', top: 'x', viewportHeight: 800 },
        { type: 'storymap:position', top: 0, viewportHeight: -5 },
        { type: 'storymap:eval', code: 'window.pwned = 1' },
        { type: 'storymap:goto', step: 'delegation', padding: 'x'.repeat(100_000) },
        'pymxPYMxsomeone-elsexPYMxwidthxPYMx400',
        'x'.repeat(1_000_000),
      ];
      for (const message of junk) send(message);
    });
    // A message from a window other than the parent (here the story's own) is not obeyed.
    await frame.evaluate(() => window.postMessage({ type: 'storymap:goto', step: 'outlook' }, '*'));
    await page.waitForTimeout(500);
    expect(await frame.evaluate(() => window.storyMap?.activeStep())).toBe(before);
    expect(await frame.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await frame.$$('img[onerror]')).toHaveLength(0);
  });
});

describe('the full page', () => {
  it('shows copy-ready embed codes for this story', async () => {
    page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
    watched = watch(page, env.site.url);
    childWatch = [];
    await page.goto(`${env.site.url}/mss-haiti/`);
    await page.getByRole('button', { name: 'Embed this story' }).click();
    const codes = await page.$$eval('textarea[data-snippet]', (els) =>
      els.map((el) => (el as HTMLTextAreaElement).value),
    );
    expect(codes).toHaveLength(4);
    for (const code of codes) expect(code).toContain(`${env.site.url}/mss-haiti/embed/`);
    expect(codes.join('\n')).toContain(`${env.site.url}/embed.js`);
  });

  it('on a phone, opens the codes on its heading, each from its start, and a tap beside them closes it', async () => {
    page = await env.browser.newPage({ viewport: { width: 390, height: 844 } });
    watched = watch(page, env.site.url);
    childWatch = [];
    await page.goto(`${env.site.url}/mss-haiti/`);
    const button = page.getByRole('button', { name: 'Embed this story' });
    const dialog = page.getByRole('dialog', { name: 'Embed this story' });
    await button.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      await dialog.getByRole('heading', { level: 2 }).getAttribute('id'),
    );
    // Every code box shows its code from the first line, not from where a caret left it.
    const scrolled = await page.$$eval('textarea[data-snippet]', (els) => els.map((el) => el.scrollTop));
    expect(scrolled).toEqual([0, 0, 0, 0]);
    // Nor is any so short that the start is all there is: the first code is longer than its box.
    expect(await page.$eval('textarea[data-snippet]', (el) => el.scrollHeight > el.clientHeight)).toBe(true);
    const box = await dialog.boundingBox();
    if (!box) throw new Error('no dialog on screen');
    // A tap inside the dialog, in the margin beside its text, leaves it open.
    await page.mouse.click(box.x + 6, box.y + box.height / 2);
    expect(await dialog.isVisible()).toBe(true);
    // The Close button is four codes down; a tap on the page beside the dialog closes it, and
    // focus goes back to the button that opened it.
    await page.mouse.click(Math.max(1, box.x / 2), box.y + box.height / 2);
    expect(await dialog.isVisible()).toBe(false);
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
  });
});
