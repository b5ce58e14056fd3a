// Reader state: two to four documents side by side in panes, each with its text, claims (with the
// user's review merged in), claim filters and the claim or offset it should show; review and add claims;
// which claims the text tints; and the history of pane layouts, so a layout replaced (by Compare, or by a
// fifth document) can be brought back.
import { defineStore } from 'pinia';
import { computed, markRaw, ref, watch } from 'vue';
import type { Claim, ClaimEdits, ClaimKind, Certainty, ClaimSet, ReviewStatus } from '../../../shared/types/claims';
import type { DocumentContent } from '../../../shared/types/library';
import { errorMessage, useApi } from '../api';
import { rankRelated, type RelatedMatch } from '../lib/related';
import { useNotesStore } from './notes';
import { useUiStore } from './ui';

export const MAX_PANES = 4;
const STORAGE_KEY = 'dossier.reader';

export interface ClaimFilter {
  kind: ClaimKind | '';
  certainty: Certainty | '';
  /** Text to find in the claim's source or outlets. */
  source: string;
  hasNumber: boolean;
  /** Show sentences labelled as opinion (the writer's evaluation or speculation); off by default. */
  opinion: boolean;
}

export type SidePanel = 'claims' | 'notes';

/** Which claims the text tints: every checkable claim, only those the pane's claim filters keep, or none. */
export type TintMode = 'all' | 'filtered' | 'none';

/** The side panel's share of a pane: of its height when stacked under the text, else its width in pixels. */
export const PANEL_SHARE = { min: 0.15, max: 0.8, initial: 0.3 } as const;
export const PANEL_WIDTH = { min: 240, max: 640, initial: 340 } as const;

/** A pane layout as it can be brought back: each pane's document, width, panel and filters. */
export interface LayoutSnapshot {
  panes: Array<{ docId: string; title: string; size: number; sidePanel: SidePanel | null; filter: ClaimFilter; activeClaimId: string | null; panelShare: number; panelWidth: number; panelCollapsed: boolean }>;
  active: number;
  /** What replaced it, for the Back button's tooltip ("Compare", "Open beside"). */
  reason: string;
}
const MAX_HISTORY = 20;

export interface Pane {
  id: string;
  docId: string;
  content: DocumentContent | null;
  claims: ClaimSet | null;
  loading: boolean;
  error: string | null;
  claimsError: string | null;
  activeClaimId: string | null;
  /** A text offset the pane should scroll to and flash (search hit, note passage, claim). */
  focusOffset: number | null;
  /** Bumped on every reveal request, so asking for the same offset twice still scrolls. */
  revealSeq: number;
  /** Share of the reader's width, as a flex weight. */
  size: number;
  sidePanel: SidePanel | null;
  filter: ClaimFilter;
  /** Set when the pane's active claim was reached through "related claim", to say from where and why. */
  relatedFrom: { paneId: string; claimText: string; reasons: string[] } | null;
  /** End of the passage at `focusOffset`, when a whole passage (a note's) is to be flashed. */
  focusEnd: number | null;
  /** The side panel's share of the pane's height when it sits under the text. */
  panelShare: number;
  /** The side panel's width in pixels when it sits beside the text. */
  panelWidth: number;
  /** Only the panel's tabs show, so the text has the room. */
  panelCollapsed: boolean;
  /** The claim whose editor is open in the claims panel (a claim just added opens it, to confirm the engine's reading). */
  editingClaimId: string | null;
}

function emptyFilter(): ClaimFilter {
  return { kind: '', certainty: '', source: '', hasNumber: false, opinion: false };
}

/**
 * Claims the text may tint at all: opinion (the writer's evaluation, not a checkable fact) is never
 * tinted as a claim; it is marked, untinted, only while the panel's Opinion filter shows it.
 */
function tintable(claim: Claim, filter: ClaimFilter): boolean {
  return !claim.opinion || filter.opinion;
}

export function claimMatchesFilter(claim: Claim, filter: ClaimFilter): boolean {
  if (filter.kind && claim.kind !== filter.kind) return false;
  if (filter.certainty && claim.certainty !== filter.certainty) return false;
  if (filter.hasNumber && !claim.quantities.length) return false;
  if (claim.opinion && !filter.opinion) return false;
  const source = filter.source.trim().toLowerCase();
  if (source) {
    const names = [claim.attribution?.source ?? '', ...(claim.attribution?.via ?? [])].join(' ').toLowerCase();
    if (!names.includes(source)) return false;
  }
  return true;
}

/** The claims a pane's text tints: by the tint mode, never opinion unless asked for, always the active claim. */
export function claimsToTint(p: Pick<Pane, 'claims' | 'activeClaimId' | 'filter'>, mode: TintMode): Claim[] {
  if (!p.claims) return [];
  // Read the reactive pane once: a long document has thousands of claims.
  const all = p.claims.claims;
  const activeId = p.activeClaimId;
  const filter = { ...p.filter };
  if (mode === 'none') return all.filter((c) => c.id === activeId);
  const shown = mode === 'filtered' ? all.filter((c) => claimMatchesFilter(c, filter)) : all.filter((c) => tintable(c, filter));
  if (activeId && !shown.some((c) => c.id === activeId)) {
    const active = all.find((c) => c.id === activeId);
    if (active) return [...shown, active].sort((a, b) => a.start - b.start);
  }
  return shown;
}

let paneCounter = 0;

interface Saved {
  docIds?: unknown;
  active?: unknown;
  syncScroll?: unknown;
  tintMode?: unknown;
}

function readSaved(): Saved | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    return value && typeof value === 'object' ? (value as Saved) : null;
  } catch {
    return null;
  }
}

const TINT_MODES: readonly TintMode[] = ['all', 'filtered', 'none'];

export const useReaderStore = defineStore('reader', () => {
  const panes = ref<Pane[]>([]);
  const activePaneId = ref<string | null>(null);
  const syncScroll = ref(false);
  const savedTint = readSaved()?.tintMode;
  const tintMode = ref<TintMode>(TINT_MODES.includes(savedTint as TintMode) ? (savedTint as TintMode) : 'all');
  /** Layouts replaced by Compare or by a fifth document, newest last: Back brings the last one back. */
  const history = ref<LayoutSnapshot[]>([]);

  const activePane = computed<Pane | null>(() => panes.value.find((p) => p.id === activePaneId.value) ?? panes.value[0] ?? null);
  // The single-document view of earlier versions, kept for callers that only care about the active pane.
  const documentId = computed(() => activePane.value?.docId ?? null);
  const content = computed(() => activePane.value?.content ?? null);
  const claims = computed(() => activePane.value?.claims ?? null);
  const loading = computed(() => activePane.value?.loading ?? false);
  const error = computed(() => activePane.value?.error ?? null);
  const focusOffset = computed(() => activePane.value?.focusOffset ?? null);

  function pane(id: string): Pane | undefined {
    return panes.value.find((p) => p.id === id);
  }

  function paneLabel(p: Pane): string {
    const index = panes.value.indexOf(p) + 1;
    return `Pane ${index}: ${p.content?.document.title ?? (p.loading ? 'opening…' : 'not available')}`;
  }

  function createPane(docId: string): Pane {
    return {
      id: `pane-${++paneCounter}`,
      docId,
      content: null,
      claims: null,
      loading: true,
      error: null,
      claimsError: null,
      activeClaimId: null,
      focusOffset: null,
      revealSeq: 0,
      size: 1,
      sidePanel: 'claims',
      filter: emptyFilter(),
      relatedFrom: null,
      focusEnd: null,
      panelShare: PANEL_SHARE.initial,
      panelWidth: PANEL_WIDTH.initial,
      panelCollapsed: false,
      editingClaimId: null,
    };
  }

  async function load(p: Pane, offset: number | null, end: number | null = null): Promise<void> {
    const docId = p.docId;
    const api = useApi();
    // Panes are reactive proxies; look the pane up again after each await in case it was closed or reused.
    const current = () => {
      const found = pane(p.id);
      return found && found.docId === docId ? found : null;
    };
    try {
      const content = await api.library.get({ id: docId });
      const target = current();
      if (!target) return;
      // Content and claim sets are replaced whole, never changed in place: raw objects spare Vue from
      // wrapping a megabyte of text and thousands of claims in reactive proxies.
      target.content = markRaw(content);
      target.loading = false;
      if (offset !== null) reveal(target.id, offset, end);
    } catch (e) {
      const target = current();
      if (!target) return;
      target.error = errorMessage(e);
      target.loading = false;
      return;
    }
    void useNotesStore().loadForDoc(docId);
    await reloadClaims(p.id);
  }

  async function reloadClaims(paneId: string): Promise<void> {
    const p = pane(paneId);
    if (!p) return;
    const docId = p.docId;
    try {
      const set = await useApi().claims.list({ id: docId });
      const target = pane(paneId);
      if (!target || target.docId !== docId) return;
      target.claims = markRaw(set);
      target.claimsError = null;
    } catch (e) {
      const target = pane(paneId);
      if (target && target.docId === docId) target.claimsError = errorMessage(e);
    }
  }

  /** Shows `docId` in a pane: the given one, else the active one, else a new first pane. */
  async function openInPane(docId: string, options: { paneId?: string; offset?: number | null; end?: number | null } = {}): Promise<void> {
    const offset = options.offset ?? null;
    const end = options.end ?? null;
    const targetId = options.paneId ?? activePane.value?.id;
    const existing = targetId ? pane(targetId) : undefined;
    if (existing && existing.docId === docId && !existing.error) {
      activePaneId.value = existing.id;
      if (offset !== null) reveal(existing.id, offset, end);
      return;
    }
    const fresh = createPane(docId);
    if (existing) {
      fresh.size = existing.size;
      fresh.sidePanel = existing.sidePanel;
      panes.value.splice(panes.value.indexOf(existing), 1, fresh);
    } else {
      panes.value.push(fresh);
    }
    activePaneId.value = fresh.id;
    await load(fresh, offset, end);
  }

  /**
   * Opens `docId` in a new pane beside the active one. With four open, the last pane other than the
   * active one makes room: the message names it, and Undo (or Back) brings the layout back.
   */
  async function openBeside(docId: string, offset: number | null = null): Promise<void> {
    if (!panes.value.length) return openInPane(docId, { offset });
    if (panes.value.length >= MAX_PANES) {
      const victim = [...panes.value].reverse().find((p) => p.id !== activePane.value?.id) ?? panes.value[panes.value.length - 1];
      const number = panes.value.indexOf(victim) + 1;
      const title = victim.content?.document.title ?? 'a document';
      rememberLayout('Open beside');
      useUiStore().notify(`${MAX_PANES} documents fit side by side, so pane ${number}, “${title}”, closed to make room.`, {
        action: { label: 'Undo', run: async () => void (await back()) },
        timeout: 10_000,
      });
      return openInPane(docId, { paneId: victim.id, offset });
    }
    const fresh = createPane(docId);
    const at = activePane.value ? panes.value.indexOf(activePane.value) + 1 : panes.value.length;
    panes.value.splice(at, 0, fresh);
    activePaneId.value = fresh.id;
    await load(fresh, offset);
  }

  /** Keeps the current layout so Back can bring it back; `reason` says what is about to replace it. */
  function rememberLayout(reason: string): void {
    if (!panes.value.length) return;
    const active = activePane.value ? panes.value.indexOf(activePane.value) : 0;
    history.value.push({
      reason,
      active,
      panes: panes.value.map((p) => ({
        docId: p.docId,
        title: p.content?.document.title ?? '',
        size: p.size,
        sidePanel: p.sidePanel,
        filter: { ...p.filter },
        activeClaimId: p.activeClaimId,
        panelShare: p.panelShare,
        panelWidth: p.panelWidth,
        panelCollapsed: p.panelCollapsed,
      })),
    });
    if (history.value.length > MAX_HISTORY) history.value.splice(0, history.value.length - MAX_HISTORY);
  }

  /** Brings back the layout before the last one Compare or a fifth document replaced; false when there is none. */
  async function back(): Promise<boolean> {
    const snapshot = history.value.pop();
    if (!snapshot) return false;
    // Panes already showing a document keep their text, claims and scroll; the others load again.
    const spare = [...panes.value];
    const next = snapshot.panes.map((saved) => {
      const index = spare.findIndex((p) => p.docId === saved.docId && !p.error);
      const pane = index >= 0 ? spare.splice(index, 1)[0] : createPane(saved.docId);
      Object.assign(pane, {
        size: saved.size,
        sidePanel: saved.sidePanel,
        filter: { ...saved.filter },
        activeClaimId: saved.activeClaimId,
        panelShare: saved.panelShare,
        panelWidth: saved.panelWidth,
        panelCollapsed: saved.panelCollapsed,
        relatedFrom: null,
      });
      return pane;
    });
    panes.value = next;
    activePaneId.value = next[Math.min(snapshot.active, next.length - 1)]?.id ?? null;
    await Promise.all(next.filter((p) => !p.content && p.loading).map((p) => load(p, null)));
    return true;
  }

  /**
   * Shows passages side by side beside the panes the user has (Compare's conflicting figures): a pane
   * already showing a document is reused; the others open beside, and when four are open the panes not
   * needed make room. The layout before is kept for Back, and the message says which panes closed.
   */
  async function showPassages(targets: Array<{ docId: string; offset: number; claimId?: string | null }>, reason: string): Promise<void> {
    const wanted = targets.slice(0, MAX_PANES);
    if (!wanted.length) return;
    rememberLayout(reason);
    const keep = new Set(wanted.map((t) => t.docId));
    const closed: string[] = [];
    for (const target of wanted) {
      if (panes.value.some((p) => p.docId === target.docId && !p.error)) continue;
      if (panes.value.length >= MAX_PANES) {
        const victim = [...panes.value].reverse().find((p) => !keep.has(p.docId));
        if (!victim) break;
        closed.push(victim.content?.document.title ?? 'a document');
        closePane(victim.id);
      }
      const fresh = createPane(target.docId);
      panes.value.push(fresh);
      activePaneId.value = fresh.id;
      await load(fresh, null);
    }
    for (const target of wanted) {
      const p = panes.value.find((candidate) => candidate.docId === target.docId && !candidate.error);
      if (!p) continue;
      if (target.claimId && findClaim(p.id, target.claimId)) selectClaim(p.id, target.claimId);
      else reveal(p.id, target.offset);
    }
    const first = panes.value.find((p) => p.docId === wanted[0].docId);
    if (first) activePaneId.value = first.id;
    if (closed.length) {
      useUiStore().notify(`To fit beside your documents, ${closed.map((t) => `“${t}”`).join(' and ')} closed. Back brings your panes back.`, {
        action: { label: 'Back', run: async () => void (await back()) },
        timeout: 10_000,
      });
    }
  }

  /**
   * Opens a document for callers that think in one document (library rows, search hits): a pane that
   * already shows it comes forward and scrolls to `offset`; otherwise the active pane shows it.
   */
  async function open(docId: string, offset: number | null = null, end: number | null = null): Promise<void> {
    const showing = panes.value.find((p) => p.docId === docId && !p.error);
    if (showing) {
      activePaneId.value = showing.id;
      if (offset !== null) reveal(showing.id, offset, end);
      return;
    }
    await openInPane(docId, { offset, end });
  }

  function closePane(paneId: string): void {
    const index = panes.value.findIndex((p) => p.id === paneId);
    if (index < 0) return;
    panes.value.splice(index, 1);
    if (activePaneId.value === paneId) activePaneId.value = panes.value[Math.min(index, panes.value.length - 1)]?.id ?? null;
  }

  function close(): void {
    panes.value = [];
    activePaneId.value = null;
  }

  function focusPane(paneId: string): void {
    if (pane(paneId)) activePaneId.value = paneId;
  }

  /** Moves to the next (+1) or previous (-1) pane, wrapping around. */
  function cyclePane(direction: 1 | -1): void {
    if (!panes.value.length) return;
    const index = activePane.value ? panes.value.indexOf(activePane.value) : 0;
    activePaneId.value = panes.value[(index + direction + panes.value.length) % panes.value.length].id;
  }

  /** Scrolls a pane to `offset` and flashes what is there; with `end`, the whole passage up to it. */
  function reveal(paneId: string, offset: number, end: number | null = null): void {
    const p = pane(paneId);
    if (!p) return;
    p.focusOffset = offset;
    p.focusEnd = end;
    p.revealSeq++;
  }

  function visibleClaims(paneId: string): Claim[] {
    const p = pane(paneId);
    if (!p?.claims) return [];
    return p.claims.claims.filter((c) => claimMatchesFilter(c, p.filter));
  }

  function findClaim(paneId: string, claimId: string | null): Claim | null {
    if (!claimId) return null;
    return pane(paneId)?.claims?.claims.find((c) => c.id === claimId) ?? null;
  }

  /** Makes a claim the pane's active one and scrolls to its passage. */
  function selectClaim(paneId: string, claimId: string, options: { reveal?: boolean } = {}): void {
    const p = pane(paneId);
    const claim = findClaim(paneId, claimId);
    if (!p || !claim) return;
    activePaneId.value = paneId;
    p.activeClaimId = claimId;
    p.relatedFrom = null;
    if (options.reveal !== false) reveal(paneId, claim.start);
  }

  /** Steps to the next (+1) or previous (-1) claim in document order among those the filter shows. */
  function stepClaim(direction: 1 | -1, paneId = activePane.value?.id): Claim | null {
    if (!paneId) return null;
    const p = pane(paneId);
    const list = visibleClaims(paneId);
    if (!p || !list.length) return null;
    const current = findClaim(paneId, p.activeClaimId);
    let next: Claim | undefined;
    if (!current) next = direction === 1 ? list[0] : list[list.length - 1];
    else if (direction === 1) next = list.find((c) => c.start > current.start || (c.start === current.start && c.id > current.id)) ?? list[0];
    else next = [...list].reverse().find((c) => c.start < current.start || (c.start === current.start && c.id < current.id)) ?? list[list.length - 1];
    selectClaim(paneId, next.id);
    return next;
  }

  /** The most similar claim in any other pane, or null; says why it matched. */
  function relatedTo(paneId: string, claimId: string): (RelatedMatch & { paneId: string }) | null {
    const claim = findClaim(paneId, claimId);
    if (!claim) return null;
    let best: (RelatedMatch & { paneId: string }) | null = null;
    for (const other of panes.value) {
      if (other.id === paneId || !other.claims) continue;
      const top = rankRelated(claim, other.claims.claims)[0];
      if (top && (!best || top.score > best.score)) best = { ...top, paneId: other.id };
    }
    return best;
  }

  /** Jumps from a claim to the most similar claim in another pane; reports when there is none. */
  function jumpToRelated(paneId: string, claimId: string): boolean {
    const ui = useUiStore();
    const claim = findClaim(paneId, claimId);
    if (!claim) return false;
    if (panes.value.length < 2) {
      ui.notify('Open another document beside this one (Open beside in the Library) to compare its claims.');
      return false;
    }
    const match = relatedTo(paneId, claimId);
    if (!match) {
      ui.notify('No claim in the other open documents is close enough to this one.');
      return false;
    }
    const target = pane(match.paneId)!;
    // The related claim may be hidden by the target pane's filters; clear them so it shows in its list.
    if (!claimMatchesFilter(match.claim, target.filter)) target.filter = emptyFilter();
    if (target.sidePanel !== 'notes') target.sidePanel = 'claims';
    selectClaim(match.paneId, match.claim.id);
    target.relatedFrom = { paneId, claimText: claim.text, reasons: match.reasons };
    return true;
  }

  function dismissRelated(paneId: string): void {
    const p = pane(paneId);
    if (p) p.relatedFrom = null;
  }

  function replaceClaim(docId: string, updated: Claim, previousId: string): void {
    for (const p of panes.value) {
      if (p.docId !== docId || !p.claims) continue;
      const list = p.claims.claims.map((c) => (c.id === previousId ? updated : c));
      p.claims = markRaw({ ...p.claims, claims: list });
      if (p.activeClaimId === previousId) p.activeClaimId = updated.id;
    }
  }

  /** Accepts, rejects or corrects a claim; every pane showing the document sees the result. */
  async function reviewClaim(paneId: string, claimId: string, change: { status?: ReviewStatus; edits?: ClaimEdits }): Promise<Claim | null> {
    const p = pane(paneId);
    if (!p) return null;
    try {
      const updated = await useApi().claims.review({ docId: p.docId, claimId, status: change.status, edits: change.edits });
      replaceClaim(p.docId, updated, claimId);
      return updated;
    } catch (e) {
      useUiStore().notify(`Could not save the review: ${errorMessage(e)}`, { kind: 'error' });
      return null;
    }
  }

  /** Undoes the corrections made to a claim: it reads again as the engine extracted it. */
  async function revertClaim(paneId: string, claimId: string): Promise<Claim | null> {
    const p = pane(paneId);
    if (!p) return null;
    try {
      const reverted = await useApi().claims.revert({ docId: p.docId, claimId });
      replaceClaim(p.docId, reverted, claimId);
      useUiStore().notify(reverted.review?.added ? 'Back to the engine’s reading of the passage.' : 'Back to the claim as the engine extracted it.', { kind: 'success' });
      return reverted;
    } catch (e) {
      useUiStore().notify(`Could not revert the claim: ${errorMessage(e)}`, { kind: 'error' });
      return null;
    }
  }

  /** Opens (or, with null, closes) a claim's editor in the pane's claims panel. */
  function editClaim(paneId: string, claimId: string | null): void {
    const p = pane(paneId);
    if (p) p.editingClaimId = claimId;
  }

  /**
   * Adds a claim the engine missed from a passage the user selected, read by the engine for its speaker,
   * figures and certainty; it becomes the active claim with its editor open, so the reading is confirmed.
   */
  async function addClaim(paneId: string, start: number, end: number, edits?: ClaimEdits): Promise<Claim | null> {
    const p = pane(paneId);
    if (!p) return null;
    const docId = p.docId;
    try {
      const added = await useApi().claims.add({ docId, start, end, edits });
      // The merged list puts the new claim in document order and resolves any overlap the same way the host does.
      for (const other of panes.value) if (other.docId === docId) await reloadClaims(other.id);
      const target = pane(paneId);
      if (target) {
        target.filter = emptyFilter();
        setSidePanel(paneId, 'claims');
        selectClaim(paneId, added.id, { reveal: false });
        target.editingClaimId = added.id;
      }
      const source = added.attribution?.source;
      useUiStore().notify(source ? `Claim added, attributed to ${source} as the claims engine reads it: check it in the editor.` : 'Claim added: the claims engine found no one it is attributed to; check it in the editor.', { kind: 'success' });
      return added;
    } catch (e) {
      useUiStore().notify(`Could not add the claim: ${errorMessage(e)}`, { kind: 'error' });
      return null;
    }
  }

  /** Shows the claims or notes panel (expanded), or hides the panel with null. */
  function setSidePanel(paneId: string, panel: SidePanel | null): void {
    const p = pane(paneId);
    if (!p) return;
    p.sidePanel = panel;
    if (panel) p.panelCollapsed = false;
  }

  /** Moves `fraction` of the reader's width from the pane right of the divider to the one left of it. */
  function resizeAt(dividerIndex: number, fraction: number): void {
    const left = panes.value[dividerIndex];
    const right = panes.value[dividerIndex + 1];
    if (!left || !right) return;
    const total = panes.value.reduce((sum, p) => sum + p.size, 0);
    const minimum = total * 0.15;
    const pair = left.size + right.size;
    const nextLeft = Math.min(pair - minimum, Math.max(minimum, left.size + fraction * total));
    left.size = nextLeft;
    right.size = pair - nextLeft;
  }

  function equalizeSizes(): void {
    for (const p of panes.value) p.size = 1;
  }

  /** Sets the side panel's share of the pane's height (stacked) or its width in pixels (beside the text). */
  function resizePanel(paneId: string, change: { share?: number; width?: number }): void {
    const p = pane(paneId);
    if (!p) return;
    if (change.share !== undefined) p.panelShare = Math.min(PANEL_SHARE.max, Math.max(PANEL_SHARE.min, change.share));
    if (change.width !== undefined) p.panelWidth = Math.min(PANEL_WIDTH.max, Math.max(PANEL_WIDTH.min, Math.round(change.width)));
    p.panelCollapsed = false;
  }

  function setPanelCollapsed(paneId: string, collapsed: boolean): void {
    const p = pane(paneId);
    if (p) p.panelCollapsed = collapsed;
  }

  function setTintMode(mode: TintMode): void {
    tintMode.value = mode;
  }

  function toggleSyncScroll(): void {
    syncScroll.value = !syncScroll.value;
  }

  // The open documents survive a reload of the window (not of the library: ids that vanished are dropped).
  watch(
    [() => panes.value.map((p) => p.docId), activePaneId, syncScroll, tintMode],
    () => {
      const active = activePane.value ? panes.value.indexOf(activePane.value) : 0;
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify({ docIds: panes.value.map((p) => p.docId), active, syncScroll: syncScroll.value, tintMode: tintMode.value }));
      } catch {
        /* storage full or disabled: the layout is a convenience */
      }
    },
  );

  async function restore(existingIds: ReadonlySet<string>): Promise<void> {
    if (panes.value.length) return;
    const saved = readSaved();
    if (!saved || !Array.isArray(saved.docIds)) return;
    const ids = saved.docIds.filter((id): id is string => typeof id === 'string' && existingIds.has(id)).slice(0, MAX_PANES);
    syncScroll.value = saved.syncScroll === true;
    const fresh = ids.map(createPane);
    panes.value = fresh;
    const active = typeof saved.active === 'number' ? saved.active : 0;
    activePaneId.value = fresh[Math.min(Math.max(0, active), fresh.length - 1)]?.id ?? null;
    await Promise.all(fresh.map((p) => load(p, null)));
  }

  return {
    panes,
    activePaneId,
    activePane,
    syncScroll,
    tintMode,
    history,
    documentId,
    content,
    claims,
    loading,
    error,
    focusOffset,
    pane,
    paneLabel,
    open,
    openInPane,
    openBeside,
    closePane,
    close,
    focusPane,
    cyclePane,
    reveal,
    visibleClaims,
    findClaim,
    selectClaim,
    stepClaim,
    relatedTo,
    jumpToRelated,
    dismissRelated,
    reviewClaim,
    revertClaim,
    editClaim,
    addClaim,
    reloadClaims,
    setSidePanel,
    resizeAt,
    equalizeSizes,
    resizePanel,
    setPanelCollapsed,
    setTintMode,
    back,
    showPassages,
    toggleSyncScroll,
    restore,
  };
});
