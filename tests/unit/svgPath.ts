/**
 * An SVG path's points, read back as a renderer reads them: absolute and relative moves and lines
 * (`M m L l`, with their implied repeats) and closes (`Z z`), which is all a static map writes.
 * Each subpath is its list of absolute points.
 */
export function pathLines(d: string): [number, number][][] {
  const tokens = d.match(/[MmLlZz]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/g) ?? [];
  const lines: [number, number][][] = [];
  let [x, y, startX, startY] = [0, 0, 0, 0];
  let command = '';
  for (let i = 0; i < tokens.length;) {
    const token = tokens[i] ?? '';
    if (/[A-Za-z]/.test(token)) {
      command = token;
      i++;
      if (command === 'Z' || command === 'z') [x, y] = [startX, startY];
      continue;
    }
    if (!'MmLl'.includes(command) || command === '') throw new Error(`a number after ${command || 'nothing'}: ${d}`);
    const [a, b] = [Number(tokens[i]), Number(tokens[i + 1])];
    if (!Number.isFinite(a) || !Number.isFinite(b)) throw new Error(`an odd number of coordinates: ${d}`);
    i += 2;
    const relative = command === command.toLowerCase();
    [x, y] = relative ? [x + a, y + b] : [a, b];
    if (command === 'M' || command === 'm') {
      lines.push([[x, y]]);
      [startX, startY] = [x, y];
      // Pairs after a move are lines of the same kind (SVG's implied command).
      command = relative ? 'l' : 'L';
    } else lines[lines.length - 1]?.push([x, y]);
  }
  return lines;
}
