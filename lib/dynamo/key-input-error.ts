import { AppError } from "@/lib/errors/app-error";

/**
 * A key typed or pasted by a user (URL parameter, key JSON) that cannot address an item. It is an AppError with
 * BAD_REQUEST, so a route handler that lets it through answers 400 with this message rather than 500.
 */
export class KeyInputError extends AppError {
  override name = "KeyInputError";

  constructor(message: string, options?: { cause?: unknown }) {
    super("BAD_REQUEST", message);
    if (options && "cause" in options) this.cause = options.cause;
  }
}
