// A framework-like page: renders the article from data, then re-renders it (every node replaced) with an update, and
// finally edits one text node in place. window.done once the last change is made; window.step counts the renders.
window.done = false;
window.step = 0;
const versions = [
  ['Canadian Prime Minister Justin Trudeau visited Mexico on Friday.', 'Trade between the two rose 9 percent, officials said.'],
  ['Canadian Prime Minister Justin Trudeau visited Mexico on Friday.', 'Brazilian President Jair Bolsonaro joined him in Mexico City.'],
];
function render(v) {
  const app = document.getElementById('app');
  app.innerHTML = '';
  const article = document.createElement('article');
  const h = document.createElement('h1');
  h.textContent = 'North American trade';
  article.append(h);
  for (const t of versions[v]) {
    const p = document.createElement('p');
    p.textContent = t;
    article.append(p);
  }
  app.append(article);
  window.step++;
}
render(0);
setTimeout(() => {
  render(1);
  setTimeout(() => {
    // An edit in place: the first paragraph's text node changes under its highlights.
    const first = document.querySelector('#app p').firstChild;
    first.data = 'Australian Prime Minister Anthony Albanese visited Mexico on Friday.';
    window.step++;
    window.done = true;
  }, 1200);
}, 1200);

/** Renders the article again with the same text and all new nodes, as frameworks do (called by the test). */
window.rerenderSame = () => {
  const app = document.getElementById('app');
  app.innerHTML = app.innerHTML;
};
