// Whether the host is answering: one "disconnected" state for the whole app (a banner, not an error per
// action), retried by itself with a growing pause, and the command that starts the host again, as the
// host reported it (`npm start` or `dossier serve`). The desktop app's host cannot go away: it never shows.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { currentConnection, onConnection, rememberStartCommand, startCommand, useApi } from '../api';

/** Shorter gaps are network hiccups: the banner waits this long before it shows. */
const SHOW_AFTER_MS = 1200;
const FIRST_RETRY_MS = 1000;
const LONGEST_RETRY_MS = 10_000;

export const useConnectionStore = defineStore('connection', () => {
  const offline = ref(currentConnection() === 'offline');
  const visible = ref(false);
  const attempts = ref(0);
  const nextTryAt = ref<number | null>(null);
  const now = ref(Date.now());
  const command = ref(startCommand());
  const reconnectHooks = new Set<() => void>();
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let showTimer: ReturnType<typeof setTimeout> | null = null;
  let clock: ReturnType<typeof setInterval> | null = null;
  let started = false;

  const secondsToNextTry = computed(() => (nextTryAt.value === null ? null : Math.max(0, Math.ceil((nextTryAt.value - now.value) / 1000))));

  function clearTimers(): void {
    if (retryTimer) clearTimeout(retryTimer);
    if (showTimer) clearTimeout(showTimer);
    if (clock) clearInterval(clock);
    retryTimer = showTimer = clock = null;
  }

  function schedule(): void {
    if (retryTimer) clearTimeout(retryTimer);
    const delay = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(attempts.value, 4));
    nextTryAt.value = Date.now() + delay;
    retryTimer = setTimeout(() => void tryNow(), delay);
  }

  /** Asks the host whether it is back; the bridge reports the answer (or its absence). */
  async function tryNow(): Promise<void> {
    attempts.value++;
    nextTryAt.value = null;
    try {
      const info = await useApi().app.info();
      learn(info.startCommand);
    } catch {
      if (offline.value) schedule();
    }
  }

  function wentOffline(): void {
    if (offline.value) return;
    offline.value = true;
    attempts.value = 0;
    showTimer = setTimeout(() => (visible.value = offline.value), SHOW_AFTER_MS);
    clock = setInterval(() => (now.value = Date.now()), 500);
    schedule();
  }

  function cameBack(): void {
    if (!offline.value) return;
    const shown = visible.value;
    offline.value = false;
    visible.value = false;
    nextTryAt.value = null;
    clearTimers();
    // What changed meanwhile (another window, the command line) is fetched again.
    if (shown) for (const hook of reconnectHooks) hook();
  }

  /** Starts following the host's answers (once). */
  function start(): void {
    if (started) return;
    started = true;
    onConnection((state) => (state === 'offline' ? wentOffline() : cameBack()));
  }

  /** Remembers the command the host said started it. */
  function learn(startedBy: string | null | undefined): void {
    if (!startedBy) return;
    command.value = startedBy;
    rememberStartCommand(startedBy);
  }

  /** Runs `hook` each time the host answers again after the banner was shown. */
  function onReconnect(hook: () => void): () => void {
    reconnectHooks.add(hook);
    return () => reconnectHooks.delete(hook);
  }

  return { offline, visible, attempts, secondsToNextTry, command, start, learn, tryNow, onReconnect };
});
