'use strict';
// The results page (/?q=...): passages with the matched words marked,
// "N more passages" expanding in place, paging; the facet sidebar with
// filter chips, the date range and the timeline whose bars filter.
(function () {
  const PAGE_SIZE = 10;
  const FACETS_SHOWN = 8;  // per type; the rest behind "N more"
  const FACETS_FETCHED = 30;
  const TYPES = [['person', 'People', 'Person'], ['place', 'Places', 'Place'], ['org', 'Organisations', 'Organisation']];
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  NS.formatDate = function (iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
    return m ? MONTHS[Number(m[2]) - 1] + ' ' + Number(m[3]) + ', ' + m[1] : iso;
  };

  NS.hitMeta = function (hit) {
    const parts = [];
    if (hit.date) parts.push(NS.el('time', { datetime: hit.date.slice(0, 10) }, NS.formatDate(hit.date)));
    if (hit.author) parts.push(NS.el('span', { class: 'author' }, 'By ' + hit.author));
    parts.push(NS.el('span', { class: 'path', title: 'Article id (where its text is)' }, hit.path + ':' + hit.paragraph));
    const meta = NS.el('p', { class: 'hit-meta' });
    parts.forEach((p, i) => { if (i) meta.append(NS.el('span', { class: 'sep', 'aria-hidden': 'true' }, '·')); meta.append(p); });
    return meta;
  };

  // The other matching passages of |hit|'s article, fetched on first open.
  function morePassages(hit, state, n) {
    const id = 'more-' + n;
    const words = NS.plural(hit.more_passages, 'more passage') + ' in this article';
    const box = NS.el('div', { class: 'more-passages', id: id, hidden: true });
    const button = NS.el('button', { type: 'button', class: 'more', 'aria-expanded': 'false', 'aria-controls': id }, words);
    button.addEventListener('click', async function () {
      if (button.getAttribute('aria-expanded') === 'true') {
        box.hidden = true;
        button.setAttribute('aria-expanded', 'false');
        button.textContent = words;
        return;
      }
      if (!box.dataset.loaded) {
        button.disabled = true;
        const p = NS.params(state, ['q', 'person', 'place', 'org', 'boilerplate']);
        p.set('id', hit.path);
        const r = await NS.api('article', p);
        button.disabled = false;
        if (!r.ok) {
          box.append(NS.notice(r.data.error, 'error'));
        } else {
          for (const para of r.data.paragraphs) {
            if (!para.highlights.length || para.n === hit.paragraph) continue;
            box.append(NS.el('p', { class: 'passage more-passage' },
              NS.el('a', { class: 'pno', href: NS.articleHref(hit.path, state, para.n), title: 'Read it in the article' }, '¶' + para.n),
              ' ', NS.marked(para.text, para.highlights)));
          }
          box.dataset.loaded = '1';
        }
      }
      box.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      button.textContent = 'Hide the other passages';
    });
    return [button, box];
  }

  // "2 near-identical copies: a, b": the wire copies this result stands for.
  function copiesNote(hit, state) {
    const note = NS.el('p', { class: 'hit-note copies' },
      NS.plural(hit.copies.length, 'near-identical copy', 'near-identical copies') + ': ');
    hit.copies.forEach((path, i) => {
      if (i) note.append(', ');
      note.append(NS.el('a', { href: NS.articleHref(path, state) }, path.split('/').pop()));
    });
    return note;
  }

  NS.renderHit = function (hit, state, n) {
    return NS.el('li', { class: 'hit' },
      NS.el('h2', { class: 'hit-title' },
        NS.el('a', { href: NS.articleHref(hit.path, state, hit.paragraph) }, hit.title || '(untitled)')),
      NS.hitMeta(hit),
      NS.el('p', { class: 'passage' + (hit.kind === 'heading' ? ' is-heading' : '') }, NS.marked(hit.text, hit.highlights)),
      hit.match === 'title' ? NS.el('p', { class: 'hit-note' }, 'The words are in the headline; this is the first paragraph.') : null,
      hit.copies && hit.copies.length ? copiesNote(hit, state) : null,
      hit.more_passages > 0 ? morePassages(hit, state, n) : null);
  };

  NS.pager = function (total, page, hrefFor) {
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (pages <= 1 && page <= 1) return null;
    return NS.el('nav', { class: 'pager', 'aria-label': 'Pages' },
      page > 1 ? NS.el('a', { href: hrefFor(page - 1), rel: 'prev' }, '← Previous') : NS.el('span', { class: 'off' }, '← Previous'),
      NS.el('span', { class: 'page-of' }, 'Page ' + page + ' of ' + (pages < page ? page : pages)),
      page < pages ? NS.el('a', { href: hrefFor(page + 1), rel: 'next' }, 'Next →') : NS.el('span', { class: 'off' }, 'Next →'));
  };

  function chips(state) {
    const list = [];
    for (const [type, , one] of TYPES.concat([['author', '', 'Author']])) {
      for (const name of state[type]) {
        list.push([one, name, NS.with({ [type]: state[type].filter((x) => x !== name) })]);
      }
    }
    if (state.since) list.push(['Since', state.since, NS.with({ since: '' })]);
    if (state.until) list.push(['Until', state.until, NS.with({ until: '' })]);
    if (!list.length) return null;
    const box = NS.el('div', { class: 'chips', 'aria-label': 'Filters in use' });
    for (const [kind, value, without] of list) {
      box.append(NS.el('a', { class: 'chip', href: NS.href('/', without), 'aria-label': 'Remove filter ' + kind + ': ' + value },
        NS.el('span', { class: 'chip-kind' }, kind), ' ', value, NS.el('span', { class: 'chip-x', 'aria-hidden': 'true' }, '×')));
    }
    if (list.length > 1) {
      box.append(NS.el('a', { class: 'chips-clear', href: NS.href('/', { q: state.q, sort: state.sort, person: [], place: [], org: [], author: [] }) }, 'Clear all'));
    }
    return box;
  }

  // The canonical names each typed filter resolved to, by type.
  function activeNames(state, resolved) {
    const out = {};
    for (const [type] of TYPES) {
      out[type] = new Map();
      for (const typed of state[type]) {
        const r = (resolved || []).find((f) => f.typed === typed);
        for (const n of r ? r.names : [typed]) out[type].set(n, typed);
      }
    }
    return out;
  }

  function facetItem(state, type, name, count, typed) {
    const active = typed !== undefined;
    const next = active ? state[type].filter((x) => x !== typed) : state[type].concat([name]);
    return NS.el('li', { class: active ? 'active' : null },
      NS.el('a', { class: 'facet-link', href: NS.href('/', NS.with({ [type]: next })), 'aria-current': active ? 'true' : null,
        title: active ? 'Remove this filter' : 'Only articles mentioning ' + name },
      NS.el('span', { class: 'facet-name' }, name), NS.el('span', { class: 'count' }, count === '' ? '' : NS.number(count))),
      type === 'person' ? NS.el('a', { class: 'facet-page', href: NS.personHref(name), title: 'Person page: ' + name, 'aria-label': 'Person page: ' + name }, '›') : null);
  }

  // Past FACETS_SHOWN, the names wait behind a button that shows them.
  function moreFacets(ul, heading) {
    const extra = Array.from(ul.children).slice(FACETS_SHOWN);
    if (!extra.length) return null;
    extra.forEach((li) => { li.hidden = true; });
    const button = NS.el('button', { type: 'button', class: 'facet-more', 'aria-expanded': 'false' },
      extra.length + ' more');
    button.setAttribute('aria-label', 'Show ' + extra.length + ' more ' + heading.toLowerCase());
    button.addEventListener('click', function () {
      const open = button.getAttribute('aria-expanded') !== 'true';
      extra.forEach((li) => { li.hidden = !open; });
      button.setAttribute('aria-expanded', String(open));
      button.textContent = open ? 'Fewer' : extra.length + ' more';
    });
    return button;
  }

  function facetsPanel(facets, state, resolved) {
    const box = NS.el('div', { class: 'facets' });
    if (!facets) return box;
    const active = activeNames(state, resolved);
    for (const [type, heading] of TYPES) {
      const list = facets[type] || [];
      const ul = NS.el('ul', { class: 'facet-list' });
      for (const [name, typed] of active[type]) {
        const f = list.find((x) => x.name === name);
        ul.append(facetItem(state, type, name, f ? f.count : '', typed));
      }
      for (const f of list) if (!active[type].has(f.name)) ul.append(facetItem(state, type, f.name, f.count, undefined));
      if (!ul.children.length) continue;
      box.append(NS.el('section', { class: 'facet', 'data-type': type }, NS.el('h3', {}, heading), ul,
        moreFacets(ul, heading)));
    }
    if (facets.sampled) box.append(NS.el('p', { class: 'side-note' }, 'Counted over the best ' + NS.number(facets.articles) + ' matching articles.'));
    return box;
  }

  function datesPanel(state) {
    const input = (name, value) => NS.el('input', { id: name, name: name, value: value, placeholder: 'YYYY-MM-DD',
      inputmode: 'numeric', autocomplete: 'off', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', title: 'YYYY, YYYY-MM or YYYY-MM-DD' });
    const since = input('since', state.since), until = input('until', state.until);
    const form = NS.el('form', { class: 'dates', action: '/', method: 'get' },
      NS.el('h3', {}, 'Dates'),
      NS.el('div', { class: 'date-row' },
        NS.el('label', { for: 'since' }, 'From', since), NS.el('label', { for: 'until' }, 'To', until)),
      NS.el('div', { class: 'date-actions' }, NS.el('button', { type: 'submit' }, 'Apply'),
        state.since || state.until ? NS.el('a', { href: NS.href('/', NS.with({ since: '', until: '' })) }, 'Any date') : null));
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      location.href = NS.href('/', NS.with({ since: since.value.trim(), until: until.value.trim() }));
    });
    return form;
  }

  function statusLine(d, state) {
    const what = state.q ? ['for ', NS.el('q', {}, state.q)] : ['for these filters'];
    const count = (d.total_exact ? '' : 'About ') + NS.plural(d.total, 'matching article');
    const sort = NS.el('select', { id: 'sort', 'aria-label': 'Order' },
      ['relevance', 'date', 'oldest'].map((v) => NS.el('option', { value: v, selected: (state.sort || 'relevance') === v },
        { relevance: 'Most relevant', date: 'Newest first', oldest: 'Oldest first' }[v])));
    sort.addEventListener('change', () => { location.href = NS.href('/', NS.with({ sort: sort.value === 'relevance' ? '' : sort.value })); });
    return NS.el('div', { class: 'status' },
      NS.el('p', { class: 'status-count', role: 'status' }, count + ' ', ...what),
      NS.el('a', { class: 'to-filters', href: '#side' }, 'Filters ↓'),
      NS.el('label', { class: 'sort' }, 'Order ', sort));
  }

  function spelling(d, state) {
    if (d.corrected_query) {
      return NS.el('p', { class: 'notice' }, 'No results for ', NS.el('q', {}, state.q), '. Showing results for ',
        NS.el('q', {}, d.corrected_query), '.');
    }
    if (d.suggestion) {
      return NS.el('p', { class: 'notice suggestion' }, 'Did you mean ',
        NS.el('a', { href: NS.href('/', NS.with({ q: d.suggestion })) }, d.suggestion), '?');
    }
    return null;
  }

  async function landing(main, side) {
    NS.setTitle('');
    const lists = await Promise.all(TYPES.map(([t]) => NS.api('entities', new URLSearchParams({ type: t, limit: '14' }))));
    const groups = TYPES.map(function ([type, heading], i) {
      const r = lists[i];
      if (!r.ok || !r.data.entities.length) return null;
      return NS.el('section', { class: 'landing-group' }, NS.el('h2', {}, heading),
        NS.el('ul', { class: 'name-cloud' }, r.data.entities.map((e) => NS.el('li', {},
          NS.el('a', { href: type === 'person' ? NS.personHref(e.name) : NS.href('/', NS.with({ [type]: [e.name] })) }, e.name),
          NS.el('span', { class: 'count' }, NS.number(e.count))))));
    });
    NS.clear(main, NS.el('div', { class: 'landing' },
      NS.el('h1', {}, 'Search the articles'),
      NS.el('p', { class: 'lede' }, 'Words are stemmed and accents folded. Quote a phrase, ',
        NS.el('code', {}, '-exclude'), ' a word, or filter with ', NS.el('code', {}, 'person:Lavrov'), ', ',
        NS.el('code', {}, 'place:Kyiv'), ', ', NS.el('code', {}, 'author:chung'), ' and ', NS.el('code', {}, 'date:2014..2015'), '.'),
      groups));
    NS.clear(side);
  }

  NS.views.results = async function (main, side) {
    const s = NS.state;
    if (!NS.hasSearch(s)) return landing(main, side);
    NS.setTitle(s.q || 'Filtered articles');
    const filters = NS.filterParams(s);
    const p = new URLSearchParams(filters);
    p.set('facets', '1');
    p.set('facet_limit', String(FACETS_FETCHED));
    p.set('limit', String(PAGE_SIZE));
    if (s.page) p.set('page', s.page);
    const [search, timeline] = await Promise.all([NS.api('search', p), NS.api('timeline', filters)]);
    if (!search.ok) {
      NS.clear(main, chips(s), NS.notice(search.data.error, 'error'));
      NS.clear(side, datesPanel(s));
      return;
    }
    const d = search.data;
    const page = Number(s.page) || 1;
    const hits = NS.el('ol', { class: 'hits', start: (page - 1) * PAGE_SIZE + 1 }, d.results.map((h, i) => NS.renderHit(h, s, i)));
    const allDates = s.since || s.until ? NS.el('a', { class: 'timeline-reset', href: NS.href('/', NS.with({ since: '', until: '' })) }, 'All dates') : null;
    NS.clear(main,
      statusLine(d, s), spelling(d, s), chips(s),
      (d.notes || []).map((n) => NS.el('p', { class: 'side-note' }, n)),
      timeline.ok && timeline.data.articles ? NS.timeline(timeline.data, (period) => NS.href('/', NS.with({ since: period, until: period })), 'Matching articles', allDates) : null,
      d.results.length ? hits : NS.notice(d.total ? 'No results on this page.' : 'No articles match.'),
      NS.pager(d.total, page, (n) => NS.href('/', Object.assign({}, s, { page: n > 1 ? String(n) : '' }))));
    NS.clear(side, datesPanel(s), facetsPanel(d.facets, s, d.filters));
  };
})();
