// Loads the N-API addon built by node-gyp at install (libs/nn/build/Release). Absent addon -> null,
// and the caller falls back to the portable kernels.
import * as path from 'node:path';
import type { Kernels } from './kernels';

interface Addon {
  forward: Kernels['forward'];
  backward: Kernels['backward'];
  adam: Kernels['adam'];
  sumSquares: Kernels['sumSquares'];
  simdLevel(): string;
}

/** Where node-gyp puts the addon, relative to this file (src/kernels). */
export const NATIVE_ADDON_PATH = path.join(__dirname, '..', '..', 'build', 'Release', 'rlprune_nn.node');

export function loadNativeKernels(): { kernels: Kernels | null; error: string | null } {
  let addon: Addon;
  try {
    // A compiled addon can only be loaded with require.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    addon = require(NATIVE_ADDON_PATH) as Addon;
  } catch (e) {
    return { kernels: null, error: (e as Error).message.split('\n')[0]! };
  }
  return {
    kernels: {
      name: 'native',
      detail: addon.simdLevel(),
      forward: addon.forward,
      backward: addon.backward,
      adam: addon.adam,
      sumSquares: addon.sumSquares,
    },
    error: null,
  };
}
