// The fc-sim library: schemas, validation and the types of every FC trigger payload.
export { schemaCatalog, schemaNames, isSchemaName, loadSchema, schemaPath } from './schema/catalog.js';
export type { SchemaName, SchemaKind, JsonSchema } from './schema/catalog.js';
export { validate, assertValid, EventValidationError } from './schema/validate.js';
export type { ValidateOptions, ValidationResult } from './schema/validate.js';
export { formatIssue } from './schema/issues.js';
export type { ValidationIssue } from './schema/issues.js';
export { detectSchema } from './schema/detect.js';
export type { Detection } from './schema/detect.js';
export { FcSimError, TriggerConfigError, exitStatusOf } from './errors.js';
export type { FcSimErrorCode, FcSimErrorOptions } from './errors.js';
// The types of every payload, response, context and trigger config, generated from schemas/ (a test keeps this list whole).
export type {
  OssEvent,
  OssEventRecord,
  TimerEvent,
  MnsTopicJsonEvent,
  MnsTopicStreamEvent,
  SlsEvent,
  CdnEvent,
  CdnEventRecord,
  CdnEventLogFileCreatedParameter,
  CdnEventCachedObjectsRefreshedParameter,
  CdnEventCachedObjectsPushedParameter,
  CdnEventCachedObjectsBlockedParameter,
  CdnEventCdnDomainStartedParameter,
  CdnEventCdnDomainStoppedParameter,
  CdnEventCdnDomainAddedParameter,
  CdnEventCdnDomainDeletedParameter,
  HttpTriggerEvent,
  HttpTriggerResponse,
  ApiGatewayResponse,
  Fc2HttpRequest,
  TablestoreEvent,
  TablestoreRecord,
  TablestoreColumn,
  TablestorePrimaryKeyColumn,
  TablestoreInt64,
  TablestoreBinary,
  TablestoreDouble,
  ApiGatewayEvent,
  EventBridgeEvent,
  EventBridgeCloudEvent,
  EventBridgeEventEventTime,
  Fc2Context,
  Fc3Context,
  OssTriggerConfig,
  OssTriggerConfigOssTriggerEventName,
  TimerTriggerConfig,
  MnsTopicTriggerConfig,
  SlsTriggerConfig,
  CdnTriggerConfig,
  HttpTriggerConfig,
  ApiGatewayApiConfig,
  TablestoreTriggerConfig,
  EventBridgeTriggerConfig,
  SchemaTypes,
} from './types/generated.js';
// The functions FC's Node.js runtimes call, and the context (with its logger), request and response they pass.
export type {
  FcLogger,
  FcCallback,
  Fc2HandlerContext,
  Fc3HandlerContext,
  Fc2EventHandler,
  Fc3EventHandler,
  Fc2HttpHandler,
  Fc2HttpHandlerRequest,
  Fc2HttpResponse,
  Fc3HttpHandler,
} from './types/handlers.js';

// Events as FC sends them, built from the parameters that vary; the rest is derived coherently.
export { buildOssEvent, ossEventDefaults } from './triggers/oss/build.js';
export type { OssEventParams, OssEventName } from './triggers/oss/build.js';
export { buildTimerEvent, timerEventDefaults } from './triggers/timer/build.js';
export type { TimerEventParams } from './triggers/timer/build.js';
export { buildMnsEvent, mnsEventDefaults } from './triggers/mns/build.js';
export type { MnsEventParams, MnsFormat, MnsTopicEvent } from './triggers/mns/build.js';
export { buildSlsEvent, slsEventDefaults } from './triggers/sls/build.js';
export type { SlsEventParams } from './triggers/sls/build.js';
export { buildCdnEvent, cdnEventDefaults } from './triggers/cdn/build.js';
export type { CdnEventParams, CdnEventName } from './triggers/cdn/build.js';
export { buildHttpEvent, buildFc2HttpRequest, httpRequestDefaults, encodePath, canonicalHeaderName } from './triggers/http/build.js';
export type { HttpRequestParams, HttpMethod, MultiValue } from './triggers/http/build.js';
export { buildApigwEvent, apigwRequestDefaults } from './triggers/apigw/build.js';
export type { ApigwRequestParams, ApigwMethod, ApigwBodyEncoding, ApigwStage, ApigwSystemParameter } from './triggers/apigw/build.js';
export { buildTablestoreEvent, tablestoreEventDefaults } from './triggers/tablestore/build.js';
export type { TablestoreEventParams, TablestoreRecordType, TablestoreValue, TablestoreCell } from './triggers/tablestore/build.js';
// EventBridge sources: one CloudEvents envelope around each source's data, one event (event-driven) or a batch (event-streaming).
export { buildMnsQueueEvent, mnsQueueEventDefaults } from './triggers/eventbridge/mns-queue/build.js';
export type { MnsQueueEvent, MnsQueueEventParams, MnsQueueData } from './triggers/eventbridge/mns-queue/build.js';
export { buildRocketMqEvent, rocketMqEventDefaults } from './triggers/eventbridge/rocketmq/build.js';
export type { RocketMqEvent, RocketMqEventParams, RocketMqData } from './triggers/eventbridge/rocketmq/build.js';
export { buildRabbitMqEvent, rabbitMqEventDefaults } from './triggers/eventbridge/rabbitmq/build.js';
export type { RabbitMqEvent, RabbitMqEventParams, RabbitMqData } from './triggers/eventbridge/rabbitmq/build.js';
export { buildKafkaEvent, kafkaEventDefaults } from './triggers/eventbridge/kafka/build.js';
export type { KafkaEvent, KafkaEventParams, KafkaData, KafkaValueFormat } from './triggers/eventbridge/kafka/build.js';
export { buildDtsEvent, dtsEventDefaults } from './triggers/eventbridge/dts/build.js';
export type { DtsEvent, DtsEventParams, DtsData, DtsOperation, DtsImage, DtsValue, DtsField } from './triggers/eventbridge/dts/build.js';
export { buildEventBridgeBusEvent, eventBridgeBusEventDefaults } from './triggers/eventbridge/bus/build.js';
export type { EventBridgeBusEvent, EventBridgeOssEvent, EventBridgeCustomEvent, EventBridgeBusEventParams } from './triggers/eventbridge/bus/build.js';
export type { CloudEvent, OneOrBatch, EnvelopeParams } from './triggers/eventbridge/envelope.js';
export { parsePattern, patternMatches } from './triggers/eventbridge/pattern.js';
export type { EventPattern } from './triggers/eventbridge/pattern.js';
export { eventKinds, findKind, buildKind, triggers, triggerModule, triggerIds } from './triggers/modules.js';
export type { EventKind, TriggerId, ConstraintsOf, EventOf } from './triggers/modules.js';
export type { TriggerModule, KindSpec, FlagSpec, BuildOptions } from './triggers/types.js';
export type { Delivery } from './triggers/delivery.js';

// The local FC Node.js runtime.
export { invoke, createInstance, eventBytes } from './runtime/invoke.js';
export type { Handler, Instance, RuntimeOptions } from './runtime/invoke.js';
export type { InvokeOptions } from './runtime/instance.js';
export { resultValue, summaryLine } from './runtime/invocation.js';
export type { Invocation, HttpResponse } from './runtime/invocation.js';
export type { FunctionConfig, Credentials } from './runtime/function-config.js';
export { runtimeNames, platformNames } from './runtime/runtimes.js';
export type { RuntimeName, Platform } from './runtime/runtimes.js';
export type { FcErrorBody, ErrorKind, FailureCause } from './runtime/fc-errors.js';

// Timer triggers: FC's cron dialect and schedules in virtual time.
export { parseTimerExpression } from './timer/expression.js';
export type { TimerExpression, CronTimerExpression, EveryTimerExpression, ParseTimerExpressionOptions } from './timer/expression.js';
export { timerSchedule, firingsFrom } from './timer/schedule.js';
export type { ScheduleWindow } from './timer/schedule.js';
export { scheduledTimerEvents } from './timer/scheduled-events.js';
export type { ScheduledTimerEvent } from './timer/scheduled-events.js';
export { TimerExpressionError } from './timer/timer-expression-error.js';
export { DAY_OF_WEEK_NUMBERS } from './timer/fields.js';
export { MIN_EVERY_SECONDS } from './timer/every.js';

// Remote targets: the same events and checks against a deployed function (HTTP trigger, custom runtime, InvokeFunction).
export { createRemoteTarget } from './remote/target.js';
export type { RemoteTargetSpec, RemoteTargetKind } from './remote/target.js';
export type { RemoteInstance } from './remote/remote-instance.js';
export type { HttpTriggerSpec } from './remote/http-trigger.js';
export type { CustomRuntimeSpec } from './remote/custom-runtime.js';
export type { InvokeApiSpec } from './remote/invoke-api.js';
export type { TransportOptions } from './remote/http-client.js';
export { DEFAULT_RETRY } from './remote/retry.js';
export type { RetryPolicy } from './remote/retry.js';
export { OUTCOMES } from './remote/outcome.js';
export type { Outcome, RemoteResult } from './remote/outcome.js';
export { runLoad } from './remote/load-run.js';
export type { LoadEvent, LoadRecord, LoadOptions, LoadSummary, LoadFailure } from './remote/load-run.js';
export type { LatencySummary } from './remote/stats.js';
export { accessKeyFromEnv } from './remote/credentials.js';
export type { AccessKey } from './remote/credentials.js';

// Projects: Fun template.yml and Serverless Devs s.yaml, their lint rules, tests and local HTTP server.
export { loadProject, PROJECT_FILES } from './project/load.js';
export type { Project, ProjectFunction, ProjectTrigger, CustomDomain, CustomDomainRoute, ProjectFormat, ProjectProblem } from './project/model.js';
export { lintProject } from './project/lint.js';
export type { LintFinding, LintRule } from './project/lint.js';
export { matchingEvents, rejectedEvents, deliveredBy } from './project/matching-events.js';
export { testProject } from './project/project-test.js';
export type { TriggerResult, ProjectTestOptions } from './project/project-test.js';
export { junitXml } from './project/junit.js';
export { startServer } from './serve/server.js';
export type { ServeOptions, RunningServer } from './serve/server.js';
