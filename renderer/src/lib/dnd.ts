// Dragging documents from the library onto the reader: one private data type, so file drops (imports)
// and document drops (open) never get confused.
export const DOC_DRAG_TYPE = 'application/x-dossier-doc';

export function startDocDrag(event: DragEvent, docId: string, title: string): void {
  if (!event.dataTransfer) return;
  event.dataTransfer.setData(DOC_DRAG_TYPE, docId);
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
