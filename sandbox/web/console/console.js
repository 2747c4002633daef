// The sandbox console's only script: keeps the page live without a reload. When the server reports a change (a
// trigger ran, a job was handled, the user acted), it fetches the same page again and swaps in the regions marked
// `data-live`, except one the user is working in; it reloads the app's issue panel when the web links change
// (a ticket was linked), counts down to the next scheduled pull, and keeps forms from being sent twice.
// Plain JavaScript checked by tsc through JSDoc (sandbox/web/tsconfig.json), like the bridge shim.
'use strict';

(function () {
  const REFRESH_DELAY_MS = 250;
  /** @type {number | undefined} */
  let pending;
  let refreshing = false;
  let again = false;

  /** @param {Element} region */
  function inUse(region) {
    const active = document.activeElement;
    return active !== null && active !== document.body && region.contains(active);
  }

  async function refresh() {
    if (refreshing) {
      again = true;
      return;
    }
    refreshing = true;
    try {
      const response = await fetch(location.href, { headers: { accept: 'text/html' } });
      if (!response.ok) return;
      const next = new DOMParser().parseFromString(await response.text(), 'text/html');
      for (const region of document.querySelectorAll('[data-live][id]')) {
        const fresh = next.getElementById(region.id);
        if (!fresh || inUse(region) || fresh.innerHTML === region.innerHTML) continue;
        const reload = region.getAttribute('data-reload-panel');
        region.innerHTML = fresh.innerHTML;
        const nextReload = fresh.getAttribute('data-reload-panel');
        if (reload !== null && nextReload !== null && reload !== nextReload) {
          region.setAttribute('data-reload-panel', nextReload);
          const panel = document.getElementById('issue-panel');
          if (panel instanceof HTMLIFrameElement) panel.contentWindow?.location.reload();
        }
      }
      startClock();
    } catch {
      // The sandbox stopped or restarted: the stream reconnects by itself, and the next change refreshes again.
    } finally {
      refreshing = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  }

  function schedule() {
    if (pending !== undefined) clearTimeout(pending);
    pending = window.setTimeout(() => {
      pending = undefined;
      void refresh();
    }, REFRESH_DELAY_MS);
  }

  /** @type {number | undefined} */
  let ticker;
  function startClock() {
    const clock = document.querySelector('[data-next-pull]');
    if (!(clock instanceof HTMLElement)) return;
    const at = Number(clock.dataset.nextPull);
    const tick = () => {
      const seconds = Math.max(0, Math.round((at - Date.now()) / 1000));
      clock.textContent =
        seconds === 0
          ? 'pulling…'
          : `next pull in ${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
    };
    tick();
    if (ticker !== undefined) clearInterval(ticker);
    ticker = window.setInterval(tick, 1000);
  }

  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    // Disable after the browser has collected the form data (a disabled submitter would drop its name/value).
    setTimeout(() => {
      for (const button of form.querySelectorAll('button')) button.disabled = true;
    });
    form.setAttribute('aria-busy', 'true');
  });

  startClock();
  new EventSource('/api/live').addEventListener('message', schedule);
})();
