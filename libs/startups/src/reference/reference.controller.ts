import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/platform';
import { INDUSTRIES } from '@app/reference';
import { INSTRUMENTS, IP_TYPES, PROJECT_KINDS, QUALIFICATION_KINDS, STAGES } from '@app/reference';
import { TRACKS } from '@app/reference';

@ApiTags('reference')
@Public()
@Controller('reference')
export class ReferenceController {
  @Get('tracks')
  @ApiOperation({ summary: '赛道 list; `nqp` marks 新质生产力 / strategic emerging industries.' })
  @ApiOkResponse({ schema: { example: [{ code: 'semiconductor_materials', zh: '半导体材料', en: 'Semiconductor materials', nqp: true }] } })
  tracks() {
    return TRACKS;
  }

  @Get('industries')
  @ApiOperation({ summary: 'Industries of the 2011 SME size standard (for `industry`).' })
  industries() {
    return INDUSTRIES;
  }

  @Get('enums')
  @ApiOperation({ summary: 'Stages, project kinds, instruments, IP types and qualification kinds.' })
  enums() {
    return { stages: STAGES, projectKinds: PROJECT_KINDS, instruments: INSTRUMENTS, ipTypes: IP_TYPES, qualificationKinds: QUALIFICATION_KINDS };
  }
}
