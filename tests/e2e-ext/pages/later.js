// Adds two paragraphs to the article after load, as live blogs do; window.done once both are in.
window.done = false;
const more = [
  'Spanish Prime Minister Pedro Sánchez joined the talks later, officials said.',
  '“We are close to a deal,” Sánchez told reporters, as Greece pledged 3 percent more.',
];
let n = 0;
const timer = setInterval(() => {
  const p = document.createElement('p');
  p.textContent = more[n++];
  document.getElementById('story').append(p);
  if (n === more.length) {
    clearInterval(timer);
    window.done = true;
  }
}, 700);
