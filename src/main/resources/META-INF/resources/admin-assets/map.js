// Choropleth of confirmed signatures per riding over the simplified boundaries, from the page's own table.
(function () {
  'use strict';
  var el = document.getElementById('map');
  if (!el || typeof L === 'undefined') {
    return;
  }
  var info = document.getElementById('riding-info');
  var rows = {};
  document.querySelectorAll('#ridings tbody tr').forEach(function (row) { rows[row.dataset.fed] = row.dataset; });
  var max = Number(el.dataset.max) || 0;
  var colours = ['#f1f1ec', '#c7e9c0', '#74c476', '#31a354', '#006d2c'];

  function step(count) {
    if (count <= 0 || max <= 0) {
      return 0;
    }
    return 1 + Math.min(3, Math.floor(4 * (count - 1) / max));
  }

  function describe(fed) {
    var r = rows[fed] || {};
    var mp = r.mp ? el.dataset.labelMp + ': ' + r.mp : el.dataset.labelVacant;
    return (r.riding || fed) + ' (' + (r.province || '') + ') · ' + mp + ' · ' + el.dataset.labelCount + ': '
      + (r.count || 0);
  }

  var map = L.map(el, { zoomSnap: 0.25, attributionControl: false }).setView([56, -96], 3);
  fetch(el.dataset.boundaries, { credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) { throw new Error('boundaries ' + response.status); }
      return response.json();
    })
    .then(function (geojson) {
      L.geoJSON(geojson, {
        style: function (feature) {
          var r = rows[feature.properties.fed] || {};
          return { className: 'riding riding-' + feature.properties.fed, weight: 0.6, color: '#555',
            fillColor: colours[step(Number(r.count || 0))], fillOpacity: 0.85 };
        },
        onEachFeature: function (feature, path) {
          path.bindTooltip(function () { return describe(feature.properties.fed); }, { sticky: true });
          path.on('click', function () {
            info.textContent = describe(feature.properties.fed);
            info.dataset.fed = feature.properties.fed;
          });
        }
      }).addTo(map);
      // Southern Canada, where nearly every riding is, with the territories' southern parts; the Arctic is a pan away.
      map.fitBounds([[41.7, -139], [69, -52.6]], { padding: [4, 4] });
      el.dataset.drawn = 'true';
    })
    .catch(function (e) { info.textContent = e.message; });

  var legend = L.control({ position: 'bottomright' });
  legend.onAdd = function () {
    var div = L.DomUtil.create('div', 'legend');
    var html = '<strong>' + el.dataset.labelLegend + '</strong><br>';
    var last = -1;
    for (var i = 0; i < colours.length; i++) {
      var from = i === 0 ? 0 : 1 + Math.ceil((i - 1) * max / 4);
      if (i > 0 && (from > max || from === last)) { continue; }
      last = from;
      html += '<i class="swatch-' + i + '"></i>' + (i === 0 ? '0' : '≥ ' + from) + '<br>';
    }
    div.innerHTML = html;
    return div;
  };
  legend.addTo(map);
}());
