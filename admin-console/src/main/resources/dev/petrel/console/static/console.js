// Redraws the overview's rate chart from /api/rates every five seconds (same origin, session cookie).
(function () {
  'use strict';
  var chart = document.getElementById('rate-chart');
  if (!chart) {
    return;
  }
  var WIDTH = 600, HEIGHT = 160;

  function niceCeiling(value) {
    var magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    var steps = [1, 2, 5, 10];
    for (var i = 0; i < steps.length; i++) {
      if (value <= steps[i] * magnitude) {
        return steps[i] * magnitude;
      }
    }
    return 10 * magnitude;
  }

  function points(samples, key, max) {
    var n = samples.length;
    return samples.map(function (s, i) {
      var x = n === 1 ? WIDTH : WIDTH * i / (n - 1);
      var y = HEIGHT - s[key] / max * HEIGHT;
      return x.toFixed(1) + ',' + y.toFixed(1);
    }).join(' ');
  }

  function draw(series) {
    var samples = series.samples;
    var max = 1;
    samples.forEach(function (s) { max = Math.max(max, s.inPerSecond, s.outPerSecond); });
    max = niceCeiling(max);
    document.getElementById('rate-in').setAttribute('points', points(samples, 'inPerSecond', max));
    document.getElementById('rate-out').setAttribute('points', points(samples, 'outPerSecond', max));
    document.getElementById('rate-max').textContent = max.toFixed(1);
    if (samples.length > 0) {
      var last = samples[samples.length - 1];
      document.getElementById('rate-latest-in').textContent = last.inPerSecond.toFixed(1);
      document.getElementById('rate-latest-out').textContent = last.outPerSecond.toFixed(1);
    }
  }

  function refresh() {
    fetch('/api/rates?minutes=10', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (series) { if (series) { draw(series); } })
      .catch(function () { /* the next refresh tries again */ });
  }

  setInterval(refresh, 5000);
}());
