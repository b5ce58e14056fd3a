// App-wide UI state: current view (library, reader, notes), theme, the command palette and the toast
// queue (with undo actions).
import { defineStore } from 'pinia';
import { ref, watch } from 'vue';

export type View = 'library' | 'reader' | 'notes' | 'compare' | 'brief';
export type Theme = 'light' | 'dark' | 'system';

export interface Toast {
  id: number;
  kind: 'info' | 'error' | 'success';
  message: string;
  action?: { label: string; run: () => void | Promise<void> };
  timeout: number;
}

const MAX_TOASTS = 4;

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

  function notify(message: string, options: Partial<Omit<Toast, 'id' | 'message'>> = {}): number {
    const toast: Toast = { id: nextId++, kind: options.kind ?? 'info', message, action: options.action, timeout: options.timeout ?? (options.action ? 8000 : 5000) };
    toasts.value.push(toast);
    // A burst of edits must not bury the window: beyond a few, the oldest message that is not an error goes.
    while (toasts.value.length > MAX_TOASTS) {
      const oldest = toasts.value.findIndex((t) => t.kind !== 'error');
      toasts.value.splice(oldest >= 0 ? oldest : 0, 1);
    }
    if (toast.timeout > 0) setTimeout(() => dismiss(toast.id), toast.timeout);
    return toast.id;
  }

  function dismiss(id: number): void {
    toasts.value = toasts.value.filter((t) => t.id !== id);
  }

  return { view, theme, toasts, paletteOpen, effectiveTheme, toggleTheme, notify, dismiss };
});
