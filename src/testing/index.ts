// fc-sim/testing: property-based contract tests of FC handlers.
export { checkHandler, ContractFailure, SetupError } from './check-handler.js';
export type { CheckHandlerOptions, CheckSummary } from './check-handler.js';
export { ContractRunner } from './runner.js';
export { judge, enabledChecks } from './judge.js';
export type { Delivered, JudgeOptions } from './judge.js';
export type { CheckOptions, EventOutcome } from './runner.js';
export { checkNames } from './checks.js';
export type { CheckName, CheckFailure, NoAnswer, Property } from './checks.js';
export { prepareSource } from './triggers.js';
export { deliver } from '../triggers/delivery.js';
export type { Delivery } from '../triggers/delivery.js';
export type { EventSource, TriggerName, PreparedSource } from './triggers.js';
export type { TypedEventSource } from './typed-source.js';
export { eventArbitrary } from './event-arbitrary.js';
export { saveFailure, savedEvents, readSavedFailures, isSavedFailure } from './failures.js';
export type { SavedFailure, FailureCorpus } from './failures.js';
export type { FailureReport } from './report.js';
