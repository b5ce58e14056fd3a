// Anchors that survive re-extraction and small edits: the W3C Web Annotation idea of a quote with
// its surrounding context (TextQuoteSelector) plus a position hint (TextPositionSelector).

export interface TextQuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  start: number;
  end: number;
}

export interface TextAnchor {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}
