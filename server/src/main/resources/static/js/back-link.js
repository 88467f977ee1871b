// A link marked data-back returns to the previous page through the browser's history, which still
// holds what the user typed in its form; without history (or script) it opens its own href.
document.querySelectorAll('a[data-back]').forEach(link => {
  link.addEventListener('click', event => {
    if (window.history.length > 1) {
      event.preventDefault();
      window.history.back();
    }
  });
});
