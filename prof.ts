import { launch, serveSite } from './tests/browser/harness.ts';
import { PROBE } from './tests/bench/probe.ts';
const site = await serveSite(process.env.SITE);
const b = await launch();
const ctx = await b.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
const page = await ctx.newPage();
await page.addInitScript({ content: PROBE });
const cdp = await ctx.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await page.goto(`${site.url}/mss-haiti/`, { waitUntil: 'load' });
await page.waitForTimeout(1500);
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 }); await cdp.send('Profiler.start');
const t0 = await page.evaluate(() => performance.now());
page.on('request', (r) => console.log('req', (performance.now()).toFixed(0), r.url().replace(site.url, '')));
await page.mouse.move(200, 400); await page.mouse.wheel(0, 200);
await page.waitForFunction(() => (window as any).__bench.readyAt !== null, null, { timeout: 60000 });
const { profile } = await cdp.send('Profiler.stop');
const pr = await page.evaluate(() => (window as any).__bench);
console.log('ready after move', (pr.readyAt - t0).toFixed(0), 'ms; map frames', pr.mapFrames.filter((t: number) => t > t0).length, 'frames', pr.frames.filter((t: number) => t > t0 && t < pr.readyAt).length);
console.log('long tasks', pr.longtasks.filter(([s]: number[]) => s > t0).map(([s, d]: number[]) => `${(s - t0).toFixed(0)}+${d.toFixed(0)}`).join(' '));
console.log('map frames at', pr.mapFrames.filter((t: number) => t > t0).map((t: number) => (t - t0).toFixed(0)).join(' '));
// self time by function
const dt = profile.timeDeltas; const self = new Map<number, number>();
profile.samples.forEach((id: number, i: number) => self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0)));
const byFn = new Map<string, number>();
for (const n of profile.nodes) { const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; byFn.set(k, (byFn.get(k) ?? 0) + (self.get(n.id) ?? 0) / 1000); }
console.log([...byFn].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${v.toFixed(0).padStart(6)} ms ${k}`).join('\n'));
await b.close(); await site.close();
