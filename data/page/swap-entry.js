// swap-entry.js: run by the reader in its own script world ("pyprep"), never by the page.
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Shows another entry in the document already loaded, without a navigation:
// `html` is that entry's whole page as the reader renders it, `uri` its
// address, `fraction` where to scroll (0 to 1). Returns true, or false when
// this document cannot take it (the reader then loads the page instead).
// The document keeps its Content-Security-Policy; the new page's markup is
// parsed into an inert document (its scripts marked never to run) and only
// its body moves over.
// It never holds text from a deck or the user: such text comes as an argument.
const next = new DOMParser ().parseFromString (html, 'text/html');
// Only one of our own pages, carrying the policy the new page would.
const csp = doc => doc.querySelector ('meta[http-equiv="Content-Security-Policy"]')?.content;
if (location.protocol !== 'pyprep:' || !document.body || !next.body
    || !csp (document) || csp (document) !== csp (next))
  return false;
try {
  history.replaceState (null, '', uri);
} catch (e) {
  return false;
}
getSelection ().removeAllRanges ();
const root = document.documentElement;
root.lang = next.documentElement.lang;
root.className = next.documentElement.className;
document.title = next.title;
const style = document.querySelector ('head > style');
const nextStyle = next.querySelector ('head > style');
if (style && nextStyle && style.textContent !== nextStyle.textContent)
  style.textContent = nextStyle.textContent;
document.body.replaceWith (document.adoptNode (next.body));
const room = root.scrollHeight - innerHeight;
scrollTo (0, Math.round (Math.max (0, Math.min (1, fraction)) * Math.max (0, room)));
return true;
