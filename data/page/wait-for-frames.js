// wait-for-frames.js: run by the reader in its own script world ("pyprep"), never by the page.
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Resolves two animation frames after the load: by then the web process
// has handed the page's first rendering over.
// It never holds text from a deck or the user: such text comes as an argument.
return await new Promise (done => requestAnimationFrame (() => requestAnimationFrame (() => done (true))));
