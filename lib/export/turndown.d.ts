// Minimal types for the two Markdown libraries (neither ships its own); only what lib/export/markdown.ts uses.
declare module 'turndown' {
  interface Options {
    headingStyle?: 'setext' | 'atx';
    codeBlockStyle?: 'indented' | 'fenced';
    bulletListMarker?: '-' | '+' | '*';
    emDelimiter?: '_' | '*';
  }
  export default class TurndownService {
    constructor(options?: Options);
    use(plugin: (service: TurndownService) => void): this;
    turndown(html: string | Node): string;
    escape(text: string): string;
  }
}
declare module '@joplin/turndown-plugin-gfm' {
  import type TurndownService from 'turndown';
  export function gfm(service: TurndownService): void;
}
