// The small behaviours templates ask for with data attributes. They live here, not in onclick or
// hx-on attributes, because the Content-Security-Policy runs no inline script. (Asking before a
// delete, data-confirm, is confirm.js's: one question per click.)
//   data-remove-closest=".selector"  removes the enclosing element (a range, a question)
//   data-move="up|down" data-move-item=".selector"  moves the enclosing element among its siblings
//   data-submit-checked="name"       adds the checked [data-keep] boxes' values as hidden inputs named so
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
