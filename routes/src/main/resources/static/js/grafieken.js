// Draws the trend per year of each indicator from the data attributes the server wrote; the table beside it holds
// the same numbers, so the page reads the same without JavaScript. An empty value is absent or protected: a gap.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('.grafiek').forEach(function (element) {
    var years = element.dataset.jaren.split(',');
    var values = element.dataset.waarden.split(',').map(function (v) { return v === '' ? null : Number(v); });
    var chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 40, right: 8, top: 8, bottom: 24 },
      xAxis: { type: 'category', data: years },
      yAxis: { type: 'value', minInterval: 1 },
      tooltip: { trigger: 'axis' },
      series: [{ type: 'bar', data: values, itemStyle: { color: '#01689b' } }]
    });
  });
});
