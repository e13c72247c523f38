// scroll-tracker.js: run by the reader in its own script world ("pyprep"), never by the page.
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Tells the reader, a moment after the user stops scrolling, how far down
// the page is, as a fraction from 0 to 1 (a user script in our own world).
// It never holds text from a deck or the user: such text comes as an argument.
(() => {
  let timer = 0;
  addEventListener ('scroll', () => {
    clearTimeout (timer);
    timer = setTimeout (() => {
      const room = document.documentElement.scrollHeight - innerHeight;
      webkit.messageHandlers.scroll.postMessage (room > 0 ? scrollY / room : 0);
    }, 250);
  }, { passive: true });
}) ();
