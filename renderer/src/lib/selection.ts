// Maps a DOM selection in the reader back to offsets in the document text. Every rendered text segment
// is an element with `data-start` holding exactly its slice of the text, so no text counting is guessed.

/** The segment element a text node belongs to, if it is one of the document's segments. */
function segmentOf(node: Node, root: Node): HTMLElement | null {
  const parent = node.parentElement;
  if (!parent || !root.contains(parent)) return null;
  return parent.hasAttribute('data-start') ? parent : null;
}

function offsetInSegment(segment: HTMLElement, textNode: Node, offset: number): number {
  let before = 0;
  for (const child of Array.from(segment.childNodes)) {
    if (child === textNode) break;
    before += child.textContent?.length ?? 0;
  }
  return Number(segment.dataset.start) + before + offset;
}

/**
 * The text offset of a DOM boundary point (node, offset) inside `root`. Points that fall outside a
 * segment (on a block element, between paragraphs, in the title) move to the nearest segment text in
 * `direction`: forward for a range's start, backward for its end.
 */
export function textOffsetAt(root: Node, node: Node, offset: number, direction: 'forward' | 'backward'): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const segment = segmentOf(node, root);
    if (segment) return offsetInSegment(segment, node, offset);
  }
  const document = root.ownerDocument ?? (root as Document);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  if (node.nodeType === Node.TEXT_NODE) {
    walker.currentNode = node;
  } else if (direction === 'forward') {
    // The point sits before childNodes[offset]: start from the last text before it, then step forward.
    const child = node.childNodes[offset] ?? null;
    walker.currentNode = child ?? node;
    if (child) {
      if (child.nodeType === Node.TEXT_NODE) {
        const segment = segmentOf(child, root);
        if (segment) return offsetInSegment(segment, child, 0);
      }
      const first = firstTextIn(document, child);
      if (first) {
        const segment = segmentOf(first, root);
        if (segment) return offsetInSegment(segment, first, 0);
        walker.currentNode = first;
      }
    } else {
      const last = lastTextIn(document, node);
      if (last) walker.currentNode = last;
    }
  } else {
    const child = offset > 0 ? node.childNodes[offset - 1] : null;
    if (child) {
      const last = child.nodeType === Node.TEXT_NODE ? child : lastTextIn(document, child);
      if (last) {
        const segment = segmentOf(last, root);
        if (segment) return offsetInSegment(segment, last, last.textContent?.length ?? 0);
        walker.currentNode = last;
      } else walker.currentNode = child;
    } else walker.currentNode = node;
  }
  for (let next = direction === 'forward' ? walker.nextNode() : walker.previousNode(); next; next = direction === 'forward' ? walker.nextNode() : walker.previousNode()) {
    const segment = segmentOf(next, root);
    if (segment) return offsetInSegment(segment, next, direction === 'forward' ? 0 : (next.textContent?.length ?? 0));
  }
  return null;
}

function firstTextIn(document: Document, node: Node): Node | null {
  if (node.nodeType === Node.TEXT_NODE) return node;
  return document.createTreeWalker(node, NodeFilter.SHOW_TEXT).nextNode();
}

function lastTextIn(document: Document, node: Node): Node | null {
  if (node.nodeType === Node.TEXT_NODE) return node;
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  let last: Node | null = null;
  for (let next = walker.nextNode(); next; next = walker.nextNode()) last = next;
  return last;
}

/** The [start, end) text offsets a selection covers within `root`, or null when it is empty or elsewhere. */
export function selectionOffsets(root: HTMLElement, selection: Selection | null): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) && !root.contains(range.endContainer)) return null;
  const startNode = root.contains(range.startContainer) ? range.startContainer : root;
  const startOffset = root.contains(range.startContainer) ? range.startOffset : 0;
  const endNode = root.contains(range.endContainer) ? range.endContainer : root;
  const endOffset = root.contains(range.endContainer) ? range.endOffset : root.childNodes.length;
  const start = textOffsetAt(root, startNode, startOffset, 'forward');
  const end = textOffsetAt(root, endNode, endOffset, 'backward');
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}
