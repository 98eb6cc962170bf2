// The figures above the arena (your health and score, RTT, the bandwidth received in kB/s, server tick, state patch rate, fps, players), the scoreboard, and the
// status banner that explains a disconnect, says whether the reconnect got the old seat back, and offers
// a button when the page does not reconnect by itself.

const $ = (id) => document.getElementById(id);

class RateCounter {
  constructor() {
    this.times = [];
  }

  add(now) {
    this.times.push(now);
    this.prune(now);
  }

  prune(now) {
    while (this.times.length && this.times[0] < now - 1000) {
      this.times.shift();
    }
  }

  /** Events in the last second: falls to 0 when they stop (a disconnect), never freezes. */
  perSecond(now) {
    this.prune(now);
    return this.times.length;
  }
}

// Bytes received per second over the last second, from the client's running total sampled every frame.
class ByteRate {
  constructor() {
    this.samples = [];
  }

  add(now, total) {
    this.samples.push([now, total]);
    while (this.samples.length > 1 && this.samples[0][0] < now - 1000) {
      this.samples.shift();
    }
  }

  get perSecond() {
    if (this.samples.length < 2) {
      return 0;
    }
    const [t0, b0] = this.samples[0];
    const [t1, b1] = this.samples[this.samples.length - 1];
    return t1 > t0 ? ((b1 - b0) * 1000) / (t1 - t0) : 0;
  }
}

export class Hud {
  constructor() {
    this.frames = new RateCounter();
    this.snapshots = new RateCounter();
    this.bytes = new ByteRate();
    this.lastText = 0;
    this.lastStatus = null; // the banner's latest text, also once hidden (the browser tests read it)
  }

  countFrame(now) {
    this.frames.add(now);
  }

  /** `total`: the client's bytesReceived so far. */
  countBytes(now, total) {
    this.bytes.add(now, total);
  }

  /** kB (1000 bytes) received per second over the last second. */
  get kbPerSecond() {
    return this.bytes.perSecond / 1000;
  }

  countSnapshot(now) {
    this.snapshots.add(now);
  }

  update({ client, tick, players, selfId, maxHealth }) {
    const now = performance.now();
    if (now - this.lastText < 250) {
      return; // text four times a second is plenty, and cheaper on the layout
    }
    this.lastText = now;
    // a closed connection measures nothing: no stale RTT
    $('rtt').textContent = !client.connected || Number.isNaN(client.rttMs) ? '–' : `${client.rttMs.toFixed(0)} ms`;
    $('bandwidth').textContent = `${this.kbPerSecond.toFixed(1)} kB/s`;
    $('tick').textContent = tick;
    $('snapshot-rate').textContent = `${this.snapshots.perSecond(now)}/s`;
    $('fps').textContent = this.frames.perSecond(now);
    const self = players.find((p) => p.id === selfId);
    $('self-health').textContent = !self ? '–' : self.alive ? `${self.health}/${maxHealth}` : 'down';
    $('self-score').textContent = self ? `${self.score}` : '–';
    $('player-count').textContent = players.length;
    const rows = [...players].sort((a, b) => b.score - a.score || a.deaths - b.deaths)
      .map((p) => `<tr class="${p.id === selfId ? 'self' : ''}"><td>${escape(p.name)}${p.away ? ' (away)' : ''}</td>`
        + `<td>${p.score}</td>`
        + `<td>${p.deaths}</td></tr>`);
    $('scores').innerHTML = rows.join('');
  }

  showStatus(text, onRetry = null, retryLabel = 'Reconnect') {
    clearTimeout(this.statusTimer);
    this.lastStatus = text;
    $('status-text').textContent = text;
    $('status').hidden = false;
    const button = $('status-retry');
    button.hidden = !onRetry;
    button.textContent = retryLabel;
    button.onclick = onRetry;
  }

  /** Shows `text` for a moment, then hides the banner (unless something else was shown meanwhile). */
  flashStatus(text, ms = 2500) {
    this.showStatus(text);
    this.statusTimer = setTimeout(() => this.hideStatus(), ms);
  }

  hideStatus() {
    clearTimeout(this.statusTimer);
    $('status').hidden = true;
  }
}

function escape(text) {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}
