// The lobby's browser client: lists the tic-tac-toe tables still waiting for a player (label and
// player count; a table locks itself when its match starts), quick join, private tables joined by id,
// the board, chat, and what happened when a room is left.

import { RingsideClient, loadProtos } from '/ringside/client.js';

// GameMessage.type numbers, as in lobby.proto and LobbyMessages.java
const MOVE = 1;
const CHAT_SEND = 2;
const MATCH_STATE = 10;
const CHAT_LINE = 11;
const ROOM_TYPE = 'tictactoe';

const root = await loadProtos('lobby.proto');
const Move = root.lookupType('ringside.examples.lobby.Move');
const ChatSend = root.lookupType('ringside.examples.lobby.ChatSend');
const MatchState = root.lookupType('ringside.examples.lobby.MatchState');
const ChatLine = root.lookupType('ringside.examples.lobby.ChatLine');
const Phase = root.lookupEnum('ringside.examples.lobby.Phase');
const decode = (type, bytes) => type.toObject(type.decode(bytes), { defaults: true, enums: String, arrays: true });

const $ = (id) => document.getElementById(id);
const client = new RingsideClient(root, { reconnectAttempts: 0 });
const state = { view: 'lobby', rooms: [], match: null, chat: [], notice: '', privateRoom: false };

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

function renderMatch(match) {
  state.match = match;
  const selfId = client.room?.sessionId;
  const board = $('board');
  board.replaceChildren();
  [...match.board].forEach((mark, cell) => {
    const button = document.createElement('button');
    button.textContent = mark === '.' ? '' : mark;
    button.disabled = match.phase !== 'PHASE_PLAYING' || match.turnId !== selfId || mark !== '.';
    button.classList.toggle('win', match.winningCells.includes(cell));
    button.onclick = () => client.send(MOVE, Move, { cell });
    board.append(button);
  });
  $('seats').innerHTML = '';
  for (const seat of match.seats) {
    const line = document.createElement('div');
    line.textContent = `${seat.mark}: ${seat.name}${seat.id === selfId ? ' (you)' : ''}`;
    line.classList.toggle('you', seat.id === selfId);
    $('seats').append(line);
  }
  const turn = match.seats.find((s) => s.id === match.turnId);
  $('match-status').textContent = {
    PHASE_WAITING: 'Waiting for an opponent…',
    PHASE_PLAYING: turn?.id === selfId ? 'Your move' : `${turn?.name}'s move`,
    PHASE_FINISHED: match.result,
  }[match.phase] ?? '';
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
client.on('left', (left) => {
  state.match = null;
  notice(`You left the table: ${client.leaveReasonName(left.reason).toLowerCase()}${left.message ? ` (${left.message})` : ''}`);
  show('lobby');
});
client.on('error', (error) => notice(`${client.errorCodeName(error.code).toLowerCase().replaceAll('_', ' ')}: ${error.message}`));
client.on('game', (type, payload) => {
  if (type === MATCH_STATE) {
    renderMatch(decode(MatchState, payload));
  } else if (type === CHAT_LINE) {
    addChat(decode(ChatLine, payload));
  }
});
client.on('close', ({ code, reason }) => {
  show('lobby');
  notice(`Disconnected from the server (${code}${reason ? ' ' + reason : ''})`, true);
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
  state: () => ({ ...state, connected: client.connected, selfId: client.room?.sessionId ?? null,
    roomId: client.room?.roomId ?? null, phases: Object.keys(Phase.values) }),
};

client.connect().then(() => show('lobby')).catch((e) => notice(`Cannot connect: ${e.message}`, true));
