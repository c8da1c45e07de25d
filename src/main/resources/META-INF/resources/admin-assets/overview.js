// Draws each campaign's timeline (signatures per hour for 48 h, per day since launch) with Chart.js.
(function () {
  'use strict';

  function labelsFor(points, range, locale) {
    return points.map(function (p) {
      if (range === 'daily') {
        return p.day;
      }
      return new Date(p.hour).toLocaleString(locale, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
    });
  }

  function draw(canvas, data, range) {
    var points = data[range];
    var config = {
      type: range === 'daily' ? 'bar' : 'line',
      data: {
        labels: labelsFor(points, range, canvas.dataset.locale),
        datasets: [
          { label: canvas.dataset.labelSigned, data: points.map(function (p) { return p.signed; }),
            borderColor: '#1a5c3a', backgroundColor: 'rgba(26, 92, 58, .35)', tension: 0.2, pointRadius: 0 },
          { label: canvas.dataset.labelConfirmed, data: points.map(function (p) { return p.confirmed; }),
            borderColor: '#c2571a', backgroundColor: 'rgba(194, 87, 26, .35)', tension: 0.2, pointRadius: 0 }
        ]
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { ticks: { maxTicksLimit: 8 } } },
        plugins: { legend: { position: 'bottom' } }
      }
    };
    if (canvas.chart) {
      canvas.chart.destroy();
    }
    canvas.chart = new Chart(canvas, config);
    canvas.dataset.drawn = range;
  }

  document.querySelectorAll('canvas.timeline').forEach(function (canvas) {
    fetch(canvas.dataset.url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error('timeline ' + r.status); } return r.json(); })
      .then(function (data) {
        draw(canvas, data, 'hourly');
        var section = canvas.closest('section');
        section.querySelectorAll('.chart-switch button').forEach(function (button) {
          button.addEventListener('click', function () {
            section.querySelectorAll('.chart-switch button').forEach(function (b) {
              b.setAttribute('aria-pressed', String(b === button));
            });
            draw(canvas, data, button.dataset.range);
          });
        });
      })
      .catch(function (e) { canvas.insertAdjacentText('afterend', e.message); });
  });
}());
