import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { kept } from '../../src/build/atlas-cache.ts';
import { makeTier, type CountriesTopology } from '../../src/lib/geo/basemap.ts';

const DIR = fileURLToPath(new URL('../../node_modules/.cache/storymap-atlas/', import.meta.url));
// A name of this run's own, so tests never read or delete what a build kept.
const name = (what: string) => `test-${process.pid}-${what}`;
const files = (what: string) => (existsSync(DIR) ? readdirSync(DIR).filter((f) => f.startsWith(`${name(what)}-`)) : []);

afterAll(() => {
  for (const f of existsSync(DIR) ? readdirSync(DIR) : [])
    if (f.startsWith(`test-${process.pid}-`)) rmSync(join(DIR, f), { force: true });
});

describe('what the build keeps between builds (atlas-cache.ts)', () => {
  it('makes a value once, then reads the kept copy', () => {
    let made = 0;
    const make = () => ({ made: ++made, points: [[1.5, -2.25]] });
    expect(kept(name('once'), make)).toEqual({ made: 1, points: [[1.5, -2.25]] });
    expect(kept(name('once'), make)).toEqual({ made: 1, points: [[1.5, -2.25]] });
    expect(made).toBe(1);
    expect(files('once')).toHaveLength(1);
  });

  it('makes a value afresh when its kept copy is damaged', () => {
    kept(name('damaged'), () => 'first');
    const [file] = files('damaged');
    if (!file) throw new Error('nothing was kept');
    writeFileSync(join(DIR, file), '{"half a fi');
    expect(kept(name('damaged'), () => 'again')).toBe('again');
    expect(kept(name('damaged'), () => 'a third time')).toBe('again');
  });

  it('gives back a tier of the atlas exactly as it was made', () => {
    const world = createRequire(import.meta.url)('world-atlas/countries-110m.json') as CountriesTopology;
    const made = makeTier(world, 0.3);
    const back = kept(name('tier'), () => makeTier(world, 0.3));
    expect(kept(name('tier'), () => null)).toEqual(made);
    expect(back).toEqual(made);
  });
});
