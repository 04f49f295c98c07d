import { FcSimError } from '../errors.js';
import type { CronFieldName } from './fields.js';

/** What an error points at: a cron field, the CRON_TZ= zone, the @every duration, or the expression as a whole. */
export type TimerExpressionPart = CronFieldName | 'zone' | 'every' | 'expression';

/** Where in the expression text the bad part is, so that a caller can underline it. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * An expression FC would refuse. The message names the part and says what is wrong (`minute field "61": …`).
 *
 * @example
 * ```ts
 * const source = '0 61 * * * *';
 * try {
 *   parseTimerExpression(source);
 * } catch (error) {
 *   if (!(error instanceof TimerExpressionError)) throw error;
 *   console.error(`${error.message}\n${source}\n${' '.repeat(error.span?.start ?? 0)}^ ${error.part}`);
 * }
 * ```
 * @see https://help.aliyun.com/document_detail/171746.html
 */
export class TimerExpressionError extends FcSimError {
  declare readonly code: 'E_TIMER_EXPRESSION';
  constructor(
    message: string,
    readonly part: TimerExpressionPart,
    readonly span: TextSpan | undefined,
    hint?: string,
  ) {
    super('E_TIMER_EXPRESSION', message, hint);
    this.name = 'TimerExpressionError';
  }
}
