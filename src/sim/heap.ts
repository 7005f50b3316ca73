// An indexed binary heap of server ids: the heap array, each id's place in it, and the sift steps.
// LazySwrr (rr.ts) and HAProxy's trees (fwrr.ts) share it and differ only in their order (`before`).

export abstract class IndexedHeap {
  heap: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.heap = new Int32Array(capacity);
  }

  /** Each id's place in `heap`, -1 when it is not in (fwrr's trees share one such array). */
  protected abstract get slot(): Int32Array;
  /** True when `a` comes out of the heap before `b`. */
  protected abstract before(a: number, b: number): boolean;

  protected growHeap(capacity: number): void {
    const h = new Int32Array(capacity);
    h.set(this.heap);
    this.heap = h;
  }

  /** The id that comes out first, -1 when empty. */
  first(): number {
    return this.size > 0 ? this.heap[0]! : -1;
  }

  insert(i: number): void {
    const p = this.size++;
    this.heap[p] = i;
    this.slot[i] = p;
    this.up(p);
  }

  /** Takes `i` out (nothing when it is not in). */
  delete(i: number): void {
    const slot = this.slot;
    const p = slot[i]!;
    if (p < 0) return;
    const last = this.heap[--this.size]!;
    slot[i] = -1;
    if (last === i) return;
    this.heap[p] = last;
    slot[last] = p;
    this.down(this.up(p));
  }

  /** Puts `i` back in order after its key changed. */
  fix(i: number): void {
    const p = this.slot[i]!;
    if (p >= 0) this.down(this.up(p));
  }

  protected up(p: number): number {
    const { heap, slot } = this;
    const i = heap[p]!;
    while (p > 0) {
      const parent = (p - 1) >> 1;
      const q = heap[parent]!;
      if (!this.before(i, q)) break;
      heap[p] = q;
      slot[q] = p;
      p = parent;
    }
    heap[p] = i;
    slot[i] = p;
    return p;
  }

  protected down(p: number): void {
    const { heap, slot, size } = this;
    const i = heap[p]!;
    for (;;) {
      let c = 2 * p + 1;
      if (c >= size) break;
      if (c + 1 < size && this.before(heap[c + 1]!, heap[c]!)) c++;
      const q = heap[c]!;
      if (!this.before(q, i)) break;
      heap[p] = q;
      slot[q] = p;
      p = c;
    }
    heap[p] = i;
    slot[i] = p;
  }
}
