/** The script `proofdeck dev` adds to served HTML: live reload on the same slide, and an error overlay. */

/** Endpoint of the server-sent events stream. */
export const EVENTS_PATH = '/__proofdeck/events';

/** Inline script; a full reload also stays on the slide, because reveal.js keeps it in the URL hash. */
const CLIENT_SCRIPT = `<script>
(() => {
  const source = new EventSource(${JSON.stringify(EVENTS_PATH)});
  const overlayId = 'proofdeck-dev-overlay';
  const clearOverlay = () => document.getElementById(overlayId)?.remove();
  // Swap the slides in place: no script, style or font reload, so the new text shows within a frame.
  // Anything else (another page, a deck without Reveal) gets a plain reload.
  const swapSlides = async () => {
    const reveal = window.Reveal;
    const current = document.querySelector('.reveal .slides');
    if (!reveal || !current) return location.reload();
    const html = await (await fetch(location.pathname, { cache: 'no-store' })).text();
    const next = new DOMParser().parseFromString(html, 'text/html').querySelector('.reveal .slides');
    if (!next) return location.reload();
    const { h, v, f } = reveal.getIndices();
    current.innerHTML = next.innerHTML;
    reveal.sync();
    reveal.slide(h, v, f);
    clearOverlay();
    document.dispatchEvent(new CustomEvent('proofdeck:updated'));
  };
  source.addEventListener('reload', () => { swapSlides().catch(() => location.reload()); });
  source.addEventListener('ok', () => { if (document.getElementById(overlayId)) location.reload(); });
  source.addEventListener('problems', (event) => {
    clearOverlay();
    const overlay = document.createElement('div');
    overlay.id = overlayId;
    overlay.setAttribute('role', 'alert');
    overlay.style.cssText = [
      'position:fixed;inset:0;z-index:10000;background:rgba(10,12,16,.94);color:#f1f4f8',
      'padding:32px 40px;overflow:auto;font:15px/1.5 "JetBrains Mono",monospace;white-space:pre-wrap',
    ].join(';');
    const title = document.createElement('div');
    title.textContent = 'proofdeck: the last edit does not build; showing the last good build underneath';
    title.style.cssText = 'color:#ff9a5c;font-weight:700;margin-bottom:16px';
    const body = document.createElement('div');
    body.textContent = JSON.parse(event.data).text;
    overlay.append(title, body);
    document.body.append(overlay);
  });
})();
</script>`;

/** Adds the client script before `</body>`. */
export function injectClient(html: string): string {
  return html.includes('</body>') ? html.replace('</body>', `${CLIENT_SCRIPT}</body>`) : `${html}${CLIENT_SCRIPT}`;
}
