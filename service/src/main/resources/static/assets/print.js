// The memo's "Print" button: the page's Content-Security-Policy allows no inline script, so it is bound here.
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.addEventListener('click', function () { window.print(); });
});
