import { AppException, ErrorCode } from '../../common/app.exception.js';

/** A manager sent fields only admins may change (SPEC §9). */
export class SettingsForbiddenException extends AppException {
  constructor(fields: string[]) {
    super(ErrorCode.Forbidden, `Only admins may change ${fields.join(', ')}; managers may change slaTargets`, {
      fields: fields.map((path) => ({ path, message: 'admins only' })),
    });
  }
}
