// The message ids a sender connection used last, to refuse a replayed signal. Ids are UUIDs; each is
// kept as 52 of its bits (13 hex digits, skipping a v4 UUID's fixed version digit) in a fixed ring of numbers, so thousands of busy
// connections hold a few kilobytes each and give the garbage collector nothing to trace (a Set of id
// strings per connection grew to hundreds of megabytes and slowed every signal at 1,000 rooms).
// Two ids sharing 52 bits within one window is a chance of about 1 in 10^11.

export class ReplayWindow {
  private readonly ring: Float64Array;
  private next = 0;
  private filled = 0;

  constructor(size: number) {
    this.ring = new Float64Array(size);
  }

  /** Records the id; true when it was among the last `size` ids recorded. */
  seen(id: string): boolean {
    const hex = id.replace(/-/g, '');
    const key = Number.parseInt(hex.slice(0, 12) + hex.slice(13, 14), 16);
    for (let i = 0; i < this.filled; i++) if (this.ring[i] === key) return true;
    this.ring[this.next] = key;
    this.next = (this.next + 1) % this.ring.length;
    if (this.filled < this.ring.length) this.filled++;
    return false;
  }
}
