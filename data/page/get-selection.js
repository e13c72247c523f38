// get-selection.js: run by the reader in its own script world ("pyprep"), never by the page.
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The selected text, with some text around it to find it again later.
// Returns JSON: { exact, prefix, suffix }, or an empty string without a selection.
// It never holds text from a deck or the user: such text comes as an argument.
const sel = window.getSelection ();
const main = document.querySelector ('main');
if (!sel || sel.isCollapsed || sel.rangeCount === 0 || !main) return '';
const range = sel.getRangeAt (0);
if (!main.contains (range.commonAncestorContainer)) return '';
const before = document.createRange ();
before.setStart (main, 0);
before.setEnd (range.startContainer, range.startOffset);
const after = document.createRange ();
after.setStart (range.endContainer, range.endOffset);
after.setEnd (main, main.childNodes.length);
return JSON.stringify ({ exact: range.toString (),
                         prefix: before.toString ().slice (-32),
                         suffix: after.toString ().slice (0, 32) });
