// Send the CSRF token with every htmx request.
document.addEventListener('htmx:configRequest', function (evt) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    evt.detail.headers[header.content] = token.content;
  }
});

// "Back" links on error pages: the previous page in this tab, or home when there is none.
document.addEventListener('click', function (evt) {
  var link = evt.target.closest && evt.target.closest('a[data-back]');
  if (link && window.history.length > 1) {
    evt.preventDefault();
    window.history.back();
  } else if (link) {
    link.setAttribute('href', document.querySelector('#error-home') ? document.querySelector('#error-home').getAttribute('href') : '/');
  }
});

// Printing: collapsed <details> print open (where the print stylesheet cannot open them), closed again afterwards.
window.addEventListener('beforeprint', function () {
  document.querySelectorAll('details:not([open])').forEach(function (d) {
    d.setAttribute('data-print-opened', '');
    d.open = true;
  });
});
window.addEventListener('afterprint', function () {
  document.querySelectorAll('details[data-print-opened]').forEach(function (d) {
    d.removeAttribute('data-print-opened');
    d.open = false;
  });
});
