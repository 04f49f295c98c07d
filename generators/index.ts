export { cdnEvent, type CdnEventConstraints } from './cdn.js';
export { fc2HttpRequest, httpEvent, httpRequest, type HttpBodyKind, type HttpRequestConstraints } from './http.js';
export { mnsEvent, type MnsEventConstraints } from './mns.js';
export { ossEvent, type OssEventConstraints, type OssKeyEncoding } from './oss.js';
export { slsEvent, type SlsEventConstraints } from './sls.js';
export { timerEvent, type TimerEventConstraints } from './timer.js';
export { arbitraryFor, arbitraryAt, schemaArbitrary, type SchemaArbitraryOptions } from './internal/schema-arbitrary.js';
export { kindArbitrary, sampleKind, type KindSampleOptions } from './kind.js';
