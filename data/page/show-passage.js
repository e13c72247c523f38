// show-passage.js: run by the reader in its own script world ("pyprep"), never by the page.
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Scrolls to the passage `passage` names and marks it for a moment: the
// element of that ID (the renderer wraps the passages cards name),
// "first-block" for the first block of the entry's text, or else the mark
// of the annotation of that ID. Returns whether it was found.
// It never holds text from a deck or the user: such text comes as an argument.
const main = document.querySelector ('main');
if (!main) return false;
let target = passage === 'first-block' ? main.querySelector ('.body > *') : document.getElementById (passage);
if (!target) {
  for (const mark of main.querySelectorAll ('mark.annotation')) {
    if (mark.dataset.annotation === passage) { target = mark; break; }
  }
}
if (!target) return false;
for (const old of main.querySelectorAll ('.passage-shown')) old.classList.remove ('passage-shown');
// Restarts the animation when the same passage is shown again.
void target.offsetWidth;
target.classList.add ('passage-shown');
target.scrollIntoView ({ block: target.offsetHeight > innerHeight * 0.8 ? 'start' : 'center' });
return true;
