'use strict';
// The nsearch page. The URL holds the whole state (query, filters, page);
// each view asks the JSON API and builds the DOM with createElement and text
// nodes only, never innerHTML, so nothing an article holds becomes markup.
const NS = { views: {} };

(function () {
  const LIST_PARAMS = ['person', 'place', 'org', 'author'];
  const ONE_PARAMS = ['q', 'since', 'until', 'sort', 'page', 'boilerplate'];

  // el('a', {href: '/', class: 'x'}, 'text', child...): strings become text.
  NS.el = function (tag, attrs, ...children) {
    const node = document.createElement(tag);
    NS.setAttrs(node, attrs);
    NS.append(node, children);
    return node;
  };
  NS.svg = function (tag, attrs, ...children) {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    NS.setAttrs(node, attrs);
    NS.append(node, children);
    return node;
  };
  NS.setAttrs = function (node, attrs) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : String(v));
    }
  };
  NS.append = function (node, children) {
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
  };

  // |text| with the code-point ranges |spans| wrapped in <mark>.
  NS.marked = function (text, spans) {
    const frag = document.createDocumentFragment();
    const cps = Array.from(text || '');
    let at = 0;
    for (const [b, e] of spans || []) {
      if (b < at || e <= b) continue;
      frag.append(document.createTextNode(cps.slice(at, b).join('')));
      frag.append(NS.el('mark', {}, cps.slice(b, e).join('')));
      at = e;
    }
    frag.append(document.createTextNode(cps.slice(at).join('')));
    return frag;
  };

  NS.readState = function (search) {
    const p = new URLSearchParams(search);
    const s = {};
    for (const k of LIST_PARAMS) s[k] = p.getAll(k).filter(Boolean);
    for (const k of ONE_PARAMS) s[k] = p.get(k) || '';
    return s;
  };
  NS.state = NS.readState(location.search);

  // The URL parameters of |state|; |keys| limits them (default: all).
  NS.params = function (state, keys) {
    const p = new URLSearchParams();
    for (const k of keys || LIST_PARAMS.concat(ONE_PARAMS)) {
      const v = state[k];
      if (Array.isArray(v)) v.forEach((x) => p.append(k, x));
      else if (v) p.set(k, v);
    }
    return p;
  };
  // Everything that says which articles match: no paging.
  NS.filterParams = function (state) {
    return NS.params(state, ['q', 'person', 'place', 'org', 'author', 'since', 'until', 'sort', 'boilerplate']);
  };
  NS.href = function (path, state) {
    const qs = NS.params(state).toString();
    return path + (qs ? '?' + qs : '');
  };
  NS.with = function (changes) {
    return Object.assign({}, NS.state, { page: '' }, changes);
  };
  NS.personHref = (name) => '/person/' + encodeURIComponent(name);
  NS.articleHref = function (id, state, paragraph) {
    const p = NS.params(state, ['q', 'person', 'place', 'org', 'boilerplate']);
    p.set('id', id);
    return '/article?' + p.toString() + (paragraph ? '#p-' + paragraph : '');
  };
  NS.hasSearch = (s) => Boolean(s.q.trim() || s.person.length || s.place.length || s.org.length ||
                                  s.author.length || s.since || s.until);

  // GET /api/|endpoint|; resolves to {ok, status, data} (data.error on failure).
  NS.api = async function (endpoint, params) {
    try {
      const res = await fetch('/api/' + endpoint + '?' + params.toString(), { headers: { Accept: 'application/json' } });
      const data = await res.json();
      return { ok: res.ok, status: res.status, data };
    } catch (e) {
      return { ok: false, status: 0, data: { error: 'the server did not answer (is nsearch serve still running?)' } };
    }
  };

  NS.notice = (text, kind) => NS.el('p', { class: 'notice ' + (kind || ''), role: kind === 'error' ? 'alert' : null }, text);
  NS.plural = (n, one, many) => n + ' ' + (n === 1 ? one : (many || one + 's'));
  NS.number = (n) => Number(n).toLocaleString('en-US');
  NS.setTitle = (t) => { document.title = t ? t + ' · nsearch' : 'nsearch'; };
  NS.clear = function (node, ...children) {
    node.replaceChildren();
    NS.append(node, children);
  };

  function setUpSearchBox() {
    const box = document.getElementById('q');
    const form = document.getElementById('search-form');
    box.value = NS.state.q;
    // A new query keeps the filters; it starts again at page one.
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      const base = location.pathname === '/' ? NS.state : NS.readState('');
      location.href = NS.href('/', Object.assign({}, base, { q: box.value.trim(), page: '' }));
    });
    document.addEventListener('keydown', function (ev) {
      const t = ev.target;
      const typing = t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
      if (ev.key === '/' && !typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
        ev.preventDefault();
        box.focus();
        box.select();
      } else if (ev.key === 'Escape' && t === box) {
        box.blur();
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    setUpSearchBox();
    const main = document.getElementById('main');
    const side = document.getElementById('side');
    const path = location.pathname;
    let view = NS.views.results;
    if (path === '/article') view = NS.views.article;
    else if (path.startsWith('/person/')) view = NS.views.person;
    view(main, side).catch(function (e) {
      NS.clear(main, NS.notice('Something went wrong on this page: ' + e.message, 'error'));
    }).finally(function () {
      document.body.dataset.ready = '1';
    });
  });
})();
