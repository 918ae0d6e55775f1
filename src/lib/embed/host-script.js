// @ts-check
/*
 * embed.js: puts a story map in a page as a full-height frame, with no other script needed.
 *   <div data-storymap="https://…/<slug>/embed/" data-title="…"></div>
 *   <script src="https://…/embed.js" async></script>
 * The frame grows to the story's height and the page scrolls; this script tells the story where
 * its frame is so the story keeps its map in view. The host can steer a story with
 * element.storymap.goTo(stepId), and hears each step change as a `storymap:step` event on the
 * element. Only messages from the frame's own window and origin are read, and only numbers and
 * step ids are taken from them.
 */
(function () {
  'use strict';
  /** @type {{ el: HTMLElement, frame: HTMLIFrameElement, origin: string }[]} */
  var embeds = [];
  var pending = 0;

  /** @param {{ frame: HTMLIFrameElement, origin: string }} e @param {object} message */
  function send(e, message) {
    if (e.frame.contentWindow) e.frame.contentWindow.postMessage(message, e.origin);
  }

  /** @param {{ frame: HTMLIFrameElement, origin: string }} e */
  function position(e) {
    var rect = e.frame.getBoundingClientRect();
    send(e, { type: 'storymap:position', top: rect.top, viewportHeight: window.innerHeight });
  }

  function positions() {
    pending = 0;
    embeds.forEach(position);
  }

  function schedule() {
    if (!pending) pending = requestAnimationFrame(positions);
  }

  /** @param {HTMLElement} el */
  function mount(el) {
    var url = new URL(el.getAttribute('data-storymap') || '', document.baseURI);
    if (!/^https?:$/.test(url.protocol) || el.querySelector('iframe')) return;
    url.searchParams.set('resize', '1');
    var frame = document.createElement('iframe');
    frame.src = url.href;
    frame.title = el.getAttribute('data-title') || 'Story map';
    frame.setAttribute('scrolling', 'no');
    frame.style.cssText = 'display:block;width:100%;height:600px;border:0;';
    var e = { el: el, frame: frame, origin: url.origin };
    embeds.push(e);
    frame.addEventListener('load', function () {
      send(e, { type: 'storymap:hello' });
      position(e);
    });
    Object.defineProperty(el, 'storymap', {
      value: Object.freeze({
        /** @param {string} step */
        goTo: function (step) {
          send(e, { type: 'storymap:goto', step: String(step) });
        },
      }),
    });
    el.appendChild(frame);
  }

  window.addEventListener('message', function (event) {
    var e = embeds.filter(function (x) {
      return x.frame.contentWindow === event.source && x.origin === event.origin;
    })[0];
    var data = event.data;
    if (!e || !data || typeof data !== 'object') return;
    if (data.type === 'storymap:height' && typeof data.height === 'number' && data.height > 0 && data.height < 1e6) {
      e.frame.style.height = Math.ceil(data.height) + 'px';
      position(e);
    } else if (data.type === 'storymap:scroll' && typeof data.y === 'number' && isFinite(data.y)) {
      var top = e.frame.getBoundingClientRect().top + window.scrollY + data.y;
      window.scrollTo({ top: top, behavior: 'smooth' });
    } else if (data.type === 'storymap:step' && typeof data.id === 'string') {
      e.el.dispatchEvent(new CustomEvent('storymap:step', { detail: { id: data.id, index: Number(data.index) } }));
    } else if (data.type === 'storymap:ready') {
      send(e, { type: 'storymap:hello' });
      position(e);
    }
  });
  window.addEventListener('scroll', schedule, { passive: true });
  window.addEventListener('resize', schedule);

  function start() {
    document.querySelectorAll('[data-storymap]').forEach(function (el) {
      mount(/** @type {HTMLElement} */ (el));
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
