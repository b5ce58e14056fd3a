// The certainty colours of the app, shared with exported briefs so a claim looks the same in both:
// asserted blue, attributed green, hedged amber (the renderer's --asserted/--attributed/--hedged hues).
import type { Certainty } from './types/claims.ts';

export const CERTAINTY_COLORS: Record<'light' | 'dark', Record<Certainty, string>> = {
  light: { asserted: '#2f5fd0', attributed: '#1f7a3f', hedged: '#c88200' },
  dark: { asserted: '#7b9cf0', attributed: '#6fcf8f', hedged: '#f0b43c' },
};
