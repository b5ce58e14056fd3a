// What the command palette lists and the keyboard layer runs: one command, with the words people
// search for and the shortcut that does the same.
export interface Command {
  id: string;
  label: string;
  /** Where the command belongs ("View", "Reader", "Open"), shown beside it. */
  group: string;
  /** The shortcut that does the same, shown on the right. */
  hint?: string;
  run: () => void | Promise<void>;
}

/** True when keys typed now belong to a text field, so single-letter shortcuts must stay out of the way. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
}
