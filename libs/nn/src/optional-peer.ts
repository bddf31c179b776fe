// Loading an optional peer dependency of an engine (tfjs): production images do not carry it, so its
// absence is the user's to fix and the error says how, instead of Node's bare MODULE_NOT_FOUND.

/** An engine was asked for whose package is not installed. */
export class EngineUnavailableError extends Error {
  /** The engine asked for, e.g. "tfjs". */
  readonly engine: string;

  constructor(engine: string, specifier: string, install: string) {
    super(`engine "${engine}" needs ${specifier}, which is not installed: ${install} (the native and js engines need nothing extra)`);
    this.name = 'EngineUnavailableError';
    this.engine = engine;
  }
}

/** True when err says that `specifier` itself (not one of its own imports) could not be found. */
function isMissing(err: unknown, specifier: string): boolean {
  const e = err as { code?: string; message?: string };
  if (e?.code !== 'MODULE_NOT_FOUND' && e?.code !== 'ERR_MODULE_NOT_FOUND') return false;
  return (e.message ?? '').includes(`'${specifier}'`) || (e.message ?? '').includes(`"${specifier}"`);
}

/**
 * Imports an engine's optional peer; when it is absent throws EngineUnavailableError naming the
 * engine and the install command. Other failures (a broken install) are rethrown as they are.
 */
export async function importEnginePeer<T>(load: () => Promise<T>, engine: string, specifier: string, install: string): Promise<T> {
  try {
    return await load();
  } catch (err) {
    if (isMissing(err, specifier)) throw new EngineUnavailableError(engine, specifier, install);
    throw err;
  }
}
