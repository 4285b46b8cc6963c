import { AppException, ErrorCode, NotFoundException, ValidationException } from '../../common/app.exception.js';

/** 422: longer than the platform takes, counted the platform's way (SPEC §6), before anything is queued. */
export class ReplyTooLongException extends AppException {
  constructor(length: number, limit: number, platform: string, prefix?: string) {
    super(
      ErrorCode.Unprocessable,
      `Reply is ${length} characters${prefix ? ` (with the ${prefix} prefix)` : ''}; ${platform} allows ${limit}`,
      { fields: [{ path: 'body', message: `is longer than ${limit} characters` }], length, limit },
    );
  }
}

/** 422: `closed` is final (SPEC §3); a new mention opens a new ticket. */
export class TicketClosedForRepliesException extends AppException {
  constructor() {
    super(ErrorCode.Unprocessable, 'The ticket is closed; replies are no longer possible');
  }
}

/** 400: the mention to answer is not part of this ticket. */
export class ReplyMentionException extends ValidationException {
  constructor() {
    super([{ path: 'inReplyToMentionId', message: 'is not a mention of this ticket' }]);
  }
}

/** 422: nothing on the ticket to answer (its mentions were moved away). */
export class NothingToAnswerException extends AppException {
  constructor() {
    super(ErrorCode.Unprocessable, 'The ticket has no mention to reply to');
  }
}

export class ReplyNotFoundException extends NotFoundException {
  constructor() {
    super('Reply');
  }
}

/** 409: only a `failed` reply can be retried. */
export class ReplyNotFailedException extends AppException {
  constructor(status: string) {
    super(ErrorCode.Conflict, `Only a failed reply can be retried; this one is ${status}`, { status });
  }
}
