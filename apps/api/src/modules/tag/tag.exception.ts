import { AppException, ErrorCode } from '../../common/app.exception.js';

export class TagNameTakenException extends AppException {
  constructor(name: string) {
    super(ErrorCode.Conflict, `A tag named "${name}" already exists`, {
      fields: [{ path: 'name', message: `"${name}" is already taken` }],
    });
  }
}

export class UnknownTagsException extends AppException {
  constructor(ids: string[]) {
    super(ErrorCode.ValidationFailed, `Invalid input: tagIds has unknown tags: ${ids.join(', ')}`, {
      fields: [{ path: 'tagIds', message: `unknown tags: ${ids.join(', ')}` }],
    });
  }
}

/** SPEC §1: marketing labels `topic` and `campaign` tags only. */
export class TagKindForbiddenException extends AppException {
  constructor(names: string[]) {
    super(
      ErrorCode.Forbidden,
      `Marketing may only add or remove topic and campaign tags; not allowed: ${names.join(', ')}`,
      { tags: names },
    );
  }
}
