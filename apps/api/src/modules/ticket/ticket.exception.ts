import { AppException, ErrorCode } from '../../common/app.exception.js';

/** 404 for tickets that do not exist AND for those the caller may not see (SPEC §1: ids reveal nothing). */
export class TicketNotFoundException extends AppException {
  constructor() {
    super(ErrorCode.NotFound, 'Ticket not found');
  }
}

/** 409 with the current ticket in `details.current` (SPEC §9). */
export class StaleTicketException extends AppException {
  constructor(current: unknown) {
    super(ErrorCode.Conflict, 'The ticket was changed by someone else; reload it and try again', { current });
  }
}

export class TicketRuleException extends AppException {
  constructor(message: string, details?: unknown) {
    super(ErrorCode.Unprocessable, message, details);
  }
}
