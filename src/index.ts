// The fc-sim library: schemas, validation and the types of every FC trigger payload.
export { schemaCatalog, schemaNames, isSchemaName, loadSchema, schemaPath } from './schema/catalog.js';
export type { SchemaName, SchemaKind, JsonSchema } from './schema/catalog.js';
export { validate, assertValid, EventValidationError } from './schema/validate.js';
export type { ValidateOptions, ValidationResult } from './schema/validate.js';
export { formatIssue } from './schema/issues.js';
export type { ValidationIssue } from './schema/issues.js';
export { detectSchema } from './schema/detect.js';
export type { Detection } from './schema/detect.js';
export { FcSimError } from './errors.js';
export type { FcSimErrorCode } from './errors.js';
export type * from './types/generated.js';
