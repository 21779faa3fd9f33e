/* An impact run's weekly alert burden (issue 24 item 3), drawn with ECharts from the jar (started by charts.js): the
   data come in the element's data-chart attribute (ISO weeks; warnings of all colours and situations graded Ⅳ or
   above, before and after) and the series' words in its other data- attributes. Warnings are bars, before grey and
   after dark; graded situations lines, before solid and after dashed, as in the report's workbook. Drawn on load and
   again when htmx swaps the finished run in. */
(function () {
  'use strict';

  BeaconCharts.register('[data-impact-chart]', function (el) {
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
    return {
      animation: false,
      grid: {left: 56, right: 24, top: 56, bottom: 48},
      legend: {data: series.map(function (s) { return s.name; }), top: 8},
      tooltip: {trigger: 'axis'},
      xAxis: {type: 'category', data: data.weeks},
      yAxis: {type: 'value', minInterval: 1},
      series: series
    };
  });
}());
