// lede's toolbar popup: annotate (or clear) the current tab, the kinds shown, and "always annotate" for this site.
// Settings live in chrome.storage.local: kinds {person, country, figure, quote} (booleans) and sites {origin: true}.
// Opening the popup grants activeTab, so annotating the current tab needs no host permission; "always annotate"
// asks for the one site's permission and registers the content script there (background.js syncSites).

const note = document.getElementById('note');
const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
let origin = null;
try {
  const u = new URL(tab?.url ?? '');
  if (u.protocol === 'http:' || u.protocol === 'https:') origin = u.origin;
} catch {
  origin = null;
}
document.getElementById('site').textContent = origin ? new URL(origin).host : 'this site';

document.getElementById('toggle').addEventListener('click', async () => {
  const r = await chrome.runtime.sendMessage({ type: 'toggle', tabId: tab.id });
  note.textContent = r?.ok ? '' : `Cannot annotate this page: ${r?.error ?? 'no answer'}`;
  if (r?.ok) window.close();
});

const { kinds = {}, sites = {} } = await chrome.storage.local.get(['kinds', 'sites']);
for (const box of document.querySelectorAll('input[data-kind]')) {
  box.checked = kinds[box.dataset.kind] !== false;
  box.addEventListener('change', async () => {
    const { kinds: k = {} } = await chrome.storage.local.get('kinds');
    await chrome.storage.local.set({ kinds: { ...k, [box.dataset.kind]: box.checked } });
  });
}

const always = document.getElementById('always');
always.disabled = !origin;
always.checked = Boolean(origin && sites[origin]);
always.addEventListener('change', async () => {
  const want = always.checked;
  if (want && !(await chrome.permissions.request({ origins: [`${origin}/*`] }))) {
    always.checked = false;
    note.textContent = 'lede needs permission to read this site to annotate it on every visit.';
    return;
  }
  const { sites: s = {} } = await chrome.storage.local.get('sites');
  if (want) s[origin] = true;
  else delete s[origin];
  await chrome.storage.local.set({ sites: s });
  await chrome.runtime.sendMessage({ type: 'sites' });
  if (!want) await chrome.permissions.remove({ origins: [`${origin}/*`] }).catch(() => {});
});
