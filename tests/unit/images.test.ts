/**
 * Images in stories: the path rule, the sizes made of an image, the header probe, and every
 * refusal as `npm run check` and the build print it (file:line:col field: reason), for YAML and
 * ArchieML. Stories and images are written into a folder under tests/.tmp-… from the fixture in
 * tests/fixtures/images; the build's own output is tested in tests/build-images.test.ts.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { imagePathProblem } from '../../src/lib/story/imagePath.ts';
import { rebasePictures, widthsFor } from '../../src/lib/story/picture.ts';
import { NOT_AN_IMAGE, probeImage } from '../../src/build/image-probe.ts';
import { buildStory, checkStory, decodeErrors } from '../../src/build/stories.ts';
import { checkFilesAndImages } from '../../src/build/check.ts';
import { encodeImage } from '../../src/build/images.ts';
import { formatError } from '../../src/lib/story/parse.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE = resolve(ROOT, 'tests/fixtures/images');
const temp = mkdtempSync(join(ROOT, 'tests', '.tmp-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('imagePathProblem', () => {
  const cases: { name: string; input: string; expected: RegExp | undefined }[] = [
    { name: 'a file beside the story', input: 'harbour.jpg', expected: undefined },
    { name: 'a file in a folder below', input: 'images/harbour at dawn.jpg', expected: undefined },
    { name: 'a leading ./', input: './harbour.jpg', expected: undefined },
    { name: 'two dots inside a name', input: 'harbour..jpg', expected: undefined },
    { name: 'https', input: 'https://example.org/a.jpg', expected: /not an address/ },
    { name: 'http, in capitals', input: 'HTTP://example.org/a.jpg', expected: /not an address/ },
    { name: 'protocol-relative', input: '//cdn.example.org/a.jpg', expected: /not an address/ },
    { name: 'data', input: 'data:image/png;base64,iVBORw0KGgo=', expected: /not an address/ },
    { name: 'javascript', input: 'javascript:alert(1)', expected: /not an address/ },
    { name: 'file', input: 'file:///etc/passwd', expected: /not an address/ },
    { name: 'absolute', input: '/etc/passwd', expected: /relative to the story file/ },
    { name: 'backslashes', input: 'images\\a.jpg', expected: /forward slashes/ },
    { name: 'up a folder', input: '../a.jpg', expected: /cannot go up/ },
    { name: 'up, in the middle', input: 'images/../../a.jpg', expected: /cannot go up/ },
    { name: 'a control character', input: 'a\u0000.jpg', expected: /control character/ },
  ];
  it.each(cases)('$name', ({ input, expected }) => {
    const problem = imagePathProblem(input);
    if (expected) expect(problem).toMatch(expected);
    else expect(problem).toBeUndefined();
  });
});

describe('widthsFor', () => {
  const cases = [
    { name: 'a large photo: every width', input: 4000, expected: [480, 960, 1440] },
    { name: 'exactly the largest', input: 1440, expected: [480, 960, 1440] },
    { name: 'between two: its own width last, never scaled up', input: 1100, expected: [480, 960, 1100] },
    { name: 'just above one', input: 961, expected: [480, 960, 961] },
    { name: 'exactly the smallest', input: 480, expected: [480] },
    { name: 'smaller than every width', input: 300, expected: [300] },
  ];
  it.each(cases)('$name', ({ input, expected }) => expect(widthsFor(input)).toEqual(expected));
});

describe('probeImage', () => {
  const pixels = (width: number, height: number) =>
    sharp({ create: { width, height, channels: 3, background: '#3a6' } });
  const cases = [
    { name: 'PNG', make: () => pixels(30, 20).png().toBuffer(), expected: ['png', 30, 20] },
    { name: 'lossy WebP', make: () => pixels(30, 20).webp().toBuffer(), expected: ['webp', 30, 20] },
    {
      name: 'lossless WebP',
      make: () => pixels(31, 21).webp({ lossless: true }).toBuffer(),
      expected: ['webp', 31, 21],
    },
    { name: 'GIF', make: () => pixels(30, 20).gif().toBuffer(), expected: ['gif', 30, 20] },
    { name: 'AVIF', make: () => pixels(30, 20).avif().toBuffer(), expected: ['avif', 30, 20] },
    { name: 'JPEG', make: () => pixels(30, 20).jpeg().toBuffer(), expected: ['jpeg', 30, 20] },
    {
      name: 'JPEG from a phone held upright (EXIF orientation 6): shown 20 wide',
      make: () => pixels(30, 20).jpeg().withMetadata({ orientation: 6 }).toBuffer(),
      expected: ['jpeg', 20, 30],
    },
  ] as const;
  it.each(cases)('reads the size of a $name', async ({ make, expected }) => {
    const [format, width, height] = expected;
    expect(probeImage(await make())).toEqual({ format, width, height });
  });

  it('refuses text, SVG, an empty file and a header cut short', async () => {
    const png = await pixels(30, 20).png().toBuffer();
    expect(probeImage(Buffer.from('hello, this is text'))).toBe(NOT_AN_IMAGE);
    expect(probeImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe(NOT_AN_IMAGE);
    expect(probeImage(new Uint8Array())).toBe(NOT_AN_IMAGE);
    expect(probeImage(png.subarray(0, 18))).toBe(`${NOT_AN_IMAGE} (the file ends too soon)`);
  });
});

/** A folder in temp holding `story` (its text) as `name`, beside harbour.jpg and `extra` files. */
let folders = 0;
function storyFolder(name: string, story: string, extra: Record<string, Uint8Array | string> = {}) {
  const dir = join(temp, `story-${++folders}`);
  mkdirSync(dir);
  writeFileSync(join(dir, name), story);
  copyFileSync(join(FIXTURE, 'harbour.jpg'), join(dir, 'harbour.jpg'));
  for (const [file, bytes] of Object.entries(extra)) writeFileSync(join(dir, file), bytes);
  return join(dir, name);
}
const yaml = readFileSync(join(FIXTURE, 'harbour.yaml'), 'utf8');
const aml = readFileSync(join(FIXTURE, 'harbour-aml.aml'), 'utf8');
/** The problems `npm run check` prints for the file, without its folder: `s.yaml:39:12 field: reason`. */
const problems = (file: string) => {
  const result = checkStory(file, ROOT);
  return result.ok ? [] : result.errors.map((e) => formatError(e).replace(/^[^:]*\//, ''));
};

describe('the check refuses an image', () => {
  // The step's image is at lines 38–42 of the fixture: `src` on 39, `alt` 40, `credit` 41.
  const STEP_SRC = 'src: ./harbour.jpg';
  const cases: { name: string; edit: (story: string) => string; extra?: Record<string, string>; expected: string[] }[] =
    [
      {
        name: 'without alt text',
        edit: (s) => s.replace(/\n\s+alt: A quay[^\n]*/, ''),
        expected: ['s.yaml:39:7 steps[0].image.alt: missing: an image needs an `alt`'],
      },
      {
        name: 'with empty alt text',
        edit: (s) => s.replace(/alt: A quay[^\n]*/, "alt: '  '"),
        expected: [
          's.yaml:40:12 steps[0].image.alt: an image needs alt text: say what it shows, for readers who cannot see it',
        ],
      },
      {
        name: 'without a credit',
        edit: (s) => s.replace(/\n\s+credit: Event Photographer[^\n]*/, ''),
        expected: ['s.yaml:28:7 events[0].image.credit: missing: an image needs a `credit`'],
      },
      {
        name: 'with an empty credit',
        edit: (s) => s.replace('credit: Step Photographer / Wire', "credit: ''"),
        expected: [
          's.yaml:41:15 steps[0].image.credit: an image needs a credit: who made it, e.g. "A. Photographer / Agency"',
        ],
      },
      {
        name: 'at a web address',
        edit: (s) => s.replace(STEP_SRC, 'src: https://example.org/harbour.jpg'),
        expected: [
          's.yaml:39:12 steps[0].image.src: an image is a file in the story’s folder, not an address: save the image beside the story and write its file name, e.g. harbour.jpg',
        ],
      },
      {
        name: 'as a data address',
        edit: (s) => s.replace(STEP_SRC, "src: 'data:image/png;base64,iVBORw0KGgo='"),
        expected: [
          expect.stringMatching(/^s\.yaml:39:12 steps\[0\]\.image\.src: .*not an address/) as unknown as string,
        ],
      },
      {
        name: 'outside the stories folder',
        edit: (s) => s.replace(STEP_SRC, 'src: ../harbour.jpg'),
        expected: [
          's.yaml:39:12 steps[0].image.src: an image must be in the story’s folder or a folder inside it: a path cannot go up with ".."',
        ],
      },
      {
        name: 'at an absolute path',
        edit: (s) => s.replace(STEP_SRC, 'src: /etc/hostname'),
        expected: [
          's.yaml:39:12 steps[0].image.src: write the image’s path relative to the story file, with forward slashes, e.g. images/harbour.jpg',
        ],
      },
      {
        name: 'whose file is missing',
        edit: (s) => s.replace(STEP_SRC, 'src: gone.jpg'),
        expected: [
          expect.stringMatching(
            /^s\.yaml:39:12 steps\[0\]\.image\.src: no image file "gone\.jpg" beside the story \(looked for .*gone\.jpg\)$/,
          ) as unknown as string,
        ],
      },
      {
        name: 'that is a text file',
        edit: (s) => s.replace(STEP_SRC, 'src: notes.jpg'),
        extra: { 'notes.jpg': 'not a picture' },
        expected: [`s.yaml:39:12 steps[0].image.src: ${NOT_AN_IMAGE}`],
      },
      {
        name: 'that is an SVG',
        edit: (s) => s.replace(STEP_SRC, 'src: map.svg'),
        extra: { 'map.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>' },
        expected: [`s.yaml:39:12 steps[0].image.src: ${NOT_AN_IMAGE}`],
      },
      {
        name: 'with a field the kit does not know',
        edit: (s) => s.replace('caption:', 'captoin:'),
        expected: [
          's.yaml:42:7 steps[0].image.captoin: unknown field "captoin": not a field an image can have; did you mean `caption`?',
        ],
      },
    ];
  it.each(cases)('$name', ({ edit, extra, expected }) => {
    const story = edit(yaml);
    expect(story).not.toBe(yaml);
    expect(problems(storyFolder('s.yaml', story, extra))).toEqual(expected);
  });

  it('that is a link to a file outside the story’s folder', () => {
    const file = storyFolder('s.yaml', yaml.replace(STEP_SRC, 'src: linked.jpg'));
    symlinkSync(join(FIXTURE, 'harbour.jpg'), join(file, '..', 'linked.jpg'));
    expect(problems(file)).toEqual([
      's.yaml:39:12 steps[0].image.src: "linked.jpg" is a link to a file outside the story’s folder; copy the image into the folder instead',
    ]);
  });

  it('in ArchieML, at the line of its field', () => {
    const story = aml
      .replace('image.alt: Boats moored in the harbour at dawn\n', '')
      .replace('src: harbour.jpg\nalt', 'src: https://example.org/a.jpg\nalt');
    expect(problems(storyFolder('s.aml', story))).toEqual([
      's.aml:23:1 events[0].image.alt: missing: an image needs an `alt`',
      expect.stringMatching(
        /^s\.aml:40:1 steps\[0\]\.image\.src: an image is a file in the story’s folder, not an address/,
      ),
    ]);
  });

  it('that cannot be decoded, once check and build decode it', async () => {
    const whole = readFileSync(join(FIXTURE, 'harbour.jpg'));
    const file = storyFolder('s.yaml', yaml.replace(STEP_SRC, 'src: cut.jpg'), {
      'cut.jpg': whole.subarray(0, 4000),
    });
    // Its header is whole: the quick check passes, the decoding does not.
    expect(problems(file)).toEqual([]);
    const errors = (await decodeErrors([file], ROOT)).map((e) => formatError(e).replace(/^[^:]*\//, ''));
    expect(errors).toEqual([
      expect.stringMatching(
        /^s\.yaml:39:12 steps\[0\]\.image\.src: the image cannot be decoded \(.+\); export it again as JPEG or PNG$/,
      ),
    ]);
    const checked = await checkFilesAndImages([file], ROOT);
    expect(checked.errors.map((e) => e.message)).toEqual([expect.stringMatching(/cannot be decoded/)]);
  });
});

describe('a story with images, compiled', () => {
  const built = buildStory(join(FIXTURE, 'harbour.yaml'), ROOT);
  const step = built.story.steps[0]?.image;

  it('gives each image its words and its sizes, from the site’s root', () => {
    expect(step).toMatchObject({
      alt: 'A quay under a pale sky, with a yellow sun',
      credit: 'Step Photographer / Wire',
      caption: 'The quay, seen from the water.',
      width: 1100,
      height: 733,
    });
    expect(step?.sizes.map((s) => [s.width, s.height])).toEqual([
      [480, 320],
      [960, 640],
      [1100, 733],
    ]);
    expect(step?.sizes[0]?.files.avif).toMatch(/^assets\/images\/harbour-480-[0-9a-f]{10}\.avif$/);
    // One file, two uses: the event's image is the same files, with its own words.
    expect(built.story.events[0]?.image?.sizes).toEqual(step?.sizes);
    expect(built.story.events[0]?.image?.caption).toBeUndefined();
    expect(built.images.size).toBe(9);
  });

  it('names the files from each page', () => {
    const fromEmbed = rebasePictures(built.story, '../../');
    expect(fromEmbed.steps[0]?.image?.sizes[2]?.files.jpeg).toBe(`../../${step?.sizes[2]?.files.jpeg}`);
    expect(fromEmbed.events[0]?.image?.sizes[0]?.files.webp).toBe(`../../${step?.sizes[0]?.files.webp}`);
    expect(built.story.steps[0]?.image?.sizes[0]?.files.avif).not.toMatch(/^\.\.\//);
  });

  it('encodes a file once, then reads it from the cache', async () => {
    const [name, job] = [...built.images].find(([, j]) => j.width === 480 && j.format === 'webp') ?? [];
    if (!name || !job) throw new Error('no 480 px WebP planned');
    const cache = join(temp, 'cache');
    const first = await encodeImage(name, job, cache);
    expect(await sharp(first).metadata()).toMatchObject({ format: 'webp', width: 480, height: 320 });
    // A different source under the same name: the cache answers, so nothing is encoded again.
    const again = await encodeImage(name, { ...job, source: join(temp, 'nothing-here.jpg') }, cache);
    expect(Buffer.from(again)).toEqual(Buffer.from(first));
  });
});
