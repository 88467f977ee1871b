// A link marked data-back returns to the previous page through the browser's history, which still
// holds what the user typed in its form; without history (or script) it opens its own href.
// The listener sits on the document and the page loads this script before the link exists, so a
// click that comes as soon as the link shows is already handled: a listener added to the link once
// the page was parsed missed such clicks, and the user lost the form to the href.
document.addEventListener('click', event => {
  const link = event.target.closest('a[data-back]');
  if (link && window.history.length > 1) {
    event.preventDefault();
    window.history.back();
  }
});
