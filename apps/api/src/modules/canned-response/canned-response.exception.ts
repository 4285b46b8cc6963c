import { AppException, ErrorCode } from '../../common/app.exception.js';

export class ShortcutTakenException extends AppException {
  constructor(shortcut: string, language: string) {
    super(ErrorCode.Conflict, `The shortcut "${shortcut}" is already used by another ${language} canned response`, {
      fields: [{ path: 'shortcut', message: `"${shortcut}" is already taken in ${language}` }],
    });
  }
}
