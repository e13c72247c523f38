// scroll-tracker.js: run by the reader in its own script world ("pyprep"), never by the page.
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Tells the reader how far down the page is, as a fraction from 0 to 1 (a
// user script in our own world): a moment after the user stops scrolling,
// and at once when a link is followed, so that Back returns to where the
// link was, even right after a scroll.
// It never holds text from a deck or the user: such text comes as an argument.
(() => {
  let timer = 0;
  const report = () => {
    clearTimeout (timer);
    const room = document.documentElement.scrollHeight - innerHeight;
    webkit.messageHandlers.scroll.postMessage (room > 0 ? scrollY / room : 0);
  };
  addEventListener ('scroll', () => {
    clearTimeout (timer);
    timer = setTimeout (report, 250);
  }, { passive: true });
  // The capture phase: before the link's own navigation is decided.
  addEventListener ('click', event => {
    if (event.target instanceof Element && event.target.closest ('a[href]'))
      report ();
  }, { capture: true });
}) ();
