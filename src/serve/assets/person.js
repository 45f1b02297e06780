'use strict';
// The person page (/person/NAME): the articles mentioning them, who appears
// with them and how often, and their mentions over time.
(function () {
  function barList(list, hrefFor) {
    const most = Math.max(1, ...list.map((x) => x.count));
    return NS.el('ul', { class: 'bar-list' }, list.map(function (x) {
      const bar = NS.el('span', { class: 'bar-fill' });
      bar.style.width = Math.max(2, (100 * x.count) / most) + '%';
      return NS.el('li', {},
        NS.el('a', { href: hrefFor(x.name) }, x.name),
        NS.el('span', { class: 'count', title: 'shared articles' }, NS.number(x.count)),
        NS.el('span', { class: 'bar', 'aria-hidden': 'true' }, bar));
    }));
  }

  function withPanel(w, canonical) {
    const box = NS.el('div', { class: 'with' }, NS.el('h2', { class: 'side-title' }, 'Appears with'));
    const sets = [['person', 'People', (n) => NS.personHref(n)],
      ['place', 'Places', (n) => NS.href('/', { person: [canonical], place: [n] })],
      ['org', 'Organisations', (n) => NS.href('/', { person: [canonical], org: [n] })]];
    for (const [type, heading, hrefFor] of sets) {
      if (!(w[type] || []).length) continue;
      box.append(NS.el('section', { class: 'facet', 'data-type': type }, NS.el('h3', {}, heading), barList(w[type], hrefFor)));
    }
    if (box.children.length === 1) box.append(NS.el('p', { class: 'side-note' }, 'Nobody else is named in their articles.'));
    box.append(NS.el('p', { class: 'side-note' }, 'Counts are articles both appear in.'));
    return box;
  }

  NS.views.person = async function (main, side) {
    let name = location.pathname.slice('/person/'.length);
    try { name = decodeURIComponent(name); } catch (e) { /* shown as typed */ }
    NS.setTitle(name);
    const p = new URLSearchParams({ name: name, with: '12' });
    if (NS.state.page) p.set('page', NS.state.page);
    const r = await NS.api('person', p);
    if (!r.ok) {
      NS.clear(main, NS.el('h1', { class: 'person-name' }, name), NS.notice(r.data.error, 'error'));
      NS.clear(side);
      return;
    }
    const d = r.data;
    const canonical = d.names[0] || name;
    NS.setTitle(canonical);
    const state = Object.assign(NS.readState(''), { person: [canonical] });
    const page = Number(NS.state.page) || 1;
    const aka = d.names.length > 1 ? ' Indexed as ' + d.names.join(', ') + '.' : '';
    NS.clear(main,
      NS.el('header', { class: 'person-head' },
        NS.el('p', { class: 'kicker' }, 'Person'),
        NS.el('h1', { class: 'person-name' }, canonical),
        NS.el('p', { class: 'person-sub' }, 'Mentioned in ' + NS.plural(d.articles, 'article') + '.' + aka + ' ',
          NS.el('a', { href: NS.href('/', state) }, 'Search within these articles'))),
      NS.timeline(d.timeline, (period) => NS.href('/', Object.assign({}, state, { since: period, until: period })), 'Mentions'),
      NS.el('h2', { class: 'section-title' }, 'Articles, most central first'),
      NS.el('ol', { class: 'hits', start: (page - 1) * 10 + 1 }, d.search.results.map((h, i) => NS.renderHit(h, state, i))),
      NS.pager(d.search.total, page, (n) => location.pathname + (n > 1 ? '?page=' + n : '')));
    NS.clear(side, withPanel(d.with, canonical));
  };
})();
