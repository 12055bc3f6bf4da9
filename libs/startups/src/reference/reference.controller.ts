import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/platform';
import { INDUSTRIES, REGION_TREE } from '@app/reference';
import { INSTRUMENTS, IP_TYPES, PROJECT_KINDS, QUALIFICATION_KINDS, STAGES } from '@app/reference';
import { TRACKS } from '@app/reference';

export class TrackView {
  @ApiProperty({ example: 'semiconductor_materials' }) code: string;
  @ApiProperty({ example: '半导体材料' }) zh: string;
  @ApiProperty({ example: 'Semiconductor materials' }) en: string;
  @ApiProperty({ description: '新质生产力 / strategic emerging industry.' }) nqp: boolean;
}

export class IndustryView {
  @ApiProperty({ example: 'industry' }) key: string;
  @ApiProperty() zh: string;
  @ApiProperty() en: string;
}

export class RegionNodeView {
  @ApiProperty({ example: '320211', description: 'GB/T 2260 code: 2 digits a province, 4 a city, 6 a district.' })
  code: string;
  @ApiProperty({ example: '滨湖区' }) zh: string;
  @ApiProperty({ example: 'Binhu' }) en: string;
  @ApiProperty({ type: () => [RegionNodeView], description: 'The next level (empty for a district).' })
  children: RegionNodeView[];
}

export class ReferenceEnumsView {
  @ApiProperty({ enum: STAGES, isArray: true }) stages: string[];
  @ApiProperty({ enum: PROJECT_KINDS, isArray: true }) projectKinds: string[];
  @ApiProperty({ enum: INSTRUMENTS, isArray: true }) instruments: string[];
  @ApiProperty({ enum: IP_TYPES, isArray: true }) ipTypes: string[];
  @ApiProperty({ enum: QUALIFICATION_KINDS, isArray: true }) qualificationKinds: string[];
}

@ApiTags('reference')
@Public()
@Controller('reference')
export class ReferenceController {
  @Get('tracks')
  @ApiOperation({ summary: '赛道 list; `nqp` marks 新质生产力 / strategic emerging industries.' })
  @ApiOkResponse({ type: [TrackView] })
  tracks(): readonly TrackView[] {
    return TRACKS;
  }

  @Get('industries')
  @ApiOperation({ summary: 'Industries of the 2011 SME size standard (for `industry`).' })
  @ApiOkResponse({ type: [IndustryView] })
  industries(): readonly IndustryView[] {
    return INDUSTRIES;
  }

  @Get('regions')
  @Header('Cache-Control', 'public, max-age=86400')
  @ApiOperation({
    summary:
      'Region tree (province → city → district, zh and en names): every province-, prefecture- and county-level division (NBS codes, 2019); English names where curated, else the Chinese name. Cacheable for a day.',
  })
  @ApiOkResponse({ type: [RegionNodeView] })
  regions(): readonly RegionNodeView[] {
    return REGION_TREE;
  }

  @Get('enums')
  @ApiOperation({ summary: 'Stages, project kinds, instruments, IP types and qualification kinds.' })
  @ApiOkResponse({ type: ReferenceEnumsView })
  enums(): ReferenceEnumsView {
    return {
      stages: [...STAGES],
      projectKinds: [...PROJECT_KINDS],
      instruments: [...INSTRUMENTS],
      ipTypes: [...IP_TYPES],
      qualificationKinds: [...QUALIFICATION_KINDS],
    };
  }
}
