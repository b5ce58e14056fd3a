// Which compared figures are in dispute: the groups a brief lists in its "Figures in dispute" table,
// the all-claims brief compares across sources, and Compare shows as disputed.
import type { Verdict } from '../types/compare.ts';

/** Figures that disagree (conflicting) or changed over time (evolving); agreeing and lone figures are not disputed. */
export function isDisputed(verdict: Verdict): boolean {
  return verdict === 'conflicting' || verdict === 'evolving';
}
