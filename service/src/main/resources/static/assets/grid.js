/* Beacon's sheet grids: bring the highlighted cell or row into view, on load and whenever htmx swaps in a new grid
   (a tab, a page, a diagnostic clicked). No inline script anywhere: the Content-Security-Policy refuses it. */
(function () {
  'use strict';

  /* Inside the grid's own box only, so the page stays where it is (its verdict, its diff above the grid). */
  function centreInGrid(grid, focus) {
    var box = grid.querySelector('.grid-scroll');
    if (!box) {
      return;
    }
    var cell = focus.getBoundingClientRect();
    var frame = box.getBoundingClientRect();
    box.scrollTop += cell.top - frame.top - (box.clientHeight - cell.height) / 2;
    if (focus.tagName !== 'TD') {
      box.scrollLeft = 0;
    } else if (cell.right > frame.right) {
      box.scrollLeft += cell.right - frame.right + 40;
    } else if (cell.left < frame.left + 60) {
      box.scrollLeft += cell.left - frame.left - 60;
    }
  }

  function show(grid) {
    if (!grid) {
      return;
    }
    var focus = grid.querySelector('.is-focus');
    if (focus) {
      centreInGrid(grid, focus);
      focus.scrollIntoView({block: 'nearest', inline: focus.tagName === 'TD' ? 'nearest' : 'start'});
      var link = focus.querySelector('a') || focus;
      if (link.focus) {
        link.focus({preventScroll: true});
      }
    } else if (grid.getBoundingClientRect().top < 0) {
      grid.scrollIntoView({block: 'start'});
    }
  }

  /* On load: an address that names a cell (…/cells/Cholera!A8, ?cell=A8) brings it into the window too; a page
     that opens its grid at a cell of its own choosing (the first error) only turns the grid to it. */
  document.addEventListener('DOMContentLoaded', function () {
    var grid = document.getElementById('grid');
    var focus = grid && grid.querySelector('.is-focus');
    if (!focus) {
      return;
    }
    if (/\/cells\//.test(location.pathname) || /[?&]cell=/.test(location.search)) {
      show(grid);
    } else {
      centreInGrid(grid, focus);
    }
  });

  document.addEventListener('htmx:afterSettle', function (event) {
    var target = event.detail && event.detail.target;
    if (target && target.id === 'grid') {
      show(document.getElementById('grid'));
    }
  });
}());
