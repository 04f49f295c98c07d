/**
 * Every real payload in ../shared/reference/payloads (see its SOURCES.md) against fc-sim's schemas: the valid
 * ones validate and are detected as their trigger; each one that does not is listed with the reason, and the test
 * checks exactly that outcome (which fields fail, or where the JSON breaks).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';
import { parseJson } from '../../src/io/read-json.js';
import { detectSchema } from '../../src/schema/detect.js';
import { validate } from '../../src/schema/validate.js';
import type { SchemaName } from '../../src/schema/catalog.js';

const payloadsDir = join(packageRoot, '..', 'shared', 'reference', 'payloads');

type Expectation =
  | { schema: SchemaName; valid: true }
  /** `fails` lists `pointer keyword` of every issue, in order. `detected: null`: no trigger is recognised. */
  | { schema: SchemaName; valid: false; reason: string; fails: string[]; detected?: null }
  | { notJson: string; reason: string };

const valid = (schema: SchemaName): Expectation => ({ schema, valid: true });

const expectations: Record<string, Expectation> = {
  'oss/alibabacloud-howto-ap-southeast-1.json': valid('oss'),
  'oss/awesome-fc-java-postobject-objectmeta.json': valid('oss'),
  'oss/devsapp-fc-event-template.json': valid('oss'),
  'oss/fc-runtime-go-sdk-readme-objectmeta.json': valid('oss'),
  'oss/fc3-docs-objectmeta-usermeta.json': valid('oss'),
  'oss/midway-createOSSEvent-default.json': valid('oss'),
  'oss/midway-docs-en-INVALID-missing-comma-trailing-spaces.json': {
    notJson: '17:11: not valid JSON: expected a comma',
    reason: 'doc error: no comma after deltaSize',
  },
  'oss/oss-docs-notification-getobject-nested.json': {
    schema: 'oss',
    valid: false,
    reason: 'OSS notification doc example: region, requestParameters, responseElements, userIdentity nested inside oss; GetObject is not an FC trigger event',
    fails: [
      '/events/0/region required',
      '/events/0/requestParameters required',
      '/events/0/responseElements required',
      '/events/0/userIdentity required',
      '/events/0/eventName enum',
    ],
  },

  'timer/awesome-fc-timer-fc-sample.json': valid('timer'),
  'timer/fc3-docs-timer.json': valid('timer'),

  'mns/midway-mns-json-with-context.json': valid('mns-json'),
  'mns/devsapp-fc-event-stream-with-attrs.json': valid('mns-stream'),
  'mns/devsapp-fc-event-json-with-attrs.json': {
    schema: 'mns-json',
    valid: false,
    reason: 'masked ids: MessageMD5 and MessageId end in ****, not 32 hex digits',
    fails: ['/MessageMD5 pattern', '/MessageId pattern'],
  },
  'mns/devsapp-fc-event-json-without-attrs.json': {
    schema: 'mns-json',
    valid: false,
    reason: 'masked ids: MessageMD5 and MessageId end in ****',
    fails: ['/MessageMD5 pattern', '/MessageId pattern'],
  },
  'mns/fc3-docs-json-with-attrs.json': {
    schema: 'mns-json',
    valid: false,
    reason: 'masked ids: MessageMD5 and MessageId end in ****',
    fails: ['/MessageMD5 pattern', '/MessageId pattern'],
  },
  'mns/awesome-fc-topic-json-placeholders.json': {
    schema: 'mns-json',
    valid: false,
    reason: 'placeholders: MessageMD5 and MessageId are xxxx strings of the wrong length',
    fails: ['/MessageMD5 pattern', '/MessageId pattern'],
  },
  'mns/fc3-docs-stream-with-attrs-INVALID-escaping.json': {
    notJson: '1:52: not valid JSON: unexpected character',
    reason: 'doc rendering: "{\\\\"key\\\\"…" double-escaped',
  },
  'mns/fc3-docs-stream-raw-body.txt': {
    notJson: '1:1: not valid JSON: unexpected character',
    reason: 'STREAM without attributes is the raw message body, not JSON: no schema applies',
  },

  'sls/captured-log-comment-cn-hangzhou.json': valid('sls'),
  'sls/devsapp-fc-event-template.json': valid('sls'),
  'sls/fc-runtime-go-sdk-readme-masked.json': valid('sls'),
  'sls/fc3-docs-masked.json': valid('sls'),

  'cdn/devsapp-fc-event-CachedObjectsRefreshed.json': valid('cdn'),
  'cdn/devsapp-fc-event-CdnDomainStarted.json': valid('cdn'),
  'cdn/fc3-docs-CachedObjectsRefreshed.json': valid('cdn'),
  'cdn/fc3-docs-CdnDomainAdded.json': valid('cdn'),
  'cdn/fc3-docs-CdnDomainStarted.json': valid('cdn'),
  'cdn/fc3-docs-LogFileCreated.json': valid('cdn'),
  'cdn/midway-createCDNEvent-placeholder-time.json': {
    schema: 'cdn',
    valid: false,
    reason: 'placeholder eventTime "xxxxx"',
    fails: ['/events/0/eventTime pattern'],
  },
  'cdn/devsapp-fc-event-CdnDomainAdded-INVALID-trailing-comma-mislabeled.json': {
    notJson: '14:5: not valid JSON: expected a property name in double quotes (a trailing comma?)',
    reason: 'trailing comma in eventParameter',
  },
  'cdn/devsapp-fc-event-LogFileCreated-INVALID-trailing-comma.json': {
    notJson: '23:5: not valid JSON: expected a property name in double quotes (a trailing comma?)',
    reason: 'trailing comma after eventParameter',
  },

  'http/fc3-component-e2e-evt.json': valid('http'),
  'http/fc3-component-template-masked.json': valid('http'),
  'http/hono-fc3-test-empty-body-base64-true.json': valid('http'),
  'http/hono-fc3-test-post-base64-body.json': valid('http'),
  'http/fc3-docs-request-struct.json': {
    schema: 'http',
    valid: false,
    reason: 'doc placeholders: sourceIp "11.11.11.**", requestId "1-64f6cd87-*************"',
    fails: ['/requestContext/http/sourceIp format', '/requestContext/requestId pattern'],
  },
  'http/devsapp-fc-event-fc2-invoke-params.json': {
    schema: 'http',
    valid: false,
    reason: 'not an FC event: the FC 2.0 local-invoke HTTP parameter file {path, method, headers, queries, body}',
    fails: ['/version required', '/rawPath required', '/queryParameters required', '/isBase64Encoded required', '/requestContext required'],
    detected: null,
  },
  'http/fc3-component-springboot-fc2-style-params.json': {
    schema: 'http',
    valid: false,
    reason: 'not an FC event: the same FC 2.0 parameter file, without body',
    fails: ['/version required', '/rawPath required', '/queryParameters required', '/body required', '/isBase64Encoded required', '/requestContext required'],
    detected: null,
  },

  'tablestore/fc3-docs-sync-v1-putrow.json': valid('tablestore'),
  'tablestore/devsapp-fc-event-type-placeholders.json': {
    schema: 'tablestore',
    valid: false,
    reason: 'a type skeleton ("Version": "string", "Timestamp": "int64"), not a payload',
    fails: [
      '/Version const',
      '/Records/0/Type enum',
      '/Records/0/Info/Timestamp type',
      '/Records/0/Columns/0/Type enum',
      '/Records/0/Columns/0/Timestamp type',
    ],
  },

  'apigw/ltaoo-recordtime-report-real.json': valid('apigw'),
  'apigw/awesome-fc-bxjs-base-real-get-cookies.json': valid('apigw'),
  'apigw/fc3-docs-template-INVALID-placeholders.json': {
    notJson: '1:77: not valid JSON: unexpected character',
    reason: 'doc template with {all headers,...} placeholders',
  },

  'eventbridge/awesome-fc-kafka-golang-python-bytes-value.json': valid('eventbridge'),
  'eventbridge/awesome-fc-kafka-java-plain-value.json': valid('eventbridge'),
  'eventbridge/awesome-fc-mns-queue-golang-base64-nopad.json': valid('eventbridge'),
  'eventbridge/awesome-fc-mns-queue-java11-base64-body.json': valid('eventbridge'),
  'eventbridge/awesome-fc-mns-queue-python-plain-body.json': valid('eventbridge'),
  'eventbridge/awesome-fc-rabbitmq-golang.json': valid('eventbridge'),
  'eventbridge/dataworks-docs-oss-via-eventbridge-masked.json': {
    schema: 'eventbridge',
    valid: false,
    reason: 'the OSS record inside is masked: bucket name "******" (the oss schema\'s bucket rules apply to EventBridge OSS records too)',
    fails: ['/data/oss/bucket/arn pattern', '/data/oss/bucket/name pattern'],
  },
  'eventbridge/fc-runtime-go-sdk-mns-queue.json': valid('eventbridge'),
  'eventbridge/fc-runtime-go-sdk-rocketmq-batch.json': valid('eventbridge'),
  'eventbridge/fc-runtime-go-sdk-rocketmq-single.json': valid('eventbridge'),
  'eventbridge/fc3-docs-kafka-batch.json': valid('eventbridge'),
  'eventbridge/fc3-docs-mns-queue-batch.json': valid('eventbridge'),
  'eventbridge/fc3-docs-rabbitmq-batch.json': valid('eventbridge'),
  'eventbridge/awesome-fc-kafka-nodejs-array-of-json-strings.json': {
    schema: 'eventbridge',
    valid: false,
    reason: 'an array of JSON-encoded strings, each a CloudEvent: one encoding too many (each validates once parsed)',
    fails: ['/0 type'],
  },
  'eventbridge/awesome-fc-rabbitmq-springboot-charset-typo.json': {
    schema: 'eventbridge',
    valid: false,
    reason: 'broken escape: datacontenttype "application/json; charsetu003dutf-8"',
    fails: ['/0/datacontenttype pattern'],
  },
  'eventbridge/awesome-fc-rocketmq-custom-eventbridge-event.json': {
    schema: 'eventbridge',
    valid: false,
    reason: 'a PutEvents-style custom event used as test input, not what a trigger delivers: no specversion, datacontenttype, time',
    fails: ['/specversion required', '/datacontenttype required', '/time required'],
  },
  'eventbridge/eventbridge-docs-transform-sample-odd-time.json': {
    schema: 'eventbridge',
    valid: false,
    reason: 'time "2020-08-17T16:04:46.149Asia/Shanghai" is not RFC 3339, and its type oss:ObjectCreated:PostObject carries {name, scope}, not an OSS record',
    fails: [
      ...['eventName', 'eventSource', 'eventTime', 'eventVersion', 'oss', 'region', 'requestParameters', 'responseElements', 'userIdentity'].map(
        (f) => `/data/${f} required`,
      ),
      '/time pattern',
    ],
  },
  'eventbridge/fc3-docs-mqtt-not-cloudevents.json': {
    schema: 'eventbridge',
    valid: false,
    reason: 'the MQTT trigger does not deliver CloudEvents ({props, body})',
    fails: ['id', 'source', 'specversion', 'type', 'datacontenttype', 'subject', 'time', 'data'].map((f) => `/0/${f} required`),
    detected: null,
  },
  'eventbridge/fc3-docs-selfbuilt-rocketmq-not-cloudevents.json': {
    schema: 'eventbridge',
    valid: false,
    reason: 'self-built Apache RocketMQ does not deliver CloudEvents ({msgId, topic, …})',
    fails: ['id', 'source', 'specversion', 'type', 'datacontenttype', 'subject', 'time', 'data'].map((f) => `/0/${f} required`),
    detected: null,
  },
  'eventbridge/fc3-docs-dts-INVALID-masked-number.json': {
    notJson: '1:24: not valid JSON: unexpected character',
    reason: 'masked number "id": 321****',
  },
};

function payloadFiles(): string[] {
  return readdirSync(payloadsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) => readdirSync(join(payloadsDir, dir.name)).map((file) => `${dir.name}/${file}`))
    .sort();
}

describe.runIf(existsSync(payloadsDir))('real payloads in shared/reference/payloads', () => {
  it('are all in the table (a new payload file needs its expected outcome here)', () => {
    expect(payloadFiles()).toEqual(Object.keys(expectations).sort());
  });

  // Collected even when skipped: without the reference folder (a checkout on its own) there is nothing to read.
  describe.each(existsSync(payloadsDir) ? Object.entries(expectations) : [])('%s', (file, expected) => {
    const text = readFileSync(join(payloadsDir, file), 'utf8');

    if ('notJson' in expected) {
      it(`is not JSON (${expected.reason})`, () => {
        expect(() => parseJson(text, file)).toThrow(`${file}:${expected.notJson}`);
      });
      return;
    }

    const value = parseJson(text, file);
    const result = validate(expected.schema, value);

    if (expected.valid) {
      it(`is a valid ${expected.schema} event, detected as such`, () => {
        expect(result.issues).toEqual([]);
        expect(detectSchema(value)?.schema).toBe(expected.schema);
      });
      return;
    }

    it(`is not a valid ${expected.schema} event: ${expected.reason}`, () => {
      expect(result.valid).toBe(false);
      expect(result.issues.map((issue) => `${issue.pointer} ${issue.keyword}`)).toEqual(expected.fails);
      expect(detectSchema(value)?.schema ?? null).toBe(expected.detected === null ? null : expected.schema);
    });
  });
});
