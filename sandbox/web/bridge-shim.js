// @ts-check
// The Custom UI bridge of the sandbox (docs/forge-platform.md §6.7). In Jira the host page answers `callBridge` over
// postMessage; here this script answers it from the page's own origin, so the built apps run unchanged in a plain
// browser tab. It must run before the app bundle: @forge/bridge reads `globalThis.__bridge` when its modules load.
//
// The page embeds its context as JSON in <script type="application/json" id="sandbox-context"> (a data block, which
// the Content Security Policy allows, unlike an inline script); `window.__sandboxContext`, when set first, wins.
// Commands and payloads as @forge/bridge 7.2.0 sends them:
//   invoke          {functionKey, payload, metadata?}        → the resolver's result, via POST /api/invoke
//   getContext      —                                         → the FullContext object
//   enableTheming   —                                         → data-theme, data-color-mode (light; dark with
//                                                               ?theme=dark or a context theme.colorMode dark)
//                                                               and the design-token CSS
//   navigate        {url, type: 'same-tab'|'new-tab'} or {target, …, type}   (router.navigate / router.open)
//   getUrl          {target, …}                               → URL string
//   reload, refresh —                                         → reloads the page
//   showFlag        {id, title?, description?, type};  closeFlag {id}
//   on, onPublic    {event, callback} → {unsubscribe};  emit, emitPublic {event, payload}
//   openModal       {resource, onClose, size, context, closeOnEscape, closeOnOverlayClick, title, icon}   (Modal.open)
//                                                             → true; the resource opens in an iframe over the whole
//                                                               page, with a backdrop, as Jira opens it (below)
//   close           payload                                   → in a modal: closes it, the opener's onClose(payload)
//   createHistory, changeWindowTitle, emitReadyEvent, submit, onClose, open
// Anything else rejects, so an app that starts using a new command fails loudly in the sandbox.
//
// Modals (https://developer.atlassian.com/platform/forge/apis-reference/ui-api-bridge/modal/): Jira opens the
// resource over its whole page, not inside the panel's frame. Here the overlay goes into the topmost page of the same
// origin (the console's Jira issue page around the panel's iframe, or the panel's own page when it is the top), and
// its iframe loads the same resource with `?modal=<JSON>`, which ui-server.ts puts at `extension.modal` of the
// modal's context beside the opener's extension. `view.close(payload)` in the modal posts to the page holding the
// overlay, which removes it and calls the opener's onClose(payload); Escape and a click on the backdrop close it
// without a payload unless the options say otherwise.

/**
 * @typedef {{
 *   moduleKey: string,
 *   accountId?: string,
 *   siteUrl?: string,
 *   extension?: Record<string, unknown>,
 *   [key: string]: unknown,
 * }} SandboxContext
 * @typedef {(payload: unknown) => unknown} Command
 * @typedef {(payload: unknown) => unknown} Listener
 * @typedef {(location: { pathname: string, search: string, hash: string }, action: string) => void} HistoryListener
 * @typedef {typeof globalThis & {
 *   __sandboxContext?: SandboxContext,
 *   __bridge?: { callBridge: (cmd: string, payload?: unknown) => Promise<unknown> },
 * }} ShimGlobal
 */

(function installSandboxBridge(/** @type {ShimGlobal} */ global) {
  'use strict';

  const THEME_IDS = 'dark:dark light:light shape:shape spacing:spacing typography:typography';
  // The design-token CSS the host would load for a themed app, served by ui-server.ts.
  const THEME_CSS_PATH = '/sandbox/theme.css';
  const FLAG_HOST_ID = 'sandbox-flags';
  const FLAG_COLOURS = {
    success: 'var(--ds-icon-success, #22A06B)',
    error: 'var(--ds-icon-danger, #C9372C)',
    warning: 'var(--ds-icon-warning, #E56910)',
    info: 'var(--ds-icon-information, #1D7AFC)',
  };

  /** @param {unknown} value @returns {value is Record<string, unknown>} */
  function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  }

  /** @param {unknown} value */
  function text(value) {
    if (typeof value === 'string') return value;
    return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
  }

  /** @returns {SandboxContext} */
  function readContext() {
    if (global.__sandboxContext) return global.__sandboxContext;
    const element = global.document.getElementById('sandbox-context');
    /** @type {unknown} */
    const parsed = element ? JSON.parse(element.textContent || '{}') : {};
    if (!isRecord(parsed) || typeof parsed.moduleKey !== 'string') {
      throw new Error('The sandbox page has no context: serve it through sandbox/web/ui-server.ts');
    }
    const context = /** @type {SandboxContext} */ (parsed);
    global.__sandboxContext = context;
    return context;
  }

  // ------------------------------------------------------------------ invoke

  /** @param {unknown} request */
  async function invoke(request) {
    if (!isRecord(request) || typeof request.functionKey !== 'string') {
      throw new Error('invoke needs a functionKey');
    }
    const context = readContext();
    const response = await global.fetch(new URL('/api/invoke', global.location.origin).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({
        moduleKey: context.moduleKey,
        functionKey: request.functionKey,
        payload: request.payload === undefined ? {} : request.payload,
        accountId: context.accountId,
        extension: context.extension ?? {},
      }),
    });
    const body = await response.text();
    /** @type {unknown} */
    let parsed;
    try {
      parsed = body === '' ? undefined : JSON.parse(body);
    } catch {
      parsed = undefined;
    }
    if (!response.ok) {
      // The real bridge rejects when the invocation itself fails (an error envelope is an ordinary result).
      const reason =
        isRecord(parsed) && typeof parsed.error === 'string' ? parsed.error : response.statusText;
      throw new Error(`Resolver "${request.functionKey}" failed (${response.status}): ${reason}`);
    }
    return parsed;
  }

  // ------------------------------------------------------------------ theming

  function enableTheming() {
    const html = global.document.documentElement;
    // The colour mode Jira would give: the context's theme (the console's light/dark toggle), or ?theme=dark.
    const theme = readContext().theme;
    const dark =
      new URLSearchParams(global.location.search).get('theme') === 'dark' ||
      (isRecord(theme) && theme.colorMode === 'dark');
    html.setAttribute('data-theme', THEME_IDS);
    html.setAttribute('data-color-mode', dark ? 'dark' : 'light');
    if (global.document.querySelector('link[data-sandbox-theme]')) return Promise.resolve(undefined);
    const link = global.document.createElement('link');
    link.rel = 'stylesheet';
    link.href = THEME_CSS_PATH;
    link.setAttribute('data-sandbox-theme', '');
    const loaded = new Promise((resolve) => {
      link.addEventListener('load', () => resolve(undefined));
      link.addEventListener('error', () => resolve(undefined));
    });
    global.document.head.appendChild(link);
    return loaded;
  }

  // ------------------------------------------------------------------ navigation

  /** @param {unknown} location @returns {string | undefined} */
  function urlOf(location) {
    if (typeof location === 'string') return location;
    if (!isRecord(location)) return undefined;
    if (typeof location.url === 'string') return location.url;
    const siteUrl = text(readContext().siteUrl).replace(/\/+$/, '');
    switch (location.target) {
      case 'issue':
        return `${siteUrl}/browse/${encodeURIComponent(text(location.issueKey))}`;
      case 'projectSettingsDetails':
        return `${siteUrl}/plugins/servlet/project-config/${encodeURIComponent(text(location.projectKey))}`;
      case 'module':
        return `${siteUrl}/jira/settings/apps/${encodeURIComponent(text(location.moduleKey))}`;
      default:
        return undefined;
    }
  }

  /** @param {unknown} request */
  function navigate(request) {
    const url = urlOf(request);
    if (!url) throw new Error(`The sandbox bridge cannot navigate to ${JSON.stringify(request)}`);
    if (isRecord(request) && request.type === 'new-tab') global.open(url, '_blank', 'noopener,noreferrer');
    else global.location.assign(url);
    return undefined;
  }

  // ------------------------------------------------------------------ flags

  function flagHost() {
    const existing = global.document.getElementById(FLAG_HOST_ID);
    if (existing) return existing;
    const host = global.document.createElement('div');
    host.id = FLAG_HOST_ID;
    host.setAttribute('role', 'status');
    host.setAttribute('aria-live', 'polite');
    host.style.cssText =
      'position:fixed;inset-block-end:16px;inset-inline-start:16px;display:flex;flex-direction:column;' +
      'gap:8px;z-index:10000;max-width:360px;';
    global.document.body.appendChild(host);
    return host;
  }

  /** @param {unknown} request */
  function closeFlag(request) {
    const id = isRecord(request) ? text(request.id) : '';
    const host = global.document.getElementById(FLAG_HOST_ID);
    host?.querySelectorAll('[data-flag-id]').forEach((flag) => {
      if (flag.getAttribute('data-flag-id') === id) flag.remove();
    });
    return undefined;
  }

  /** @param {unknown} options */
  function showFlag(options) {
    if (!isRecord(options)) throw new Error('showFlag needs options');
    const type = typeof options.type === 'string' && options.type in FLAG_COLOURS ? options.type : 'info';
    const colour = FLAG_COLOURS[/** @type {keyof typeof FLAG_COLOURS} */ (type)];
    global.console.info(`[flag:${type}]`, text(options.title), text(options.description));
    closeFlag(options);
    const flag = global.document.createElement('div');
    flag.setAttribute('data-flag-id', text(options.id));
    flag.setAttribute('data-flag-type', type);
    flag.style.cssText =
      'background:var(--ds-surface-overlay,#FFFFFF);color:var(--ds-text,#172B4D);padding:12px 16px;' +
      'border-radius:6px;box-shadow:var(--ds-shadow-overlay,0 8px 12px #091E4226,0 0 1px #091E424F);' +
      `border-inline-start:4px solid ${colour};font:14px/20px system-ui,sans-serif;`;
    const title = global.document.createElement('strong');
    title.textContent = text(options.title);
    flag.appendChild(title);
    if (options.description) {
      const description = global.document.createElement('div');
      description.textContent = text(options.description);
      flag.appendChild(description);
    }
    const dismiss = global.document.createElement('button');
    dismiss.type = 'button';
    dismiss.textContent = 'Dismiss';
    dismiss.style.cssText = 'margin-block-start:8px;font:inherit;cursor:pointer;';
    dismiss.addEventListener('click', () => closeFlag(options));
    flag.appendChild(dismiss);
    flagHost().appendChild(flag);
    return undefined;
  }

  // ------------------------------------------------------------------ modals

  const MODAL_MESSAGE = 'sandbox-modal';
  /** The named sizes' width, height and minimum height, as the Modal documentation lists them. */
  const MODAL_SIZES = {
    small: ['400px', '20vh', '320px'],
    medium: ['600px', '40vh', '520px'],
    large: ['800px', '70vh', '720px'],
    xlarge: ['968px', '90vh', '0'],
    max: ['100%', '100%', '0'],
    fullscreen: ['100vw', '100vh', '0'],
    resizable: ['600px', '40vh', '520px'],
  };

  function isModalView() {
    const extension = readContext().extension;
    return isRecord(extension) && Object.hasOwn(extension, 'modal') && global.parent !== global.window;
  }

  /** The page the overlay covers: the topmost one this page may reach (same origin), else this one. */
  function hostWindow() {
    /** @type {Window} */
    let host = global.window;
    try {
      while (host.parent !== host && host.parent.document) host = host.parent;
    } catch {
      // A parent of another origin: stop below it.
    }
    return host;
  }

  /** @param {unknown} size @returns {string[]} */
  function modalDimensions(size) {
    if (isRecord(size) && typeof size.width === 'string') {
      return [size.width, typeof size.height === 'string' ? size.height : 'auto', '0'];
    }
    const named = typeof size === 'string' && Object.hasOwn(MODAL_SIZES, size) ? size : 'medium';
    return MODAL_SIZES[/** @type {keyof typeof MODAL_SIZES} */ (named)];
  }

  /** @param {unknown} options */
  function openModal(options) {
    if (!isRecord(options)) throw new Error('openModal needs options');
    if (options.resource !== null && options.resource !== undefined && options.resource !== '') {
      // The sandbox serves one resource per module: a modal of another resource has no page here.
      throw new Error('The sandbox opens modals of the current resource only (resource: null)');
    }
    /** @type {Listener} */
    const onClose =
      typeof options.onClose === 'function' ? /** @type {Listener} */ (options.onClose) : () => undefined;
    const host = hostWindow();
    const doc = host.document;
    const url = new URL(global.location.href);
    url.searchParams.set('modal', JSON.stringify(options.context === undefined ? {} : options.context));
    const [width, height, minHeight] = modalDimensions(options.size);
    const title = text(options.title);

    const backdrop = doc.createElement('div');
    backdrop.setAttribute('data-sandbox-modal-backdrop', '');
    backdrop.style.cssText =
      'position:fixed;inset:0;z-index:10000;display:flex;align-items:flex-start;justify-content:center;' +
      'padding:min(60px,6vh) 16px;box-sizing:border-box;background:var(--ds-blanket,#050C1F75);';
    const dialog = doc.createElement('section');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-label', title || 'App dialog');
    dialog.setAttribute('data-sandbox-modal', '');
    dialog.style.cssText =
      `width:${width};height:${height};min-height:min(${minHeight},100%);max-width:100%;max-height:100%;` +
      'display:flex;border-radius:12px;overflow:hidden;background:var(--ds-surface-overlay,#FFFFFF);' +
      'box-shadow:var(--ds-shadow-overlay,0 8px 12px #1E1F2126,0 0 1px #1E1F214f);';
    const frame = doc.createElement('iframe');
    frame.src = url.toString();
    frame.title = title || 'App dialog';
    frame.style.cssText = 'border:0;width:100%;flex:1;background:transparent;';
    dialog.appendChild(frame);
    backdrop.appendChild(dialog);

    // Everything else on the page is out of reach while the modal is open, as behind Jira's modal.
    const others = Array.from(doc.body.children).filter((element) => !element.hasAttribute('inert'));
    const returnFocus = doc.activeElement;
    let open = true;
    /** @param {unknown} payload */
    const close = (payload) => {
      if (!open) return;
      open = false;
      host.removeEventListener('message', onMessage);
      doc.removeEventListener('keydown', onKeydown, true);
      backdrop.remove();
      others.forEach((element) => element.removeAttribute('inert'));
      // An element of the host page's realm, where instanceof HTMLElement of this one does not hold.
      if (returnFocus && 'focus' in returnFocus) /** @type {HTMLElement} */ (returnFocus).focus();
      // A copy made in the opener's own realm: the payload crossed frames.
      onClose(payload === undefined ? undefined : global.structuredClone(payload));
    };
    /** @param {MessageEvent} event */
    const onMessage = (event) => {
      if (event.source !== frame.contentWindow || !isRecord(event.data)) return;
      if (event.data.type !== MODAL_MESSAGE) return;
      if (event.data.action === 'close') close(event.data.payload);
      if (event.data.action === 'escape' && options.closeOnEscape !== false) close(undefined);
    };
    /** @param {KeyboardEvent} event */
    const onKeydown = (event) => {
      if (event.key === 'Escape' && options.closeOnEscape !== false) close(undefined);
    };
    backdrop.addEventListener('click', (event) => {
      if (event.target === backdrop && options.closeOnOverlayClick !== false) close(undefined);
    });
    host.addEventListener('message', onMessage);
    doc.addEventListener('keydown', onKeydown, true);
    others.forEach((element) => element.setAttribute('inert', ''));
    doc.body.appendChild(backdrop);
    frame.focus();
    return true;
  }

  /** @param {Record<string, unknown>} message */
  function postToModalHost(message) {
    global.parent.postMessage({ type: MODAL_MESSAGE, ...message }, global.location.origin);
  }

  /** view.close(payload): a modal asks the page holding it to close it; other views have nothing to close. */
  function closeView(/** @type {unknown} */ payload) {
    if (!isModalView()) return undefined;
    postToModalHost({ action: 'close', payload });
    return true;
  }

  function watchModalEscape() {
    if (!isModalView()) return;
    global.document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !event.defaultPrevented) postToModalHost({ action: 'escape' });
    });
  }

  // ------------------------------------------------------------------ events and view lifecycle

  /** @type {Map<string, Listener[]>} */
  const listeners = new Map();

  /** @param {unknown} request */
  function on(request) {
    if (!isRecord(request) || typeof request.callback !== 'function') throw new Error('on needs a callback');
    const callback = /** @type {Listener} */ (request.callback);
    const event = text(request.event);
    const list = listeners.get(event) ?? [];
    listeners.set(event, [...list, callback]);
    return {
      unsubscribe: () =>
        listeners.set(
          event,
          (listeners.get(event) ?? []).filter((other) => other !== callback),
        ),
    };
  }

  /** @param {unknown} request */
  function emit(request) {
    if (!isRecord(request)) return undefined;
    for (const callback of listeners.get(text(request.event)) ?? []) callback(request.payload);
    return undefined;
  }

  function createHistory() {
    /** @type {HistoryListener[]} */
    let subscribers = [];
    const current = () => ({
      pathname: global.location.pathname,
      search: global.location.search,
      hash: global.location.hash,
    });
    /** @param {string} action */
    const notify = (action) => subscribers.forEach((callback) => callback(current(), action));
    return {
      location: current(),
      /** @param {string} path */
      push(path) {
        global.history.pushState(null, '', path);
        notify('PUSH');
      },
      /** @param {string} path */
      replace(path) {
        global.history.replaceState(null, '', path);
        notify('REPLACE');
      },
      /** @param {HistoryListener} callback */
      listen(callback) {
        subscribers = [...subscribers, callback];
        return () => {
          subscribers = subscribers.filter((other) => other !== callback);
        };
      },
    };
  }

  function reload() {
    global.location.reload();
    return undefined;
  }

  /** @type {Record<string, Command>} */
  const commands = {
    invoke,
    getContext: () => global.structuredClone(readContext()),
    enableTheming,
    navigate,
    getUrl: (location) => {
      const url = urlOf(location);
      if (!url) throw new Error('The sandbox bridge has no URL for this location');
      return url;
    },
    reload,
    refresh: reload,
    showFlag,
    closeFlag,
    on,
    onPublic: on,
    emit,
    emitPublic: emit,
    createHistory,
    changeWindowTitle: (title) => {
      global.document.title = text(title);
      return undefined;
    },
    emitReadyEvent: () => undefined,
    openModal,
    close: closeView,
    submit: () => undefined,
    onClose: () => undefined,
    // A panel or admin page has no modal view to open (view.open reports "not openable" on false).
    open: () => false,
  };

  try {
    watchModalEscape();
  } catch {
    // A page without a context fails on its first bridge call instead, with the reason.
  }

  global.__bridge = {
    /** @param {string} cmd @param {unknown} [payload] */
    callBridge(cmd, payload) {
      const command = Object.hasOwn(commands, cmd) ? commands[cmd] : undefined;
      if (!command) return Promise.reject(new Error(`The sandbox bridge does not implement "${cmd}"`));
      try {
        return Promise.resolve(command(payload));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
  };
})(globalThis);
