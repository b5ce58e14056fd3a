// Dragging documents from the library onto the reader: one private data type, so file drops (imports)
// and document drops (open) never get confused.
export const DOC_DRAG_TYPE = 'application/x-dossier-doc';

/** Several selected rows dragged together (onto a collection); the first also opens in the reader. */
export const DOCS_DRAG_TYPE = 'application/x-dossier-docs';

export function startDocDrag(event: DragEvent, docId: string, title: string, all: string[] = [docId]): void {
  if (!event.dataTransfer) return;
  event.dataTransfer.setData(DOC_DRAG_TYPE, docId);
  event.dataTransfer.setData(DOCS_DRAG_TYPE, JSON.stringify(all.includes(docId) ? all : [docId]));
  event.dataTransfer.setData('text/plain', title);
  event.dataTransfer.effectAllowed = 'copy';
}

export function isDocDrag(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes(DOC_DRAG_TYPE);
}

/** The document id a drop carries, or null when it is not a library row. */
export function draggedDocId(event: DragEvent): string | null {
  return event.dataTransfer?.getData(DOC_DRAG_TYPE) || null;
}

/** Every document id a drop carries (a multi-row drag), or the single one. */
export function draggedDocIds(event: DragEvent): string[] {
  const many = event.dataTransfer?.getData(DOCS_DRAG_TYPE);
  if (many) {
    try {
      const ids = JSON.parse(many) as unknown;
      if (Array.isArray(ids) && ids.every((id) => typeof id === 'string')) return ids;
    } catch {
      /* fall back to the single id */
    }
  }
  const one = draggedDocId(event);
  return one ? [one] : [];
}
