// scroll-to.js: run by the reader in its own script world ("pyprep"), never by the page.
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Scrolls to `fraction` (0 to 1) of the page.
// It never holds text from a deck or the user: such text comes as an argument.
const room = document.documentElement.scrollHeight - innerHeight;
scrollTo (0, Math.round (Math.max (0, Math.min (1, fraction)) * room));
return true;
