// The copy button of the share block: shown only when the browser can copy; the link stays selectable without it.
(function () {
  var button = document.getElementById('share-copy'), input = document.getElementById('share-url');
  if (!button || !input || !navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener('click', function () {
    navigator.clipboard.writeText(input.value).then(function () {
      document.getElementById('share-status').textContent = button.dataset.done;
    }, function () { input.select(); });
  });
})();
