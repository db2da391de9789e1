// Live wallboard: one EventSource on /api/live/stream; each message is the full list of queues. Text is set
// with textContent only (caller IDs and names come from outside).
(function () {
  var root = document.getElementById('wallboard');
  if (!root) { return; }
  var t = root.dataset;
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function mmss(s) {
    s = Math.round(s);
    var m = Math.floor(s / 60), r = s % 60;
    return (m < 10 ? '0' : '') + m + ':' + (r < 10 ? '0' : '') + r;
  }
  function render(queues) {
    root.textContent = '';
    if (!queues.length) { root.appendChild(el('p', 'hint', t.none)); return; }
    var box = el('div', 'queues');
    queues.forEach(function (q) {
      var d = el('div', 'queue');
      d.id = 'queue-' + q.queue;
      d.appendChild(el('h2', '', t.queue + ' ' + q.queue));
      var w = el('div', '');
      w.appendChild(el('span', 'big waiting' + (q.waiting > 0 ? ' warn' : ''), String(q.waiting)));
      w.appendChild(el('span', '', ' ' + t.waiting + ' · ' + t.longest + ' '));
      w.appendChild(el('span', 'longest', mmss(q.longestWaitSeconds)));
      d.appendChild(w);
      d.appendChild(el('div', '', t.answered + ': ' + q.answered + ' · ' + t.abandoned + ': ' + q.abandoned));
      // wallboard-today: the report engine's figures for today (answered, lost, service level at the threshold)
      var today = el('div', 'today');
      if (q.answeredToday !== null && q.answeredToday !== undefined) {
        today.appendChild(el('span', '', t.today + ': ' + t.todayAnswered + ' '));
        today.appendChild(el('span', 'answered-today', String(q.answeredToday)));
        today.appendChild(el('span', '', ' · ' + t.todayLost + ' '));
        today.appendChild(el('span', 'lost-today', String(q.lostToday)));
        today.appendChild(el('span', '', ' · ' + t.todaySl.replace('{0}', String(q.serviceLevelThresholdSeconds)) + ' '));
        today.appendChild(el('span', 'sl-today', q.serviceLevelToday.toFixed(1) + '%'));
      } else {
        today.appendChild(el('span', '', t.today + ': ' + t.todayNone));
      }
      d.appendChild(today);
      // the callers waiting, in queue order (caller IDs come from outside: textContent only)
      d.appendChild(el('div', 'members-title', t.callers));
      if (q.callers && q.callers.length) {
        var ct = el('table', 'grid callers');
        var ch = el('tr');
        [t.position, t.caller, t.wait].forEach(function (h) { ch.appendChild(el('th', '', h)); });
        ct.appendChild(ch);
        q.callers.forEach(function (c) {
          var tr = el('tr');
          tr.appendChild(el('td', 'n', String(c.position)));
          tr.appendChild(el('td', '', c.callerIdNum + (c.callerIdName ? ' ' + c.callerIdName : '')));
          tr.appendChild(el('td', 'n', mmss(c.waitingSeconds)));
          ct.appendChild(tr);
        });
        d.appendChild(ct);
      } else {
        d.appendChild(el('div', 'hint', t.nocallers));
      }
      var table = el('table', 'grid members');
      var head = el('tr');
      head.appendChild(el('th', '', t.member));
      head.appendChild(el('th', '', t.state));
      head.appendChild(el('th', 'n', t.calls));
      var thead = el('thead');
      thead.appendChild(head);
      table.appendChild(thead);
      var tbody = el('tbody');
      table.appendChild(tbody);
      q.members.forEach(function (m) {
        var tr = el('tr');
        tr.appendChild(el('td', '', m.name));
        tr.appendChild(el('td', m.status, (root.getAttribute('data-s-' + m.status.toLowerCase()) || m.status) + (m.paused && m.pausedReason ? ' (' + m.pausedReason + ')' : '')));
        tr.appendChild(el('td', 'n', String(m.callsTaken)));
        tbody.appendChild(tr);
      });
      d.appendChild(el('div', 'members-title', t.members));
      d.appendChild(table);
      box.appendChild(d);
    });
    root.appendChild(box);
  }
  // wallboard-stale: while the AMI link is down the banner says since when, and the board is greyed
  var banner = document.getElementById('wall-stale');
  function status(s) {
    if (!banner) { return; }
    if (s.stale) {
      banner.textContent = banner.dataset.text.replace('{0}', s.staleSinceTime).replace('{1}', mmss(s.staleSeconds));
      banner.hidden = false;
      root.classList.add('is-stale');
    } else {
      banner.hidden = true;
      root.classList.remove('is-stale');
    }
  }
  fetch('/api/live/status', {credentials: 'same-origin'}).then(function (r) { return r.json(); }).then(status);
  fetch('/api/live/queues', {credentials: 'same-origin'}).then(function (r) { return r.json(); }).then(render);
  var es = new EventSource('/api/live/stream');
  es.addEventListener('status', function (e) { status(JSON.parse(e.data)); });
  es.addEventListener('queues', function (e) { render(JSON.parse(e.data)); });
})();
