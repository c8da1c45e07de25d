// Sortable tables: a button in a column header sorts the rows by that column's data-* value; aria-sort says how.
(function () {
  'use strict';
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var body = table.tBodies[0];
    table.querySelectorAll('th button[data-key]').forEach(function (button) {
      button.addEventListener('click', function () {
        var th = button.closest('th');
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        var key = button.dataset.key;
        var numeric = button.dataset.type === 'number';
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.dataset[key] || '';
          var y = b.dataset[key] || '';
          var order = numeric ? Number(x) - Number(y) : x.localeCompare(y, document.documentElement.lang);
          if (order === 0 && key !== 'riding' && a.dataset.riding) {
            order = a.dataset.riding.localeCompare(b.dataset.riding, document.documentElement.lang);
            return order;
          }
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
        table.querySelectorAll('th').forEach(function (other) { other.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      });
    });
  });
}());
