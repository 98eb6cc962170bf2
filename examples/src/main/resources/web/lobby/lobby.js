// The lobby's browser client: lists the tic-tac-toe tables still waiting for a player (label and
// player count; a table locks itself when its match starts), quick join, private tables joined by id,
// the board, chat, a rematch with the same opponent, and in plain words what happened when a table is
// left, a join refused or the connection lost (a dropped connection comes back to its seat on its own). The match is the room's replicated state (the
// Game, Seat and Cell entities of lobby.proto) in the client's mirror: the page redraws the parts that
// the mirror's onAdd / onChange / onRemove callbacks name.

import { RingsideClient, loadProtos } from '/ringside/client.js';

// GameMessage.type numbers, as in lobby.proto and LobbyMessages.java
const MOVE = 1;
const CHAT_SEND = 2;
const REMATCH = 3;
const CHAT_LINE = 11;
const ROOM_TYPE = 'tictactoe';
const GAME = 'ringside.examples.lobby.Game';
const SEAT = 'ringside.examples.lobby.Seat';
const CELL = 'ringside.examples.lobby.Cell';

const root = await loadProtos('lobby.proto');
const Move = root.lookupType('ringside.examples.lobby.Move');
const ChatSend = root.lookupType('ringside.examples.lobby.ChatSend');
const ChatLine = root.lookupType('ringside.examples.lobby.ChatLine');
const Rematch = root.lookupType('ringside.examples.lobby.Rematch');
const Phase = root.lookupEnum('ringside.examples.lobby.Phase');
const decode = (type, bytes) => type.toObject(type.decode(bytes), { defaults: true, enums: String, arrays: true });

const $ = (id) => document.getElementById(id);
// a dropped connection reconnects and takes its seat back while the table holds it (the server's grace)
const client = new RingsideClient(root, { reconnectAttempts: 3 });
const state = { view: 'lobby', rooms: [], chat: [], notice: '', privateRoom: false };
// how often the mirror called back, for the browser tests
const callbacks = { add: 0, change: 0, remove: 0 };

$('name').value = new URLSearchParams(location.search).get('name') ?? `guest-${Math.floor(Math.random() * 1000)}`;

function options() {
  return { name: $('name').value.trim(), table: $('table').value.trim() };
}

function notice(text, offerReconnect = false) {
  state.notice = text;
  $('notice').hidden = !text;
  $('notice-text').textContent = text;
  $('reconnect').hidden = !offerReconnect;
}

function show(view) {
  state.view = view;
  $('lobby-view').hidden = view !== 'lobby';
  $('room-view').hidden = view !== 'room';
  if (view === 'lobby') {
    client.listRooms(ROOM_TYPE);
  }
}

function renderRooms(list) {
  state.rooms = list.rooms.map((r) => ({ roomId: r.roomId, label: r.label, players: r.players, capacity: r.capacity }));
  const body = $('rooms');
  body.replaceChildren();
  for (const room of state.rooms) {
    const row = body.insertRow();
    row.insertCell().textContent = room.label;
    row.insertCell().textContent = `${room.players}/${room.capacity}`;
    row.insertCell().textContent = room.roomId;
    const join = document.createElement('button');
    join.textContent = 'Join';
    join.disabled = room.players >= room.capacity;
    join.onclick = () => client.join({ roomId: room.roomId, options: options() });
    row.insertCell().append(join);
  }
  if (state.rooms.length === 0) {
    body.insertRow().insertCell().textContent = 'none yet: quick join opens one';
  }
}

// The board's nine buttons, made once; each Cell entity fills one.
const cellButtons = [...Array(9).keys()].map((index) => {
  const button = document.createElement('button');
  button.onclick = () => client.send(MOVE, Move, { cell: index });
  return button;
});
$('board').append(...cellButtons);

function game() {
  return client.mirror.entities(GAME).values().next().value ?? null;
}

function phaseName() {
  return Phase.valuesById[game()?.phase ?? 0];
}

function seats() {
  // X first (marks swap on a rematch)
  return [...client.mirror.entities(SEAT).values()].sort((a, b) => a.mark.localeCompare(b.mark)).reverse();
}

function opponent() {
  return seats().find((s) => s.playerId !== client.room?.sessionId) ?? null;
}

function renderCell(cell) {
  const button = cellButtons[cell.index];
  button.textContent = cell.mark;
  button.classList.toggle('win', cell.winning);
  renderTurn();
}

// Which buttons can be pressed and the status line: the Game's phase and turn, and the free cells.
function renderTurn() {
  const selfId = client.room?.sessionId;
  const g = game();
  const myMove = phaseName() === 'PHASE_PLAYING' && g.turnId === selfId;
  cellButtons.forEach((button) => { button.disabled = !myMove || button.textContent !== ''; });
  const turn = seats().find((s) => s.playerId === g?.turnId);
  $('match-status').textContent = {
    PHASE_WAITING: 'Waiting for an opponent…',
    PHASE_PLAYING: turn?.playerId === selfId ? 'Your move' : `${turn?.name}'s move`,
    PHASE_FINISHED: g?.result,
  }[phaseName()] ?? '';
  renderRematch();
}

// The rematch button: after a match, while both players are still at the table.
function renderRematch() {
  const finished = phaseName() === 'PHASE_FINISHED';
  const me = seats().find((s) => s.playerId === client.room?.sessionId);
  const other = opponent();
  const button = $('rematch');
  button.hidden = !finished || !me || !other;
  button.disabled = !other || other.gone || me?.rematch;
  button.textContent = me?.rematch ? `Rematch asked: waiting for ${other?.name}` : 'Rematch';
  $('rematch-status').textContent = !finished || !other ? ''
    : other.gone ? `${other.name} has left the table: no rematch`
      : other.rematch ? `${other.name} wants a rematch` : '';
}

function renderSeats() {
  const selfId = client.room?.sessionId;
  $('seats').replaceChildren(...seats().map((seat) => {
    const line = document.createElement('div');
    const notes = [seat.playerId === selfId ? 'you' : '', seat.gone ? 'left' : '',
      seat.away ? 'connection lost, waiting for them' : '', seat.rematch ? 'wants a rematch' : ''].filter(Boolean);
    line.textContent = `${seat.mark}: ${seat.name}${notes.length ? ` (${notes.join(', ')})` : ''}`;
    line.classList.toggle('you', seat.playerId === selfId);
    return line;
  }));
  renderTurn();
}

client.mirror.onAdd(CELL, (cell) => { callbacks.add++; renderCell(cell); });
client.mirror.onChange(CELL, (cell) => { callbacks.change++; renderCell(cell); });
client.mirror.onRemove(CELL, (cell) => { callbacks.remove++; renderCell({ index: cell.index, mark: '', winning: false }); });
client.mirror.onAdd(SEAT, () => { callbacks.add++; renderSeats(); });
client.mirror.onChange(SEAT, () => { callbacks.change++; renderSeats(); });
client.mirror.onRemove(SEAT, () => { callbacks.remove++; renderSeats(); });
client.mirror.onAdd(GAME, () => { callbacks.add++; renderTurn(); });
client.mirror.onChange(GAME, () => { callbacks.change++; renderTurn(); });
client.mirror.onRemove(GAME, () => { callbacks.remove++; renderTurn(); });

// The match as plain data, from the mirror (what the browser tests read).
function match() {
  const g = game();
  if (!g) {
    return null;
  }
  const cells = [...client.mirror.entities(CELL).values()].sort((a, b) => a.index - b.index);
  return {
    phase: phaseName(),
    board: cells.map((c) => c.mark || '.').join(''),
    seats: seats().map(({ playerId, name, mark, rematch, away, gone }) => ({ id: playerId, name, mark, rematch, away, gone })),
    round: g.round,
    turnId: g.turnId,
    winnerId: g.winnerId,
    result: g.result,
    winningCells: cells.filter((c) => c.winning).map((c) => c.index),
  };
}

function addChat(line) {
  state.chat.push(line);
  const entry = document.createElement('div');
  entry.textContent = line.system ? line.text : `${line.fromName}: ${line.text}`;
  entry.classList.toggle('system', line.system);
  $('chat-log').append(entry);
  $('chat-log').scrollTop = $('chat-log').scrollHeight;
}

client.on('roomList', renderRooms);
client.on('joined', (joined) => {
  notice('');
  state.chat = [];
  $('chat-log').replaceChildren();
  $('room-id').textContent = joined.roomId;
  $('privacy').textContent = state.privateRoom ? '(private: share the id)' : '';
  show('room');
});
// What the server's numbers mean, in words (reasons from envelope.proto, close codes from RFC 6455
// and the engine).
const LEFT_BECAUSE = {
  LEFT: () => 'You left the table.',
  KICKED: (message) => `You were removed from the table${message ? `: ${message}` : ''}.`,
  ROOM_CLOSED: () => 'The table has closed.',
  DISCONNECTED: () => 'You lost your seat: the connection was gone too long.',
};
const REFUSED_BECAUSE = {
  ROOM_NOT_FOUND: () => 'There is no table with that id (any more).',
  ROOM_FULL: () => 'That table is full.',
  ROOM_LOCKED: () => 'That table\'s match has already started.',
  JOIN_REJECTED: (message) => `The table turned you away: ${message}.`,
  ALREADY_IN_ROOM: () => 'You are already at a table.',
  RECONNECT_REJECTED: () => 'Your seat is gone: you were away too long.',
  SERVER_DRAINING: () => 'The server is shutting down; try again in a moment.',
};
const CLOSED_BECAUSE = {
  1000: 'the connection was closed',
  1001: 'the server is going away (restarting or shutting down)',
  1006: 'the connection dropped',
  1008: 'the server refused this connection',
  1011: 'the server hit an error',
  1013: 'the server is busy; try again later',
  4000: 'this seat was taken over from another tab',
};

client.on('left', (left) => {
  const words = LEFT_BECAUSE[client.leaveReasonName(left.reason)];
  notice(words ? words(left.message) : `You left the table (${left.message || left.reason}).`);
  show('lobby');
});
client.on('error', (error) => {
  const words = REFUSED_BECAUSE[client.errorCodeName(error.code)];
  notice(words ? words(error.message)
    : `${client.errorCodeName(error.code).toLowerCase().replaceAll('_', ' ')}: ${error.message}`);
});
client.on('game', (type, payload) => {
  if (type === CHAT_LINE) {
    addChat(decode(ChatLine, payload));
  }
});
client.on('stateError', (error) => notice(`State out of step: ${error.message}`));
client.on('close', ({ code, reason, reconnecting }) => {
  const why = CLOSED_BECAUSE[code] ?? `the connection closed with code ${code}${reason ? ` (${reason})` : ''}`;
  if (reconnecting) {
    notice(`Disconnected: ${why}. Reconnecting…`);
    return; // the room view stays: the client takes its seat back if the table still holds it
  }
  show('lobby');
  notice(`Disconnected: ${why}.`, true);
});

$('quick-join').onclick = () => {
  state.privateRoom = false;
  client.join({ roomType: ROOM_TYPE, options: options() });
};
$('create-private').onclick = () => {
  state.privateRoom = true;
  client.join({ roomType: ROOM_TYPE, createPrivate: true, options: options() });
};
$('join-by-id').onclick = () => {
  state.privateRoom = false;
  client.join({ roomId: $('join-id').value.trim(), options: options() });
};
$('leave').onclick = () => client.leave();
$('rematch').onclick = () => client.send(REMATCH, Rematch, {});
$('reconnect').onclick = () => client.connect().then(() => { notice(''); show('lobby'); }).catch(() => {});
$('chat-form').onsubmit = (event) => {
  event.preventDefault();
  const text = $('chat-input').value.trim();
  if (text) {
    client.send(CHAT_SEND, ChatSend, { text });
    $('chat-input').value = '';
  }
};
setInterval(() => {
  if (state.view === 'lobby') {
    client.listRooms(ROOM_TYPE);
  }
}, 2000);

// what the browser tests read; harmless for players
window.ringsideLobby = {
  state: () => ({ ...state, match: client.room ? match() : null, callbacks: { ...callbacks },
    connected: client.connected, selfId: client.room?.sessionId ?? null,
    roomId: client.room?.roomId ?? null, phases: Object.keys(Phase.values) }),
};

// A server that checks tokens at the upgrade hands one out at /token (404 elsewhere: connect without).
async function withToken() {
  const response = await fetch('/token').catch(() => null);
  if (response?.ok) {
    const token = await response.text();
    client.url += `${client.url.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
  }
}

withToken()
  .then(() => client.connect())
  .then(() => show('lobby'))
  .catch((e) => notice(`Cannot connect: ${e.message}`, true));
