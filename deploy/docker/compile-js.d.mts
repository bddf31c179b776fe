// Types of compile-js.mjs (plain JavaScript, so the image's build stage runs it without tsx).
/** Compiles every workspace's src/ TypeScript to CommonJS beside it and points each package's main at the .js. */
export function compileWorkspace(root: string, options?: { dropTs?: boolean }): Promise<{ packages: string[]; files: string[] }>;
