// Types for the parts of Citation.js the sources service uses (the packages ship none).
declare module '@citation-js/core' {
  export interface CslItem {
    id: string;
    type: string;
    [field: string]: unknown;
  }
  export const plugins: { input: { chain(data: unknown, options?: Record<string, unknown>): unknown } };
  export class Cite {
    constructor(data: CslItem[] | string, options?: { forceType?: string });
    data: CslItem[];
    format(format: 'bibtex' | 'ris' | 'data', options?: Record<string, unknown>): string;
    format(format: 'bibliography', options: { format: 'html' | 'text'; template: string; lang: string; asEntryArray: true }): Array<[string, string]>;
    format(format: 'bibliography' | 'citation', options: { format: 'html' | 'text'; template: string; lang: string }): string;
  }
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/name' {
  export function parse(name: string): { given?: string; family?: string; literal?: string; 'non-dropping-particle'?: string; suffix?: string };
}
