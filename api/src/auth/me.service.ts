import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MeDto } from '@samverka/contracts';
import { DataSource } from 'typeorm';
import { AreasService } from '../directory/areas';
import { toUserDto } from '../directory/mappers';
import { User } from '../directory/user.entity';
import { AuthUser } from './access.decorators';

/** Builds the signed-in user's own view: account, organisation and the areas of their partnerships. */
@Injectable()
export class MeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly areas: AreasService,
  ) {}

  async me(user: AuthUser): Promise<MeDto> {
    const row = await this.db.getRepository(User).findOneOrFail({ where: { id: user.id }, relations: { organization: true } });
    const areas = await this.areas.listVisible(user);
    return { ...toUserDto(row), areas: areas.map((a) => ({ id: a.id, name: a.name })), language: row.language };
  }
}
