// Draws the campaign progress as a nested pie (SPEC §6): outer ring the four buckets, inner ring
// each bucket's classifications and results in a lighter shade of the bucket's colour. The
// numbers come from the server-rendered fragment; the legend beside it is plain HTML.
(function () {
  const COLOURS = ['#2e7d32', '#c62828', '#6d6d6d', '#1565c0'];

  function shade(hex, amount) {
    const value = parseInt(hex.slice(1), 16);
    const mix = (channel) => Math.round(channel + (255 - channel) * amount);
    return `rgb(${mix(value >> 16)}, ${mix((value >> 8) & 255)}, ${mix(value & 255)})`;
  }

  function draw(canvas) {
    if (!window.Chart || canvas.dataset.drawn) {
      return;
    }
    canvas.dataset.drawn = 'true';
    const data = JSON.parse(canvas.dataset.chart);
    document.querySelectorAll('.progress-legend .swatch').forEach((swatch) => {
      swatch.style.background = COLOURS[Number(swatch.dataset.bucket)];
    });
    const ring = (segments, lighten) => ({
      data: segments.map((segment) => segment.count),
      labels: segments.map((segment) => segment.label),
      backgroundColor: segments.map((segment, index) =>
        lighten ? shade(COLOURS[segment.bucket], 0.35 + 0.4 * (index % 2)) : COLOURS[segment.bucket]),
    });
    new window.Chart(canvas, {
      type: 'doughnut',
      data: { datasets: [ring(data.buckets, false), ring(data.details, true)] },
      options: {
        cutout: '25%',
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (item) => `${item.dataset.labels[item.dataIndex]}: ${item.formattedValue}` } },
        },
      },
    });
  }

  function drawAll() {
    document.querySelectorAll('#progress-canvas').forEach(draw);
  }

  document.addEventListener('htmx:afterSettle', drawAll);
  drawAll();
})();
