// Keeps the count and the progress bar current without reloading the page.
(function () {
  var box = document.getElementById('progress');
  if (!box || !window.fetch) return;
  var numbers = new Intl.NumberFormat(box.dataset.locale);
  // French reads 0 and 1 as singular, English only 1: the same rule as the page's first text (Texts.progress).
  var plurals = new Intl.PluralRules(box.dataset.locale);
  function refresh() {
    fetch(box.dataset.counts)
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r); })
      .then(function (counts) {
        var text = plurals.select(counts.confirmed) === 'one' ? box.dataset.textOne : box.dataset.textOther;
        document.getElementById('progress-text').textContent = text
          .replace('{count}', numbers.format(counts.confirmed)).replace('{goal}', numbers.format(counts.goal));
        var bar = document.getElementById('progress-bar');
        bar.max = counts.goal;
        bar.value = counts.confirmed;
      }).catch(function () {});
  }
  setInterval(refresh, 30000);
})();
