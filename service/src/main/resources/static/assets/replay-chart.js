/* A replay's region chart (issue 24), drawn with ECharts from the jar (started by charts.js): the data come in the
   element's data-chart attribute (dates, indicators, each rule set's recommended level and the actual level as
   numbers, Ⅰ=4 … none=0) and the words in its other data- attributes. Levels are step lines on the left axis, the indicators lines on the right; a slider and the mouse wheel zoom
   into dates. Drawn on load and again whenever htmx swaps in another region. */
(function () {
  'use strict';

  var LEVEL_COLOURS = ['#b3261e', '#d9822b', '#6a4c93'];
  var INDICATOR_COLOURS = ['#7a7a7a', '#3c8dbc', '#2e7d32', '#8d6e63'];

  BeaconCharts.register('[data-replay-chart]', function (el) {
    var data = JSON.parse(el.dataset.chart);
    var levelNames = el.dataset.levelNames.split(',');
    var series = [];
    var legend = [];
    Object.keys(data.indicators).forEach(function (name, i) {
      legend.push(name);
      series.push({
        name: name, type: name === 'newCases' ? 'bar' : 'line', yAxisIndex: 1, data: data.indicators[name],
        showSymbol: false, connectNulls: false, barMaxWidth: 4,
        itemStyle: {color: INDICATOR_COLOURS[i % INDICATOR_COLOURS.length], opacity: name === 'newCases' ? 0.45 : 1},
        lineStyle: {width: 1.5}
      });
    });
    data.arms.forEach(function (arm, i) {
      var name = el.dataset.labelRecommended + (arm.label ? ' (' + arm.label + ')' : '');
      legend.push(name);
      series.push({
        name: name, type: 'line', step: 'end', yAxisIndex: 0, data: arm.levels, showSymbol: false,
        lineStyle: {width: 3 - i, type: i === 0 ? 'solid' : 'dotted'},
        itemStyle: {color: LEVEL_COLOURS[i % LEVEL_COLOURS.length]}, z: 5
      });
    });
    if (data.actual) {
      legend.push(el.dataset.labelActual);
      series.push({
        name: el.dataset.labelActual, type: 'line', step: 'end', yAxisIndex: 0, data: data.actual,
        showSymbol: false, lineStyle: {width: 2.5, type: 'dashed'}, itemStyle: {color: '#1f5fbf'}, z: 6
      });
    }
    return {
      animation: false,
      grid: {left: 96, right: 64, top: 56, bottom: 88},
      legend: {data: legend, top: 8},
      tooltip: {trigger: 'axis'},
      xAxis: {type: 'category', data: data.dates, boundaryGap: false},
      yAxis: [
        {type: 'value', name: el.dataset.labelLevel, min: 0, max: 4, interval: 1,
          axisLabel: {formatter: function (v) { return levelNames[v] || ''; }}},
        {type: 'value', splitLine: {show: false}}
      ],
      dataZoom: [{type: 'inside'}, {type: 'slider', bottom: 24}],
      series: series
    };
  });
}());
