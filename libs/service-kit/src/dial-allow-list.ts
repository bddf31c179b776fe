// Which addresses a service may dial when a request names one (Train and Prepare carry the
// simulator's, Evaluate the attacker's). A caller must not choose where a service connects: once
// services listen beyond loopback that is a server-side request forgery. So a service dials only the
// addresses of its own configuration (e.g. SIMULATOR_ADDRESS, ATTACKER_ADDRESSES) plus those in
// RLPRUNE_DIAL_ALLOW; RLPRUNE_DIAL_ANY=1 lifts the check for development. Anything else is refused
// with PERMISSION_DENIED naming the field and the setting that would allow it.
import { ConfigError } from './config';
import { PermissionDeniedError } from '@rlprune/errors';
import { show } from '@rlprune/errors';

/** "dns:///host:port" and "host:port" are one address; host names compare case-insensitively. */
function canonical(address: string): string {
  return address.trim().replace(/^dns:\/\/\//i, '').toLowerCase();
}

export class DialAllowList {
  private readonly allowed: Set<string>;

  constructor(
    addresses: readonly string[],
    /** Development setting: dial whatever a request names. */
    readonly any = false,
  ) {
    this.allowed = new Set(addresses.filter(Boolean).map(canonical));
  }

  /**
   * The service's configured addresses plus RLPRUNE_DIAL_ALLOW (comma-separated host:port), and
   * RLPRUNE_DIAL_ANY ("1"/"true" allows any address; default off).
   */
  static fromEnv(configured: readonly string[], env: NodeJS.ProcessEnv = process.env): DialAllowList {
    const anyRaw = (env.RLPRUNE_DIAL_ANY ?? '').trim().toLowerCase();
    if (!['', '0', 'false', '1', 'true'].includes(anyRaw)) {
      throw new ConfigError(`RLPRUNE_DIAL_ANY: expected 1 or 0 (true or false), got ${JSON.stringify(env.RLPRUNE_DIAL_ANY)}`);
    }
    const extra = (env.RLPRUNE_DIAL_ALLOW ?? '').split(',').map((a) => a.trim()).filter(Boolean);
    return new DialAllowList([...configured, ...extra], anyRaw === '1' || anyRaw === 'true');
  }

  /** `address` when this service may dial it; otherwise PERMISSION_DENIED naming `field`. */
  check(address: string, field: string): string {
    if (this.any || this.allowed.has(canonical(address))) return address;
    throw new PermissionDeniedError(
      field, `this service does not dial ${show(address)}: only its configured addresses (${[...this.allowed].join(', ') || 'none'}); ` +
        'add it to RLPRUNE_DIAL_ALLOW on the service, or set RLPRUNE_DIAL_ANY=1 in development',
    );
  }
}

/** The addresses of an ATTACKER_ADDRESSES value ("mad=host:port,random=host:port"). */
export function attackerAddressesOf(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((item) => item.slice(item.indexOf('=') + 1).trim())
    .filter(Boolean);
}
