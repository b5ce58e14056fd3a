// Comparison state: which documents are compared, the figure groups and corroborations, and
// navigation from a group member to its passage beside the member it conflicts with.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { CompareGroup, CompareMember, CompareResult } from '../../../shared/types/compare';
import { isDisputed } from '../../../shared/compare/disputed';
import { errorMessage, useApi } from '../api';
import { useReaderStore } from './reader';
import { useUiStore } from './ui';

export const useCompareStore = defineStore('compare', () => {
  const selected = ref<string[]>([]);
  const result = shallowRef<CompareResult | null>(null);
  const comparedIds = ref<string[]>([]);
  const running = ref(false);
  const error = ref<string | null>(null);

  const disputed = computed(() => result.value?.groups.filter((g) => isDisputed(g.verdict)) ?? []);

  function toggle(docId: string): void {
    selected.value = selected.value.includes(docId) ? selected.value.filter((id) => id !== docId) : [...selected.value, docId];
  }

  async function run(docIds: string[] = selected.value): Promise<void> {
    if (!docIds.length) return;
    running.value = true;
    error.value = null;
    try {
      result.value = await useApi().compare.run({ docIds });
      comparedIds.value = [...docIds];
      selected.value = [...docIds];
    } catch (e) {
      error.value = errorMessage(e);
    } finally {
      running.value = false;
    }
  }

  /** The member a given member most directly conflicts with, if any. */
  function counterpart(group: CompareGroup, index: number): CompareMember | null {
    const pair = group.conflicts.find((c) => c.a === index || c.b === index);
    if (!pair) return null;
    return group.members[pair.a === index ? pair.b : pair.a];
  }

  /**
   * Opens a member's passage in the reader, beside the member it conflicts with when there is one, and
   * beside the documents the user already has open (Back in the reader brings the earlier layout back).
   */
  async function openMember(group: CompareGroup, index: number): Promise<void> {
    const reader = useReaderStore();
    const member = group.members[index];
    const other = counterpart(group, index);
    if (!member.docId) return;
    useUiStore().view = 'reader';
    const targets = [{ docId: member.docId, offset: member.start, claimId: member.claimId }];
    if (other?.docId && other.docId !== member.docId) targets.push({ docId: other.docId, offset: other.start, claimId: other.claimId });
    await reader.showPassages(targets, `Compare: ${group.label}`);
  }

  return { selected, result, comparedIds, running, error, disputed, toggle, run, counterpart, openMember };
});
