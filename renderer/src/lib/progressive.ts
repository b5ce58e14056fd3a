// Renders long lists in slices: a first screenful at once, then one slice per animation frame, sized so
// each frame's work stays short, so a huge document never blocks input for long.
import { onBeforeUnmount, ref, watch, type Ref } from 'vue';

export interface Progressive {
  /** How many items to render now. */
  count: Ref<number>;
  /** Renders at least the first `n` items at once (before scrolling to an item far down). */
  ensure(n: number): void;
}

export interface ProgressiveOptions {
  /** Items rendered at once. */
  first?: number;
  /** Items added in the first slice; later slices grow or shrink with the time frames take. */
  step?: number;
  /** While false, only the first items render (say, until a document's claims are known). */
  ready?: () => boolean;
}

// Each frame also pays for work that does not depend on the slice (layout, paint, hit testing), so
// slices grow until a frame takes about this long, and shrink well before the 100 ms limit.
const GROW_BELOW_MS = 50;
const SHRINK_ABOVE_MS = 85;

export function useProgressive(total: () => number, options: ProgressiveOptions = {}): Progressive {
  const first = options.first ?? 150;
  const ready = options.ready ?? (() => true);
  const count = ref(0);
  let step = options.step ?? 100;
  let frame: number | null = null;
  let lastFrameAt = 0;

  const schedule = () => {
    if (frame !== null || count.value >= total() || !ready()) return;
    frame = requestAnimationFrame((now) => {
      frame = null;
      // The gap since the previous slice includes rendering it; steer the slice size toward the target.
      if (lastFrameAt) {
        const gap = now - lastFrameAt;
        if (gap > SHRINK_ABOVE_MS) step = Math.max(10, Math.floor(step * 0.6));
        else if (gap < GROW_BELOW_MS) step = Math.min(300, Math.ceil(step * 1.4));
      }
      lastFrameAt = now;
      count.value = Math.min(total(), count.value + step);
      schedule();
    });
  };

  watch(
    total,
    (n) => {
      count.value = Math.min(n, first);
      lastFrameAt = 0;
      schedule();
    },
    { immediate: true },
  );
  watch(ready, schedule);

  onBeforeUnmount(() => {
    if (frame !== null) cancelAnimationFrame(frame);
  });

  return {
    count,
    ensure(n: number) {
      if (n > count.value) count.value = Math.min(total(), n);
      schedule();
    },
  };
}
