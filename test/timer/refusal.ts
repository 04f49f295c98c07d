import { expect } from 'vitest';
import { parseTimerExpression } from '../../src/timer/expression.js';
import { TimerExpressionError } from '../../src/timer/timer-expression-error.js';

/** The error parseTimerExpression throws for `source`. */
export function refusal(source: string): TimerExpressionError {
  try {
    parseTimerExpression(source);
  } catch (error) {
    expect(error).toBeInstanceOf(TimerExpressionError);
    return error as TimerExpressionError;
  }
  throw new Error(`accepted: ${source}`);
}
