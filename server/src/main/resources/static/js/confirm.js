// Asks before a form does something that cannot be undone: a submit button (or form) with
// data-confirm="…" submits only once the user agrees to that sentence, which names what goes and
// what goes with it. Delegated from the document, so forms htmx swaps in are covered too.
document.addEventListener('submit', event => {
  const question = event.submitter?.dataset.confirm || event.target.dataset?.confirm;
  if (question && !window.confirm(question)) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);
