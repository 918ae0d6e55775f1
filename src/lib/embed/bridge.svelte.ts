/**
 * The story's side of embedding: reads the query string, listens to the host (only to the
 * window that framed us), reports our height in every protocol a resizing host may speak, and
 * exposes the layout mode and the host's viewport as runes state for the page to render from.
 */
import { parseHostMessage, pymMessage, datawrapperHeight, type StoryMessage } from './protocol.ts';
import { embedMode, type EmbedMode } from './layout.ts';

export interface HostViewport {
  /** The frame's top edge in the host's viewport (px; negative once scrolled past). */
  top: number;
  height: number;
}

export class EmbedBridge {
  readonly embedPage: boolean;
  readonly resizing: boolean;
  /** pym's id for this frame, when a pym parent made it. */
  readonly childId: string | undefined;
  /** `?step=` on the embed page: where the story starts. */
  readonly startStep: string | undefined;
  private positions = $state(0);
  private announced = $state(false);
  host: HostViewport | undefined = $state();
  private lastHeight = 0;
  private heightId: string;

  constructor(
    embedPage: boolean,
    slug: string,
    private onGoTo: (step: string) => void,
  ) {
    // Read once at start; nothing here reacts to later changes of the address.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const query = new URLSearchParams(location.search);
    this.embedPage = embedPage;
    this.childId = query.get('childId') ?? undefined;
    this.resizing = embedPage && (this.childId !== undefined || query.get('resize') === '1');
    this.startStep = query.get('step') ?? undefined;
    this.heightId = slug;
    if (!embedPage || window.parent === window) return;
    window.addEventListener('message', (e) => this.receive(e));
  }

  get mode(): EmbedMode {
    // embed.js says it will keep positions coming; from pym we wait for a second one, since a
    // parent without `trackscroll` answers our first question once and then falls silent.
    const positioned = this.announced ? this.positions >= 1 : this.positions >= 2;
    return embedMode({ embedPage: this.embedPage, resizing: this.resizing, positioned });
  }

  private receive(e: MessageEvent) {
    if (e.source !== window.parent) return;
    const message = parseHostMessage(e.data, this.childId);
    if (!message) return;
    if (message.kind === 'width') this.sendHeight(true);
    else if (message.kind === 'hello') this.announced = true;
    else if (message.kind === 'position') {
      this.host = { top: message.top, height: message.viewportHeight };
      this.positions++;
      this.sendHeight();
    } else if (message.kind === 'goto') this.onGoTo(message.step);
  }

  /** Sends a message to the host page in our own protocol. */
  post(message: StoryMessage) {
    if (this.embedPage && window.parent !== window) window.parent.postMessage(message, '*');
  }

  /** Reports the story's height to a resizing host, in each protocol it may speak. */
  sendHeight(force = false) {
    if (!this.resizing || window.parent === window) return;
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (!force && height === this.lastHeight) return;
    this.lastHeight = height;
    if (this.childId) window.parent.postMessage(pymMessage(this.childId, 'height', height), '*');
    window.parent.postMessage(datawrapperHeight(this.heightId, height), '*');
    this.post({ type: 'storymap:height', height });
  }

  /** Starts reporting: height now and whenever the story's size changes; asks pym where we are. */
  start(steps: string[]) {
    if (!this.embedPage) return;
    this.post({ type: 'storymap:ready', steps });
    if (!this.resizing) return;
    // A frame out of view gets no rendering updates (so no ResizeObserver calls) in Chromium;
    // the host's position messages, sent as it scrolls, make us check the height again too.
    new ResizeObserver(() => this.sendHeight()).observe(document.body);
    this.sendHeight(true);
    if (this.childId) window.parent.postMessage(pymMessage(this.childId, 'parentPositionInfo', ''), '*');
  }

  /** Asks the host to scroll so that `y` (px from the frame's top) is at the top of its viewport. */
  scrollHost(y: number) {
    if (this.childId) window.parent.postMessage(pymMessage(this.childId, 'scrollToChildPos', Math.round(y)), '*');
    this.post({ type: 'storymap:scroll', y: Math.round(y) });
  }
}
