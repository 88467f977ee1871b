// Shows the inputs of the chosen "Add from" source only.
(function () {
  document.querySelectorAll('.sources').forEach(block => {
    const radios = block.querySelectorAll('input[name=customerSource]');
    const show = () => {
      const chosen = block.querySelector('input[name=customerSource]:checked')?.value;
      block.querySelectorAll('.source').forEach(source => { source.hidden = source.dataset.source !== chosen; });
    };
    radios.forEach(radio => radio.addEventListener('change', show));
    show();
  });
})();
