import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Allow, AnyUser } from '../../common/access.decorator.js';
import { IdParamDto } from '../../common/id-param.dto.js';
import { BrandDto, BrandPageDto, CreateBrandDto, ListBrandsQueryDto, UpdateBrandDto } from './brand.dto.js';
import { BrandService } from './brand.service.js';

/** Everyone reads brands (inbox filters, insights); admins manage them (SPEC §1). */
@ApiTags('brands')
@Controller('brands')
export class BrandController {
  constructor(private readonly brands: BrandService) {}

  @Get()
  @AnyUser()
  @ZodResponse({ type: BrandPageDto })
  list(@Query() query: ListBrandsQueryDto) {
    return this.brands.list(query);
  }

  @Get(':id')
  @AnyUser()
  @ZodResponse({ type: BrandDto })
  get(@Param() { id }: IdParamDto) {
    return this.brands.get(id);
  }

  @Post()
  @Allow('admin')
  @ZodResponse({ status: 201, type: BrandDto })
  create(@Body() body: CreateBrandDto) {
    return this.brands.create(body);
  }

  @Patch(':id')
  @Allow('admin')
  @ZodResponse({ type: BrandDto })
  update(@Param() { id }: IdParamDto, @Body() body: UpdateBrandDto) {
    return this.brands.update(id, body);
  }

  @Delete(':id')
  @Allow('admin')
  @HttpCode(204)
  async remove(@Param() { id }: IdParamDto): Promise<void> {
    await this.brands.remove(id);
  }
}
