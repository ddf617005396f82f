// lede's service worker (a module): the only place the wasm annotator runs. Content scripts cannot instantiate wasm
// on pages whose CSP lacks 'wasm-unsafe-eval'; the extension's own pages can (see the manifest's CSP), so the content
// script sends the article's text here and gets the spans back, each with its tooltip text from the page's
// describe.js (copied into the build by `make extension`, shared rather than duplicated).
//
// Messages (chrome.runtime.sendMessage):
//   {type: 'annotate', text}  -> {ok: true, annotations: [{kind, start, end, text, tip: {kind, heading, lines}}], entities}
//                                | {ok: false, error}
//   {type: 'toggle', tabId}   -> annotates the tab, or removes the annotation when it is shown (the popup's button)
//   {type: 'sites'}           -> re-registers the "always annotate" content script for the sites in storage
// Nothing here uses the network: the wasm is a file of the extension.

import init, { annotate } from './pkg/lede.js';
import { describe } from './describe.js';

const ready = init({ module_or_path: chrome.runtime.getURL('pkg/lede_bg.wasm') });

/** Longest text the worker annotates at once (UTF-16 units); the content script stays under it too. */
const MAX_TEXT = 4_000_000;

async function annotateText(text) {
  await ready;
  const t = typeof text === 'string' ? text.slice(0, MAX_TEXT) : '';
  const result = annotate(t);
  const annotations = result.annotations.map((a) => ({ ...a, tip: describe(a, result) }));
  return { ok: true, annotations, entities: result.entities };
}

/** Injects the content script (and its highlight styles) into `tabId`, or toggles it when it is already there. */
export async function toggle(tabId) {
  await chrome.scripting.insertCSS({ target: { tabId }, files: ['content.css'] });
  await chrome.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
  return true;
}

/** The "always annotate" sites of storage as one registered content script (origins need their host permission). */
export async function syncSites() {
  const { sites = {} } = await chrome.storage.local.get('sites');
  const wanted = Object.keys(sites).filter((o) => sites[o]);
  const granted = [];
  for (const origin of wanted) {
    if (await chrome.permissions.contains({ origins: [`${origin}/*`] })) granted.push(`${origin}/*`);
  }
  const old = await chrome.scripting.getRegisteredContentScripts({ ids: ['lede-always'] });
  if (old.length) await chrome.scripting.unregisterContentScripts({ ids: ['lede-always'] });
  if (granted.length) {
    await chrome.scripting.registerContentScripts([
      { id: 'lede-always', matches: granted, js: ['content.js'], css: ['content.css'], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  return granted;
}

chrome.runtime.onMessage.addListener((msg, sender, respond) => {
  const type = msg?.type;
  let job;
  if (type === 'annotate') job = annotateText(msg.text);
  else if (type === 'toggle' && Number.isInteger(msg.tabId)) job = toggle(msg.tabId).then(() => ({ ok: true }));
  else if (type === 'sites') job = syncSites().then((origins) => ({ ok: true, origins }));
  else return false;
  job.then(respond, (e) => respond({ ok: false, error: String(e?.message ?? e) }));
  return true;
});

chrome.runtime.onInstalled.addListener(() => {
  syncSites().catch(() => {});
});

// For the tests (tests/e2e-ext): the service worker's own functions, reachable through playwright's worker.evaluate.
globalThis.lede = { toggle, syncSites, annotateText };
