// restyle.js: run by the reader in its own script world ("pyprep"), never by the page.
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Gives the page shown another style in place: a page's colours hang on
// the classes of its root element alone, and `classes` are those of the
// style now (light, dark, high contrast). Everything else in the document
// stays: the place read, find's matches, the marks, the selection.
// Returns whether the page is one of ours and took them.
if (location.protocol !== 'pyprep:' || !document.querySelector ('main'))
  return false;
document.documentElement.className = classes;
return true;
