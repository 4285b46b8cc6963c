import { Body, Controller, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { AnyUser } from '../../common/access.decorator.js';
import { CurrentUser, type Principal } from '../../common/principal.js';
import { AvailabilityResultDto, SetAvailabilityDto } from './presence.dto.js';
import { PresenceService } from './presence.service.js';

@ApiTags('users')
@Controller('users')
export class PresenceController {
  constructor(private readonly presence: PresenceService) {}

  /** Only the user sets their own availability (SPEC §3); coming online hands them waiting tickets. */
  @Put('me/availability')
  @AnyUser()
  @ZodResponse({ type: AvailabilityResultDto })
  setAvailability(@CurrentUser() p: Principal, @Body() body: SetAvailabilityDto) {
    return this.presence.setAvailability(p, body);
  }
}
