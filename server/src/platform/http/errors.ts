/** A field at fault, as named in a problem's `errors` list (dotted path, e.g. `marking.audience`). */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * Typed domain errors. The one error handler (problem.ts) maps each to an RFC 9457
 * problem+json answer; anything else becomes a 500 that hides its internals.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    detail?: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? title);
  }
}

export class ValidationError extends AppError {
  constructor(errors: FieldError[], detail = 'The request has invalid fields.') {
    super(400, 'validation', 'Invalid request', detail, errors);
  }
  static field(field: string, message: string): ValidationError {
    return new ValidationError([{ field, message }], `${field}: ${message}`);
  }
}

export class UnauthorizedError extends AppError {
  constructor(detail = 'Sign in, or present a valid API token.') {
    super(401, 'unauthorized', 'Not authenticated', detail);
  }
}

export class ForbiddenError extends AppError {
  constructor(detail = 'Your role does not allow this action.') {
    super(403, 'forbidden', 'Forbidden', detail);
  }
}

export class NotFoundError extends AppError {
  constructor(what = 'resource') {
    super(404, 'not-found', 'Not found', `No such ${what}, or you may not see it.`);
  }
}

export class ConflictError extends AppError {
  constructor(detail: string, errors?: FieldError[]) {
    super(409, 'conflict', 'Conflict', detail, errors);
  }
}

export class TooManyAttemptsError extends AppError {
  constructor(retryAfterSeconds: number) {
    super(
      429,
      'too-many-attempts',
      'Too many failed sign-ins',
      `Too many failed sign-ins for this account. Try again in ${retryAfterSeconds} s.`,
      undefined,
      { 'retry-after': String(retryAfterSeconds) },
    );
  }
}
