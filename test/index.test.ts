import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as root from '../src/index.js';

const indexText = readFileSync('src/index.ts', 'utf8');

describe('the root entry (fc-sim)', () => {
  it('names every export: no export *', () => {
    expect(indexText).not.toMatch(/export (type )?\*/);
  });

  it('exports the type of every schema (the generated types)', () => {
    const generated = [...readFileSync('src/types/generated.ts', 'utf8').matchAll(/^export (?:interface|type) (\w+)/gm)].map((match) => match[1]!);
    expect(generated.length).toBeGreaterThan(30);
    const missing = generated.filter((name) => !new RegExp(`\\b${name}\\b`).test(indexText));
    expect(missing).toEqual([]);
  });

  it('exports the handler types: event and HTTP handlers of FC 2.0 and 3.0, their contexts with the logger', () => {
    const handlerTypes = [...readFileSync('src/types/handlers.ts', 'utf8').matchAll(/^export (?:interface|type) (\w+)/gm)].map((match) => match[1]!);
    expect(handlerTypes).toEqual(
      expect.arrayContaining(['FcLogger', 'Fc2HandlerContext', 'Fc3HandlerContext', 'Fc2EventHandler', 'Fc3EventHandler', 'Fc2HttpHandler', 'Fc3HttpHandler']),
    );
    expect(handlerTypes.filter((name) => !new RegExp(`\\b${name}\\b`).test(indexText))).toEqual([]);
  });

  it('keeps signing, statistics, redaction and the instance classes internal: one way to create an instance', () => {
    const internals = [
      'signFc2',
      'signAcs3',
      'fc2Signature',
      'acs3Signature',
      'Redactor',
      'REDACTED',
      'percentile',
      'latencySummary',
      'FunctionInstance',
      'InProcessInstance',
      'HttpTriggerTarget',
      'CustomRuntimeTarget',
      'InvokeApiTarget',
    ];
    expect(internals.filter((name) => name in root)).toEqual([]);
    expect(typeof root.createInstance).toBe('function');
    expect(typeof root.createRemoteTarget).toBe('function');
  });

  it('exports the platforms a function runs on, and FC 3.0’s header-name rule', () => {
    expect(root.platformNames).toEqual(['fc2', 'fc3']);
    expect(root.canonicalHeaderName('content-type')).toBe('Content-Type');
  });

  it('exports the trigger registry', () => {
    expect(root.triggerIds).toEqual(root.triggers.map((module) => module.id));
    expect(root.eventKinds.every((kind) => root.triggerIds.includes(kind.trigger))).toBe(true);
  });
});
