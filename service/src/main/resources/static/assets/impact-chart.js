/* An impact run's weekly alert burden (issue 24 item 3), drawn with ECharts from the jar: the data come in the
   element's data-chart attribute (ISO weeks; warnings of all colours and situations graded Ⅳ or above, before and
   after) and the series' words in its other data- attributes, so the page needs no inline script (the
   Content-Security-Policy refuses it). Warnings are bars, before grey and after dark; graded situations lines, before
   solid and after dashed, as in the report's workbook. Drawn on load and again when htmx swaps the finished run in. */
(function () {
  'use strict';

  var drawn = new WeakSet();

  function draw(el) {
    if (typeof echarts === 'undefined' || drawn.has(el)) {
      return;
    }
    var data = JSON.parse(el.dataset.chart);
    var d = el.dataset;
    var series = [
      {name: d.warningsBefore, type: 'bar', data: data.warningsBefore, itemStyle: {color: '#9e9e9e'}, barMaxWidth: 18},
      {name: d.warningsAfter, type: 'bar', data: data.warningsAfter, itemStyle: {color: '#d9822b'}, barMaxWidth: 18},
      {name: d.gradedBefore, type: 'line', data: data.gradedBefore, itemStyle: {color: '#6a4c93'},
        lineStyle: {width: 2}, symbolSize: 5},
      {name: d.gradedAfter, type: 'line', data: data.gradedAfter, itemStyle: {color: '#b3261e'},
        lineStyle: {width: 2, type: 'dashed'}, symbolSize: 5}
    ];
    /* A child of its own to draw in: ECharts styles the element it draws in, and a style attribute htmx copied while
       settling would be inline style, which the Content-Security-Policy refuses. */
    var canvas = document.createElement('div');
    canvas.className = 'replay-chart-canvas';
    el.appendChild(canvas);
    var chart = echarts.init(canvas, null, {renderer: 'canvas'});
    chart.setOption({
      animation: false,
      grid: {left: 56, right: 24, top: 56, bottom: 48},
      legend: {data: series.map(function (s) { return s.name; }), top: 8},
      tooltip: {trigger: 'axis'},
      xAxis: {type: 'category', data: data.weeks},
      yAxis: {type: 'value', minInterval: 1},
      series: series
    });
    drawn.add(el);
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function drawAll(root) {
    (root || document).querySelectorAll('[data-impact-chart]').forEach(draw);
  }

  document.addEventListener('DOMContentLoaded', function () { drawAll(document); });
  document.addEventListener('htmx:load', function (e) { drawAll(e.target); });
}());
