import { describe, expect, it } from 'vitest';
import { overlaps, placeLabels, type Box, type LabelRequest } from '../../src/lib/geo/labelPlacement.ts';

const FRAME: Box = [0, 0, 400, 300];
const label = (id: string, x: number, y: number, width = 60): LabelRequest => ({
  id,
  at: [x, y],
  radius: 14,
  width,
  height: 16,
});
const marker = ({ at: [x, y], radius }: LabelRequest): Box => [x - radius, y - radius, x + radius, y + radius];

describe('placeLabels', () => {
  it.each([
    { name: 'alone in the middle: to the right', labels: [label('a', 200, 150)], sides: ['right'] },
    { name: 'at the right edge: to the left', labels: [label('a', 380, 150)], sides: ['left'] },
    {
      name: 'wider than either side near both edges: above',
      labels: [label('a', 60, 150, 100)],
      sides: ['above'],
      frame: [0, 0, 120, 300] as Box,
    },
    { name: 'in the top right corner: left out', labels: [label('a', 390, 5)], sides: [] },
    {
      name: 'two markers side by side: the first goes left of the second, which keeps its right',
      labels: [label('a', 100, 150), label('b', 180, 150)],
      sides: ['left', 'right'],
    },
    {
      name: 'three in a row: the middle one goes above',
      labels: [label('a', 100, 150), label('b', 180, 150), label('c', 260, 150)],
      sides: ['left', 'above', 'right'],
    },
    {
      name: 'a marker in the way of the right side',
      labels: [label('a', 100, 150)],
      others: [[170, 140, 190, 160] as Box],
      sides: ['left'],
    },
    {
      name: 'no room anywhere: left out',
      labels: [label('a', 20, 10, 390)],
      sides: [],
    },
  ])('$name', ({ labels, sides, others = [], frame = FRAME }) => {
    const placed = placeLabels(labels, [...labels.map(marker), ...others], frame);
    expect(placed.map((p) => p.side)).toEqual(sides);
  });

  it('never overlaps another label or a marker, and stays inside the frame, for a crowd', () => {
    // A deterministic scatter of markers, some crowded, some at the edges.
    const labels = Array.from({ length: 40 }, (_, i) =>
      label(`l${i}`, (i * 97) % 400, (i * 61) % 300, 30 + ((i * 13) % 70)),
    );
    const markers = labels.map(marker);
    const placed = placeLabels(labels, markers, FRAME);
    expect(placed.length).toBeGreaterThan(5);
    expect(placed.length).toBeLessThan(labels.length);
    for (const [i, { box }] of placed.entries()) {
      expect(box[0] >= 0 && box[1] >= 0 && box[2] <= 400 && box[3] <= 300, `inside: ${box.join(',')}`).toBe(true);
      for (const m of markers) expect(overlaps(box, m)).toBe(false);
      for (const other of placed.slice(i + 1)) expect(overlaps(box, other.box)).toBe(false);
    }
  });
});
