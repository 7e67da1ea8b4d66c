/** Coded errors. User-facing wording lives in messages.ts; these carry detail for logs and start-up. */

export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'CONTENT_INVALID'
  | 'UNKNOWN_COUNCIL'
  | 'UNKNOWN_ROLE'
  | 'NOT_AUTHORISED'
  | 'DELIVERY_RATE_LIMITED'
  | 'DELIVERY_TRANSIENT'
  | 'DELIVERY_PERMANENT'
  | 'STORE_FAILURE';

export class BotError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A configuration variable is missing, malformed or contradicts another. */
export class ConfigError extends BotError {
  constructor(message: string) {
    super('CONFIG_INVALID', message);
  }
}

/** A content file is malformed; the message names the file, the clause and what is wrong. */
export class ContentError extends BotError {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly clause?: string,
  ) {
    super('CONTENT_INVALID', `${file}${clause ? ` (clause ${clause})` : ''}: ${detail}`);
  }
}

export class UnknownCouncilError extends BotError {
  constructor(
    readonly council: string,
    readonly known: readonly string[],
  ) {
    super('UNKNOWN_COUNCIL', `Unknown council "${council}". Known councils: ${known.join(', ')}.`);
  }
}

export class UnknownRoleError extends BotError {
  constructor(readonly role: string) {
    super('UNKNOWN_ROLE', `Unknown role "${role}". Use councillor or officer.`);
  }
}

export class NotAuthorisedError extends BotError {
  constructor(action: string) {
    super('NOT_AUTHORISED', `Only officers may ${action}.`);
  }
}

/** Thrown by a courier; the outbox decides what to do from the code. */
export class DeliveryError extends BotError {
  constructor(
    code: 'DELIVERY_RATE_LIMITED' | 'DELIVERY_TRANSIENT' | 'DELIVERY_PERMANENT',
    message: string,
    /** For rate limits: how long the platform asked us to wait (Retry-After). */
    readonly retryAfterMs?: number,
  ) {
    super(code, message);
  }
}
