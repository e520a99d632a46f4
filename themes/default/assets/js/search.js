// Publisher search (issue #4). Reads the sharded index written by Publisher.Search and ranks exactly as its
// C# Ranker does: same tokenizer, stemmer, posting codec, shard hash, integer scores and snippets. Keep the
// two in step (tests/Publisher.Browser.Tests/SearchPageTests.cs compares them). No framework, no inline script.
(function () {
  'use strict';
  var ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var PAGE_SIZE = 10, DOC_NUMBER_BOOST = 4, SNIPPET_LENGTH = 110, SNIPPET_LEAD = 20;

  // ---- Tokenizer (Tokenizer.cs) ----
  function isCjk(c) {
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
      (c >= 0x20000 && c <= 0x3FFFF) || (c >= 0x3040 && c <= 0x30FF) || (c >= 0xAC00 && c <= 0xD7AF);
  }
  function isWord(c) {
    return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0xDF && c <= 0x24F && c !== 0xF7);
  }
  function kindOf(ch) {
    var c = ch.codePointAt(0);
    if (isCjk(c)) { return 'c'; }
    if (isWord(c)) { return 'w'; }
    return (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '-') ? 's' : 'o';
  }
  function runs(text) {
    var out = [], run = [], current = 's';
    for (var ch of text) {
      var kind = kindOf(ch);
      if (kind !== current) { out.push([current, run]); run = []; current = kind; }
      if (kind === 'c' || kind === 'w') { run.push(ch); }
    }
    out.push([current, run]);
    return out;
  }
  function normalize(text) { return text.normalize('NFKC').toLowerCase(); }

  // ---- LightStemmer.cs: Porter step 1 ----
  function cons(w, i) {
    var c = w[i];
    if (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u') { return false; }
    return c === 'y' ? (i === 0 || !cons(w, i - 1)) : true;
  }
  function hasVowel(w) { for (var i = 0; i < w.length; i++) { if (!cons(w, i)) { return true; } } return false; }
  function measure(w) {
    var m = 0, prev = false;
    for (var i = 0; i < w.length; i++) { var v = !cons(w, i); if (!v && prev) { m++; } prev = v; }
    return m;
  }
  function cvc(w) {
    var n = w.length;
    return n >= 3 && cons(w, n - 1) && !cons(w, n - 2) && cons(w, n - 3) && 'wxy'.indexOf(w[n - 1]) < 0;
  }
  function ends(w, s) { return w.length >= s.length && w.slice(w.length - s.length) === s; }
  function stem(word) {
    if (word.length <= 2 || !/^[a-z]+$/.test(word)) { return word; }
    var w = word;
    if (ends(w, 'sses') || ends(w, 'ies')) { w = w.slice(0, -2); } else if (!ends(w, 'ss') && ends(w, 's')) { w = w.slice(0, -1); }
    if (ends(w, 'eed')) {
      if (measure(w.slice(0, -3)) > 0) { w = w.slice(0, -1); }
    } else {
      var s = null;
      if (ends(w, 'ed') && hasVowel(w.slice(0, -2))) { s = w.slice(0, -2); } else if (ends(w, 'ing') && hasVowel(w.slice(0, -3))) { s = w.slice(0, -3); }
      if (s !== null) {
        var n = s.length;
        if (ends(s, 'at') || ends(s, 'bl') || ends(s, 'iz')) { w = s + 'e'; }
        else if (n >= 2 && s[n - 1] === s[n - 2] && cons(s, n - 1) && 'lsz'.indexOf(s[n - 1]) < 0) { w = s.slice(0, -1); }
        else { w = (measure(s) === 1 && cvc(s)) ? s + 'e' : s; }
      }
    }
    if (ends(w, 'y') && hasVowel(w.slice(0, -1))) { w = w.slice(0, -1) + 'i'; }
    return w;
  }

  function docNumberKey(text) {
    if (!text || !text.trim()) { return null; }
    var key = '#', digit = false;
    runs(normalize(text)).forEach(function (r) {
      if (r[0] === 'c' || r[0] === 'w') { r[1].forEach(function (p) { key += p; if (/[0-9]/.test(p)) { digit = true; } }); }
    });
    return digit ? key : null;
  }
  function unique(list) { return list.filter(function (x, i) { return list.indexOf(x) === i; }); }
  function queryTerms(query) {
    var required = [], pairs = [], highlights = [], previous = null;
    runs(normalize(query)).forEach(function (r) {
      var kind = r[0], run = r[1];
      if (kind === 'c') {
        highlights.push(run.join(''));
        if (run.length === 1) { required.push(run[0]); }
        for (var i = 0; i + 1 < run.length; i++) { required.push(run[i] + run[i + 1]); highlights.push(run[i] + run[i + 1]); }
        previous = null;
      } else if (kind === 'w') {
        var raw = run.join(''), word = stem(raw);
        required.push(word); highlights.push(raw); highlights.push(word);
        if (previous !== null) { pairs.push(previous + ' ' + word); }
        previous = word;
      } else if (kind === 'o') {
        previous = null;
      }
    });
    highlights.push(normalize(query).trim());
    required = unique(required);
    highlights = unique(highlights.filter(function (h) { return h.length > 0; }));
    highlights.sort(function (a, b) { return b.length - a.length || (a < b ? -1 : a > b ? 1 : 0); });
    return {
      required: required,
      pairs: unique(pairs).filter(function (p) { return required.indexOf(p) < 0; }),
      docKey: docNumberKey(query),
      highlights: highlights
    };
  }

  // ---- PostingCodec.cs, TermHash.cs ----
  function decode(text) {
    var out = [], i = 0, doc = -1;
    while (i < text.length) {
      var gap = 0, shift = 0, d;
      do { d = ALPHABET.indexOf(text[i++]); gap |= (d & 31) << shift; shift += 5; } while (d & 32);
      doc += gap;
      out.push([doc, ALPHABET.indexOf(text[i++])]);
    }
    return out;
  }
  function fnv(term) {
    var h = 2166136261, bytes = new TextEncoder().encode(term);
    for (var i = 0; i < bytes.length; i++) { h = Math.imul(h ^ bytes[i], 16777619) >>> 0; }
    return h >>> 0;
  }
  function shardName(term, bits) {
    var shard = bits === 0 ? 0 : fnv(term) >>> (32 - bits);
    var s = shard.toString(16), digits = Math.max(1, Math.ceil(bits / 4));
    while (s.length < digits) { s = '0' + s; }
    return s;
  }

  // ---- Index access: meta, shards and document record groups, fetched once each ----
  function Index(base) { this.base = base; this.cache = {}; this.meta = null; }
  Index.prototype.json = function (path) {
    if (!this.cache[path]) {
      this.cache[path] = fetch(this.base + path).then(function (r) {
        if (r.status === 404) { return null; }
        if (!r.ok) { throw new Error(r.status + ' ' + path); }
        return r.json();
      });
    }
    return this.cache[path];
  };
  Index.prototype.open = function () {
    var self = this;
    return this.json('meta.json').then(function (m) {
      if (!m || m.v !== 2) { throw new Error('search index missing or of another version'); }
      self.meta = m;
    });
  };
  // IndexLayout.RecordFile: d/<k>.json is the array of the records of ids [k * r, (k + 1) * r).
  Index.prototype.record = function (id) {
    var r = this.meta.r;
    return this.json('d/' + Math.floor(id / r) + '.json').then(function (group) {
      var doc = group ? group[id % r] : undefined;
      if (!doc) { throw new Error('search index damaged: no record of document ' + id); }
      return doc;
    });
  };
  Index.prototype.term = function (term) {
    return this.json('t/' + shardName(term, this.meta.bits) + '.json').then(function (shard) {
      var entry = shard && Object.prototype.hasOwnProperty.call(shard, term) ? shard[term] : null;
      return entry ? { weight: entry[0], postings: decode(entry[1]) } : null;
    });
  };

  // ---- Ranker.cs ----
  function search(index, request) {
    var terms = queryTerms(request.q);
    if (terms.required.length === 0) { return Promise.resolve({ total: 0, scored: [], terms: terms }); }
    var facets = [];
    if (request.office) { facets.push('office:' + request.office); }
    if (request.year) { facets.push('year:' + request.year); }
    if (request.kind) { facets.push('kind:' + request.kind); }
    var bonuses = terms.pairs.map(function (p) { return [p, 1]; });
    if (terms.docKey) { bonuses.push([terms.docKey, DOC_NUMBER_BOOST]); }
    var all = terms.required.concat(facets, bonuses.map(function (b) { return b[0]; }));
    return Promise.all(all.map(function (t) { return index.term(t); })).then(function (entries) {
      var scores = null, k = 0, i, j;
      for (i = 0; i < terms.required.length; i++, k++) {
        var e = entries[k];
        if (!e) { return { total: 0, scored: [], terms: terms }; }
        var next = new Map();
        for (j = 0; j < e.postings.length; j++) {
          var p = e.postings[j];
          if (scores === null || scores.has(p[0])) { next.set(p[0], (scores === null ? 0 : scores.get(p[0])) + e.weight * p[1]); }
        }
        scores = next;
      }
      for (i = 0; i < facets.length; i++, k++) {
        var allowed = new Set((entries[k] ? entries[k].postings : []).map(function (p) { return p[0]; }));
        scores.forEach(function (v, key) { if (!allowed.has(key)) { scores.delete(key); } });
      }
      for (i = 0; i < bonuses.length; i++, k++) {
        var b = entries[k];
        if (!b) { continue; }
        for (j = 0; j < b.postings.length; j++) {
          var q = b.postings[j];
          if (scores.has(q[0])) { scores.set(q[0], scores.get(q[0]) + bonuses[i][1] * b.weight * q[1]); }
        }
      }
      var scored = Array.from(scores.entries());
      scored.sort(function (x, y) { return (y[1] - x[1]) || (x[0] - y[0]); });
      return { total: scored.length, scored: scored, terms: terms };
    });
  }

  // ---- Snippet.cs ----
  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; });
  }
  function mark(text, lower, start, end, needles) {
    var html = '', i = start;
    while (i < end) {
      var m = null;
      for (var n = 0; n < needles.length; n++) {
        if (i + needles[n].length <= end && lower.startsWith(needles[n], i)) { m = needles[n]; break; }
      }
      if (m !== null) { html += '<mark>' + escapeHtml(text.substr(i, m.length)) + '</mark>'; i += m.length; } else { html += escapeHtml(text[i]); i++; }
    }
    return html;
  }
  function snippet(text, needles) {
    var lower = text.toLowerCase(), first = -1;
    for (var n = 0; n < needles.length && first < 0; n++) { first = lower.indexOf(needles[n]); }
    var start = first < 0 ? 0 : Math.max(0, first - SNIPPET_LEAD), end = Math.min(text.length, start + SNIPPET_LENGTH);
    return (start > 0 ? '…' : '') + mark(text, lower, start, end, needles) + (end < text.length ? '…' : '');
  }
  function contains(text, needles) { var l = text.toLowerCase(); return needles.some(function (n) { return l.indexOf(n) >= 0; }); }
  function hit(doc, id, score, terms) {
    var needles = terms.highlights;
    var source = doc.s && !contains(doc.x, needles) && contains(doc.s, needles) ? doc.s : doc.x;
    return {
      id: id, score: score, url: doc.u, title: doc.t, titleHtml: mark(doc.t, doc.t.toLowerCase(), 0, doc.t.length, needles),
      office: doc.o || null, year: doc.y || null, kind: doc.k || null, docNumber: doc.n || null, snippetHtml: snippet(source, needles)
    };
  }
  function page(index, request) {
    return search(index, request).then(function (r) {
      var pageCount = Math.max(1, Math.ceil(r.total / PAGE_SIZE));
      var p = Math.min(Math.max(1, request.page || 1), pageCount);
      var shown = r.scored.slice((p - 1) * PAGE_SIZE, p * PAGE_SIZE);
      return Promise.all(shown.map(function (s) { return index.record(s[0]); })).then(function (docs) {
        return { total: r.total, page: p, pageCount: pageCount, hits: docs.map(function (d, i) { return hit(d, shown[i][0], shown[i][1], r.terms); }) };
      });
    });
  }

  // ---- The page ----
  var form = document.querySelector('form.search-form[data-index]');
  if (!form) { return; }
  var index = new Index(form.getAttribute('data-index'));
  var output = document.getElementById('search-output');
  var list = document.getElementById('search-results');
  var pages = document.getElementById('search-pages');
  var status = document.getElementById('search-status');
  var heading = document.getElementById('search-results-heading');
  var nojs = document.getElementById('search-nojs');
  var text = function (key, a, b) { return (output.getAttribute('data-' + key) || '').replace('{0}', a).replace('{1}', b); };
  var fields = ['q', 'office', 'year', 'kind'];
  if (nojs) { nojs.hidden = true; }
  window.publisherSearch = function (request) { return index.open().then(function () { return page(index, request); }); };

  function readRequest(params) {
    var r = { page: parseInt(params.get('page') || '1', 10) || 1 };
    fields.forEach(function (f) { r[f] = (params.get(f) || '').trim(); });
    return r;
  }
  function fill(request) {
    fields.forEach(function (f) { var el = form.elements[f]; if (el) { el.value = request[f]; } });
  }
  function link(request, p) {
    var params = new URLSearchParams();
    fields.forEach(function (f) { if (request[f]) { params.set(f, request[f]); } });
    if (p > 1) { params.set('page', String(p)); }
    return form.getAttribute('action') + '?' + params.toString();
  }
  function element(tag, className, html) {
    var el = document.createElement(tag);
    if (className) { el.className = className; }
    if (html !== undefined) { el.innerHTML = html; }
    return el;
  }
  function render(request, result, focus) {
    list.textContent = '';
    pages.textContent = '';
    output.hidden = result.total === 0;
    status.textContent = result.total === 0 ? text('none', request.q) : result.total === 1 ? text('count-one') : text('count', result.total);
    result.hits.forEach(function (h) {
      var li = element('li');
      var title = element('p', 'search-result-title');
      var a = element('a', '', h.titleHtml);
      a.href = h.url;
      title.appendChild(a);
      li.appendChild(title);
      var meta = [h.office, h.year, h.docNumber].filter(function (x) { return x; }).join(' · ');
      if (meta) { li.appendChild(element('p', 'search-result-meta')).textContent = meta; }
      li.appendChild(element('p', 'search-result-snippet', h.snippetHtml));
      list.appendChild(li);
    });
    list.start = (result.page - 1) * PAGE_SIZE + 1;
    if (result.pageCount > 1) {
      if (result.page > 1) { pages.appendChild(pageLink(request, result.page - 1, text('previous'))); }
      pages.appendChild(element('span')).textContent = text('page', result.page, result.pageCount);
      if (result.page < result.pageCount) { pages.appendChild(pageLink(request, result.page + 1, text('next'))); }
    }
    if (focus && result.total > 0) { heading.focus(); }
  }
  function pageLink(request, p, label) {
    var a = element('a');
    a.href = link(request, p);
    a.textContent = label;
    a.addEventListener('click', function (event) {
      event.preventDefault();
      var next = Object.assign({}, request, { page: p });
      history.pushState(null, '', link(next, p));
      run(next, true);
    });
    return a;
  }
  function run(request, focus) {
    fill(request);
    if (!request.q) {
      output.hidden = true;
      status.textContent = request.office || request.year || request.kind ? text('empty') : '';
      return Promise.resolve();
    }
    status.textContent = text('loading');
    return window.publisherSearch(request).then(function (result) { render(request, result, focus); }, function () {
      output.hidden = true;
      status.textContent = text('error');
    });
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var request = readRequest(new URLSearchParams(new FormData(form)));
    request.page = 1;
    history.pushState(null, '', link(request, 1));
    run(request, false);
  });
  window.addEventListener('popstate', function () { run(readRequest(new URLSearchParams(location.search)), false); });
  run(readRequest(new URLSearchParams(location.search)), false);
})();
