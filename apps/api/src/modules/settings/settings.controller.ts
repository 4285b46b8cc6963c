import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { AnyUser, MANAGERS, Allow } from '../../common/access.decorator.js';
import { CurrentUser, type Principal } from '../../common/principal.js';
import { SettingsDto, UpdateSettingsDto } from './settings.dto.js';
import { SettingsService } from './settings.service.js';

/** Everyone reads the workspace settings (time zone, SLA targets); admins change them, managers `slaTargets`. */
@ApiTags('settings')
@Controller('settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @AnyUser()
  @ZodResponse({ type: SettingsDto })
  get() {
    return this.settings.get();
  }

  @Patch()
  @Allow(...MANAGERS)
  @ZodResponse({ type: SettingsDto })
  update(@CurrentUser() actor: Principal, @Body() body: UpdateSettingsDto) {
    return this.settings.update(actor, body);
  }
}
