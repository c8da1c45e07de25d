(function () {
  var form = document.getElementById('sign');
  if (!form || !window.fetch) return;
  var lang = form.dataset.lang, postal = form.postalCode, fed = form.fedCode, box = document.getElementById('riding');
  // With the script, the riding is chosen from the postal code's candidates, not typed.
  if (!fed.value) document.getElementById('fedCode-field').hidden = true;
  fed.addEventListener('change', function () { refreshLetter(); });
  var errors = document.getElementById('errors');
  if (errors) errors.focus();
  var pattern = /^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z][ -]?[0-9][ABCEGHJ-NPRSTV-Z][0-9]$/i;
  var preview = document.getElementById('letter-preview');
  function name(c) { return lang === 'fr' ? c.nameFr : c.nameEn; }
  // The datasets' English party names, as this page's language writes them (PartyNames).
  var parties = JSON.parse(form.dataset.parties || '{}');
  function text(el, value) { el.textContent = value; return el; }
  var field = document.getElementById('fedCode-field');
  function card(c) {
    var section = document.createElement('div'), details = document.createElement('div');
    section.className = 'mp-card';
    if (c.mp && c.mp.photoUrl) {
      var img = document.createElement('img');
      img.className = 'mp-photo'; img.alt = ''; img.width = 80; img.height = 100;
      img.src = '/api/ridings/' + c.fedCode + '/photo';
      img.onerror = function () { img.remove(); };
      section.appendChild(img);
    }
    details.appendChild(text(document.createElement('p'), form.dataset.cardHeading)).className = 'card-label';
    details.appendChild(text(document.createElement('p'), c.mp ? c.mp.name : form.dataset.vacant)).className = 'mp-name';
    if (c.mp && c.mp.party) details.appendChild(text(document.createElement('p'), parties[c.mp.party] || c.mp.party));
    details.appendChild(text(document.createElement('p'), form.dataset.ridingLabel.replace('{riding}', name(c))));
    section.appendChild(details);
    return section;
  }
  function offerList() {
    var other = document.createElement('button');
    other.type = 'button'; other.className = 'secondary'; other.id = 'not-yours';
    text(other, form.dataset.notYours);
    other.onclick = function () {
      var choice = document.getElementById('riding-choice');
      if (choice) choice.disabled = true;
      field.hidden = false; other.remove(); fed.focus();
    };
    box.appendChild(other);
  }
  function showRiding(result) {
    box.innerHTML = '';
    field.hidden = true;
    var candidates = result.candidates || [];
    if (candidates.length === 1 || (!result.ambiguous && candidates.length)) {
      var c = candidates[0];
      fed.value = c.fedCode;
      box.appendChild(card(c));
      if (result.source === 'fsa') {
        box.appendChild(text(document.createElement('p'), form.dataset.guess)).className = 'guess';
        offerList();
      }
    } else if (candidates.length > 1) {
      var label = text(document.createElement('label'), form.dataset.ambiguous);
      label.htmlFor = 'riding-choice';
      box.appendChild(label);
      var select = document.createElement('select');
      select.id = 'riding-choice';
      select.appendChild(new Option('—', ''));
      candidates.forEach(function (c) {
        select.appendChild(new Option(name(c) + (c.mp ? ' (' + c.mp.name + ')' : ''), c.fedCode));
      });
      select.value = fed.value;
      select.onchange = function () { fed.value = select.value; refreshLetter(); };
      box.appendChild(select);
      if (result.source === 'fsa') offerList();
    }
  }
  var lastCode = null;
  function lookUp() {
    var code = postal.value.trim().toUpperCase().replace(/[ -]/g, '');
    if (code === lastCode) return;
    lastCode = code;
    fed.value = '';
    if (!pattern.test(code)) { box.innerHTML = ''; return; }
    fetch('/api/ridings/lookup?lang=' + lang + '&postalCode=' + encodeURIComponent(code))
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r); })
      .then(function (result) { showRiding(result); refreshLetter(); })
      .catch(function () { box.innerHTML = ''; box.appendChild(text(document.createElement('p'), form.dataset.unknown)); });
  }
  var timer;
  function refreshLetter() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var body = { firstName: form.firstName.value, lastName: form.lastName.value, postalCode: postal.value,
                   fedCode: fed.value, language: lang, personalNote: form.personalNote.value };
      fetch('/api/campaigns/' + form.dataset.slug + '/letter-preview', { method: 'POST',
          headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
        .then(function (r) { return r.ok ? r.json() : Promise.reject(r); })
        .then(function (letter) {
          preview.hidden = false;
          text(document.getElementById('letter-subject'), letter.subject);
          text(document.getElementById('letter-body'), letter.body);
        }).catch(function () {});
    }, 400);
  }
  postal.addEventListener('change', lookUp);
  postal.addEventListener('input', function () { if (pattern.test(postal.value.trim())) lookUp(); });
  ['firstName', 'lastName', 'personalNote'].forEach(function (f) { form[f].addEventListener('input', refreshLetter); });
  // The browser's own validation bubbles speak the browser's language; these speak the page's.
  function mark(input, message) {
    var id = input.id + '-error', note = document.getElementById(id);
    if (!message) {
      if (note && note.dataset.client) note.remove();
      input.removeAttribute('aria-invalid');
      return false;
    }
    if (!note) {
      note = document.createElement('p');
      note.className = 'field-error';
      note.id = id;
      note.dataset.client = 'true';
      input.insertAdjacentElement('afterend', note);
    }
    text(note, message);
    input.setAttribute('aria-invalid', 'true');
    var described = (input.getAttribute('aria-describedby') || '').split(' ').filter(function (x) { return x && x !== id; });
    input.setAttribute('aria-describedby', [id].concat(described).join(' '));
    return true;
  }
  form.addEventListener('submit', function (event) {
    var first = null;
    [['firstName', ''], ['lastName', ''], ['email', form.dataset.email], ['postalCode', form.dataset.postal]]
      .forEach(function (pair) {
        var input = form[pair[0]], value = input.value.trim(), message = '';
        if (!value) message = form.dataset.required;
        else if (pair[0] === 'email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) message = pair[1];
        else if (pair[0] === 'postalCode' && !pattern.test(value)) message = pair[1];
        if (mark(input, message) && !first) first = input;
      });
    if (first) { event.preventDefault(); first.focus(); }
  });
})();
