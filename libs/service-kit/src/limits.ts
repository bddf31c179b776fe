// Size caps on what a caller controls, shared by every service: each cap has a default and a
// setting (an environment variable read when the service starts), and a request beyond it is
// refused with INVALID_ARGUMENT naming the cap and its setting. Bad values are quoted back clipped,
// so a 60 MB id cannot become a 60 MB error message (or a gRPC trailer that fails to send).
import { envInt } from './config';
import { InvalidArgumentError } from '@rlprune/errors';
import { show } from '@rlprune/errors';

/** Longest id (experiment id, artifact id, name) a request may carry (RLPRUNE_MAX_ID_CHARS). */
export const DEFAULT_MAX_ID_CHARS = 256;

/** A cap read once from the environment: its default, the variable that changes it, what it limits. */
export interface Cap {
  readonly limit: number;
  readonly setting: string;
  /** What is counted, e.g. "rows per Perturb batch". */
  readonly what: string;
}

export function readCap(setting: string, fallback: number, what: string, env: NodeJS.ProcessEnv = process.env): Cap {
  return { limit: envInt(setting, fallback, env), setting, what };
}

/** Throws INVALID_ARGUMENT naming `field`, the cap and its setting when `actual` exceeds it. */
export function enforceCap(cap: Cap, actual: number, field: string, detail = ''): void {
  if (actual > cap.limit) {
    throw new InvalidArgumentError(
      field, `${actual} ${cap.what}${detail ? ` (${detail})` : ''} is over the limit of ${cap.limit} (set ${cap.setting} to change it)`,
    );
  }
}

/** An id of at most the id cap's length; a longer one is refused without echoing it. */
export function requireIdLength(id: string, field: string, cap: Cap): string {
  if (id.length > cap.limit) {
    throw new InvalidArgumentError(field, `is ${id.length} characters long, over the limit of ${cap.limit} (${cap.setting}); starts ${show(id.slice(0, 20))}`);
  }
  return id;
}
