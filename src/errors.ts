// The few error classes the CLI turns into exit codes and readable messages.
// Each wraps its underlying cause, and the top level prints the message, the
// cause and one line on what to do, never a stack trace.

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_INVALID = 2;
export const EXIT_STALE = 3;

export abstract class CryptodocError extends Error {
  abstract readonly exitCode: number;
  /** One line on what to do next. */
  readonly hint: string | undefined;

  constructor(message: string, options: { cause?: unknown; hint?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.hint = options.hint;
  }
}

/** A command line that cannot be run as given. */
export class UsageError extends CryptodocError {
  override readonly name = "UsageError";
  readonly exitCode = EXIT_INVALID;
}

/** A problem in a file the user gave: each diagnostic is already `file:line:column path: message`. */
export class InputError extends CryptodocError {
  override readonly name = "InputError";
  readonly exitCode = EXIT_INVALID;
  readonly diagnostics: string[];

  constructor(message: string, diagnostics: string[], options: { cause?: unknown; hint?: string } = {}) {
    super(message, options);
    this.diagnostics = diagnostics;
  }
}

/** A live collection that could not start or produced nothing, such as a failed login. */
export class CollectionFailedError extends CryptodocError {
  override readonly name = "CollectionFailedError";
  readonly exitCode = EXIT_INVALID;
}

/** A document or diagram that could not be rendered or written. */
export class RenderError extends CryptodocError {
  override readonly name = "RenderError";
  readonly exitCode = EXIT_INVALID;
}
