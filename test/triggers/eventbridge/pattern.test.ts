/**
 * EventBridge's pattern language as Alibaba Cloud documents it (https://www.alibabacloud.com/help/en/eventbridge/user-guide/event-patterns):
 * each operator lets the documented events through and turns the others away; a pattern fc-sim cannot read is an
 * E_CONFIG error that names the field.
 */
import { describe, expect, it } from 'vitest';
import type { FcSimError } from '../../../src/errors.js';
import { TriggerConfigError } from '../../../src/errors.js';
import { parsePattern, patternMatches } from '../../../src/triggers/eventbridge/pattern.js';

const event = {
  id: '7adc8c1a-645d-4476-bdef-5d6fb57f0001',
  source: 'acs.oss',
  specversion: '1.0',
  type: 'oss:ObjectCreated:PostObject',
  subject: 'acs:oss:cn-hangzhou:1234567:xls-papk/game_apk/123.jpg',
  aliyunpublishaddr: '10.0.0.17',
  data: { name: 'test', scope: 100, state: 'running', tags: ['a', 'b'], empty: '', nothing: null, nested: { deep: 3 } },
};

const matches = (pattern: unknown) => patternMatches(parsePattern(JSON.stringify(pattern)), event);

describe('event patterns: what each operator lets through', () => {
  it.each([
    ['{} matches everything', {}, true],
    ['exact value', { source: ['acs.oss'] }, true],
    ['exact value, case-sensitive', { source: ['ACS.OSS'] }, false],
    ['one of the listed values (OR)', { source: ['acs.ecs', 'acs.oss'] }, true],
    ['every key (AND)', { source: ['acs.oss'], type: ['oss:ObjectCreated:PutObject'] }, false],
    ['nested fields', { data: { nested: { deep: [3] } } }, true],
    ['a number', { data: { scope: [100] } }, true],
    ['null', { data: { nothing: [null] } }, true],
    ['the empty string', { data: { empty: [''] } }, true],
    ['an event list matches when one item does', { data: { tags: ['b'] } }, true],
    ['an event list with no such item', { data: { tags: ['c'] } }, false],
    ['prefix', { subject: [{ prefix: 'acs:oss:cn-hangzhou:' }] }, true],
    ['prefix not matching', { subject: [{ prefix: 'acs:oss:cn-shanghai:' }] }, false],
    ['suffix', { subject: [{ suffix: '.jpg' }] }, true],
    ['suffix not matching', { subject: [{ suffix: '.png' }] }, false],
    ['contains', { type: [{ contains: 'Created' }] }, true],
    ['anything-but a value', { data: { state: [{ 'anything-but': 'initializing' }] } }, true],
    ['anything-but the value it has', { data: { state: [{ 'anything-but': 'running' }] } }, false],
    ['anything-but a list', { data: { state: [{ 'anything-but': ['stopped', 'running'] }] } }, false],
    ['anything-but a number', { data: { scope: [{ 'anything-but': 123 }] } }, true],
    ['anything-but a prefix', { data: { state: [{ 'anything-but': { prefix: 'init' } }] } }, true],
    ['anything-but a prefix it has', { data: { state: [{ 'anything-but': { prefix: 'run' } }] } }, false],
    ['anything-but a suffix it has', { data: { state: [{ 'anything-but': { suffix: 'ing' } }] } }, false],
    ['anything-but on an absent field', { data: { absent: [{ 'anything-but': 'x' }] } }, false],
    ['numeric range', { data: { scope: [{ numeric: ['>', 0, '<=', 100] }] } }, true],
    ['numeric range, upper bound excluded', { data: { scope: [{ numeric: ['>', 0, '<', 100] }] } }, false],
    ['numeric equality', { data: { scope: [{ numeric: ['=', 100] }] } }, true],
    ['numeric on text', { data: { name: [{ numeric: ['>', 0] }] } }, false],
    ['cidr', { aliyunpublishaddr: [{ cidr: '10.0.0.0/24' }] }, true],
    ['cidr outside', { aliyunpublishaddr: [{ cidr: '10.0.1.0/24' }] }, false],
    ['cidr /32', { aliyunpublishaddr: [{ cidr: '10.0.0.17/32' }] }, true],
    ['exists', { data: { name: [{ exists: true }] } }, true],
    ['exists, absent', { data: { absent: [{ exists: true }] } }, false],
    ['does not exist', { data: { absent: [{ exists: false }] } }, true],
    ['does not exist, present', { data: { name: [{ exists: false }] } }, false],
    ['an operator or a value', { data: { state: ['stopped', { prefix: 'run' }] } }, true],
    ['a field the event does not have', { detail: ['x'] }, false],
  ])('%s', (_, pattern, expected) => {
    expect(matches(pattern)).toBe(expected);
  });
});

describe('patterns fc-sim cannot read: E_CONFIG naming the field and the place', () => {
  const site = 's.yaml resources.app.props.triggers[0].triggerConfig';
  it.each([
    ['not JSON', "{'source': ['acs.oss']}", /^s\.yaml resources\.app\.props\.triggers\[0\]\.triggerConfig: eventRuleFilterPattern is not JSON: /],
    ['not an object', '["acs.oss"]', /eventRuleFilterPattern must be a JSON object/],
    [
      'an unknown operator',
      '{"source":[{"wildcard":"acs.*"}]}',
      /eventRuleFilterPattern: source: unknown operator "wildcard" \(EventBridge has prefix, suffix, contains, anything-but, numeric, cidr, exists\)/,
    ],
    ['two operators in one object', '{"source":[{"prefix":"a","suffix":"b"}]}', /source: an operator object has one key, got prefix, suffix/],
    ['a leaf that is not a list', '{"source":"acs.oss"}', /source: must be a list of values or operators, e\.g\. \{"source":\["acs\.oss"\]\}/],
    ['an empty list', '{"data":{"id":[]}}', /data\.id: an empty list matches no event/],
    ['numeric without a number', '{"data":{"n":[{"numeric":[">","1"]}]}}', /data\.n: numeric: "1" is not a number/],
    ['numeric with an unknown comparison', '{"data":{"n":[{"numeric":["!=",1]}]}}', /numeric: "!=" is not one of/],
    ['cidr that is not IPv4', '{"ip":[{"cidr":"fe80::/10"}]}', /ip: cidr takes an IPv4 block/],
    ['exists that is not a boolean', '{"ip":[{"exists":"yes"}]}', /ip: exists takes true or false/],
  ])('%s', (_, text, message) => {
    let error: unknown;
    try {
      parsePattern(text, site);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(TriggerConfigError);
    expect((error as FcSimError).code).toBe('E_CONFIG');
    expect((error as FcSimError).exitCode).toBe(2);
    expect((error as FcSimError).message).toMatch(message);
    expect((error as FcSimError).message).toContain(site);
    expect((error as FcSimError).hint).toBeTruthy();
  });
});
