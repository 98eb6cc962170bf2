// The Ringside monitor page: a live view pushed over a WebSocket (BASE/live), actions posted to
// BASE/api/*. The token comes from the page's ?token= parameter and goes with every request.
(() => {
  'use strict';
  const base = document.body.dataset.base;
  const token = new URLSearchParams(location.search).get('token') || '';
  const $ = (id) => document.getElementById(id);
  let selected = null;
  let lastState = null;
  let retryMs = 500;

  function formatBytes(perSecond) {
    if (perSecond >= 1048576) return (perSecond / 1048576).toFixed(1) + ' MiB/s';
    if (perSecond >= 1024) return (perSecond / 1024).toFixed(1) + ' KiB/s';
    return Math.round(perSecond) + ' B/s';
  }

  function cell(row, text, className) {
    const td = row.insertCell();
    td.textContent = text;
    if (className) td.className = className;
    return td;
  }

  function button(td, label, danger, onClick) {
    const b = document.createElement('button');
    b.textContent = label;
    b.dataset.action = label.toLowerCase();
    if (danger) b.className = 'danger';
    b.addEventListener('click', onClick);
    td.appendChild(b);
    return b;
  }

  function render(state) {
    lastState = state;
    $('connections').textContent = state.connections;
    $('bytes-in').textContent = formatBytes(state.bytesInPerSec);
    $('bytes-out').textContent = formatBytes(state.bytesOutPerSec);
    $('room-count').textContent = state.rooms.length;
    $('viewers').textContent = state.viewers;

    const shards = $('shards').tBodies[0];
    shards.replaceChildren();
    for (const s of state.shards) {
      const row = shards.insertRow();
      cell(row, s.shard);
      cell(row, s.rooms);
      cell(row, s.tickP50Ms.toFixed(3) + ' ms');
      cell(row, s.tickP99Ms.toFixed(3) + ' ms');
      cell(row, s.overruns);
      cell(row, s.ringDepth);
    }

    const types = $('types').tBodies[0];
    types.replaceChildren();
    for (const t of state.roomTypes) {
      const row = types.insertRow();
      cell(row, t.roomType);
      cell(row, t.rooms);
      cell(row, t.players);
    }

    const rooms = $('rooms').tBodies[0];
    rooms.replaceChildren();
    let selectedRoom = null;
    for (const r of state.rooms) {
      const row = rooms.insertRow();
      row.dataset.room = r.id;
      if (r.id === selected) {
        row.className = 'selected';
        selectedRoom = r;
      }
      cell(row, r.id);
      cell(row, r.roomType);
      cell(row, r.label);
      cell(row, r.players.length + ' / ' + r.capacity);
      cell(row, (r.locked ? 'locked' : 'open') + (r.private ? ', private' : ''), r.locked ? 'locked' : '');
      cell(row, r.shard);
      const actions = row.insertCell();
      button(actions, 'Players', false, () => { selected = r.id; render(lastState); });
      button(actions, r.locked ? 'Unlock' : 'Lock', false, () =>
        confirmThen((r.locked ? 'Unlock' : 'Lock') + ' room ' + r.id + '?',
          'lock', { room: r.id, locked: String(!r.locked) }));
      button(actions, 'Dispose', true, () =>
        confirmThen('Dispose room ' + r.id + '? Its ' + r.players.length + ' players leave.',
          'dispose', { room: r.id }));
    }

    const detail = $('detail');
    if (!selectedRoom) {
      detail.hidden = true;
      return;
    }
    detail.hidden = false;
    $('detail-id').textContent = selectedRoom.id + ' (' + selectedRoom.roomType + ')';
    const players = $('players').tBodies[0];
    players.replaceChildren();
    for (const p of selectedRoom.players) {
      const row = players.insertRow();
      row.dataset.player = p.id;
      cell(row, p.id);
      cell(row, p.identity === null ? '–' : p.identity);
      cell(row, p.connected ? 'connected' : 'away (seat held)');
      cell(row, p.rttMs === null ? '–' : p.rttMs.toFixed(1) + ' ms');
      button(row.insertCell(), 'Kick', true, () =>
        confirmThen('Kick player ' + p.id + ' from room ' + selectedRoom.id + '?',
          'kick', { room: selectedRoom.id, player: p.id }));
    }
  }

  function confirmThen(question, action, params) {
    const dialog = $('confirm');
    $('confirm-text').textContent = question;
    dialog.returnValue = '';
    dialog.onclose = () => {
      if (dialog.returnValue === 'ok') act(action, params);
    };
    dialog.showModal();
  }

  async function act(action, params) {
    const notice = $('notice');
    try {
      const query = new URLSearchParams(params).toString();
      const response = await fetch(base + '/api/' + action + '?' + query, {
        method: 'POST',
        headers: { Authorization: 'Bearer ' + token },
      });
      const body = await response.json();
      notice.className = response.ok ? 'notice' : 'notice error';
      notice.textContent = response.ok ? action + ' sent' : action + ' refused: ' + body.error;
    } catch (e) {
      notice.className = 'notice error';
      notice.textContent = action + ' failed: ' + e;
    }
  }

  function connect() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(scheme + '//' + location.host + base + '/live?token=' + encodeURIComponent(token));
    const status = $('status');
    socket.onopen = () => {
      retryMs = 500;
      status.textContent = 'live';
      status.className = 'status live';
    };
    socket.onmessage = (event) => render(JSON.parse(event.data));
    socket.onclose = (event) => {
      status.textContent = 'disconnected (' + event.code + (event.reason ? ': ' + event.reason : '') + '), retrying';
      status.className = 'status down';
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 10000);
    };
  }

  connect();
})();
