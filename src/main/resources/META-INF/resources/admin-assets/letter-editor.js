// The letter editor's live preview: after a pause in typing, the template is rendered for the chosen riding by the
// preview API (nothing is saved); a template that does not render shows Qute's error instead.
(function () {
  var form = document.getElementById('letter-form');
  if (!form || !window.fetch) { return; }
  var preview = document.getElementById('preview');
  var error = document.getElementById('preview-error');
  var timer = null;
  function show(data) {
    preview.textContent = '';
    var subject = document.createElement('p');
    var strong = document.createElement('strong');
    strong.textContent = data.subjects;
    subject.appendChild(strong);
    var body = document.createElement('pre');
    body.className = 'letter';
    body.textContent = data.body;
    preview.appendChild(subject);
    preview.appendChild(body);
    error.hidden = true;
  }
  function refresh() {
    var url = form.dataset.preview + '?fedCode=' + encodeURIComponent(form.fedCode.value);
    fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': form.dataset.csrf,
        'Accept-Language': document.documentElement.lang },
      body: JSON.stringify({ subjects: form.subjects.value, body: form.body.value })
    }).then(function (response) {
      return response.json().then(function (data) {
        if (response.ok) { show(data); return; }
        error.textContent = (data.errors && data.errors.length ? data.errors[0].message + ' ' : '') + (data.detail || '');
        error.hidden = false;
      });
    }).catch(function () { /* the Preview button still works */ });
  }
  function later() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  }
  form.subjects.addEventListener('input', later);
  form.body.addEventListener('input', later);
  form.fedCode.addEventListener('change', refresh);
  refresh();
})();
