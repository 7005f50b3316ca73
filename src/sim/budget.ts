// How much memory a run's tables take, estimated from its configuration before anything is
// allocated, so that a run out of proportion (millions of users, each session copied to hundreds of
// servers) is refused up front instead of growing until the machine runs out. Pure arithmetic on
// the sizes in users.ts, storage.ts and engine.ts.
import type { SimConfig, Store, Variant } from './model.js';

/** The most memory one run's tables may take. */
export const MEMORY_LIMIT_BYTES = 1024 ** 3;

// What each thing a run keeps takes, in bytes (the layouts in users.ts, storage.ts and engine.ts).
const BYTES = {
  // Per user: the hot record (16 bytes) and the cold record (5 × Int32).
  user: 16 + 5 * 4,
  // Per user and replica slot, with the replicated store: one Int32.
  replicaSlot: 4,
  // Per entry of --max-idle's ring of the latest requests' users (maxIdle + 1 of them): one Int32.
  idleSlot: 4,
  // A kept request row (--trace, --step, the short-run table): its object, strings and event list.
  row: 400,
} as const;

export interface MemoryNeed {
  bytes: number;
  users: number;
  /** Replica slots per user in the most demanding configuration (0 without the replicated store). */
  replicas: number;
}

/** The largest need over the configurations run one after another (rows are kept for every one). */
export function memoryNeed(cfg: SimConfig, variants: readonly Variant[] | null, keptRows: number): MemoryNeed {
  const users = cfg.traffic.kind === 'random' ? cfg.traffic.users : cfg.traffic.sequence.length;
  const requests = cfg.traffic.kind === 'random' ? cfg.traffic.requests : cfg.traffic.sequence.length;
  const stores: Store[] = variants ? variants.map((v) => v.store) : [cfg.store];
  const replicas = stores.includes('replicated') ? cfg.replicas : 0;
  const idleRing = cfg.maxIdle > 0 && cfg.maxIdle < requests ? (cfg.maxIdle + 1) * BYTES.idleSlot : 0;
  const bytes = users * (BYTES.user + replicas * BYTES.replicaSlot) + idleRing + keptRows * BYTES.row;
  return { bytes, users, replicas };
}
