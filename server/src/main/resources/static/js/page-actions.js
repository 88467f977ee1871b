// The small behaviours templates ask for with data attributes. They live here, not in onclick or
// hx-on attributes, because the Content-Security-Policy runs no inline script. (Asking before a
// delete, data-confirm, is confirm.js's: one question per click.)
//   data-remove-closest=".selector"  removes the enclosing element (a range, a question)
//   data-move="up|down" data-move-item=".selector"  moves the enclosing element among its siblings
//   data-submit-checked="name"       adds the checked [data-keep] boxes' values as hidden inputs named so
//   select[data-reveal]              within its closest [data-reveal-scope], shows only the parts whose
//                                    data-shown-for lists its value, and disables the fields of the others
//                                    (not posted); without script every part shows and is posted
document.addEventListener('click', event => {
  const removing = event.target.closest('[data-remove-closest]');
  if (removing) {
    removing.closest(removing.dataset.removeClosest)?.remove();
    return;
  }
  const moving = event.target.closest('[data-move]');
  if (moving) {
    const item = moving.closest(moving.dataset.moveItem);
    if (moving.dataset.move === 'up' && item?.previousElementSibling) {
      item.previousElementSibling.before(item);
    } else if (moving.dataset.move === 'down' && item?.nextElementSibling) {
      item.nextElementSibling.after(item);
    }
    return;
  }
  const submitting = event.target.closest('[data-submit-checked]');
  if (submitting && submitting.form) {
    submitting.form.querySelectorAll('input[data-keep]:checked').forEach(box => {
      const hidden = document.createElement('input');
      hidden.type = 'hidden';
      hidden.name = submitting.dataset.submitChecked;
      hidden.value = box.value;
      submitting.form.append(hidden);
    });
  }
}, true);

function reveal(select) {
  const scope = select.closest('[data-reveal-scope]');
  if (!scope) return;
  scope.querySelectorAll('[data-shown-for]').forEach(part => {
    if (part.parentElement.closest('[data-reveal-scope]') !== scope) return;
    const shown = part.dataset.shownFor.split(' ').includes(select.value);
    part.hidden = !shown;
    part.querySelectorAll('input, select, textarea').forEach(field => { field.disabled = !shown; });
    if (shown) part.querySelectorAll('select[data-reveal]').forEach(reveal);
  });
}
document.addEventListener('change', event => {
  if (event.target.matches('select[data-reveal]')) reveal(event.target);
});
document.querySelectorAll('select[data-reveal]').forEach(reveal);
