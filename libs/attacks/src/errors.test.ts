// Bad input is refused with an error naming the field, the expected and the actual value.
import { createMlp } from '@rlprune/nn';
import { describe, expect, it } from 'vitest';
import { FailedPreconditionError, InvalidArgumentError } from '@rlprune/errors';
import { encodePrepared } from './prepared-artifact';
import { ATTACKS, attackByName } from './registry';
import { localEnvFactory } from './env-source';
import { randomPolicy, randomPrepared } from './test-support/random-victim';

const policy = randomPolicy(1, 4, 1);

function caught(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a throw');
}

describe('bad input', () => {
  it.each(ATTACKS.map((a) => a.name))('%s rejects a negative, NaN or infinite epsilon', (name) => {
    const attack = attackByName(name);
    const prepared = randomPrepared(name, 2, 4, 1);
    for (const epsilon of [-0.1, NaN, Infinity]) {
      const err = caught(() => attack.createPerturber({ policy, epsilon, seed: 1, ...(prepared ? { prepared } : {}) }));
      expect(err).toBeInstanceOf(InvalidArgumentError);
      expect((err as InvalidArgumentError).field).toBe('epsilon');
      expect(err.message).toBe(`epsilon: expected a finite number >= 0, got ${epsilon}`);
    }
  });

  it.each(ATTACKS.map((a) => a.name))('%s rejects an observation batch of the wrong width', (name) => {
    const prepared = randomPrepared(name, 2, 4, 1);
    const p = attackByName(name).createPerturber({ policy, epsilon: 0.1, seed: 1, ...(prepared ? { prepared } : {}) });
    const err = caught(() => p.perturb(new Float32Array(2 * 5), 2));
    expect(err).toBeInstanceOf(InvalidArgumentError);
    expect((err as InvalidArgumentError).field).toBe('observations');
    expect(err.message).toBe('observations: expected shape [2, 4] (observation width 4 of the policy), got shape [2, 5]');
    expect(caught(() => p.perturb(Float32Array.of(0, 0, NaN, 0), 1)).message).toBe('observations[0][2]: expected a finite number, got NaN');
    expect(caught(() => p.perturb(new Float32Array(4), 1, [true, false])).message).toBe('episodeStart: expected 1 entries (one per row), got 2 entries');
  });

  it('names the known attacks for an unknown name', () => {
    const err = caught(() => attackByName('fgsm'));
    expect(err).toBeInstanceOf(InvalidArgumentError);
    expect(err.message).toBe('attack: expected one of random, critic, mad, rs, rs_mad, learned, correlated, got "fgsm"');
  });

  it.each(['rs', 'rs_mad', 'learned'])('%s refuses Perturb before Prepare with a failed precondition', (name) => {
    const err = caught(() => attackByName(name).createPerturber({ policy, epsilon: 0.1, seed: 1 }));
    expect(err).toBeInstanceOf(FailedPreconditionError);
    expect((err as FailedPreconditionError).field).toBe('prepared');
    expect(err.message).toMatch(new RegExp(`^prepared: attack ${name} needs a prepared artifact: run Prepare`));
  });

  it('refuses a prepared artifact of another attack, another victim shape, or corrupt bytes', () => {
    const learned = randomPrepared('learned', 3, 4, 1)!;
    expect(caught(() => attackByName('rs').createPerturber({ policy, epsilon: 0.1, seed: 1, prepared: learned })).message)
      .toBe('prepared: expected an artifact prepared by rs, got one prepared by learned');
    const wide = randomPrepared('rs', 3, 6, 1)!;
    expect(caught(() => attackByName('rs_mad').createPerturber({ policy, epsilon: 0.1, seed: 1, prepared: wide })).message)
      .toBe("prepared: expected an artifact for obsDim 4, actDim 1 (the policy's), got obsDim 6, actDim 1");
    const corrupt = Buffer.from(randomPrepared('rs', 3, 4, 1)!);
    corrupt[40] ^= 0xff;
    expect(caught(() => attackByName('rs').createPerturber({ policy, epsilon: 0.1, seed: 1, prepared: corrupt }))).toBeInstanceOf(InvalidArgumentError);
    const q = createMlp({ inDim: 3, hidden: [4], outDim: 1 }, 1);
    const badQ = encodePrepared({ attack: 'rs', envId: 'x', epsilon: 0, obsDim: 4, actDim: 1, nets: { q }, tensors: {}, metrics: {} });
    expect(caught(() => attackByName('rs').createPerturber({ policy, epsilon: 0.1, seed: 1, prepared: badQ })).message)
      .toBe('prepared: expected a Q net on [s, a] of width 5 with 1 output, got another net');
  });

  it('rejects unknown and out-of-range parameters, and bad seeds', () => {
    const mad = attackByName('mad');
    const unknown = caught(() => mad.createPerturber({ policy, epsilon: 0.1, seed: 1, params: { stpes: 3 } }));
    expect(unknown).toBeInstanceOf(InvalidArgumentError);
    expect(unknown.message).toBe('params.stpes: expected one of the parameters of mad: steps, step_ratio, sgld_beta, got an unknown parameter');
    expect(caught(() => mad.createPerturber({ policy, epsilon: 0.1, seed: 1, params: { steps: 2.5 } })).message).toBe('params.steps: expected an integer, got 2.5');
    expect(caught(() => mad.createPerturber({ policy, epsilon: 0.1, seed: 1, params: { step_ratio: 2 } })).message).toBe('params.step_ratio: expected <= 1, got 2');
    expect(caught(() => mad.createPerturber({ policy, epsilon: 0.1, seed: -1 })).message).toBe('seed: expected an integer >= 0, got -1');
  });

  it('checks Prepare input before touching an environment', async () => {
    let envsMade = 0;
    const env = async (r: Parameters<typeof localEnvFactory>[0]) => {
      envsMade++;
      return localEnvFactory(r);
    };
    for (const name of ['rs', 'learned']) {
      await expect(attackByName(name).prepare!({ policy, envId: 'InvertedPendulum-v4', epsilon: NaN, seed: 1, env })).rejects.toThrow('epsilon: expected a finite number >= 0, got NaN');
      await expect(attackByName(name).prepare!({ policy, envId: 'InvertedPendulum-v4', epsilon: 0.1, seed: 1, env, params: { iterations: 0 } })).rejects.toThrow('params.iterations: expected >= 1, got 0');
    }
    expect(envsMade).toBe(0);
    for (const name of ['rs', 'learned']) {
      await expect(attackByName(name).prepare!({ policy, envId: 'Hopper-v4', epsilon: 0.1, seed: 1, env, params: { iterations: 1 } }))
        .rejects.toThrow("envId: expected an env with obsDim 4, actDim 1 (the policy's), got Hopper-v4 with obsDim 11, actDim 3");
    }
    expect(ATTACKS.filter((a) => a.needsPrepare).map((a) => a.name)).toEqual(['rs', 'rs_mad', 'learned']);
    expect(ATTACKS.every((a) => a.needsPrepare === (a.prepare !== undefined))).toBe(true);
  });
});
