import { AppException, ErrorCode } from '../../common/app.exception.js';

export class UnknownMentionedUsersException extends AppException {
  constructor(ids: string[]) {
    super(ErrorCode.ValidationFailed, `Invalid input: mentionedUserIds are not active users: ${ids.join(', ')}`, {
      fields: [{ path: 'mentionedUserIds', message: `not active users: ${ids.join(', ')}` }],
    });
  }
}
