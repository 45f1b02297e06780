'use strict';
// The timeline: matching articles per day, month or year as an SVG bar
// chart. Each bar is a link (focusable, Enter follows it) to its period.
(function () {
  const W = 720, H = 150, TOP = 12, BOTTOM = 24, LEFT = 40, RIGHT = 6;
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  function label(period, unit) {
    const [y, m, d] = period.split('-');
    if (unit === 'day') return MONTHS[Number(m) - 1] + ' ' + Number(d);
    if (unit === 'month') return MONTHS[Number(m) - 1] + ' ' + y;
    return y;
  }

  // Indices of the periods to label: years' starts (months), months' starts
  // (days), every year (years), thinned to at most |most|.
  function ticks(periods, unit, most) {
    const fewMonths = unit === 'month' && periods.length <= 24;
    let picks = periods.map((p, i) => i).filter(function (i) {
      const p = periods[i].period;
      if (unit === 'month') return fewMonths || p.endsWith('-01');
      if (unit === 'day') return p.endsWith('-01') || p.endsWith('-15');
      return true;
    });
    if (picks.length < 2) picks = periods.map((p, i) => i);
    const stride = Math.ceil(picks.length / most);
    return picks.filter((p, k) => k % stride === 0);
  }

  // Years alone under many months; under a few, months with the year at
  // the first and at each January.
  function tickText(period, unit, first, count) {
    if (unit === 'month' && count > 24) return period.slice(0, 4);
    if (unit === 'month') return first || period.endsWith('-01') ? label(period, unit) : label(period, unit).slice(0, 3);
    if (unit === 'day') return label(period, unit) + (first ? ', ' + period.slice(0, 4) : '');
    return period;
  }

  const UNIT_WORD = { day: 'day', month: 'month', year: 'year' };

  // |data|: {timeline: [{period, count}], undated, articles, unit};
  // |hrefFor|(period) is where a bar leads; |extra| goes in the caption.
  NS.timeline = function (data, hrefFor, heading, extra) {
    const periods = data.timeline || [];
    const unit = data.unit || 'month';
    const caption = NS.el('figcaption', {},
      NS.el('span', { class: 'timeline-title' }, heading + ' per ' + UNIT_WORD[unit]),
      data.undated ? NS.el('span', { class: 'timeline-note' }, NS.plural(data.undated, 'undated article') + ' not shown') : null,
      extra || null);
    const fig = NS.el('figure', { class: 'timeline' }, caption);
    if (!periods.length) {
      fig.append(NS.el('p', { class: 'timeline-empty' }, 'None of the matching articles has a date.'));
      return fig;
    }
    const max = Math.max(1, ...periods.map((p) => p.count));
    const plotW = W - LEFT - RIGHT, plotH = H - TOP - BOTTOM;
    const step = plotW / periods.length;
    // Bars no wider than 44 units, so that a few periods still read as bars.
    const barW = Math.min(44, step > 4 ? step - Math.min(2, step * 0.2) : step);
    const first = periods[0].period, last = periods[periods.length - 1].period;
    const svg = NS.svg('svg', {
      viewBox: '0 0 ' + W + ' ' + H, class: 'timeline-chart', role: 'group',
      'aria-label': heading + ' per ' + UNIT_WORD[unit] + ', ' + label(first, unit) + ' to ' + label(last, unit),
    });
    svg.append(NS.svg('line', { class: 'grid', x1: LEFT, x2: W - RIGHT, y1: TOP, y2: TOP }));
    svg.append(NS.svg('text', { class: 'tick', x: LEFT - 6, y: TOP + 4, 'text-anchor': 'end' }, NS.number(max)));
    svg.append(NS.svg('text', { class: 'tick', x: LEFT - 6, y: TOP + plotH + 4, 'text-anchor': 'end' }, '0'));
    periods.forEach(function (p, i) {
      if (!p.count) return;
      const x = LEFT + i * step;
      const h = Math.max(2, (p.count / max) * plotH);
      const words = label(p.period, unit) + ': ' + NS.plural(p.count, 'article');
      svg.append(NS.svg('a', { class: 'bar', href: hrefFor(p.period), 'aria-label': words, 'data-period': p.period },
        NS.svg('title', {}, words + ' (show them)'),
        NS.svg('rect', { class: 'hit', x: x, y: TOP, width: step, height: plotH }),
        NS.svg('rect', { class: 'fill', x: x + (step - barW) / 2, y: TOP + plotH - h, width: Math.max(1, barW), height: h })));
    });
    svg.append(NS.svg('line', { class: 'axis', x1: LEFT, x2: W - RIGHT, y1: TOP + plotH, y2: TOP + plotH }));
    ticks(periods, unit, 9).forEach(function (i, k) {
      const x = LEFT + i * step + step / 2;
      svg.append(NS.svg('line', { class: 'tick-mark', x1: x, x2: x, y1: TOP + plotH, y2: TOP + plotH + 4 }));
      svg.append(NS.svg('text', { class: 'tick', x: x, y: H - 6, 'text-anchor': 'middle' },
        tickText(periods[i].period, unit, k === 0, periods.length)));
    });
    fig.append(svg);
    return fig;
  };
})();
