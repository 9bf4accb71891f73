/*
 * The weekly review pack's charts (ECharts, SVG renderer). The data comes from the page's
 * <script type="application/json" id="review-data"> block, so the page needs no inline script (CSP).
 * Each chart container gets data-drawn="true" once ECharts has finished drawing it.
 */
(function () {
    'use strict';

    function draw(id, option) {
        var element = document.getElementById(id);
        if (!element || typeof echarts === 'undefined') {
            return;
        }
        var chart = echarts.init(element, null, {renderer: 'svg'});
        chart.on('finished', function () {
            element.setAttribute('data-drawn', 'true');
        });
        option.animation = false;
        chart.setOption(option);
        window.addEventListener('resize', function () { chart.resize(); });
    }

    function percentAxis() {
        return {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value}%'}};
    }

    function start() {
        var block = document.getElementById('review-data');
        if (!block) {
            return;
        }
        var data = JSON.parse(block.textContent);
        var grid = {left: 48, right: 16, top: 24, bottom: 40};

        draw('chart-trend', {
            grid: grid,
            tooltip: {trigger: 'axis'},
            xAxis: {type: 'category', data: data.trend.labels},
            yAxis: percentAxis(),
            series: [{name: data.trend.series, type: 'line', data: data.trend.values, connectNulls: false, label: {show: true, formatter: '{c}%'}}]
        });
        draw('chart-backlog', {
            grid: grid,
            tooltip: {trigger: 'axis'},
            legend: {top: 0},
            xAxis: {type: 'category', data: data.backlog.labels, axisLabel: {interval: 0}},
            yAxis: {type: 'value', minInterval: 1},
            series: [
                {name: data.backlog.previousWeekName, type: 'bar', data: data.backlog.previousWeek},
                {name: data.backlog.thisWeekName, type: 'bar', data: data.backlog.thisWeek, label: {show: true, position: 'top'}}
            ]
        });
        var hours = [];
        for (var h = 0; h < 24; h++) {
            hours.push((h < 10 ? '0' : '') + h);
        }
        draw('chart-heatmap', {
            grid: {left: 48, right: 16, top: 16, bottom: 64},
            tooltip: {position: 'top'},
            xAxis: {type: 'category', data: hours, splitArea: {show: true}},
            yAxis: {type: 'category', data: data.heatmap.days, inverse: true, splitArea: {show: true}},
            visualMap: {min: 0, max: Math.max(1, data.heatmap.max), calculable: false, orient: 'horizontal', left: 'center', bottom: 0,
                inRange: {color: ['#ffffff', '#c7dcf2', '#4f8dcc', '#0b3d75']}},
            series: [{name: data.heatmap.series, type: 'heatmap', data: data.heatmap.cells, label: {show: false}}]
        });
        draw('chart-reach', {
            grid: grid,
            tooltip: {trigger: 'axis'},
            xAxis: {type: 'category', data: data.reach.labels, axisLabel: {interval: 0}},
            yAxis: percentAxis(),
            series: [{name: data.reach.series, type: 'bar', data: data.reach.values, label: {show: true, position: 'top', formatter: '{c}%'}}]
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
