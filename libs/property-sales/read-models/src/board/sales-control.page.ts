/**
 * PS-1: the live sales-control page (销控), a static shell: no data is in it. Its script reads the
 * project and building from its own path and the token from `?token=`, fetches the board JSON with
 * `Authorization: Bearer`, draws floors × units colour-coded with a legend, follows
 * `…/board/events?access_token=` (EventSource) and repaints the changed cell in place; a reserved
 * cell turns available when its expiry passes. Hooks for tests: `body[data-board]` (loading | ready |
 * error), `body[data-live]` (connecting | open | reconnecting), `[data-unit-id][data-state]` per cell.
 */
export const SALES_CONTROL_PAGE = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>销控 Sales control</title>
<style>
:root { --available: #2e9d4f; --reserved: #e8a317; --held: #8a8f98; --subscribed: #d64545; --contracted: #4b3f9e; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", system-ui, sans-serif; margin: 1.5em; color: #1b1b1b; background: #fafafa; }
header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 1em; }
h1 { font-size: 1.4em; margin: 0; }
#status { font-size: 0.9em; color: #555; }
#status::before { content: "●"; margin-right: 0.3em; color: #bbb; }
body[data-live="open"] #status::before { color: var(--available); }
body[data-live="reconnecting"] #status::before { color: var(--reserved); }
#legend { display: flex; flex-wrap: wrap; gap: 0.8em; margin: 1em 0; padding: 0; list-style: none; }
#legend li { display: flex; align-items: center; gap: 0.35em; font-size: 0.9em; }
#legend .swatch { width: 1.1em; height: 1.1em; border-radius: 3px; display: inline-block; }
#message { color: #a33; }
table.board { border-collapse: separate; border-spacing: 4px; }
table.board th { font-weight: normal; color: #555; padding-right: 0.5em; text-align: right; white-space: nowrap; }
.cell { width: 9.5em; min-height: 4.2em; border-radius: 5px; padding: 4px 6px; color: #fff; font-size: 0.78em; line-height: 1.35; }
.cell .no { font-weight: bold; font-size: 1.15em; }
.cell .until { font-size: 0.9em; opacity: 0.9; }
.swatch[data-state="available"], .cell[data-state="available"] { background: var(--available); }
.swatch[data-state="reserved"], .cell[data-state="reserved"] { background: var(--reserved); color: #1b1b1b; }
.swatch[data-state="held"], .cell[data-state="held"] { background: var(--held); }
.swatch[data-state="subscribed"], .cell[data-state="subscribed"] { background: var(--subscribed); }
.swatch[data-state="contracted"], .cell[data-state="contracted"] { background: var(--contracted); }
.cell.changed { outline: 3px solid #1b1b1b; }
@media print { body { background: #fff; } #status { display: none; } }
</style>
</head>
<body data-board="loading" data-live="connecting">
<header><h1 id="title">销控 Sales control</h1><span id="status">connecting…</span></header>
<ul id="legend"></ul>
<p id="message" hidden></p>
<table class="board" id="board"><tbody></tbody></table>
<script>
(function () {
  'use strict';
  var STATES = [
    ['available', '可售 available'],
    ['reserved', '预留 reserved'],
    ['held', '保留 held back'],
    ['subscribed', '认购 subscribed'],
    ['contracted', '签约 contracted']
  ];
  var LABEL = {};
  STATES.forEach(function (s) { LABEL[s[0]] = s[1]; });
  var parts = location.pathname.split('/').filter(Boolean);
  var projectId = decodeURIComponent(parts[1] || '');
  var buildingId = decodeURIComponent(parts[2] || '');
  var token = new URLSearchParams(location.search).get('token') || '';
  var base = '/property-sales/projects/' + encodeURIComponent(projectId) + '/buildings/' + encodeURIComponent(buildingId) + '/board';
  var cells = {};
  var units = {};
  var timers = {};
  var pending = [];
  var loaded = false;
  var body = document.body;
  var statusEl = document.getElementById('status');
  var messageEl = document.getElementById('message');
  var tbody = document.querySelector('#board tbody');

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function fail(text) {
    messageEl.hidden = false;
    messageEl.textContent = text;
  }
  function yuan(fen) {
    return '¥' + (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
  }
  function sqm(centi) {
    return (centi / 100).toFixed(2) + ' m²';
  }
  function stateNow(u) {
    if (u.state === 'reserved' && u.expiresAt && Date.parse(u.expiresAt) <= Date.now()) return 'available';
    return u.state;
  }
  function legend() {
    var counts = {};
    STATES.forEach(function (s) { counts[s[0]] = 0; });
    Object.keys(units).forEach(function (id) { counts[stateNow(units[id])]++; });
    var ul = document.getElementById('legend');
    ul.textContent = '';
    STATES.forEach(function (s) {
      var li = el('li');
      var sw = el('span', 'swatch');
      sw.setAttribute('data-state', s[0]);
      li.appendChild(sw);
      li.appendChild(el('span', null, s[1] + ' (' + counts[s[0]] + ')'));
      ul.appendChild(li);
    });
  }
  /** Repaints one cell from its unit; a reservation flips to available at its expiry. */
  function paint(id) {
    var u = units[id];
    var c = cells[id];
    if (!u || !c) return;
    var state = stateNow(u);
    c.setAttribute('data-state', state);
    c.textContent = '';
    c.appendChild(el('div', 'no', u.number));
    c.appendChild(el('div', null, sqm(u.areaCentiSqm) + ' · ' + (u.type === 'villa' ? '别墅' : '住宅')));
    c.appendChild(el('div', null, yuan(u.listPriceFen)));
    c.appendChild(el('div', 'until', state === 'reserved' ? '至 ' + new Date(u.expiresAt).toLocaleString('zh-CN', { hour12: false }) : LABEL[state]));
    c.title = u.unitId + ': ' + LABEL[state];
    clearTimeout(timers[id]);
    if (state === 'reserved') {
      var wait = Math.min(Date.parse(u.expiresAt) - Date.now() + 50, 2147483647);
      timers[id] = setTimeout(function () { paint(id); legend(); }, Math.max(wait, 0));
    }
  }
  function draw(board) {
    document.getElementById('title').textContent = '销控 ' + projectId + ' · ' + (board.name || buildingId);
    tbody.textContent = '';
    cells = {};
    units = {};
    board.floors.forEach(function (f) {
      var tr = el('tr');
      tr.appendChild(el('th', null, f.floor + 'F'));
      f.units.forEach(function (u) {
        var td = el('td');
        var c = el('div', 'cell');
        c.setAttribute('data-unit-id', u.unitId);
        td.appendChild(c);
        tr.appendChild(td);
        cells[u.unitId] = c;
        units[u.unitId] = u;
        paint(u.unitId);
      });
      tbody.appendChild(tr);
    });
    legend();
  }
  function apply(m) {
    var u = units[m.unitId];
    if (!u) { reload(); return; }
    if (m.position <= u.position) return;
    u.position = m.position;
    if (m.kind === 'price') u.listPriceFen = m.listPriceFen;
    else { u.state = m.state; u.expiresAt = m.expiresAt; }
    paint(m.unitId);
    var c = cells[m.unitId];
    c.classList.add('changed');
    setTimeout(function () { c.classList.remove('changed'); }, 1500);
    legend();
    window.__lastUnitMessage = { unitId: m.unitId, state: m.state, position: m.position, at: Date.now() };
  }
  function receive(kind) {
    return function (e) {
      var m;
      try { m = JSON.parse(e.data); } catch (err) { return; }
      m.kind = kind;
      if (loaded) apply(m); else pending.push(m);
    };
  }
  function reload() {
    return fetch(base, { headers: { Authorization: 'Bearer ' + token, Accept: 'application/json' } })
      .then(function (r) {
        if (!r.ok) return r.json().catch(function () { return {}; }).then(function (b) { throw new Error(r.status + ' ' + (b.message || r.statusText)); });
        return r.json();
      })
      .then(function (board) {
        draw(board);
        loaded = true;
        var queued = pending;
        pending = [];
        queued.forEach(apply);
        body.setAttribute('data-board', 'ready');
      })
      .catch(function (err) {
        body.setAttribute('data-board', 'error');
        fail('The board could not be loaded: ' + err.message);
      });
  }
  if (!token) {
    body.setAttribute('data-board', 'error');
    fail('Open this page with ?token=<bearer token> of a sales-centre role.');
    return;
  }
  legend();
  // The stream first, then the board: a change in between arrives on the stream, queued until the board is drawn.
  var source = new EventSource(base + '/events?access_token=' + encodeURIComponent(token));
  var dropped = false;
  source.addEventListener('unit', receive('unit'));
  source.addEventListener('price', receive('price'));
  source.addEventListener('open', function () {
    body.setAttribute('data-live', 'open');
    statusEl.textContent = 'live';
    // After a drop, what changed meanwhile is read again.
    if (dropped) { dropped = false; loaded = false; reload(); }
  });
  source.addEventListener('error', function () {
    dropped = true;
    body.setAttribute('data-live', 'reconnecting');
    statusEl.textContent = 'reconnecting…';
  });
  reload();
})();
</script>
</body>
</html>
`;
