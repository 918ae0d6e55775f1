import { launch, serveSite } from './tests/browser/harness.ts';
import { PROBE } from './tests/bench/probe.ts';
const site = await serveSite(process.env.SITE);
const b = await launch();
const views = [{ width: 390, height: 844, scale: 2 }, { width: 1440, height: 900, scale: 1 }];
const runs = Number(process.env.RUNS ?? 2);
for (const v of views) for (let i = 0; i < runs; i++) {
  const ctx = await b.newContext({ viewport: { width: v.width, height: v.height }, deviceScaleFactor: v.scale });
  const page = await ctx.newPage();
  await page.addInitScript({ content: PROBE });
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(`${site.url}/mss-haiti/`, { waitUntil: 'load' });
  await page.evaluate(() => new Promise((d) => requestAnimationFrame(() => requestAnimationFrame(d))));
  const t0 = await page.evaluate(() => performance.now());
  await page.mouse.move(v.width / 2, v.height / 2); await page.mouse.wheel(0, 200);
  await page.waitForFunction(() => (window as any).__bench.readyAt !== null, null, { timeout: 60000 });
  const pr = await page.evaluate(() => (window as any).__bench);
  const before = pr.mapFrames.filter((t: number) => t > t0 && t <= pr.readyAt + 1);
  console.log(`${v.width}x${v.height}@${v.scale}`, 'ready', (pr.readyAt - t0).toFixed(0), 'ms; map frames before', before.length, 'at', before.map((t: number) => (t - t0).toFixed(0)).join(' '));
  await ctx.close();
}
await b.close(); await site.close();
