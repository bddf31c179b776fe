// SA-PPO's convex (certified) regulariser (Zhang et al. 2020): for each state s of a minibatch,
// bound the action mean over the L-inf ball B(s, epsilon) by IBP and by CROWN (or CROWN-IBP,
// options.bounds), mix the bounds as
// beta * IBP + (1 - beta) * CROWN, and penalise
//   R(s) = sum_j max(|lb_j - mu_j(s)|, |ub_j - mu_j(s)|)^2 / sigma_j^2,
// averaged over the batch. By default mu(s) is a constant (as SA-PPO's SGLD estimate; its convex estimate in
// robust_ppo_step passes the minibatch means undetached, detachMean false), so the gradient
// flows through the bounds and sigma = exp(logStd) only. The bounds are rebuilt here on a reverse-mode tape (tape.ts)
// with the same steps as ibp.ts and crown.ts, so their values agree with those files.
import type { Activation, Mlp } from '@rlprune/nn';
import { check, InvalidArgumentError, show } from '@rlprune/errors';
import { forwardMean, toFloat64Mlp } from './float64-mlp';
import type { Node } from './tape';
import { Tape } from './tape';
import { checkEpsilon, checkLogStd, checkProbability, checkStates } from './validate';

export interface ConvexRegulariserOptions {
  /** L-inf radius of the ball, in normalised observation units (SA-PPO ramps it up in training). */
  epsilon: number;
  /** Weight of IBP in the mixed bounds; 1 - beta goes to CROWN (SA-PPO ramps beta 0 -> 1). */
  beta: number;
  /**
   * The CROWN side of the mix: "crown" runs the backward pass for every layer; "crown-ibp" bounds
   * the hidden layers by IBP and runs it for the output only (crown.ts's intermediate "ibp"), as
   * SA-PPO's convex_relaxation.py through auto_LiRPA. Default "crown".
   */
  bounds?: 'crown' | 'crown-ibp';
  /** Treat mu(s) as a constant. Default true; false also differentiates mu(s), as SA-PPO's convex estimate. */
  detachMean?: boolean;
  /**
   * The reference means mu(s), one per state, when the caller has them (e.g. from the rollout);
   * only with detachMean. Default: the actor's own means at the states.
   */
  means?: ArrayLike<ArrayLike<number>>;
}

export interface LayerGradient {
  /** dR/dW, row-major like DenseLayer.w; zero where the mask is 0 (pruned weights stay pruned). */
  w: Float64Array;
  b: Float64Array;
}

export interface ConvexRegulariserResult {
  /** R averaged over the batch. */
  value: number;
  grad: { layers: LayerGradient[]; logStd: Float64Array };
}

interface TapeParams {
  w: Node[];
  b: Node[];
  logStd: Node;
}

export function convexRegulariser(
  actor: Mlp,
  logStd: ArrayLike<number>,
  states: ArrayLike<ArrayLike<number>>,
  options: ConvexRegulariserOptions,
): ConvexRegulariserResult {
  check.mlpShape('actor', actor, { float32: false });
  checkEpsilon(options.epsilon, 'epsilon');
  checkProbability(options.beta, 'beta');
  const net = toFloat64Mlp(actor);
  const actionDim = net.layers[net.layers.length - 1]!.outDim;
  checkLogStd(logStd, actionDim);
  checkStates(states, net.layers[0]!.inDim);
  const { epsilon, beta } = options;
  const detachMean = options.detachMean ?? true;
  const bounds = options.bounds ?? 'crown';
  if (bounds !== 'crown' && bounds !== 'crown-ibp') throw new InvalidArgumentError('bounds', '"crown" or "crown-ibp"', show(bounds));
  if (options.means !== undefined) {
    if (!detachMean) throw new InvalidArgumentError('means', 'absent when detachMean is false', 'an array');
    if (options.means.length !== states.length)
      throw new InvalidArgumentError('means.length', `${states.length} (one per state)`, show(options.means.length));
    for (let s = 0; s < states.length; s++) checkLogStd(options.means[s]!, actionDim, `means[${s}]`);
  }

  const grad = {
    layers: net.layers.map((l) => ({ w: new Float64Array(l.w.length), b: new Float64Array(l.outDim) })),
    logStd: new Float64Array(actionDim),
  };
  let total = 0;
  for (let s = 0; s < states.length; s++) {
    // One tape per state keeps memory flat however large the batch.
    const tape = new Tape();
    const p: TapeParams = {
      w: net.layers.map((l) => tape.param(l.w, l.outDim, l.inDim)),
      b: net.layers.map((l) => tape.param(l.b, l.outDim, 1)),
      logStd: tape.param(Float64Array.from(logStd), actionDim, 1),
    };
    const x = tape.constant(Float64Array.from(states[s]!), net.layers[0]!.inDim, 1);
    const mu = detachMean
      ? tape.constant(Float64Array.from(options.means?.[s] ?? forwardMean(net, states[s]!)), actionDim, 1)
      : meanOnTape(tape, p, actor.activation, x);
    let lower: Node;
    let upper: Node;
    // IBP's per-layer bounds serve both the IBP side and CROWN-IBP's hidden layers.
    const ibp = beta > 0 || bounds === 'crown-ibp' ? ibpLayersOnTape(tape, p, actor.activation, x, epsilon) : null;
    const crownSide = () => crownOnTape(tape, p, actor.activation, x, epsilon, bounds === 'crown-ibp' ? ibp : null);
    if (beta === 1) ({ lower, upper } = ibp!.at(-1)!);
    else if (beta === 0) ({ lower, upper } = crownSide());
    else {
      const i = ibp!.at(-1)!;
      const c = crownSide();
      lower = tape.combine(i.lower, beta, c.lower, 1 - beta);
      upper = tape.combine(i.upper, beta, c.upper, 1 - beta);
    }
    const r = tape.worstCaseMahalanobisSq(lower, upper, mu, p.logStd);
    total += r.value[0]!;
    tape.backward(r);
    p.w.forEach((n, k) => addInto(grad.layers[k]!.w, n.grad));
    p.b.forEach((n, k) => addInto(grad.layers[k]!.b, n.grad));
    addInto(grad.logStd, p.logStd.grad);
  }
  const scale = 1 / states.length;
  grad.layers.forEach((g, k) => {
    const mask = actor.layers[k]!.mask;
    for (let i = 0; i < g.w.length; i++) g.w[i] = mask[i] === 0 ? 0 : g.w[i]! * scale;
    for (let i = 0; i < g.b.length; i++) g.b[i]! *= scale;
  });
  for (let j = 0; j < actionDim; j++) grad.logStd[j]! *= scale;
  if (!Number.isFinite(total)) throw new InvalidArgumentError('actor', 'weights giving finite bounds', show(total));
  return { value: total * scale, grad };
}

function addInto(into: Float64Array, g: Float64Array | null): void {
  if (!g) return;
  for (let i = 0; i < into.length; i++) into[i]! += g[i]!;
}

/** forwardMean on the tape. */
function meanOnTape(tape: Tape, p: TapeParams, act: Activation, x: Node): Node {
  let h = x;
  for (let k = 0; k < p.w.length; k++) {
    h = tape.add(tape.matmul(p.w[k]!, h), p.b[k]!);
    if (k < p.w.length - 1) h = tape.activation(h, act);
  }
  return h;
}

/** ibp.ts on the tape, L-inf ball: the pre-activation bounds of every layer, the output's last. */
function ibpLayersOnTape(tape: Tape, p: TapeParams, act: Activation, x: Node, eps: number): { lower: Node; upper: Node }[] {
  const layers: { lower: Node; upper: Node }[] = [];
  let mid = tape.add(tape.matmul(p.w[0]!, x), p.b[0]!);
  let rad = tape.rowAbsSum(p.w[0]!, eps);
  for (let k = 1; k < p.w.length; k++) {
    const pre = { lower: tape.combine(mid, 1, rad, -1), upper: tape.combine(mid, 1, rad, 1) };
    layers.push(pre);
    const lo = tape.activation(pre.lower, act);
    const hi = tape.activation(pre.upper, act);
    const m = tape.combine(hi, 0.5, lo, 0.5);
    const r = tape.combine(hi, 0.5, lo, -0.5);
    mid = tape.add(tape.matmul(p.w[k]!, m), p.b[k]!);
    rad = tape.absMatmul(p.w[k]!, r);
  }
  layers.push({ lower: tape.combine(mid, 1, rad, -1), upper: tape.combine(mid, 1, rad, 1) });
  return layers;
}

type Relaxed = ReturnType<Tape['relax']>;

/** crown.ts on the tape, L-inf ball; with `ibpHidden` (IBP's per-layer bounds) CROWN-IBP. */
function crownOnTape(
  tape: Tape,
  p: TapeParams,
  act: Activation,
  x: Node,
  eps: number,
  ibpHidden: { lower: Node; upper: Node }[] | null,
): { lower: Node; upper: Node } {
  const relaxations: Relaxed[] = [];
  let bounds: { lower: Node; upper: Node } | null = null;
  for (let k = 0; k < p.w.length; k++) {
    bounds =
      ibpHidden && k < p.w.length - 1
        ? ibpHidden[k]!
        : { lower: backwardOnTape(tape, p, k, relaxations, x, eps, 'lower'), upper: backwardOnTape(tape, p, k, relaxations, x, eps, 'upper') };
    if (k < p.w.length - 1) relaxations.push(tape.relax(bounds.lower, bounds.upper, act));
  }
  return bounds!;
}

function backwardOnTape(
  tape: Tape,
  p: TapeParams,
  k: number,
  relaxations: Relaxed[],
  x: Node,
  eps: number,
  side: 'lower' | 'upper',
): Node {
  let a = p.w[k]!;
  let c = p.b[k]!;
  for (let j = k - 1; j >= 0; j--) {
    const r = relaxations[j]!;
    const [a2, dc] =
      side === 'upper'
        ? tape.relaxThrough(a, r.upperSlope, r.upperIntercept, r.lowerSlope, r.lowerIntercept)
        : tape.relaxThrough(a, r.lowerSlope, r.lowerIntercept, r.upperSlope, r.upperIntercept);
    c = tape.add(tape.add(c, dc), tape.matmul(a2, p.b[j]!));
    a = tape.matmul(a2, p.w[j]!);
  }
  const centre = tape.add(c, tape.matmul(a, x));
  return tape.combine(centre, 1, tape.rowAbsSum(a, eps), side === 'upper' ? 1 : -1);
}
