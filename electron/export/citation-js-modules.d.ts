// Types for the parts of citation-js (and the CSL style packages) Cuttings uses: the packages
// ship none. Only what is called is declared, so a call outside it is a type error to look at.
declare module '@citation-js/core' {
  export interface OutputOptions {
    format?: 'text' | 'html' | 'object' | 'string';
    template?: string;
    style?: string;
    lang?: string;
    [key: string]: unknown;
  }
  export class Cite {
    constructor(data?: unknown, options?: Record<string, unknown>);
    data: Record<string, unknown>[];
    format(name: string, options?: OutputOptions): string | unknown;
    static async(data: unknown, options?: Record<string, unknown>): Promise<Cite>;
  }
  interface Register<T> {
    add(name: string, value: T): void;
    has(name: string): boolean;
    get(name: string): T;
  }
  export const plugins: {
    config: { get(name: '@csl'): { styles: Register<unknown>; locales: Register<unknown> } };
    input: { chainLink(data: unknown, options?: Record<string, unknown>): unknown };
  };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/name' {
  export function parse(name: string): Record<string, string | undefined>;
}
