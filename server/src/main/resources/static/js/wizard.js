// The campaign wizard: one form in four steps (settings, customers, agents, review), in the
// manual's order. Without JavaScript every step shows and the form still submits.
(function () {
  const form = document.getElementById('wizard');
  if (!form) return;
  const steps = Array.from(form.querySelectorAll('.step'));
  const markers = Array.from(document.querySelectorAll('.steps li'));
  const back = document.getElementById('back');
  const next = document.getElementById('next');
  const add = document.getElementById('add');
  let current = 0;

  function fieldValue(element) {
    if (element.type === 'checkbox') return element.checked ? (element.closest('label')?.innerText.trim() || 'on') : null;
    if (element.tagName === 'SELECT') return element.value ? element.options[element.selectedIndex].text : null;
    return element.value ? element.value : null;
  }

  function review() {
    const list = document.getElementById('review');
    list.replaceChildren();
    form.querySelectorAll('.step[data-step="1"] label, .step[data-step="3"] fieldset').forEach(block => {
      const title = block.querySelector(':scope > span, :scope > legend');
      const values = Array.from(block.querySelectorAll('input, select, textarea'))
        .filter(element => element.type !== 'hidden').map(fieldValue).filter(Boolean);
      if (!title || values.length === 0) return;
      const term = document.createElement('dt');
      term.textContent = title.textContent;
      const detail = document.createElement('dd');
      detail.textContent = values.join(', ');
      list.append(term, detail);
    });
  }

  function show(index) {
    current = index;
    steps.forEach((step, i) => { step.hidden = i !== index; });
    markers.forEach((marker, i) => marker.classList.toggle('active', i === index));
    back.hidden = index === 0;
    next.hidden = index === steps.length - 1;
    add.hidden = index !== steps.length - 1;
    if (index === steps.length - 1) review();
  }

  next.addEventListener('click', () => {
    const invalid = Array.from(steps[current].querySelectorAll('input, select, textarea')).find(e => !e.checkValidity());
    if (invalid) { invalid.reportValidity(); return; }
    show(current + 1);
  });
  back.addEventListener('click', () => show(current - 1));
  // An empty quota says nothing: leaving it out keeps the form's parts few in a large business.
  form.addEventListener('submit', () => {
    form.querySelectorAll('input.quota').forEach(quota => { quota.disabled = quota.value === ''; });
  });
  window.addEventListener('pageshow', () => form.querySelectorAll('input.quota').forEach(quota => { quota.disabled = false; }));
  show(0);
})();
