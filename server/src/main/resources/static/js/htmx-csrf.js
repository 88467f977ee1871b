// htmx sends the page's CSRF token (the layout's _csrf meta tags) as a header with every request,
// so its POSTs pass the session-authenticated pages' CSRF check like a form's hidden field does.
document.addEventListener('htmx:configRequest', event => {
  const token = document.querySelector('meta[name="_csrf"]')?.content;
  const header = document.querySelector('meta[name="_csrf_header"]')?.content;
  if (token && header) {
    event.detail.headers[header] = token;
  }
});
