'use strict';
// The article view (/article?id=...&q=...): the whole article with every
// match marked, headings as headings, boilerplate and credits greyed out,
// and its entities beside it. Reached by the article id, which the server
// looks up in the index (it never reads a file a URL names).
(function () {
  const GREY = { boilerplate: 'Boilerplate (not searched)', credit: 'Credit (not searched)' };
  const TYPES = [['person', 'People'], ['place', 'Places'], ['org', 'Organisations']];

  function paragraph(p) {
    const attrs = { id: 'p-' + p.n, class: 'para kind-' + p.kind, 'data-kind': p.kind };
    if (p.kind === 'heading') return NS.el('h2', attrs, NS.marked(p.text, p.highlights));
    return NS.el('p', attrs, NS.marked(p.text, p.highlights));
  }

  // Paragraphs in order; runs of boilerplate or credits go in one greyed box.
  function body(paragraphs) {
    const out = NS.el('div', { class: 'article-body' });
    let box = null;
    for (const p of paragraphs) {
      if (!GREY[p.kind]) {
        box = null;
        out.append(paragraph(p));
        continue;
      }
      if (!box || box.dataset.kind !== p.kind) {
        box = NS.el('div', { class: 'greyed kind-' + p.kind, 'data-kind': p.kind },
          NS.el('p', { class: 'greyed-label' }, GREY[p.kind]));
        out.append(box);
      }
      box.append(paragraph(p));
    }
    return out;
  }

  function entitiesPanel(entities) {
    const box = NS.el('div', { class: 'entities' }, NS.el('h2', { class: 'side-title' }, 'In this article'));
    for (const [type, heading] of TYPES) {
      const list = entities[type] || [];
      if (!list.length) continue;
      box.append(NS.el('section', { class: 'facet', 'data-type': type }, NS.el('h3', {}, heading),
        NS.el('ul', { class: 'facet-list' }, list.map((e) => NS.el('li', {},
          NS.el('a', { class: 'facet-link', href: type === 'person' ? NS.personHref(e.name) : NS.href('/', NS.with({ q: '', [type]: [e.name] })) },
            NS.el('span', { class: 'facet-name' }, e.name),
            NS.el('span', { class: 'count', title: 'mentions' }, e.count ? NS.number(e.count) : '')))))));
    }
    if (box.children.length === 1) box.append(NS.el('p', { class: 'side-note' }, 'No people, places or organisations found.'));
    return box;
  }

  function meta(a) {
    const parts = [];
    if (a.date) parts.push(NS.el('time', { datetime: a.date.slice(0, 10) }, NS.formatDate(a.date)));
    if (a.author) parts.push(NS.el('span', { class: 'author' }, 'By ' + a.author));
    parts.push(NS.el('span', { class: 'path' }, a.path));
    // Only web addresses become links: a stored "javascript:" URL stays text.
    if (/^https?:\/\//i.test(a.url || '')) {
      parts.push(NS.el('a', { href: a.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'Original'));
    } else if (a.url) {
      parts.push(NS.el('span', { class: 'path' }, a.url));
    }
    const p = NS.el('p', { class: 'article-meta' });
    parts.forEach((x, i) => { if (i) p.append(NS.el('span', { class: 'sep', 'aria-hidden': 'true' }, '·')); p.append(x); });
    return p;
  }

  NS.views.article = async function (main, side) {
    const s = NS.state;
    const id = new URLSearchParams(location.search).get('id') || '';
    const back = NS.hasSearch(s)
      ? NS.el('a', { class: 'back', href: NS.href('/', s) }, '← Back to the results')
      : NS.el('a', { class: 'back', href: '/' }, '← New search');
    const p = NS.params(s, ['q', 'person', 'place', 'org', 'boilerplate']);
    p.set('id', id);
    const r = await NS.api('article', p);
    if (!r.ok) {
      NS.setTitle('No such article');
      NS.clear(main, back, NS.notice(r.data.error, 'error'));
      return;
    }
    const a = r.data;
    NS.setTitle(a.title);
    const found = a.matching_paragraphs
      ? NS.el('p', { class: 'match-count' }, NS.plural(a.matching_paragraphs, 'paragraph') + ' with matches, marked.')
      : null;
    NS.clear(main, back, NS.el('article', { class: 'article' },
      NS.el('header', {}, NS.el('h1', {}, NS.marked(a.title || '(untitled)', a.title_highlights)), meta(a), found),
      body(a.paragraphs)));
    NS.clear(side, entitiesPanel(a.entities));
    const target = location.hash.startsWith('#p-') ? document.getElementById(location.hash.slice(1)) : main.querySelector('.article-body mark');
    if (target) {
      target.classList.add('target');
      target.scrollIntoView({ block: 'center' });
    }
  };
})();
