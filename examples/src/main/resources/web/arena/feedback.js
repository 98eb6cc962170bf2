// What happened between two snapshots that a player should notice: a hit (health went down), a death
// (alive went false) and a respawn (alive went true again). Draws short effects where they happened,
// a red edge when the reader's own fighter is hit, and "Respawning…" while it is down.

const HIT_MS = 250;
const DEATH_MS = 600;
const RESPAWN_MS = 500;

export class Feedback {
  constructor() {
    this.last = new Map(); // player id -> { health, alive }
    this.effects = [];
    this.selfHitUntil = 0;
    this.selfDown = false;
    this.counts = { hits: 0, deaths: 0, respawns: 0, selfHits: 0, selfDeaths: 0, selfRespawns: 0 };
  }

  /** Compares `players` (one snapshot) with the previous one; returns what happened to `selfId`. */
  observe(players, selfId, now) {
    const seen = new Set();
    for (const p of players) {
      seen.add(p.id);
      const before = this.last.get(p.id);
      this.last.set(p.id, { health: p.health, alive: p.alive });
      if (!before) {
        continue;
      }
      const self = p.id === selfId;
      if (before.alive && !p.alive) {
        this.add('death', p, now, DEATH_MS);
        this.counts.deaths++;
        if (self) {
          this.counts.selfDeaths++;
        }
      } else if (!before.alive && p.alive) {
        this.add('respawn', p, now, RESPAWN_MS);
        this.counts.respawns++;
        if (self) {
          this.counts.selfRespawns++;
        }
      } else if (p.alive && p.health < before.health) {
        this.add('hit', p, now, HIT_MS);
        this.counts.hits++;
        if (self) {
          this.counts.selfHits++;
          this.selfHitUntil = now + HIT_MS;
        }
      }
      if (self) {
        this.selfDown = !p.alive;
      }
    }
    for (const id of this.last.keys()) {
      if (!seen.has(id)) {
        this.last.delete(id);
      }
    }
  }

  add(kind, p, now, ms) {
    this.effects.push({ kind, x: p.x, y: p.y, start: now, end: now + ms });
  }

  /** Draws the live effects; `scale` is CSS pixels per canvas unit. */
  draw(ctx, rules, now, scale) {
    this.effects = this.effects.filter((e) => e.end > now);
    const r = rules.playerRadius;
    for (const e of this.effects) {
      const t = (now - e.start) / (e.end - e.start);
      ctx.globalAlpha = 1 - t;
      ctx.lineWidth = Math.max(2, 2 / scale);
      ctx.strokeStyle = e.kind === 'hit' ? '#ef476f' : e.kind === 'death' ? '#f8f9fa' : '#06d6a0';
      ctx.beginPath();
      const grow = e.kind === 'hit' ? 1.3 : e.kind === 'death' ? 1 + 2.5 * t : 2.5 - 1.5 * t;
      ctx.arc(e.x, e.y, r * grow, 0, Math.PI * 2);
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
    if (now < this.selfHitUntil) {
      ctx.globalAlpha = (this.selfHitUntil - now) / HIT_MS;
      ctx.strokeStyle = '#ef476f';
      ctx.lineWidth = 24;
      ctx.strokeRect(0, 0, rules.width, rules.height);
      ctx.globalAlpha = 1;
    }
    if (this.selfDown) {
      ctx.fillStyle = '#000a';
      ctx.fillRect(0, rules.height / 2 - 50, rules.width, 100);
      ctx.fillStyle = '#f8f9fa';
      ctx.font = `${Math.round(Math.max(28, 20 / scale))}px system-ui, sans-serif`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText('Hit out. Respawning…', rules.width / 2, rules.height / 2);
      ctx.textBaseline = 'alphabetic';
    }
  }
}
