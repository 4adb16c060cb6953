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

// A jump to a phase (#stage-…, from the timeline's links) opens that phase's collapsed duties.
function openTarget() {
  var id = decodeURIComponent(location.hash.slice(1));
  var target = id && document.getElementById(id);
  if (!target) {
    return;
  }
  var duties = target.querySelector('details.phase-duties');
  if (duties) {
    duties.open = true;
  }
  for (var d = target.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) {
    d.open = true;
  }
}
window.addEventListener('hashchange', openTarget);
document.addEventListener('DOMContentLoaded', openTarget);
