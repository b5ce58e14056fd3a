// App-wide UI state: current view (library, reader, notes), theme, the command palette and the toasts
// (with undo actions): each expires on its own clock, held while the reader is looking at them, and a
// repeated message counts on the toast already up instead of stacking a copy.
import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { currentConnection } from '../api';

export type View = 'library' | 'reader' | 'notes' | 'compare' | 'brief';
export type Theme = 'light' | 'dark' | 'system';

export interface Toast {
  id: number;
  kind: 'info' | 'error' | 'success';
  message: string;
  action?: { label: string; run: () => void | Promise<void> };
  /** How long it stays, in ms; 0 keeps it until dismissed. */
  timeout: number;
  /** Time left before it goes; the clock stops while the pointer or focus is on the toasts. */
  remaining: number;
  /** The same message again within its lifetime counts here instead of stacking a copy. */
  count: number;
}

/** Toasts kept at once; the stack shows the newest and folds the rest behind it. */
const MAX_TOASTS = 12;
const TICK_MS = 250;

export const useUiStore = defineStore('ui', () => {
  const view = ref<View>('library');
  const theme = ref<Theme>((localStorage.getItem('dossier.theme') as Theme | null) ?? 'system');
  const toasts = ref<Toast[]>([]);
  const paletteOpen = ref(false);
  let nextId = 1;

  watch(theme, (value) => localStorage.setItem('dossier.theme', value));

  function effectiveTheme(): 'light' | 'dark' {
    if (theme.value !== 'system') return theme.value;
    return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  function toggleTheme(): void {
    theme.value = effectiveTheme() === 'dark' ? 'light' : 'dark';
  }

  let ticker: ReturnType<typeof setInterval> | null = null;
  /** Set while the pointer or keyboard focus is on the toasts: nothing expires under the reader's eyes. */
  const held = ref(false);

  function tick(): void {
    if (held.value) return;
    const expired: number[] = [];
    for (const toast of toasts.value) {
      if (toast.timeout <= 0) continue;
      toast.remaining -= TICK_MS;
      if (toast.remaining <= 0) expired.push(toast.id);
    }
    if (expired.length) toasts.value = toasts.value.filter((t) => !expired.includes(t.id));
    if (!toasts.value.length && ticker) {
      clearInterval(ticker);
      ticker = null;
    }
  }

  function notify(message: string, options: Partial<Omit<Toast, 'id' | 'message' | 'remaining' | 'count'>> = {}): number {
    // While the host is away one banner says so: an error per failed action would only repeat it.
    if (options.kind === 'error' && currentConnection() === 'offline') return 0;
    const kind = options.kind ?? 'info';
    const timeout = options.timeout ?? (options.action ? 8000 : kind === 'error' ? 12_000 : 5000);
    // The same message again (a repeated failure, a run of identical edits) counts on the toast already up.
    const same = toasts.value.find((t) => t.message === message && t.kind === kind && !t.action && !options.action);
    if (same) {
      same.count++;
      same.remaining = same.timeout = Math.max(same.timeout, timeout);
      toasts.value = [...toasts.value.filter((t) => t !== same), same];
      return same.id;
    }
    const toast: Toast = { id: nextId++, kind, message, action: options.action, timeout, remaining: timeout, count: 1 };
    toasts.value.push(toast);
    // Beyond what is kept, the oldest message that is not an error goes.
    while (toasts.value.length > MAX_TOASTS) {
      const oldest = toasts.value.findIndex((t) => t.kind !== 'error');
      toasts.value.splice(oldest >= 0 ? oldest : 0, 1);
    }
    ticker ??= setInterval(tick, TICK_MS);
    return toast.id;
  }

  function dismiss(id: number): void {
    toasts.value = toasts.value.filter((t) => t.id !== id);
  }

  function dismissAll(): void {
    toasts.value = [];
  }

  function holdToasts(hold: boolean): void {
    held.value = hold;
  }

  return { view, theme, toasts, paletteOpen, held, effectiveTheme, toggleTheme, notify, dismiss, dismissAll, holdToasts };
});
