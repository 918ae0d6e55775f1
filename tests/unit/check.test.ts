/**
 * The story checker (`npm run check`, src/build/check.ts): one base story, patched one
 * way per case, and the exact lines the checker prints for it: file, line, column, field, reason
 * and, for YAML's traps, the hint.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { formatError, parseStory } from '../../src/lib/story/parse.ts';
import { checkFiles } from '../../src/build/check.ts';
import { scratchDir } from '../scratch.ts';
import { patched, storyNamed } from './defects.ts';

const base = readFileSync(new URL('../fixtures/check/base.yaml', import.meta.url), 'utf8');
const countries = new Set(['332']);

/** Replaces `from` (which must occur in the base story) with `to`. */
const swap = (from: string, to: string) => (text: string) => {
  expect(text, `the base story has no "${from}"`).toContain(from);
  return text.replace(from, to);
};

const F = 'check.yaml';

describe('the checker', () => {
  it('finds nothing wrong with the base story', () => {
    expect(parseStory(base, F, countries)).toMatchObject({ ok: true });
  });

  it.each([
    {
      name: 'a missing title',
      patch: swap('title: Base story\n', ''),
      expected: [`${F}:3:1 title: missing: a story needs a \`title\``],
    },
    {
      name: 'no steps',
      patch: (t: string) => t.slice(0, t.indexOf('steps:')) + 'steps: []\n',
      expected: [`${F}:33:8 steps: a story needs at least one step`],
    },
    {
      name: 'a misspelt field, with the field it should be',
      patch: swap('    camera: { center', '    camra: { center'),
      expected: [
        `${F}:42:5 steps[1].camera: missing: a step needs a \`camera\``,
        `${F}:46:5 steps[1].camra: unknown field "camra": not a field a step can have; did you mean \`camera\`?`,
      ],
    },
    {
      name: 'a longitude out of range',
      patch: swap('[-72.3388, 18.5392] }', '[-272.3388, 18.5392] }'),
      expected: [`${F}:13:80 places[0].coordinates[0]: longitude -272.3388 is outside -180..180`],
    },
    {
      name: 'a step showing an unknown event',
      patch: swap('events: [patrol]', 'events: [patrl]'),
      expected: [`${F}:44:14 steps[1].events[0]: step "capital" shows unknown event "patrl"; did you mean "patrol"?`],
    },
    {
      name: 'a date that is not one',
      patch: swap('{ date: 2024-06 }', '{ date: 2024-13 }'),
      expected: [`${F}:19:19 events[0].when.date: 2024-13 is not a real date: month 13 is outside 1..12`],
    },
    {
      name: 'an unquoted comma in { … }',
      patch: swap('name: Port-au-Prince,', 'name: Washington, D.C.,'),
      expected: [
        `${F}:13:45 places[0].D.C.: unknown field "D.C.": not a field a place can have`,
        `    hint: inside { … } an unquoted comma ends the value, so YAML read "Washington, D.C." as two fields; put the value in quotes: name: 'Washington, D.C.'`,
      ],
    },
    {
      name: 'an id YAML reads as a number',
      patch: (t: string) => swap('  - id: deployment', '  - id: 0001')(t).replace('[deployment]', "['0001']"),
      expected: [
        `${F}:17:9 events[0].id: must be text, not the number 1`,
        `    hint: YAML read 0001 as the number 1; put it in quotes: '0001'`,
      ],
    },
    {
      name: 'a year YAML reads as a number',
      patch: swap('{ date: 2024-06 }', '{ date: 0024 }'),
      expected: [
        `${F}:19:19 events[0].when.date: "24" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD`,
        `    hint: YAML read 0024 as the number 24; put it in quotes: '0024'`,
      ],
    },
    {
      name: 'raw HTML on the fourth line of a text block',
      patch: swap('land in the capital.', 'land in the <b>capital</b>.'),
      expected: [
        `${F}:39:19 steps[0].text: raw HTML is not allowed; write *emphasis*, **strong** or [a link](https://…)`,
      ],
    },
    {
      name: 'a colon in an unquoted title',
      patch: swap('title: Base story', 'title: Haiti: the mission'),
      expected: [
        `${F}:3:8 (story): a colon followed by a space starts a new field here, inside a value`,
        `    hint: put the value in quotes: title: 'Haiti: the mission'`,
      ],
    },
    {
      name: 'a tab as indentation',
      patch: swap('    where: haiti', '\twhere: haiti'),
      expected: [
        `${F}:20:1 (story): this line is indented with a tab; YAML needs spaces`,
        '    hint: replace the tab with spaces',
      ],
    },
    {
      name: 'yes for true',
      patch: swap('label: Arrival in the capital }', 'label: Arrival, planned: yes }'),
      expected: [
        `${F}:31:96 routes[0].planned: must be true or false, not text ("yes")`,
        '    hint: write true or false (YAML 1.2 reads yes as a word)',
      ],
    },
    {
      name: 'a kind the kit does not draw',
      patch: swap('kind: deployment', 'kind: flight'),
      expected: [`${F}:31:59 routes[0].kind: must be deployment, evacuation or travel, not text ("flight")`],
    },
  ])('reports $name', ({ patch, expected }) => {
    const result = parseStory(patch(base), F, countries);
    const shown = result.ok ? [] : result.errors.map(formatError).join('\n').split('\n');
    expect(shown).toEqual(expected);
    // Nothing of zod's own wording reaches the reporter.
    expect(shown.join('\n')).not.toMatch(/Invalid input|Too small|Too big|expected .*, received/);
  });
});

describe('the checker from the command line', () => {
  const run = (...files: string[]) =>
    spawnSync('node_modules/.bin/tsx', ['src/build/check.ts', ...files], {
      cwd: new URL('../..', import.meta.url),
      encoding: 'utf8',
    });
  const STACK = /^\s+at /m;

  it('exits 1 on a bad story, with its problems and no stack trace', () => {
    const dir = scratchDir('check');
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    /** Writes the case `name` of the defects table to a file; its path as the checker shows it. */
    const write = (name: string) => {
      const file = join(dir, `${name}.yaml`);
      writeFileSync(file, storyNamed(name));
      return relative(fileURLToPath(new URL('../..', import.meta.url)), file);
    };
    const [field, zoom] = [write('unknown-field'), write('zoom-as-text')];
    const out = run(field, zoom);
    expect(out.status).toBe(1);
    expect(out.stderr).toContain(`${field}:33:5 events[1].wehre: unknown field "wehre"`);
    expect(out.stderr).toContain(`${zoom}:53:50 steps[1].camera.zoom: must be a number`);
    expect(out.stderr).toContain('2 problems in 2 stories checked');
    expect(out.stderr).not.toMatch(STACK);
  });

  it('exits 0 on a good story', () => {
    const out = run('tests/fixtures/check/base.yaml');
    expect(out.stderr).toBe('');
    expect(out.stdout).toContain('1 story checked: no problems');
    expect(out.status).toBe(0);
  });

  it('says in one line when it cannot check at all', () => {
    const out = run('tests/fixtures/check');
    expect(out.status).toBe(2);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(/^check failed: /);
  });
});

describe('the checker’s notes', () => {
  it('tells a reporter that a story in a language the kit does not speak gets English page words', () => {
    const { errors, notes } = checkFiles(['tests/fixtures/i18n/ar.yaml', 'tests/fixtures/i18n/fr.yaml']);
    expect(errors).toEqual([]);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^tests\/fixtures\/i18n\/ar\.yaml: lang: .*no "ar" translation yet/);
  });
  it('advises shortening a step too long for a phone’s card, and still passes the story', () => {
    const dir = scratchDir('check-advice');
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'wordy.yaml');
    const long = Array.from({ length: 70 }, () => 'word').join(' ');
    writeFileSync(file, patched([['text: The officers arrive.', `text: ${long}`]]));
    const { errors, notes } = checkFiles([file]);
    expect(errors).toEqual([]);
    expect(notes.some((n) => /has 70 words: .* 45 words or fewer$/.test(n))).toBe(true);
  });
});
