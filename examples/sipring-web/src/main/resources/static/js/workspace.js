// Operator workspace (feature: operator workspace). Everything goes through /api/workspace; every text that
// comes from the server (card fields, caller ids, survey texts) is set with textContent or as a value, never
// as HTML. Timers tick in the browser from the server's instants (its clock offset taken once per answer).
(function () {
  'use strict';
  var root = document.getElementById('workspace');
  if (!root) { return; }
  var base = root.getAttribute('data-base') || '/';
  var api = base + 'api/workspace';
  var csrf = document.querySelector('meta[name=_csrf]').getAttribute('content');
  var csrfHeader = document.querySelector('meta[name=_csrf_header]').getAttribute('content');
  var t = {};
  document.querySelectorAll('#ws-i18n [data-k]').forEach(function (e) { t[e.getAttribute('data-k')] = e.textContent; });
  function $(id) { return document.getElementById(id); }

  var state = { assignment: null, assignments: [], work: null, offset: 0, page: 0, pages: 1, card: null,
    call: null, pop: null, step: null, me: null };

  function request(method, path, body) {
    var opts = { method: method, headers: { 'Accept': 'application/json' }, credentials: 'same-origin' };
    opts.headers[csrfHeader] = csrf;
    if (body !== undefined) {
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(body);
    }
    return fetch(api + path, opts).then(function (r) {
      return r.text().then(function (text) {
        var data = text ? JSON.parse(text) : null;
        if (!r.ok) { throw new Error(data && data.error ? data.error : ('HTTP ' + r.status)); }
        return data;
      });
    });
  }
  function error(e) { var p = $('ws-error'); p.textContent = e.message || String(e); p.hidden = false; $('ws-ok').hidden = true; }
  function ok(text) { var p = $('ws-ok'); p.textContent = text; p.hidden = false; $('ws-error').hidden = true; }

  // ---- timers
  function two(n) { return (n < 10 ? '0' : '') + n; }
  function hms(s) { s = Math.max(0, Math.floor(s)); return two(Math.floor(s / 3600)) + ':' + two(Math.floor(s / 60) % 60) + ':' + two(s % 60); }
  function serverNow() { return Date.now() + state.offset; }
  function tick() {
    var w = state.work;
    if (!w) { return; }
    var now = serverNow();
    var paused = w.pausedSecondsBefore + (w.paused ? (now - Date.parse(w.pausedSince)) / 1000 : 0);
    var total = (now - Date.parse(w.startedAt)) / 1000;
    $('ws-work-timer').textContent = hms(total - paused);
    $('ws-pause-timer').textContent = hms(paused);
  }
  setInterval(tick, 1000);

  function showWork(w) {
    state.work = w;
    if (w) { state.offset = Date.parse(w.serverNow) - Date.now(); }
    $('ws-idle').hidden = !!w;
    $('ws-working').hidden = !w;
    if (w) {
      state.assignment = w.assignmentId;
      var a = state.assignments.filter(function (x) { return x.id === w.assignmentId; })[0];
      $('ws-current-assignment').textContent = a ? a.path : String(w.assignmentId);
      var st = $('ws-state');
      st.textContent = w.paused ? t.paused + ': ' + w.pauseReason : t.working;
      st.className = 'state' + (w.paused ? ' paused' : '');
      $('ws-pause-form').hidden = w.paused;
      $('ws-resume').hidden = !w.paused;
      tick();
    } else {
      var sel = $('ws-assignment');
      state.assignment = sel.value ? Number(sel.value) : null;
    }
    loadCards();
    loadUnanswered();
  }

  // ---- assignments and work
  function loadAssignments() {
    return request('GET', '/assignments').then(function (list) {
      state.assignments = list;
      var sel = $('ws-assignment');
      sel.textContent = '';
      list.forEach(function (a) {
        var o = document.createElement('option');
        o.value = a.id; o.textContent = a.path;
        sel.appendChild(o);
      });
      if (!list.length) {
        var o = document.createElement('option'); o.value = ''; o.textContent = t.noAssignments; sel.appendChild(o);
      }
    });
  }
  $('ws-assignment').addEventListener('change', function () {
    state.assignment = this.value ? Number(this.value) : null; state.page = 0; loadCards(); loadUnanswered();
  });
  $('ws-start').addEventListener('click', function () {
    var id = Number($('ws-assignment').value);
    request('POST', '/work/start', { assignmentId: id }).then(showWork).catch(error);
  });
  $('ws-pause').addEventListener('click', function () {
    request('POST', '/work/pause', { reason: $('ws-pause-reason').value }).then(function (w) {
      $('ws-pause-reason').value = ''; showWork(w);
    }).catch(error);
  });
  $('ws-resume').addEventListener('click', function () { request('POST', '/work/resume').then(showWork).catch(error); });
  $('ws-stop').addEventListener('click', function () {
    request('POST', '/work/stop').then(function () { showWork(null); }).catch(error);
  });

  // ---- client list
  function statusText(s) { return t['status.' + s] || s; }
  function row(c, tbody) {
    var tr = document.createElement('tr');
    tr.setAttribute('data-id', c.id);
    if (state.card && state.card.id === c.id) { tr.className = 'selected'; }
    [c.name, c.phone, statusText(c.status), String(c.attempts)].forEach(function (v, i) {
      var td = document.createElement('td'); td.textContent = v;
      if (i === 2) { td.className = 'status-' + c.status; }
      tr.appendChild(td);
    });
    tr.addEventListener('click', function () { openCard(c.id); });
    tbody.appendChild(tr);
  }
  function loadCards() {
    var tbody = document.querySelector('#ws-cards tbody');
    if (!state.assignment) {
      tbody.textContent = ''; $('ws-page-info').textContent = '';
      $('ws-prev').disabled = true; $('ws-next').disabled = true;
      return Promise.resolve();
    }
    var q = '?assignment=' + state.assignment + '&page=' + state.page + '&size=15';
    var text = $('ws-q').value.trim();
    if (text) { q += '&q=' + encodeURIComponent(text); }
    var st = $('ws-status-filter').value;
    if (st) { q += '&status=' + encodeURIComponent(st); }
    return request('GET', '/cards' + q).then(function (p) {
      tbody.textContent = '';
      p.items.forEach(function (c) { row(c, tbody); });
      state.pages = Math.max(1, p.pages);
      $('ws-page-info').textContent = t.page.replace('{0}', p.page + 1).replace('{1}', state.pages).replace('{2}', p.total);
      $('ws-prev').disabled = p.page <= 0;
      $('ws-next').disabled = p.page + 1 >= state.pages;
    }).catch(error);
  }
  $('ws-search-form').addEventListener('submit', function (e) { e.preventDefault(); state.page = 0; loadCards(); });
  $('ws-prev').addEventListener('click', function () { if (state.page > 0) { state.page--; loadCards(); } });
  $('ws-next').addEventListener('click', function () { if (state.page + 1 < state.pages) { state.page++; loadCards(); } });

  function loadUnanswered() {
    var tbody = document.querySelector('#ws-unanswered tbody');
    if (!state.assignment) { tbody.textContent = ''; return Promise.resolve(); }
    var q = '?assignment=' + state.assignment + '&size=50';
    var o = $('ws-un-outcome').value;
    if (o) { q += '&outcome=' + encodeURIComponent(o); }
    return request('GET', '/unanswered' + q).then(function (p) {
      tbody.textContent = '';
      p.items.forEach(function (c) { row(c, tbody); });
    }).catch(error);
  }
  $('ws-un-form').addEventListener('submit', function (e) { e.preventDefault(); loadUnanswered(); });

  // ---- the card
  function customRow(name, value) {
    var div = document.createElement('div'); div.className = 'custom-row';
    var n = document.createElement('input'); n.className = 'cname'; n.value = name; n.placeholder = t.fieldName; n.maxLength = 100;
    var v = document.createElement('input'); v.className = 'cvalue'; v.value = value; v.placeholder = t.fieldValue; v.size = 30;
    div.appendChild(n); div.appendChild(v);
    $('card-custom').appendChild(div);
  }
  function fillCard(c, phone) {
    state.card = c;
    $('card-title').textContent = c ? t.card + ' ' + c.name : $('card-new').textContent;
    $('card-status').textContent = c ? statusText(c.status) : '';
    $('card-phone').value = c ? c.phone : (phone || '');
    document.querySelectorAll('.card-field').forEach(function (i) {
      i.value = c && c.fields[i.getAttribute('data-key')] ? c.fields[i.getAttribute('data-key')] : '';
    });
    $('card-custom').textContent = '';
    if (c) { Object.keys(c.custom).forEach(function (k) { customRow(k, c.custom[k]); }); }
    $('card-delete').disabled = !c;
    $('card-call').disabled = !c || !state.me || !state.me.canCall;
    document.querySelectorAll('#ws-cards tbody tr').forEach(function (tr) {
      tr.className = c && Number(tr.getAttribute('data-id')) === c.id ? 'selected' : '';
    });
  }
  function openCard(id) { return request('GET', '/cards/' + id).then(function (c) { fillCard(c); }).catch(error); }
  function cardBody() {
    var fields = {};
    document.querySelectorAll('.card-field').forEach(function (i) { if (i.value.trim()) { fields[i.getAttribute('data-key')] = i.value; } });
    document.querySelectorAll('#card-custom .custom-row').forEach(function (r) {
      var n = r.querySelector('.cname').value.trim(), v = r.querySelector('.cvalue').value;
      if (n && v.trim()) { fields[n] = v; }
    });
    return { assignmentId: state.assignment, phone: $('card-phone').value, fields: fields };
  }
  $('card-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var c = state.card;
    var p = c ? request('PUT', '/cards/' + c.id, cardBody()) : request('POST', '/cards', cardBody());
    p.then(function (saved) { fillCard(saved); ok(c ? t.saved : t.added); return loadCards(); }).catch(error);
  });
  $('card-new').addEventListener('click', function () { fillCard(null); });
  $('card-add-custom').addEventListener('click', function () { customRow('', ''); });
  $('card-delete').addEventListener('click', function () {
    var c = state.card;
    if (!c || !window.confirm(t.confirmDelete.replace('{0}', c.name))) { return; }
    request('DELETE', '/cards/' + c.id).then(function () { fillCard(null); ok(t.deleted); loadCards(); loadUnanswered(); }).catch(error);
  });

  // ---- calls
  function showCall(a) {
    state.call = a;
    $('ws-call').hidden = !a;
    if (!a) { return; }
    $('call-number').textContent = a.number;
    $('call-state').textContent = a.outcome ? (t['status.' + a.outcome] || t['outcome.' + a.outcome] || a.outcome) : t.ringing;
    // the PBX's outcome preselects the choice once; the operator's own choice is never overwritten
    if (a.outcome && !state.preselected) { $('call-status').value = a.outcome; state.preselected = true; }
    $('call-finish').disabled = false;
  }
  function pollCall() {
    var a = state.call;
    if (!a || a.outcome) { return; }
    request('GET', '/calls/' + a.id).then(function (n) {
      if (state.call && state.call.id === n.id) { showCall(n); }
      if (!n.outcome) { setTimeout(pollCall, 500); } else { loadCards(); loadUnanswered(); }
    }).catch(error);
  }
  $('card-call').addEventListener('click', function () {
    var c = state.card;
    if (!c) { return; }
    $('call-note').value = '';
    state.preselected = false;
    request('POST', '/calls', { contactId: c.id }).then(function (a) { showCall(a); pollCall(); }).catch(error);
  });
  $('call-finish').addEventListener('click', function () {
    var a = state.call;
    if (!a) { return; }
    var chosen = $('call-status').value;
    request('POST', '/calls/' + a.id + '/finish', { status: chosen, note: $('call-note').value })
      .then(function (n) {
        showCall(n); $('call-state').textContent = t.finished + ': ' + statusText(chosen);
        ok(t.saved);
        if (state.card) { openCard(state.card.id); }
        loadCards(); loadUnanswered();
      }).catch(error);
  });

  // ---- screen pops
  function showStep(s) {
    state.step = s;
    $('survey-done').hidden = !s.finished;
    $('survey-answer').hidden = s.finished; $('survey-skip').hidden = s.finished;
    var q = s.question;
    $('survey-question').textContent = q ? q.text : '';
    $('survey-hint').textContent = q ? q.hint : '';
    var box = $('survey-options'); box.textContent = '';
    $('survey-text').hidden = !q || q.type !== 'text';
    $('survey-text').value = '';
    if (q && q.type !== 'text') {
      q.options.forEach(function (o) {
        var l = document.createElement('label');
        var i = document.createElement('input');
        i.type = q.type === 'single' ? 'radio' : 'checkbox'; i.name = 'survey-option'; i.value = o.id;
        i.id = 'survey-option-' + o.id;
        l.appendChild(i); l.appendChild(document.createTextNode(' ' + o.label));
        box.appendChild(l);
      });
    }
  }
  function showPop(p) {
    state.pop = p;
    $('ws-ok').hidden = true; $('ws-error').hidden = true;
    $('ws-pop').hidden = false;
    $('pop-caller').textContent = p.callerNumber;
    $('pop-queue').textContent = p.queue;
    $('pop-card-line').hidden = p.cardId === null;
    $('pop-nocard').hidden = p.cardId !== null;
    $('pop-card-name').textContent = p.cardName;
    if (p.cardId !== null) { openCard(p.cardId); } else { fillCard(null, p.callerNumber); }
    $('pop-survey').hidden = !p.surveyId;
    $('survey-done').hidden = true;
    if (p.surveyId) {
      $('survey-title').textContent = p.surveyTitle;
      request('POST', '/pops/' + encodeURIComponent(p.callId) + '/survey').then(showStep).catch(error);
    }
  }
  $('survey-answer').addEventListener('click', function () {
    var p = state.pop, s = state.step;
    if (!p || !s || !s.question) { return; }
    var body = { skip: false, options: [], text: null };
    if (s.question.type === 'text') { body.text = $('survey-text').value; }
    document.querySelectorAll('#survey-options input:checked').forEach(function (i) { body.options.push(i.value); });
    request('POST', '/pops/' + encodeURIComponent(p.callId) + '/survey/answer', body).then(showStep).catch(error);
  });
  $('survey-skip').addEventListener('click', function () {
    var p = state.pop;
    if (!p) { return; }
    request('POST', '/pops/' + encodeURIComponent(p.callId) + '/survey/answer', { skip: true }).then(showStep).catch(error);
  });
  function listen() {
    var es = new EventSource(api + '/pops/stream');
    es.addEventListener('pop', function (ev) { showPop(JSON.parse(ev.data)); });
    es.addEventListener('open', function () { root.setAttribute('data-pops', 'connected'); });
  }

  // ---- start
  loadAssignments().then(function () { return request('GET', '/me'); }).then(function (me) {
    state.me = me;
    state.offset = Date.parse(me.serverNow) - Date.now();
    fillCard(null);
    showWork(me.work);
    listen();
    root.setAttribute('data-ready', 'true');
  }).catch(error);
})();
