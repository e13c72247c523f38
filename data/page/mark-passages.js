// mark-passages.js: run by the reader in its own script world ("pyprep"), never by the page.
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Wraps each quoted passage of `passages` (a JSON array of { id, exact,
// prefix }) in <mark class="annotation">; where a passage occurs several
// times, the one after the remembered prefix wins. The passage of the
// annotation `reveal` (an ID, or empty) is scrolled to and flashes.
// Returns the IDs found, as JSON.
// It never holds text from a deck or the user: such text comes as an argument.
const main = document.querySelector ('main');
if (!main) return '[]';
// The passages change when an annotation is saved or deleted: the text
// selected to quote it would stay behind, drawn grey as the page has lost
// the focus to the annotation's editor.
getSelection ().removeAllRanges ();
for (const m of main.querySelectorAll ('mark.annotation')) m.replaceWith (...m.childNodes);
main.normalize ();
const nodes = [];
let text = '';
const walker = document.createTreeWalker (main, NodeFilter.SHOW_TEXT);
while (walker.nextNode ()) { nodes.push ([walker.currentNode, text.length]); text += walker.currentNode.data; }
const found = [];
const segments = [];
for (const q of JSON.parse (passages)) {
  if (!q.exact) continue;
  let best = -1;
  for (let at = text.indexOf (q.exact); at >= 0; at = text.indexOf (q.exact, at + 1)) {
    if (best < 0) best = at;
    if (q.prefix && text.slice (Math.max (0, at - q.prefix.length), at) === q.prefix) { best = at; break; }
  }
  if (best < 0) continue;
  found.push (q.id);
  const end = best + q.exact.length;
  for (const [node, start] of nodes) {
    const from = Math.max (best, start), to = Math.min (end, start + node.data.length);
    if (from < to) segments.push ([node, from - start, to - start, q.id]);
  }
}
segments.sort ((a, b) => a[0] === b[0] ? b[1] - a[1] : (a[0].compareDocumentPosition (b[0]) & Node.DOCUMENT_POSITION_FOLLOWING ? 1 : -1));
for (const [node, from, to, id] of segments) {
  if (to < node.data.length) node.splitText (to);
  const middle = from > 0 ? node.splitText (from) : node;
  const mark = document.createElement ('mark');
  mark.className = 'annotation';
  mark.dataset.annotation = id;
  middle.replaceWith (mark);
  mark.appendChild (middle);
}
if (reveal) {
  const marks = Array.from (main.querySelectorAll ('mark.annotation')).filter (m => m.dataset.annotation === reveal);
  if (marks.length > 0) {
    marks[0].scrollIntoView ({ block: 'center' });
    for (const m of marks) m.classList.add ('revealed');
  }
}
return JSON.stringify (found);
