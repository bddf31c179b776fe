// `rlprune resume [ID ...]`: finishes unfinished experiments (the ids given, else every unfinished
// one), following each to its end; locally it starts the services, with the attackers they need.
import { parseCommand } from '../args/parse';
import { concurrencyOrDefault } from '../concurrency';
import { connect } from '../local-or-remote';
import { homeDir, remoteAddress } from '../local-home';
import { attacksToResume, RESUMABLE_STATES } from '../resume-attacks';
import { RESUME } from '../specs/experiments';
import { follow } from './run';

export async function resumeCommand(argv: string[]): Promise<number> {
  const { values, args } = parseCommand(RESUME, argv);
  const concurrency = concurrencyOrDefault(values.concurrency);
  const address = remoteAddress(values.address);
  // started locally: the attackers every experiment to resume needs, as `run` starts its spec's
  const attacks = address ? undefined : attacksToResume(homeDir(values.home), args);
  const conn = await connect({ address: values.address, home: values.home, concurrency, ...(attacks ? { attacks } : {}) });
  try {
    const ids = args.length > 0 ? args : (await conn.client.list()).filter((e) => RESUMABLE_STATES.has(e.state)).map((e) => e.id);
    if (ids.length === 0) {
      console.log('nothing to resume');
      return 0;
    }
    let code = 0;
    for (const id of ids) {
      await conn.client.resume(id);
      code = Math.max(code, await follow(conn.client, id, conn.home));
    }
    return code;
  } finally {
    await conn.close();
  }
}
