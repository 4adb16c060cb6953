// The plan page's "select all" box of a phase: ticks or clears every duty box of that phase's batch form.
document.addEventListener('change', function (evt) {
  var all = evt.target.closest && evt.target.closest('input[data-select-all]');
  if (!all) {
    return;
  }
  var form = all.getAttribute('data-select-all');
  document.querySelectorAll('input[name="duty"]').forEach(function (box) {
    if (box.getAttribute('form') === form) {
      box.checked = all.checked;
    }
  });
});
