/* Beacon's sheet grids: bring the highlighted cell or row into view, on load and whenever htmx swaps in a new grid
   (a tab, a page, a diagnostic clicked). No inline script anywhere: the Content-Security-Policy refuses it. */
(function () {
  'use strict';

  function show(grid) {
    if (!grid) {
      return;
    }
    var focus = grid.querySelector('.is-focus');
    if (focus) {
      focus.scrollIntoView({block: 'center', inline: 'nearest'});
      var link = focus.querySelector('a') || focus;
      if (link.focus) {
        link.focus({preventScroll: true});
      }
    } else if (grid.getBoundingClientRect().top < 0) {
      grid.scrollIntoView({block: 'start'});
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (document.querySelector('#grid .is-focus')) {
      show(document.getElementById('grid'));
    }
  });

  document.addEventListener('htmx:afterSettle', function (event) {
    var target = event.detail && event.detail.target;
    if (target && target.id === 'grid') {
      show(document.getElementById('grid'));
    }
  });
}());
