// Reader state: the open document, its text and its extracted claims.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ClaimSet } from '../../../shared/types/claims';
import type { DocumentContent } from '../../../shared/types/library';
import { errorMessage, useApi } from '../api';

export const useReaderStore = defineStore('reader', () => {
  const documentId = ref<string | null>(null);
  const content = ref<DocumentContent | null>(null);
  const claims = ref<ClaimSet | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const claimsError = ref<string | null>(null);
  /** A text offset the reader should scroll to once the document shows (from search, a claim link). */
  const focusOffset = ref<number | null>(null);

  async function open(id: string, offset: number | null = null): Promise<void> {
    documentId.value = id;
    focusOffset.value = offset;
    loading.value = true;
    error.value = null;
    claims.value = null;
    claimsError.value = null;
    try {
      content.value = await useApi().library.get({ id });
    } catch (e) {
      content.value = null;
      error.value = errorMessage(e);
      return;
    } finally {
      loading.value = false;
    }
    try {
      claims.value = await useApi().claims.list({ id });
    } catch (e) {
      claimsError.value = errorMessage(e);
    }
  }

  function close(): void {
    documentId.value = null;
    content.value = null;
    claims.value = null;
  }

  return { documentId, content, claims, loading, error, claimsError, focusOffset, open, close };
});
