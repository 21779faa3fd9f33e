/* How every chart of the console is started, the same for a replay's region and an impact run's burden: ECharts from
   the jar draws each element a selector names, once, on load and again whenever htmx swaps content in, and redraws it
   to the window's size. A chart's own script gives only the ECharts options, read from the element's data-
   attributes, so the page needs no inline script (the Content-Security-Policy refuses it). Load it before them. */
var BeaconCharts = (function () {
  'use strict';

  /* Kept here, not in an attribute, which htmx's settling could copy onto a new element. */
  var drawn = new WeakSet();

  function draw(el, options) {
    if (typeof echarts === 'undefined' || drawn.has(el)) {
      return;
    }
    var option = options(el);
    /* ECharts styles the element it draws in; that is a child of its own, because htmx, swapping in new content,
       copies the attributes of the old element with the same id onto the new one for a moment, and a style
       attribute copied so is inline style that the Content-Security-Policy refuses. */
    var canvas = document.createElement('div');
    canvas.className = 'replay-chart-canvas';
    el.appendChild(canvas);
    var chart = echarts.init(canvas, null, {renderer: 'canvas'});
    chart.setOption(option);
    drawn.add(el);
    window.addEventListener('resize', function () { chart.resize(); });
  }

  /* Draws each element that matches selector with the options options(element) returns. */
  function register(selector, options) {
    function drawAll(root) {
      (root || document).querySelectorAll(selector).forEach(function (el) { draw(el, options); });
    }
    document.addEventListener('DOMContentLoaded', function () { drawAll(document); });
    document.addEventListener('htmx:load', function (e) { drawAll(e.target); });
  }

  return {register: register};
}());
