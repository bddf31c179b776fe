// Robustness bounds of a stored policy on a certifier.
import { protos, type CertifyRequest, type CertifyResponse__Output } from '@rlprune/proto';
import { getClient, unary } from '@rlprune/service-kit';

/** CROWN over a few hundred states of a 256-256 policy takes minutes on a loaded machine. */
export const DEFAULT_CERTIFY_DEADLINE_MS = 600_000;

export class CertifierClient {
  constructor(readonly address: string) {}

  certify(request: CertifyRequest, deadlineMs = DEFAULT_CERTIFY_DEADLINE_MS): Promise<CertifyResponse__Output> {
    const c = getClient(protos().rlprune.certifier.v1.Certifier, this.address);
    return unary(c.certify.bind(c), request, deadlineMs);
  }
}
