export { apigwEvent, apigwRequest, type ApigwBodyKind, type ApigwEventConstraints } from '../src/triggers/apigw/arbitrary.js';
export { cdnEvent, type CdnEventConstraints } from '../src/triggers/cdn/arbitrary.js';
export { fc2HttpRequest, httpEvent, httpRequest, type HttpBodyKind, type HttpRequestConstraints } from '../src/triggers/http/arbitrary.js';
export { mnsEvent, type MnsEventConstraints } from '../src/triggers/mns/arbitrary.js';
export { ossEvent, type OssEventConstraints, type OssKeyEncoding } from '../src/triggers/oss/arbitrary.js';
export { mnsQueueEvent, rocketMqEvent, rabbitMqEvent, kafkaEvent, dtsEvent, eventBridgeBusEvent } from '../src/triggers/eventbridge/generators.js';
export type { SourceConstraints } from '../src/triggers/eventbridge/source-module.js';
export { slsEvent, type SlsEventConstraints } from '../src/triggers/sls/arbitrary.js';
export {
  tablestoreEvent,
  tablestoreTableSchema,
  type TablestoreColumnType,
  type TablestoreEventConstraints,
  type TablestorePrimaryKeyType,
  type TablestoreTableSchema,
} from '../src/triggers/tablestore/arbitrary.js';
export { timerEvent, type TimerEventConstraints } from '../src/triggers/timer/arbitrary.js';
export { arbitraryFor, arbitraryAt, schemaArbitrary, type SchemaArbitraryOptions } from './internal/schema-arbitrary.js';
export { kindArbitrary, sampleKind, type KindSampleOptions } from './kind.js';
