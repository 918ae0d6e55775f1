import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileStory, type CountryInfo } from '../../src/lib/story/compile.ts';
import { parseStory } from '../../src/lib/story/parse.ts';
import type { StoryFile } from '../../src/lib/story/schema.ts';

const haiti: CountryInfo = { name: 'Haiti', anchor: [-72.68, 18.93], bbox: [-74.48, 18.04, -71.65, 19.93] };
const countries = new Map([['332', haiti]]);

function minimal(edit: (text: string) => string = (t) => t): StoryFile {
  const text = readFileSync(new URL('../fixtures/good/minimal.yaml', import.meta.url), 'utf8');
  const result = parseStory(edit(text), 'minimal.yaml', new Set(countries.keys()));
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.story;
}

const story = compileStory(minimal(), 'minimal', countries);

describe('compileStory', () => {
  it('anchors a country place where the basemap says, with its outline box', () => {
    expect(story.places.find((p) => p.id === 'haiti')).toEqual({
      id: 'haiti',
      name: 'Haiti',
      precision: 'country',
      coordinates: haiti.anchor,
      bbox: haiti.bbox,
      iso: '332',
    });
  });

  it('keeps a city where the author put it, as a one-point box', () => {
    expect(story.places.find((p) => p.id === 'port-au-prince')).toMatchObject({
      precision: 'city',
      coordinates: [-72.3388, 18.5392],
      bbox: [-72.3388, 18.5392, -72.3388, 18.5392],
    });
  });

  it('reads each event’s dates with their written precision', () => {
    const [deployment, patrol] = story.events;
    expect(deployment?.when).toMatchObject({ kind: 'date', date: { text: '2024-06', precision: 'month' } });
    expect(patrol?.when).toMatchObject({
      kind: 'range',
      from: { text: '2025-03-24', precision: 'day' },
      to: { text: '2025-03-30', precision: 'day' },
    });
  });

  it('resolves events to their place and source, and the story to its date', () => {
    const patrol = story.events.find((e) => e.id === 'patrol');
    expect(patrol?.place?.id).toBe('port-au-prince');
    expect(patrol?.source.name).toBe('Wire');
    expect(patrol?.quotes).toEqual([]);
    expect(story.basedOn.date.text).toBe('2025-04-03');
  });

  it('fits a camera around both the places and the events it names', () => {
    expect(story.steps[0]?.camera).toEqual({
      kind: 'fit',
      ids: ['haiti', 'patrol'],
      bbox: haiti.bbox,
      maxZoom: 7,
    });
  });

  it('defaults a written view to north up and flat', () => {
    expect(story.steps[1]?.camera).toMatchObject({
      kind: 'view',
      center: [-72.3388, 18.5392],
      zoom: 8,
      bearing: 0,
      pitch: 0,
    });
  });

  it('gives a camera what its step shows: marked places and route ends', () => {
    const step = story.steps[1];
    const shown = [
      ...(step?.events ?? []).flatMap((id) => story.events.find((e) => e.id === id)?.place?.coordinates ?? []),
      ...(step?.routes ?? []).flatMap((id) => {
        const route = story.routes.find((r) => r.id === id);
        return route ? [...route.from.coordinates, ...route.to.coordinates] : [];
      }),
    ];
    expect(step?.routes.length).toBeGreaterThan(0);
    const camera = step?.camera;
    if (camera?.kind !== 'view') throw new Error('the fixture step is a view');
    expect(camera.subject?.flat()).toEqual(shown);
  });

  it('comes no closer than zoom 9 when a fit camera gives no maxZoom', () => {
    const compiled = compileStory(
      minimal((t) => t.replace('{ fit: [haiti, patrol], maxZoom: 7 }', '{ fit: [patrol] }')),
      'x',
      countries,
    );
    expect(compiled.steps[0]?.camera).toMatchObject({ kind: 'fit', maxZoom: 9 });
  });

  it('resolves routes to their places; an unmarked route is not planned', () => {
    expect(story.routes).toHaveLength(1);
    expect(story.routes[0]).toMatchObject({ from: { id: 'haiti' }, to: { id: 'port-au-prince' }, planned: false });
  });

  it('gives steps empty lists where the author wrote none', () => {
    const compiled = compileStory(
      minimal((t) => t.replace('    events: [deployment]\n', '')),
      'x',
      countries,
    );
    expect(compiled.steps[0]).toMatchObject({ events: [], routes: [] });
  });

  it('refuses a country the basemap does not have', () => {
    expect(() => compileStory(minimal(), 'x', new Map())).toThrow('the basemap has no country with iso "332"');
  });
});
