/**
 * A story's language reaches the page the build writes, before any script runs: `<html lang dir>`
 * and the page's own words (a real `vite build` of a French and an Arabic fixture story).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT } from './build-site.ts';

// Inside the project (tests/.tmp-…), never the system's temporary folder; removed afterwards.
const temp = mkdtempSync(join(ROOT, 'tests', '.tmp-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const out = join(temp, 'site');

beforeAll(async () => {
  const stories = join(temp, 'stories');
  mkdirSync(stories);
  for (const name of ['fr.yaml', 'ar.yaml']) cpSync(join(ROOT, 'tests/fixtures/i18n', name), join(stories, name));
  await buildSite(stories, 'fr', out, 'http://127.0.0.1:4173/');
});

const page = (path: string) => readFileSync(join(out, path), 'utf8');

describe('a story in French', () => {
  it.each(['index.html', 'fr/index.html', 'fr/embed/index.html'])('%s says so on <html>', (path) => {
    expect(page(path)).toMatch(/<html lang="fr" dir="ltr">/);
  });

  it('is written with the page’s own words in French', () => {
    const html = page('fr/index.html');
    expect(html).toContain('Passer la carte');
    expect(html).not.toContain('Skip the map');
  });
});

describe('a story in Arabic', () => {
  it.each(['ar/index.html', 'ar/embed/index.html'])('%s is laid out right to left', (path) => {
    expect(page(path)).toMatch(/<html lang="ar" dir="rtl">/);
  });
});
