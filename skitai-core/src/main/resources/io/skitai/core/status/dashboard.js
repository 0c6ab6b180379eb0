// The status dashboard: polls status.json every second and shows it. Hand-written, no library;
// every string from the server goes in as text (textContent), never as markup.
(function () {
  'use strict';

  var BASE = document.body.getAttribute('data-base');
  var POLL_MS = 1000;
  var KEEP = 120; // samples: two minutes at one a second
  var COLORS = { rps: '#12805c', p50: '#2e90fa', p95: '#f79009', p99: '#d92d20' };

  // What the page has seen, readable by scripts and tests: samples of {t, total, rps, p50, p95, p99}.
  var state = { polls: 0, errors: 0, samples: [], last: null };
  window.skitaiDashboard = state;

  function byId(id) { return document.getElementById(id); }

  function setText(id, value) { byId(id).textContent = String(value); }

  function num(v) { return typeof v === 'number' && isFinite(v) ? v : 0; }

  function fixed(v, digits) { return num(v).toFixed(digits); }

  function duration(seconds) {
    var s = Math.max(0, Math.floor(num(seconds)));
    var d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
    if (d > 0) { return d + 'd ' + h + 'h'; }
    if (h > 0) { return h + 'h ' + m + 'm'; }
    if (m > 0) { return m + 'm ' + (s % 60) + 's'; }
    return s + 's';
  }

  function bytes(n) {
    var v = num(n), units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'], i = 0;
    while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
    return (i === 0 ? v : v.toFixed(1)) + ' ' + units[i];
  }

  function cell(row, value, cls) {
    var td = document.createElement('td');
    td.textContent = value === undefined || value === null ? '-' : String(value);
    if (cls) { td.className = cls; }
    row.appendChild(td);
    return td;
  }

  function fill(tbodyId, rows, columns, emptyText) {
    var body = byId(tbodyId);
    while (body.firstChild) { body.removeChild(body.firstChild); }
    if (rows.length === 0) {
      var tr = document.createElement('tr');
      var td = cell(tr, emptyText, 'empty');
      td.colSpan = columns;
      body.appendChild(tr);
      return;
    }
    rows.forEach(function (r) { body.appendChild(r); });
  }

  function workerRows(doc) {
    return (doc.workers || []).map(function (w) {
      var f = w.figures || {}, lat = f.latencyMs || {}, st = f.statuses || {};
      var tr = document.createElement('tr');
      tr.setAttribute('data-pid', String(w.pid));
      cell(tr, w.index < 0 ? 'spare' : '#' + w.index + (w.self ? ' (answered)' : ''), 'text');
      cell(tr, w.pid);
      cell(tr, w.state, 'text');
      cell(tr, duration(w.uptimeSeconds));
      cell(tr, w.requests);
      cell(tr, w.connections);
      cell(tr, w.figures ? fixed(lat.p50, 2) : '-');
      cell(tr, w.figures ? fixed(lat.p95, 2) : '-');
      cell(tr, w.figures ? fixed(lat.p99, 2) : '-');
      cell(tr, w.figures ? num(st['4xx']) : '-');
      cell(tr, w.figures ? num(st['5xx']) : '-');
      return tr;
    });
  }

  function sectionsOf(doc) {
    return (doc.workers || []).filter(function (w) { return w.figures && w.figures.sections; })
        .map(function (w) { return { worker: w, sections: w.figures.sections }; });
  }

  var HEALTH_RANK = { idle: 0, ok: 1, failing: 2 };

  // Upstream members over every worker: calls and failures summed, the worst health shown.
  function upstreamRows(doc) {
    var members = {}, order = [];
    function add(key, base, calls, failed, health) {
      var m = members[key];
      if (!m) { m = members[key] = { base: base, calls: 0, failed: 0, health: 'idle' }; order.push(key); }
      m.calls += num(calls);
      m.failed += num(failed);
      var h = health || (num(calls) === 0 ? 'idle' : 'ok');
      if ((HEALTH_RANK[h] || 0) > (HEALTH_RANK[m.health] || 0)) { m.health = h; }
    }
    sectionsOf(doc).forEach(function (s) {
      var up = s.sections.upstreams;
      if (!up) { return; }
      (up.aliases || []).forEach(function (a) {
        (a.members || []).forEach(function (m) {
          add(a.name + ' ' + m.server, { alias: a.name, proto: a.proto, member: m.server, weight: m.weight },
              m.calls, m.failed, m.health);
        });
      });
      var urls = up.urls || {};
      Object.keys(urls).forEach(function (u) {
        add('url ' + u, { alias: '-', proto: 'url', member: u, weight: '-' }, urls[u].calls, urls[u].failed, null);
      });
    });
    return order.map(function (key) {
      var m = members[key], tr = document.createElement('tr');
      cell(tr, m.base.alias, 'text');
      cell(tr, m.base.proto, 'text');
      cell(tr, m.base.member, 'text');
      cell(tr, m.base.weight);
      cell(tr, m.calls);
      cell(tr, m.failed);
      cell(tr, m.health, 'text health-' + m.health);
      return tr;
    });
  }

  function cacheRows(doc) {
    var result = null, fs = null;
    sectionsOf(doc).forEach(function (s) {
      var c = s.sections.upstreams && s.sections.upstreams.cache;
      if (c) {
        result = result || { capacity: 0, size: 0, hits: 0, misses: 0 };
        ['capacity', 'size', 'hits', 'misses'].forEach(function (k) { result[k] += num(c[k]); });
      }
      var f = s.sections.cachefs;
      if (f) {
        fs = fs || { memoryMax: 0, diskMax: 0, memoryBytes: 0, diskBytes: 0, hits: 0, misses: 0 };
        Object.keys(fs).forEach(function (k) { fs[k] += num(f[k]); });
      }
    });
    var rows = [];
    function row(name, capacity, size, hits, misses) {
      var tr = document.createElement('tr');
      cell(tr, name, 'text');
      cell(tr, capacity);
      cell(tr, size);
      cell(tr, hits);
      cell(tr, misses);
      cell(tr, hits + misses === 0 ? '-' : (100 * hits / (hits + misses)).toFixed(1) + '%');
      rows.push(tr);
    }
    if (result) { row('result cache', result.capacity, result.size, result.hits, result.misses); }
    if (fs) {
      row('cachefs', bytes(fs.memoryMax) + ' + ' + bytes(fs.diskMax) + ' disk',
          bytes(fs.memoryBytes) + ' + ' + bytes(fs.diskBytes) + ' disk', fs.hits, fs.misses);
    }
    return rows;
  }

  function otherSections(doc) {
    var box = byId('sections');
    while (box.firstChild) { box.removeChild(box.firstChild); }
    sectionsOf(doc).forEach(function (s) {
      Object.keys(s.sections).filter(function (k) { return k !== 'upstreams' && k !== 'cachefs'; }).forEach(function (k) {
        var h = document.createElement('h3');
        h.textContent = k + (doc.mode === 'workers' ? ' (worker #' + s.worker.index + ')' : '');
        var pre = document.createElement('pre');
        pre.textContent = JSON.stringify(s.sections[k], null, 2);
        box.appendChild(h);
        box.appendChild(pre);
      });
    });
    if (!box.firstChild) {
      var p = document.createElement('p');
      p.className = 'empty';
      p.textContent = 'none';
      box.appendChild(p);
    }
  }

  // A line chart of the samples' fields, scaled to the largest value shown.
  function chart(canvasId, fields) {
    var canvas = byId(canvasId), samples = state.samples;
    var ratio = window.devicePixelRatio || 1, w = canvas.clientWidth || 560, h = canvas.clientHeight || 180;
    if (canvas.width !== Math.round(w * ratio)) { canvas.width = Math.round(w * ratio); canvas.height = Math.round(h * ratio); }
    var g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, w, h);
    var left = 48, right = 8, top = 8, bottom = 18, pw = w - left - right, ph = h - top - bottom;
    var max = 0;
    samples.forEach(function (s) { fields.forEach(function (f) { max = Math.max(max, num(s[f])); }); });
    max = max <= 0 ? 1 : niceCeil(max);
    g.strokeStyle = '#e4e7ec';
    g.fillStyle = '#667085';
    g.font = '11px system-ui, sans-serif';
    g.lineWidth = 1;
    for (var i = 0; i <= 4; i++) {
      var y = top + ph - ph * i / 4;
      g.beginPath(); g.moveTo(left, y); g.lineTo(left + pw, y); g.stroke();
      g.fillText(formatAxis(max * i / 4), 4, y + 4);
    }
    g.fillText('-2 min', left, h - 4);
    g.fillText('now', left + pw - 22, h - 4);
    fields.forEach(function (f) {
      g.strokeStyle = COLORS[f];
      g.lineWidth = 2;
      g.beginPath();
      samples.forEach(function (s, k) {
        var x = left + pw * (KEEP - samples.length + k) / (KEEP - 1);
        var y = top + ph - ph * Math.min(num(s[f]), max) / max;
        if (k === 0) { g.moveTo(x, y); } else { g.lineTo(x, y); }
      });
      g.stroke();
    });
    canvas.setAttribute('data-points', String(samples.length));
  }

  function niceCeil(v) {
    var p = Math.pow(10, Math.floor(Math.log10(v))), steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) { if (v <= steps[i] * p) { return steps[i] * p; } }
    return 10 * p;
  }

  function formatAxis(v) { return v >= 100 ? String(Math.round(v)) : v >= 10 ? v.toFixed(1) : v.toFixed(2); }

  function show(doc) {
    var totals = doc.totals || {}, lat = totals.latencyMs || {}, errors = totals.errors || {};
    var prev = state.last, rps = 0, rate5xx = 0;
    if (prev && doc.sampledAt > prev.sampledAt) {
      var seconds = (doc.sampledAt - prev.sampledAt) / 1000;
      rps = Math.max(0, num(totals.requests) - num(prev.totals.requests)) / seconds;
      rate5xx = Math.max(0, num(errors['5xx']) - num(prev.totals.errors['5xx'])) / seconds;
    }
    state.last = doc;
    state.polls++;
    state.samples.push({ t: doc.sampledAt, total: num(totals.requests), rps: rps, p50: num(lat.p50), p95: num(lat.p95), p99: num(lat.p99) });
    if (state.samples.length > KEEP) { state.samples.shift(); }

    document.title = doc.name + ' status';
    setText('server-name', doc.name);
    setText('mode', doc.mode === 'workers' ? 'master ' + doc.masterPid + ', ' + (doc.workers || []).length + ' workers' : 'single process ' + doc.pid);
    setText('uptime', duration(doc.uptimeSeconds));
    setText('updated', new Date(doc.sampledAt).toLocaleTimeString());
    setText('total-requests', num(totals.requests));
    setText('rps', prev ? rps.toFixed(1) : '-');
    setText('p50', fixed(lat.p50, 2));
    setText('p95', fixed(lat.p95, 2));
    setText('p99', fixed(lat.p99, 2));
    setText('errors-4xx', num(errors['4xx']));
    setText('errors-5xx', num(errors['5xx']));
    setText('ratio-5xx', (100 * num(errors['5xxRatio'])).toFixed(2) + '% of all');
    setText('rate-5xx', prev ? rate5xx.toFixed(2) : '-');
    setText('connections', num(doc.connections));
    setText('restarts', num(doc.restarts));
    setText('window', num(doc.windowSeconds));
    var unanswered = byId('unanswered');
    unanswered.hidden = !(doc.unanswered > 0);
    unanswered.textContent = doc.unanswered > 0 ? doc.unanswered + ' worker(s) did not answer in time: their figures are missing' : '';

    fill('workers', workerRows(doc), 11, 'no workers');
    fill('upstreams', upstreamRows(doc), 7, 'no upstream calls yet');
    fill('cache', cacheRows(doc), 6, 'no cache in use');
    otherSections(doc);
    chart('rps-chart', ['rps']);
    chart('latency-chart', ['p50', 'p95', 'p99']);
  }

  function status(text, cls) {
    var el = byId('state');
    el.textContent = text;
    el.className = 'state ' + cls;
  }

  function poll() {
    fetch(BASE + '/status.json', { cache: 'no-store', credentials: 'same-origin' })
        .then(function (r) {
          if (!r.ok) { throw new Error('HTTP ' + r.status); }
          return r.json();
        })
        .then(function (doc) { show(doc); status('live', 'live'); })
        .catch(function (e) { state.errors++; status('not updating: ' + e.message, 'error'); })
        .then(function () { setTimeout(poll, POLL_MS); });
  }

  poll();
})();
