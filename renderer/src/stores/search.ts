// Full-text search state: the query, filters and ranked hits with highlighted snippets. Filters without
// words list the documents they keep.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { DocumentFormat } from '../../../shared/types/ingest';
import type { SearchResult } from '../../../shared/types/search';
import { errorMessage, useApi } from '../api';

export const useSearchStore = defineStore('search', () => {
  const query = ref('');
  const formats = ref<DocumentFormat[]>([]);
  const outlet = ref('');
  const tag = ref('');
  /** A collection id, or '' for any. */
  const collection = ref('');
  const from = ref('');
  const to = ref('');
  const result = ref<SearchResult | null>(null);
  const searching = ref(false);
  const error = ref<string | null>(null);
  let generation = 0;

  /** How many filters are set, shown on the Filters button so a hidden filter is never forgotten. */
  const filterCount = computed(() => [formats.value.length, outlet.value.trim(), tag.value.trim(), collection.value, from.value, to.value].filter(Boolean).length);
  const filtered = computed(() => filterCount.value > 0);
  /** A search is under way when there are words to find or a filter to apply. */
  const active = computed(() => !!query.value.trim() || filtered.value);

  async function run(): Promise<void> {
    const q = query.value.trim();
    const mine = ++generation;
    if (!q && !filtered.value) {
      result.value = null;
      error.value = null;
      return;
    }
    searching.value = true;
    try {
      const next = await useApi().search.query({
        query: q,
        formats: formats.value.length ? formats.value : undefined,
        outlet: outlet.value.trim() || undefined,
        tags: tag.value.trim() ? [tag.value.trim()] : undefined,
        collection: collection.value || undefined,
        from: from.value || undefined,
        to: to.value || undefined,
        limit: 50,
      });
      // A slower, older query must not overwrite a newer one's results.
      if (mine === generation) {
        result.value = next;
        error.value = null;
      }
    } catch (e) {
      if (mine === generation) error.value = errorMessage(e);
    } finally {
      if (mine === generation) searching.value = false;
    }
  }

  function clear(): void {
    query.value = '';
    void run();
  }

  function clearFilters(): void {
    formats.value = [];
    outlet.value = '';
    tag.value = '';
    collection.value = '';
    from.value = '';
    to.value = '';
    void run();
  }

  return { query, formats, outlet, tag, collection, from, to, result, searching, error, filterCount, filtered, active, run, clear, clearFilters };
});
