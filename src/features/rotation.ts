/** FNV-1a over UTF-16 units: a stable 32-bit seed from a string, the same on every machine. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** mulberry32: a small, fast, seedable generator, uniform in [0, 1); enough to shuffle a reading list. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/**
 * The item for `day` in a rotation through `count` items: one fixed shuffle per `key` (a server),
 * walked a day at a time. Any `count` consecutive days show every item once, whichever day the
 * walk starts on. Deterministic: the same key, count and day always give the same index.
 *
 * @example rotationIndex(10, 'guild-1:passage', dayNumber('2026-11-23')) // an index in 0..9
 */
export function rotationIndex(count: number, key: string, day: number): number {
  if (count <= 0) return -1;
  const order = Array.from({ length: count }, (_, i) => i);
  const random = mulberry32(seedOf(key));
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] ?? j, order[i] ?? i];
  }
  return order[((day % count) + count) % count] ?? -1;
}
