/** The script `proofdeck dev` adds to served HTML: live reload on the same slide, and an error overlay. */

/** Endpoint of the server-sent events stream. */
export const EVENTS_PATH = '/__proofdeck/events';

/** Endpoint the overlay's file:line:col links call to open the editor. */
export const OPEN_PATH = '/__proofdeck/open';

const OVERLAY_STYLE = `
#proofdeck-dev-overlay{position:fixed;inset:0;z-index:10000;background:rgba(10,12,16,.95);color:#f1f4f8;
  padding:32px 40px;overflow:auto;font:15px/1.5 "JetBrains Mono",ui-monospace,monospace;text-align:left}
#proofdeck-dev-overlay .pd-head{display:flex;justify-content:space-between;gap:24px;margin-bottom:20px}
#proofdeck-dev-overlay .pd-title{color:#ffb38a;font-weight:700}
#proofdeck-dev-overlay button{font:inherit;background:#2a2f38;color:#f1f4f8;border:1px solid #59606b;
  border-radius:6px;padding:2px 12px;cursor:pointer}
#proofdeck-dev-overlay .pd-item{margin:0 0 16px;padding:10px 14px;border-left:4px solid;background:#171b22}
#proofdeck-dev-overlay .pd-error{border-color:#ff6b6b}
#proofdeck-dev-overlay .pd-warning{border-color:#f5c451}
#proofdeck-dev-overlay .pd-severity{font-weight:700;margin-right:8px}
#proofdeck-dev-overlay .pd-error .pd-severity{color:#ff8585}
#proofdeck-dev-overlay .pd-warning .pd-severity{color:#f5c451}
#proofdeck-dev-overlay a{color:#8cc4ff}
#proofdeck-dev-overlay .pd-rule,#proofdeck-dev-overlay .pd-hint{color:#aab2bf}
#proofdeck-dev-overlay pre{white-space:pre-wrap;margin:0}`;

/** Inline script; a full reload also stays on the slide, because reveal.js keeps it in the URL hash. */
function clientScript(token: string, deck: string | undefined): string {
  return `<script>
(() => {
  const source = new EventSource(${JSON.stringify(EVENTS_PATH)});
  const deck = ${JSON.stringify(deck ?? null)};
  const overlayId = 'proofdeck-dev-overlay';
  const clearOverlay = () => document.getElementById(overlayId)?.remove();
  // Swap the slides in place: no script, style or font reload, so the new text shows within a frame.
  // Anything else (another page, a deck without Reveal) gets a plain reload.
  // Only the top-level sections whose served HTML changed are replaced: the others keep their DOM (laid out,
  // diagrams drawn), so a one-slide edit costs one slide. The sections as served were kept before reveal.js
  // changed them (SERVED_SCRIPT); without them (no slides when loaded) the first swap replaces all.
  let served = window.__proofdeckServed;
  const swapSlides = async () => {
    const reveal = window.Reveal;
    const current = document.querySelector('.reveal .slides');
    if (!reveal || !current) return location.reload();
    const html = await (await fetch(location.pathname, { cache: 'no-store' })).text();
    const next = new DOMParser().parseFromString(html, 'text/html').querySelector('.reveal .slides');
    if (!next) return location.reload();
    const { h, v, f } = reveal.getIndices();
    const incoming = [...next.children];
    const sections = incoming.map((node) => node.outerHTML);
    const shown = [...current.children];
    if (served && served.length === sections.length && shown.length === sections.length) {
      sections.forEach((text, i) => {
        if (text !== served[i]) shown[i].replaceWith(document.importNode(incoming[i], true));
      });
    } else {
      current.innerHTML = next.innerHTML;
    }
    served = sections;
    reveal.sync();
    reveal.slide(h, v, f);
    clearOverlay();
    document.dispatchEvent(new CustomEvent('proofdeck:updated', { detail: { via: 'reload' } }));
  };
  // The dev server's fast path: the sections an edit changed, rendered before the full build writes the deck.
  // When this page does not show them as they were counted (another deck, a slide added), the reload that
  // follows the full build does.
  const takeSlides = (data) => {
    const reveal = window.Reveal;
    const current = document.querySelector('.reveal .slides');
    if (!reveal || !current || data.deck !== deck || current.children.length !== data.count) return;
    const shown = [...current.children];
    const { h, v, f } = reveal.getIndices();
    for (const { index, html } of data.sections) {
      const template = document.createElement('template');
      template.innerHTML = html;
      const section = template.content.firstElementChild;
      if (!section || !shown[index]) continue;
      if (served) served[index] = section.outerHTML;
      shown[index].replaceWith(document.importNode(section, true));
    }
    reveal.sync();
    reveal.slide(h, v, f);
    document.dispatchEvent(new CustomEvent('proofdeck:updated', { detail: { via: 'slides' } }));
  };
  const element = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const openLink = (d) => {
    const place = d.file + (d.line ? ':' + d.line + (d.column ? ':' + d.column : '') : '');
    if (!d.line) return element('span', '', place);
    const link = element('a', '', place);
    const query = new URLSearchParams({
      token: ${JSON.stringify(token)}, file: d.file, line: d.line, column: d.column || 1,
    });
    link.href = '#';
    link.title = 'open in your editor';
    link.addEventListener('click', (event) => {
      event.preventDefault();
      fetch(${JSON.stringify(OPEN_PATH)} + '?' + query, { cache: 'no-store' });
    });
    return link;
  };
  const onKey = (event) => {
    if (event.key !== 'Escape' || !document.getElementById(overlayId)) return;
    event.stopImmediatePropagation();
    clearOverlay();
  };
  // Capture phase: reveal.js would otherwise take Esc for its overview.
  document.addEventListener('keydown', onKey, true);
  source.addEventListener('reload', () => { swapSlides().catch(() => location.reload()); });
  source.addEventListener('slides', (event) => takeSlides(JSON.parse(event.data)));
  source.addEventListener('problems', (event) => {
    clearOverlay();
    const data = JSON.parse(event.data);
    const overlay = element('div');
    overlay.id = overlayId;
    overlay.setAttribute('role', 'alert');
    const style = element('style', '', ${JSON.stringify(OVERLAY_STYLE)});
    const head = element('div', 'pd-head');
    const title = element('div', 'pd-title',
      'proofdeck: the last edit does not build; the last good build is underneath');
    const close = element('button', '', 'Esc to dismiss');
    close.addEventListener('click', clearOverlay);
    head.append(title, close);
    overlay.append(style, head);
    const list = data.diagnostics || [];
    if (list.length === 0) overlay.append(element('pre', '', data.text));
    for (const d of list) {
      const item = element('div', 'pd-item pd-' + d.severity);
      const first = element('div');
      first.append(element('span', 'pd-severity', d.severity), openLink(d), document.createTextNode(' '),
        element('span', 'pd-rule', '[' + d.ruleId + ']'));
      item.append(first, element('pre', '', d.message));
      if (d.hint) item.append(element('div', 'pd-hint', 'hint: ' + d.hint));
      overlay.append(item);
    }
    document.body.append(overlay);
  });
})();
</script>`;
}

/** Keeps the served HTML of each top-level section (as the HTML parser read it) for the client. */
const SERVED_SCRIPT = `<script>(() => {
  const slides = document.querySelector('.reveal .slides');
  if (slides) window.__proofdeckServed = [...slides.children].map((node) => node.outerHTML);
})();</script>`;

/** Adds the client script (with the session's editor token, and the deck the page shows) before `</body>`. */
export function injectClient(html: string, token: string, deck?: string): string {
  const script = clientScript(token, deck);
  const withClient = html.includes('</body>') ? html.replace('</body>', `${script}</body>`) : `${html}${script}`;
  // Before reveal.js's script (the last one, after every slide) changes them: the sections as served, which
  // later swaps compare with.
  const at = [...withClient.matchAll(/<script src="[^"]*\/reveal\.js">/g)].at(-1)?.index;
  return at === undefined ? withClient : `${withClient.slice(0, at)}${SERVED_SCRIPT}${withClient.slice(at)}`;
}
