// Lazily loaded wink-nlp pipelines shared by the claim layers (one model load per process).
// Only sentence boundary detection runs on every paragraph; POS tagging is kept for rare, short fragments.
import winkNLP from 'wink-nlp';
import type { WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

let sbdNlp: WinkMethods | null = null;
let posNlp: WinkMethods | null = null;

/** Tokeniser + sentence boundary detection: the cheap pipe that runs on all text. */
export function sentenceNlp(): WinkMethods {
  if (!sbdNlp) sbdNlp = winkNLP(model, ['sbd']);
  return sbdNlp;
}

/** Tokeniser + POS tagger: too slow for whole documents, used only to check short fragments for a verb. */
export function taggingNlp(): WinkMethods {
  if (!posNlp) posNlp = winkNLP(model, ['sbd', 'pos']);
  return posNlp;
}

/** True when wink's tagger finds a verb or auxiliary in `text` (used to tell headings from short sentences). */
export function hasVerb(text: string): boolean {
  const nlp = taggingNlp();
  const tags = nlp.readDoc(text).tokens().out(nlp.its.pos) as string[];
  for (const t of tags) if (t === 'VERB' || t === 'AUX') return true;
  return false;
}
