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
      var table = el('table', 'grid members');
      q.members.forEach(function (m) {
        var tr = el('tr');
        tr.appendChild(el('td', '', m.name));
        tr.appendChild(el('td', m.status, (root.getAttribute('data-s-' + m.status.toLowerCase()) || m.status) + (m.paused && m.pausedReason ? ' (' + m.pausedReason + ')' : '')));
        tr.appendChild(el('td', 'n', String(m.callsTaken)));
        table.appendChild(tr);
      });
      d.appendChild(el('div', 'members-title', t.members));
      d.appendChild(table);
      box.appendChild(d);
    });
    root.appendChild(box);
  }
  fetch('/api/live/queues', {credentials: 'same-origin'}).then(function (r) { return r.json(); }).then(render);
  var es = new EventSource('/api/live/stream');
  es.addEventListener('queues', function (e) { render(JSON.parse(e.data)); });
})();
