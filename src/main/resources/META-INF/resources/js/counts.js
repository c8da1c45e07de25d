// Keeps the count and the progress bar current without reloading the page.
(function () {
  var box = document.getElementById('progress');
  if (!box || !window.fetch) return;
  var numbers = new Intl.NumberFormat(box.dataset.locale);
  function refresh() {
    fetch(box.dataset.counts)
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r); })
      .then(function (counts) {
        document.getElementById('progress-text').textContent = box.dataset.text
          .replace('{count}', numbers.format(counts.confirmed)).replace('{goal}', numbers.format(counts.goal));
        var bar = document.getElementById('progress-bar');
        bar.max = counts.goal;
        bar.value = counts.confirmed;
      }).catch(function () {});
  }
  setInterval(refresh, 30000);
})();
