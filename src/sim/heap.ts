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
    this.place(i, p);
    this.up(p);
  }

  /** Takes `i` out (nothing when it is not in). */
  delete(i: number): void {
    const p = this.slot[i]!;
    if (p < 0) return;
    const last = this.heap[--this.size]!;
    this.slot[i] = -1;
    if (last === i) return;
    this.place(last, p);
    this.down(this.up(p));
  }

  /** Puts `i` back in order after its key changed. */
  fix(i: number): void {
    const p = this.slot[i]!;
    if (p >= 0) this.down(this.up(p));
  }

  // Both sifts hold the moving id aside, shift the ids it passes one step its way, and place it once
  // at the end (half the writes of swapping at each step).
  protected up(p: number): number {
    const heap = this.heap;
    const i = heap[p]!;
    for (let parent = (p - 1) >> 1; p > 0 && this.before(i, heap[parent]!); parent = (p - 1) >> 1) {
      this.place(heap[parent]!, p);
      p = parent;
    }
    this.place(i, p);
    return p;
  }

  protected down(p: number): void {
    const heap = this.heap;
    const i = heap[p]!;
    for (let c = this.firstChild(p); c >= 0 && this.before(heap[c]!, i); c = this.firstChild(p)) {
      this.place(heap[c]!, p);
      p = c;
    }
    this.place(i, p);
  }

  /** The child of place `p` that comes out first, -1 for a leaf. */
  private firstChild(p: number): number {
    const c = 2 * p + 1;
    if (c >= this.size) return -1;
    return c + 1 < this.size && this.before(this.heap[c + 1]!, this.heap[c]!) ? c + 1 : c;
  }

  private place(i: number, p: number): void {
    this.heap[p] = i;
    this.slot[i] = p;
  }
}
