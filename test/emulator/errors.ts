/** Errors the emulator answers with, and their HTTP status codes (Smithy model). */

const STATUS: Record<string, number> = {
  AccessDeniedException: 401,
  AuthorizationException: 403,
  ConflictException: 409,
  ResourceLimitExceededException: 400,
  ResourceNotFoundException: 400,
  FailedDependencyException: 424,
  LicenseUsageException: 412,
  RateLimitExceededException: 429,
  RedirectException: 308,
  ServerInternalException: 500,
  InvalidSignatureException: 403,
  MissingAuthenticationTokenException: 403,
  IncompleteSignatureException: 400,
  UnrecognizedClientException: 400,
  UnknownOperationException: 400,
  SerializationException: 400,
};

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly type: string,
    message: string,
    status?: number,
    /** Extra modelled members of the error body (e.g. RedirectException's `Location`). */
    readonly members: Record<string, string> = {},
  ) {
    super(message);
    this.status = status ?? STATUS[type] ?? 400;
  }
}

export const validation = (message: string): ApiError => new ApiError('ValidationException', message);
export const invalidParameter = (message: string): ApiError => new ApiError('InvalidParameterValueException', message);
export const accessDenied = (message: string): ApiError => new ApiError('AccessDeniedException', message);
export const serialization = (message: string): ApiError => new ApiError('SerializationException', message);
