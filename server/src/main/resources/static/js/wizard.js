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

  const lang = document.documentElement.lang || undefined;
  const dateTime = new Intl.DateTimeFormat(lang, {dateStyle: 'medium', timeStyle: 'short'});

  function labelOf(element) {
    return element.closest('label')?.querySelector('span')?.textContent.trim() || 'on';
  }

  function fieldValue(element) {
    if (element.type === 'checkbox' || element.type === 'radio') return element.checked ? labelOf(element) : null;
    if (element.type === 'file') return element.files.length ? Array.from(element.files).map(f => f.name).join(', ') : null;
    if (element.type === 'datetime-local') return element.value ? dateTime.format(new Date(element.value)) : null;
    if (element.tagName === 'SELECT') return element.value ? element.options[element.selectedIndex].text : null;
    return element.value ? element.value : null;
  }

  function addEntry(list, title, values) {
    if (!title || values.length === 0) return;
    const term = document.createElement('dt');
    term.textContent = title;
    const detail = document.createElement('dd');
    detail.textContent = values.join(', ');
    list.append(term, detail);
  }

  function visibleInputs(block) {
    return Array.from(block.querySelectorAll('input, select, textarea'))
      .filter(element => element.type !== 'hidden' && !element.classList.contains('quota')
        && !element.closest('.source[hidden]'));
  }

  // Each setting as the admin chose it, in the steps' order: plain fields under their label,
  // a fieldset (hotlines, agents, mapping, the customer source) under its legend.
  function review() {
    const list = document.getElementById('review');
    list.replaceChildren();
    steps.slice(0, -1).forEach(step => {
      step.querySelectorAll('label:not(.check), fieldset, label.check').forEach(block => {
        if (block.parentElement.closest('fieldset')) return;
        if (block.matches('label:not(.check)') && block.closest('fieldset')) return;
        if (block.matches('fieldset') && block.classList.contains('mapping')) {
          const pairs = Array.from(block.querySelectorAll('select')).filter(select => select.value)
            .map(select => labelOf(select) + ' → ' + select.options[select.selectedIndex].text);
          addEntry(list, block.querySelector('legend')?.textContent, pairs);
          return;
        }
        const title = block.matches('fieldset') ? block.querySelector('legend')?.textContent
          : block.matches('label.check') ? null : block.querySelector(':scope > span')?.textContent;
        if (block.matches('label.check')) {
          const box = block.querySelector('input');
          if (box && box.type === 'checkbox' && box.checked) addEntry(list, labelOf(box), ['✓']);
          return;
        }
        addEntry(list, title, visibleInputs(block).map(fieldValue).filter(Boolean));
      });
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
  const now = document.getElementById('start-now');
  if (now) {
    now.hidden = false;
    now.addEventListener('click', () => { form.querySelector('input[name=startTime]').value = now.dataset.now; });
  }
  // An empty quota says nothing: leaving it out keeps the form's parts few in a large business.
  form.addEventListener('submit', () => {
    form.querySelectorAll('input.quota').forEach(quota => { quota.disabled = quota.value === ''; });
  });
  window.addEventListener('pageshow', () => form.querySelectorAll('input.quota').forEach(quota => { quota.disabled = false; }));
  show(0);
})();
