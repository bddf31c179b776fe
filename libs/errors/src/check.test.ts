import { describe, expect, it } from 'vitest';
import * as check from './check';

const layer = (inDim: number, outDim: number) => ({ inDim, outDim, w: new Float32Array(inDim * outDim), mask: new Float32Array(inDim * outDim), b: new Float32Array(outDim) });

describe('check', () => {
  it('positiveInt accepts 1.. and names the field otherwise', () => {
    expect(check.positiveInt('num_envs', 8)).toBe(8);
    expect(() => check.positiveInt('num_envs', 0)).toThrow('num_envs: expected a positive integer, got 0');
    expect(() => check.positiveInt('num_envs', 2.5)).toThrow('got 2.5');
    expect(() => check.positiveInt('num_envs', '8')).toThrow('got "8"');
  });

  it('finite and inRange', () => {
    expect(check.finite('gamma', 0.99)).toBe(0.99);
    expect(() => check.finite('gamma', Infinity)).toThrow('gamma: expected a finite number, got Infinity');
    expect(check.inRange('gamma', 1, 0, 1)).toBe(1);
    expect(() => check.inRange('gamma', 1, 0, 1, { maxExclusive: true })).toThrow('gamma: expected a number in [0, 1), got 1');
    expect(() => check.inRange('clip_coef', -1, 0, Infinity)).toThrow('clip_coef: expected a number >= 0, got -1');
    expect(() => check.inRange('lr', 0, 0, Infinity, { minExclusive: true })).toThrow('lr: expected a number > 0, got 0');
  });

  it('oneOf lists the allowed values', () => {
    expect(check.oneOf('activation', 'tanh', ['tanh', 'relu'])).toBe('tanh');
    expect(() => check.oneOf('activation', 'relu6', ['tanh', 'relu'])).toThrow('activation: expected one of tanh, relu, got "relu6"');
  });

  it('mlpShape checks dims, array lengths and chaining', () => {
    expect(() => check.mlpShape('actor', { activation: 'tanh', layers: [layer(3, 4), layer(4, 2)] })).not.toThrow();
    expect(() => check.mlpShape('actor', { activation: 'tanh', layers: [] })).toThrow('actor.layers: expected at least one layer, got an array of length 0');
    expect(() => check.mlpShape('actor', { activation: 'gelu', layers: [layer(3, 4)] })).toThrow('actor.activation');
    expect(() => check.mlpShape('actor', { activation: 'tanh', layers: [layer(3, 4), layer(5, 2)] })).toThrow(
      "actor.layers[1].inDim: expected 4 (the previous layer's outDim), got 5",
    );
    const short = { ...layer(3, 4), mask: new Float32Array(11) };
    expect(() => check.mlpShape('net', { activation: 'relu', layers: [short] })).toThrow('net.layers[0].mask: expected a Float32Array of shape [4, 3], got Float32Array of length 11');
    const f64 = { ...layer(3, 4), w: new Float64Array(12) };
    expect(() => check.mlpShape('net', { activation: 'relu', layers: [f64] })).toThrow('net.layers[0].w: expected a Float32Array of shape [4, 3], got Float64Array of length 12');
    expect(() => check.mlpShape('net', { activation: 'relu', layers: [f64] }, { float32: false })).not.toThrow();
    expect(() => check.mlpShape('net', { activation: 'relu', layers: [{ ...f64, b: new Float64Array(3) }] }, { float32: false })).toThrow(
      'net.layers[0].b: expected an array of length 4, got Float64Array of length 3',
    );
    const bias = { ...layer(3, 4), b: [0, 0, 0, 0] };
    expect(() => check.mlpShape('net', { activation: 'relu', layers: [bias] })).toThrow('net.layers[0].b: expected a Float32Array of length 4, got an array of length 4');
  });
});
