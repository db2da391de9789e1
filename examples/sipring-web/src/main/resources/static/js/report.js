// the print link; inline handlers are not allowed by the Content-Security-Policy
document.addEventListener('DOMContentLoaded', function () {
  var p = document.getElementById('print');
  if (p) {
    p.addEventListener('click', function (e) { e.preventDefault(); window.print(); });
  }
});
