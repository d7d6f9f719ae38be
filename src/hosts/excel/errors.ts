// Office.js failures the user can act on, as Italian AppErrors (docs/reference/excel-host.md § Errors).
import { AppError } from "../../app/errors";
import { excelMessages, hostMessages } from "../messages";

export function toAppError(e: unknown): unknown {
  if (e instanceof AppError) return e;
  const code = (e as { code?: string } | null)?.code;
  const message = (e as { message?: string } | null)?.message ?? String(e);
  // A request that never got an answer (network down, Excel on the web unreachable).
  if ((e as Error | null)?.name === "TypeError" && /network|fetch/i.test(message))
    return new AppError("HOST", excelMessages.connectionLost);
  switch (code) {
    case "AccessDenied":
      return new AppError("HOST", excelMessages.protectedUnknown);
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return new AppError("HOST", excelMessages.tooLarge);
    case "ConnectionFailure":
    case "InvalidOrTimedOutSession":
      return new AppError("HOST", excelMessages.connectionLost);
    case "ItemNotFound":
      return new AppError("HOST", hostMessages.layoutChanged(message));
    case "InvalidOperation":
    case "InvalidArgument":
    case "ItemAlreadyExists":
      return new AppError("HOST", excelMessages.excelRefused(message));
  }
  return e;
}
