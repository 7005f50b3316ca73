// HAProxy's `balance roundrobin`: the "fast weighted round-robin" of HAProxy's src/lb_fwrr.c, modelled
// step for step (HAProxy 2.x, one thread, no maxconn, no backup servers).
//
// Weights are scaled by 16 (BE_WEIGHT_SCALE: a configured weight w is an effective weight 16·w). The
// total weight is a window of positions; each pick takes one position (curr_pos++). A server that is
// picked books its next position `next_weight / eweight` further on (the remainder is carried in
// rweight), so heavy servers come back sooner. Servers wait in three trees:
// - curr: servers with a booked position in this window, smallest position first (then heavier);
// - init: servers not placed yet, heaviest first: one is taken whenever curr has nothing due (a hole);
// - next: servers whose position falls beyond this window; when curr and init are both empty, next
//   becomes init and a new window starts.
// That is why weights 2,1,1 give a b a c (not nginx's a b c a) and 5,1,1 give a a a b a a c.
// A server that comes back (or is added at run time) is booked about one window ahead, and a server
// that goes away leaves the window's size alone until the next window.
import { IndexedHeap } from './heap.js';
import { UP } from './rr.js';

/** BE_WEIGHT_SCALE: effective weight = configured weight × 16. */
const SCALE = 16;
/** SRV_UWGHT_RANGE: the curr tree's key is position × 256 + a weight tie-breaker. */
const UWGHT_RANGE = 256;
/** SRV_EWGHT_MAX (HAProxy 2.x: 256 × 16). */
const EWGHT_MAX = 256 * SCALE;

const NONE = -1;
const CURR = 0;

/**
 * An indexed binary heap of servers ordered by (key, seq): HAProxy's ebtrees keep equal keys in the
 * order they were inserted, which the sequence number stands for.
 */
class ServerHeap extends IndexedHeap {
  constructor(
    private readonly owner: Fwrr,
    capacity: number,
  ) {
    super(capacity);
  }

  grow(capacity: number): void {
    this.growHeap(capacity);
  }

  protected get slot(): Int32Array {
    return this.owner.slot;
  }

  protected before(a: number, b: number): boolean {
    const { key, seq } = this.owner;
    return key[a]! < key[b]! || (key[a] === key[b] && seq[a]! < seq[b]!);
  }
}

/** HAProxy's fast weighted round-robin over servers 0..n-1 (see the file comment). */
export class Fwrr {
  // Per server, as in HAProxy's struct server.
  npos: Float64Array;
  lpos: Float64Array;
  rweight: Float64Array;
  eweight: Float64Array;
  /** Which tree the server is in: NONE, CURR, or 1 / 2 (the two trees that take turns as init and next). */
  tree: Int8Array;
  // Heap bookkeeping shared by the three trees (a server is in at most one).
  key: Float64Array;
  seq: Float64Array;
  slot: Int32Array;
  private nextSeq = 0;

  // The group (HAProxy's struct fwrr_group for the active servers).
  currPos = 0;
  currWeight = 0;
  nextWeight = 0;
  private initTree = 1;
  private nextTree = 2;
  private readonly trees: ServerHeap[];
  /** Servers added before the first pick or state change are the configuration's (fwrr_init_server_groups). */
  private started = false;
  private configured = 0;

  constructor(capacity: number) {
    const cap = Math.max(1, capacity);
    this.npos = new Float64Array(cap);
    this.lpos = new Float64Array(cap);
    this.rweight = new Float64Array(cap);
    this.eweight = new Float64Array(cap);
    this.tree = new Int8Array(cap).fill(NONE);
    this.key = new Float64Array(cap);
    this.seq = new Float64Array(cap);
    this.slot = new Int32Array(cap).fill(NONE);
    this.trees = [new ServerHeap(this, cap), new ServerHeap(this, cap), new ServerHeap(this, cap)];
  }

  grow(capacity: number): void {
    const f64 = (a: Float64Array): Float64Array => {
      const b = new Float64Array(capacity);
      b.set(a);
      return b;
    };
    this.npos = f64(this.npos);
    this.lpos = f64(this.lpos);
    this.rweight = f64(this.rweight);
    this.eweight = f64(this.eweight);
    this.key = f64(this.key);
    this.seq = f64(this.seq);
    const t = new Int8Array(capacity).fill(NONE);
    t.set(this.tree);
    this.tree = t;
    const s = new Int32Array(capacity).fill(NONE);
    s.set(this.slot);
    this.slot = s;
    for (const h of this.trees) h.grow(capacity);
  }

  /** The configuration is complete: later servers are added at run time. */
  seal(state: Uint8Array): void {
    if (this.started) return;
    this.started = true;
    // fwrr_init_server_groups: the usable servers go to init, heaviest first, in declaration order.
    let total = 0;
    for (let i = 0; i < this.configured; i++) {
      if (state[i] !== UP) continue;
      total += this.eweight[i]!;
      this.queueByWeight(this.initTree, i);
    }
    this.currPos = this.currWeight = this.nextWeight = total;
  }

  added(i: number, weight: number): void {
    this.eweight[i] = weight * SCALE;
    this.npos[i] = this.lpos[i] = this.rweight[i] = 0;
    this.tree[i] = NONE;
    if (!this.started) {
      this.configured = i + 1;
      return;
    }
    this.statusUp(i);
  }

  /** Call when server i goes from `from` to `to` (states UP / DRAINING / DOWN). */
  changed(i: number, from: number, to: number): void {
    // Before sealing, the state at sealing time decides (a configured server that starts disabled is
    // not in the trees).
    if (!this.started) return;
    if (from === UP && to !== UP) this.statusDown(i);
    else if (from !== UP && to === UP) this.statusUp(i);
  }

  /** fwrr_get_next_server: the next server, or -1 when none is up. */
  pick(state: Uint8Array): number {
    this.seal(state);
    if (this.curr().size + this.trees[this.initTree]!.size + this.trees[this.nextTree]!.size === 0) return -1;
    if (this.currWeight === 0) this.currPos = this.currWeight = this.nextWeight;
    let s = this.fromGroup(true);
    if (s < 0) {
      this.switchTrees();
      s = this.fromGroup(true);
      if (s < 0) return -1;
    }
    this.updatePosition(s);
    this.dequeue(s);
    this.currPos++;
    this.queue(s);
    return s;
  }

  /** What pick() would return, without changing anything. */
  peek(state: Uint8Array): number {
    if (!this.started) {
      let best = -1;
      for (let i = 0; i < this.configured; i++) if (state[i] === UP && (best < 0 || this.eweight[i]! > this.eweight[best]!)) best = i;
      return best;
    }
    const s = this.fromGroup(false);
    if (s >= 0) return s;
    return this.trees[this.nextTree]!.first();
  }

  private curr(): ServerHeap {
    return this.trees[CURR]!;
  }

  /** fwrr_get_server_from_group: the first server due in curr, else the heaviest in init, else curr's first. */
  private fromGroup(take: boolean): number {
    const s1 = this.curr().first();
    if (s1 >= 0 && this.eweight[s1]! > 0 && this.npos[s1]! <= this.currPos) return s1;
    const s2 = this.trees[this.initTree]!.first();
    if (s2 >= 0 && this.eweight[s2]! > 0) {
      if (take) this.npos[s2] = this.rweight[s2] = 0; // fwrr_get_srv_init
      return s2;
    }
    return s1;
  }

  private switchTrees(): void {
    const t = this.initTree;
    this.initTree = this.nextTree;
    this.nextTree = t;
    this.currWeight = this.nextWeight;
    this.currPos = this.currWeight;
  }

  /** fwrr_update_position. */
  private updatePosition(s: number): void {
    const e = this.eweight[s]!;
    if (this.npos[s] === 0) this.npos[s] = this.currPos; // first time in this window
    this.lpos[s] = this.npos[s]!;
    this.npos[s] = this.npos[s]! + Math.trunc(this.nextWeight / e);
    this.rweight[s] = this.rweight[s]! + (this.nextWeight % e);
    if (this.rweight[s]! >= e) {
      this.rweight[s] = this.rweight[s]! - e;
      this.npos[s] = this.npos[s]! + 1;
    }
  }

  /** fwrr_queue_srv: into curr when the booked position fits this window, else into next. */
  private queue(s: number): void {
    const e = this.eweight[s]!;
    if (this.npos[s]! >= 2 * this.currWeight || this.npos[s]! >= this.currWeight + this.nextWeight) {
      this.npos[s] = this.npos[s]! - this.currWeight;
      this.queueByWeight(this.nextTree, s);
      return;
    }
    this.key[s] = UWGHT_RANGE * this.npos[s]! + Math.trunc((EWGHT_MAX + this.rweight[s]! - e) / SCALE);
    this.insert(CURR, s);
  }

  /** fwrr_queue_by_weight: init and next are ordered heaviest first. */
  private queueByWeight(tree: number, s: number): void {
    this.key[s] = EWGHT_MAX - this.eweight[s]!;
    this.insert(tree, s);
  }

  private insert(tree: number, s: number): void {
    this.seq[s] = this.nextSeq++;
    this.tree[s] = tree;
    this.trees[tree]!.insert(s);
  }

  private dequeue(s: number): void {
    const t = this.tree[s]!;
    if (t !== NONE) this.trees[t]!.delete(s);
    this.tree[s] = NONE;
  }

  /** fwrr_set_server_status_down: out of the trees; the window keeps its size until the next one. */
  private statusDown(s: number): void {
    this.nextWeight -= this.eweight[s]!;
    this.dequeue(s);
  }

  /** fwrr_set_server_status_up: booked about a window ahead of the current position. */
  private statusUp(s: number): void {
    const e = this.eweight[s]!;
    this.nextWeight += e;
    this.npos[s] = this.currPos; // fwrr_get_srv_down (overwritten just below, as in HAProxy)
    this.npos[s] = this.currPos + Math.trunc((this.nextWeight + this.currWeight - this.currPos) / e);
    this.queue(s);
  }
}
