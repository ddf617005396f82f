// The test pages' own script: a click handler on the document (the extension must not swallow clicks), counted in
// window.clicks (not in the DOM, so the DOM comparison stays exact), and window.done once the page has settled.
window.clicks = 0;
document.addEventListener('click', () => {
  window.clicks++;
});
window.done = true;
