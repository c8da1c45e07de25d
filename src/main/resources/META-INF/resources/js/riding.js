// An MP photo that cannot load gives way to the MP's initials.
document.querySelectorAll('img.mp-photo').forEach(function (img) {
  function fallback() {
    var initials = document.createElement('span');
    initials.className = 'mp-photo mp-initials';
    initials.setAttribute('aria-hidden', 'true');
    initials.textContent = img.dataset.initials || '';
    img.replaceWith(initials);
  }
  if (img.complete && img.naturalWidth === 0) fallback(); else img.addEventListener('error', fallback);
});
// "Use my location": the browser's position, looked up with /api/ridings/locate, selects the riding in #fedCode.
(function () {
  var button = document.getElementById('locate'), select = document.getElementById('fedCode');
  if (!button || !select || !navigator.geolocation || !window.fetch) return;
  var status = document.getElementById('locate-status');
  button.hidden = false;
  function fail() { status.textContent = button.dataset.failed; }
  button.addEventListener('click', function () {
    status.textContent = button.dataset.locating;
    navigator.geolocation.getCurrentPosition(function (position) {
      var lat = position.coords.latitude.toFixed(5), lon = position.coords.longitude.toFixed(5);
      fetch('/api/ridings/locate?lat=' + lat + '&lon=' + lon)
        .then(function (r) { return r.ok ? r.json() : Promise.reject(r); })
        .then(function (found) {
          var riding = found.riding;
          if (!select.querySelector('option[value="' + riding.fedCode + '"]')) return Promise.reject(riding);
          select.value = riding.fedCode;
          if (select.form.latitude) { select.form.latitude.value = lat; select.form.longitude.value = lon; }
          select.dispatchEvent(new Event('change'));
          status.textContent = button.dataset.found
            .replace('{riding}', button.dataset.lang === 'fr' ? riding.nameFr : riding.nameEn);
        }).catch(fail);
    }, fail, { timeout: 15000, maximumAge: 600000 });
  });
})();
