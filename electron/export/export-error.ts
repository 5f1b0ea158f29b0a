// An export that cannot be made, for a reason the person can act on. It is a BadRequestError,
// so every front door (the window's IPC, browser mode's HTTP, the CLI) shows its message as it is.
import { BadRequestError } from '../handlers/validate.ts';

export class ExportError extends BadRequestError {}
