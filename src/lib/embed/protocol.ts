/**
 * The messages a story exchanges with the page that embeds it. Incoming messages are validated
 * here and nowhere else: anything malformed, unknown, oversized or meant for another frame is
 * dropped, and nothing received is ever evaluated or inserted as HTML.
 *
 * Spoken: NPR's pym.js (strings `pymxPYMx<id>xPYMx<type>xPYMx<value>`), Datawrapper's height
 * message, and our own JSON messages (`storymap:*`, documented in the README) used by embed.js.
 */

/** Larger messages are ignored unread: nothing we accept comes near this. */
export const MAX_MESSAGE = 2048;

export type HostMessage =
  /** pym: the frame's width changed; answer with our height. */
  | { kind: 'width' }
  /** Where the frame is in the host's viewport: its top edge (px, may be negative) and the viewport's height. */
  | { kind: 'position'; top: number; viewportHeight: number }
  /** Host API: go to this step. */
  | { kind: 'goto'; step: string }
  /** embed.js announces itself: the host resizes the frame and will send positions. */
  | { kind: 'hello' };

const PYM = 'xPYMx';
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const SCREEN = 100_000;
const plausible = (top: number, height: number) => Math.abs(top) < 10_000_000 && height > 0 && height < SCREEN;

function parsePym(data: string, childId: string | undefined): HostMessage | undefined {
  if (!childId) return undefined;
  const prefix = `pym${PYM}${childId}${PYM}`;
  if (!data.startsWith(prefix)) return undefined;
  const rest = data.slice(prefix.length);
  const split = rest.indexOf(PYM);
  if (split < 0) return undefined;
  const type = rest.slice(0, split);
  const value = rest.slice(split + PYM.length);
  if (type === 'width') return /^\d{1,6}$/.test(value) ? { kind: 'width' } : undefined;
  if (type === 'viewport-iframe-position') {
    // "<viewport width> <viewport height> <iframe top> <left> <bottom> <right>"
    const parts = value.split(' ').map(Number);
    if (parts.length !== 6 || !parts.every(Number.isFinite)) return undefined;
    const [, viewportHeight, top] = parts as [number, number, number];
    return plausible(top, viewportHeight) ? { kind: 'position', top, viewportHeight } : undefined;
  }
  return undefined;
}

function parseOwn(data: Record<string, unknown>): HostMessage | undefined {
  switch (data.type) {
    case 'storymap:goto':
      return typeof data.step === 'string' && data.step.length <= 200 ? { kind: 'goto', step: data.step } : undefined;
    case 'storymap:position': {
      const { top, viewportHeight } = data;
      return finite(top) && finite(viewportHeight) && plausible(top, viewportHeight)
        ? { kind: 'position', top, viewportHeight }
        : undefined;
    }
    case 'storymap:hello':
      return { kind: 'hello' };
    default:
      return undefined;
  }
}

/** Reads one message event's data; `undefined` means "ignore it". */
export function parseHostMessage(data: unknown, childId?: string): HostMessage | undefined {
  if (typeof data === 'string') return data.length <= MAX_MESSAGE ? parsePym(data, childId) : undefined;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  if (Object.getPrototypeOf(data) !== Object.prototype) return undefined;
  let size: number;
  try {
    size = JSON.stringify(data).length;
  } catch {
    return undefined;
  }
  return size <= MAX_MESSAGE ? parseOwn(data as Record<string, unknown>) : undefined;
}

export const pymMessage = (childId: string, type: string, value: string | number) =>
  ['pym', childId, type, String(value)].join(PYM);

/** Datawrapper's resize message; its hosts match the frame by the message's source window. */
export const datawrapperHeight = (id: string, height: number) => ({ 'datawrapper-height': { [id]: height } });

export type StoryMessage =
  | { type: 'storymap:ready'; steps: string[] }
  | { type: 'storymap:height'; height: number }
  | { type: 'storymap:step'; id: string; index: number }
  /** Asks the host to scroll so that this y (px from the frame's top) is at the viewport's top. */
  | { type: 'storymap:scroll'; y: number };
