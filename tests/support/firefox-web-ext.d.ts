// web-ext 10 ships no type declarations; this types the one call the Firefox test makes.
declare module 'web-ext' {
  export interface LintMessage {
    code: string;
    message: string;
    description?: string;
    file?: string;
    line?: number;
  }
  export interface LintResult {
    count: number;
    summary: { errors: number; notices: number; warnings: number };
    metadata: { name?: string; manifestVersion?: number; id?: string | null };
    errors: LintMessage[];
    warnings: LintMessage[];
    notices: LintMessage[];
  }
  export interface LintParams {
    sourceDir: string;
    /** 'none' keeps the linter from printing its report; the result is returned either way. */
    output?: 'text' | 'json' | 'none';
    boring?: boolean;
    pretty?: boolean;
    selfHosted?: boolean;
    privileged?: boolean;
    warningsAsErrors?: boolean;
    ignoreFiles?: string[];
  }
  const webExt: {
    cmd: {
      lint(params: LintParams, options?: { shouldExitProgram?: boolean }): Promise<LintResult>;
    };
  };
  export default webExt;
}
