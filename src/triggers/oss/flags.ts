import { accountIdFlag, regionFlag, singlePairs, timeFlag, usage, wholeNumber } from '../_shared/flags.js';
import type { FlagSpec } from '../types.js';
import type { OssEventParams } from './build.js';

const userMetaKey = (key: string) => (key.toLowerCase().startsWith('x-oss-meta-') ? key.toLowerCase() : `x-oss-meta-${key.toLowerCase()}`);

export const ossFlags: readonly FlagSpec<OssEventParams>[] = [
  { flags: '--bucket <name>', description: 'bucket name', param: 'bucket', pointers: ['/events/0/oss/bucket'] },
  { flags: '--key <key>', description: 'object key, as it should appear in the event', param: 'key', pointers: ['/events/0/oss/object/key'] },
  { flags: '--size <bytes>', description: 'object size in bytes', param: 'size', parse: wholeNumber('--size'), pointers: ['/events/0/oss/object/size'] },
  {
    flags: '--delta-size <bytes>',
    description: 'size change in bytes (may be negative)',
    param: 'deltaSize',
    parse: wholeNumber('--delta-size', -Infinity),
    pointers: ['/events/0/oss/object/deltaSize'],
  },
  { flags: '--event-name <name>', description: 'any OSS eventName, e.g. ObjectCreated:UploadPart', param: 'eventName', pointers: ['/events/0/eventName'] },
  { flags: '--etag <hex>', description: 'object ETag (default: derived from bucket, key and size)', param: 'eTag', pointers: ['/events/0/oss/object/eTag'] },
  { flags: '--mime-type <type>', description: 'objectMeta.mimeType', param: 'mimeType', pointers: ['/events/0/oss/object/objectMeta'] },
  {
    flags: '--user-meta <name=value>',
    description: 'objectMeta.userMeta entry (x-oss-meta- is added when missing); repeatable',
    param: 'userMeta',
    parse: singlePairs('--user-meta', userMetaKey),
    pointers: ['/events/0/oss/object/objectMeta'],
  },
  { flags: '--source-ip <ip>', description: 'requester IP address', param: 'sourceIp', pointers: ['/events/0/requestParameters'] },
  {
    flags: '--fc-version <2|3>',
    description: 'FC 2.0 events carry virtualBucket: "" (default 3)',
    param: 'fcVersion',
    parse: (value) => (value === '2' || value === '3' ? Number(value) : usage('--fc-version', `must be 2 or 3, got ${value}`, '--fc-version 2')),
    pointers: [],
  },
  regionFlag,
  accountIdFlag,
  timeFlag,
];
