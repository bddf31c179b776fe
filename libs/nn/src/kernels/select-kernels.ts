// Picks the kernel set once per process: RLPRUNE_KERNELS=native|js forces one, otherwise native when
// the addon loads and js when it does not. The choice is written to stderr once.
import { InvalidArgumentError } from '@rlprune/errors';
import { jsKernels } from './js-kernels';
import type { Kernels, KernelsName } from './kernels';
import { loadNativeKernels } from './native-kernels';

let chosen: Kernels | null = null;
let nativeCache: { kernels: Kernels | null; error: string | null } | null = null;

function native(): { kernels: Kernels | null; error: string | null } {
  nativeCache ??= loadNativeKernels();
  return nativeCache;
}

/** The native kernels, or null with the reason they could not be loaded. */
export function nativeKernelsOrNull(): Kernels | null {
  return native().kernels;
}

/** Kernels by name; 'native' throws when the addon is not built. */
export function kernelsByName(name: KernelsName): Kernels {
  if (name === 'js') return jsKernels;
  const n = native();
  if (!n.kernels) throw new Error(`native kernels requested but the addon did not load: ${n.error}`);
  return n.kernels;
}

/** The process-wide default kernels (see RLPRUNE_KERNELS). */
export function defaultKernels(): Kernels {
  if (chosen) return chosen;
  const forced = process.env.RLPRUNE_KERNELS;
  if (forced !== undefined && forced !== '' && forced !== 'native' && forced !== 'js') {
    throw new InvalidArgumentError('RLPRUNE_KERNELS', "'native' or 'js'", JSON.stringify(forced));
  }
  let why: string;
  if (forced === 'js' || forced === 'native') {
    chosen = kernelsByName(forced);
    why = 'forced by RLPRUNE_KERNELS';
  } else {
    const n = native();
    chosen = n.kernels ?? jsKernels;
    why = n.kernels ? 'addon loaded' : `addon not available (${n.error})`;
  }
  process.stderr.write(`rlprune nn: using ${chosen.name} kernels [${chosen.detail}], ${why}\n`);
  return chosen;
}
