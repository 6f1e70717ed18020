import { LeadforgeError, type LeadforgeErrorOptions } from "./leadforge-error.js";

/** A config value (seed, mode, size, split…) is invalid. Usage error. */
export class InvalidConfigError extends LeadforgeError {
  constructor(message: string, options?: LeadforgeErrorOptions) {
    super("INVALID_CONFIG", message, { ...options, usage: true });
  }
}

/** A recipe folder or one of its YAML files is missing or malformed. Usage error. */
export class InvalidRecipeError extends LeadforgeError {
  constructor(message: string, options?: LeadforgeErrorOptions) {
    super("INVALID_RECIPE", message, { ...options, usage: true });
  }
}

/** No recipe with the requested id exists. Usage error. */
export class UnknownRecipeError extends LeadforgeError {
  constructor(message: string, options?: LeadforgeErrorOptions) {
    super("UNKNOWN_RECIPE", message, { ...options, usage: true });
  }
}

/** No scheme with the requested name is registered. Usage error. */
export class UnknownSchemeError extends LeadforgeError {
  constructor(message: string, options?: LeadforgeErrorOptions) {
    super("UNKNOWN_SCHEME", message, { ...options, usage: true });
  }
}

/** A different scheme object is already registered under the same name. */
export class SchemeConflictError extends LeadforgeError {
  constructor(message: string, options?: LeadforgeErrorOptions) {
    super("SCHEME_CONFLICT", message, options);
  }
}

/** A scheme was built for a different protocol version than this core speaks. */
export class ProtocolMismatchError extends LeadforgeError {
  constructor(message: string, options?: LeadforgeErrorOptions) {
    super("PROTOCOL_MISMATCH", message, options);
  }
}

/** The installed scheme package version does not satisfy what a recipe or manifest needs. Usage error. */
export class SchemeVersionError extends LeadforgeError {
  constructor(message: string, options?: LeadforgeErrorOptions) {
    super("SCHEME_VERSION", message, { ...options, usage: true });
  }
}

/** The output folder exists and is not empty, and overwriting was not requested. Usage error. */
export class OutputExistsError extends LeadforgeError {
  constructor(message: string, options?: LeadforgeErrorOptions) {
    super("OUTPUT_EXISTS", message, { ...options, usage: true });
  }
}

/** Writing or reading a bundle failed (I/O, encoding). */
export class BundleIoError extends LeadforgeError {
  constructor(message: string, options?: LeadforgeErrorOptions) {
    super("BUNDLE_IO", message, options);
  }
}

/** A table's data does not match its declared schema (internal contract breach). */
export class TableSchemaError extends LeadforgeError {
  constructor(message: string, options?: LeadforgeErrorOptions) {
    super("TABLE_SCHEMA", message, options);
  }
}

/** A bundle failed validation. */
export class BundleValidationError extends LeadforgeError {
  constructor(message: string, options?: LeadforgeErrorOptions) {
    super("BUNDLE_INVALID", message, options);
  }
}

/** The run was cancelled (Ctrl-C, AbortSignal). */
export class CancelledError extends LeadforgeError {
  constructor(
    message = "Generation was cancelled; no bundle was written.",
    options?: LeadforgeErrorOptions,
  ) {
    super("CANCELLED", message, options);
  }
}
