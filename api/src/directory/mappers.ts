import type { AreaDetailDto, AreaSummaryDto, CategoryDto, OrganizationDto, PlaceDto, UserDto } from '@samverka/contracts';
import { Area } from './area.entity';
import { Category } from './category.entity';
import { Organization } from './organization.entity';
import { Place } from './place.entity';
import { User } from './user.entity';

// Explicit mapping from rows to responses: we list the fields we return rather than rely on hiding (no password hash).

export const toOrganizationDto = (o: Organization): OrganizationDto => ({ id: o.id, name: o.name, type: o.type });

export const toPlaceDto = (p: Place): PlaceDto => ({
  id: p.id,
  areaId: p.areaId,
  name: p.name,
  latitude: p.latitude,
  longitude: p.longitude,
  responsibleOrganizationId: p.responsibleOrganizationId ?? null,
});

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'sv');

export const toAreaSummaryDto = (a: Area, placeCount: number): AreaSummaryDto => ({
  id: a.id,
  name: a.name,
  description: a.description,
  placeCount,
  partners: [...(a.partners ?? [])].sort(byName).map(toOrganizationDto),
});

export const toAreaDetailDto = (a: Area): AreaDetailDto => ({
  ...toAreaSummaryDto(a, a.places.length),
  places: [...a.places].sort(byName).map(toPlaceDto),
});

export const toCategoryDto = (c: Category): CategoryDto => ({
  id: c.id,
  code: c.code,
  labelSv: c.labelSv,
  labelEn: c.labelEn,
  active: c.active,
  sortOrder: c.sortOrder,
});

export const toUserDto = (u: User): UserDto => ({
  id: u.id,
  name: u.name,
  email: u.email,
  roles: u.roles,
  active: u.active,
  organization: toOrganizationDto(u.organization),
});
