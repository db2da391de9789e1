// campaign admin: the dialer's progress polled as JSON (no inline script: the Content-Security-Policy forbids it). Values are set with textContent, never as HTML.
document.addEventListener('DOMContentLoaded', function () {
  var box = document.getElementById('dialer-progress');
  if (box) {
    var names = document.getElementById('status-names');
    var set = function (id, v) { var e = document.getElementById(id); if (e) { e.textContent = String(v); } };
    var poll = function () {
      fetch(box.getAttribute('data-url'), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (p) {
          if (!p) { return; }
          set('p-status', names ? names.getAttribute('data-' + String(p.status).toLowerCase()) || p.status : p.status);
          set('p-placed', p.placedToday);
          set('p-answered', p.answeredToday);
          set('p-inprogress', p.inProgress);
          set('p-remaining', p.dueNow);
        })
        .catch(function () { /* the next poll tries again */ });
    };
    setInterval(poll, 1000);
  }
});
