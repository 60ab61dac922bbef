import type { TextLimit } from './common';

/** The partnership directory: organisations, users and their roles, EST areas with their places, categories. */

/** The roles a user may hold; a user may hold several. */
export const ROLES = ['admin', 'coordinator', 'analyst', 'commander', 'action_owner', 'reporter'] as const;
export type Role = (typeof ROLES)[number];

/** The lengths of the directory's texts (the API's validation). */
export const DIRECTORY_LIMITS = {
  organizationName: { min: 2, max: 200 },
  userName: { min: 2, max: 200 },
  email: { min: 0, max: 254 },
  password: { min: 0, max: 200 },
  areaName: { min: 2, max: 120 },
  areaDescription: { min: 0, max: 2000 },
  placeName: { min: 1, max: 160 },
  categoryCode: { min: 2, max: 40 },
  categoryLabel: { min: 2, max: 80 },
} as const satisfies Record<string, TextLimit>;

/** The kinds of organisation that take part in an EST partnership. */
export const ORGANIZATION_TYPES = ['kommun', 'polis', 'fastighetsbolag', 'naringsliv', 'ovrig'] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

export interface OrganizationDto {
  id: string;
  name: string;
  type: OrganizationType;
}

export interface AreaSummaryDto {
  id: string;
  name: string;
  description: string | null;
  placeCount: number;
  partners: OrganizationDto[];
}

export interface PlaceDto {
  id: string;
  areaId: string;
  name: string;
  latitude: number | null;
  longitude: number | null;
  /** The organisation responsible for the place's physical environment (a safety walk's finding proposes it). */
  responsibleOrganizationId?: string | null;
}

export interface AreaDetailDto extends AreaSummaryDto {
  places: PlaceDto[];
}

export interface CategoryDto {
  id: string;
  code: string;
  labelSv: string;
  labelEn: string;
  active: boolean;
  sortOrder: number;
}

export interface UserDto {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  active: boolean;
  organization: OrganizationDto;
}

export interface CreateOrganizationRequest {
  name: string;
  type: OrganizationType;
}
export type UpdateOrganizationRequest = Partial<CreateOrganizationRequest>;

export interface CreateUserRequest {
  name: string;
  email: string;
  organizationId: string;
  roles: Role[];
  password: string;
}
export interface UpdateUserRequest {
  name?: string;
  email?: string;
  organizationId?: string;
  roles?: Role[];
  active?: boolean;
  password?: string;
}

export interface CreateAreaRequest {
  name: string;
  description?: string | null;
  partnerIds: string[];
}
export type UpdateAreaRequest = Partial<CreateAreaRequest>;

export interface CreatePlaceRequest {
  name: string;
  latitude?: number | null;
  longitude?: number | null;
  /** An organisation of the area's partnership, or null. */
  responsibleOrganizationId?: string | null;
}
export type UpdatePlaceRequest = Partial<CreatePlaceRequest>;

export interface CreateCategoryRequest {
  code: string;
  labelSv: string;
  labelEn: string;
  sortOrder?: number;
}
export interface UpdateCategoryRequest {
  labelSv?: string;
  labelEn?: string;
  sortOrder?: number;
  active?: boolean;
}
