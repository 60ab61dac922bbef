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

/** A person named by id and name (e.g. the active people of an organisation, whom an action can be assigned to). */
export interface PersonDto {
  id: string;
  name: string;
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

// ---- invitations ----------------------------------------------------------------------------------------------------

/** An invitation link is valid this many days, and once. */
export const INVITATION_VALID_DAYS = 7;
/** The roles a coordinator may give in an invitation (to its partners' people, e.g. shop staff); admins give any. */
export const COORDINATOR_INVITABLE_ROLES = ['reporter', 'action_owner'] as const satisfies readonly Role[];
export const INVITATION_STATUSES = ['pending', 'accepted', 'expired', 'revoked'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** An invitation to join Samverka as a person of an organisation; the link itself is shown only when it is created. */
export interface InvitationDto {
  id: string;
  email: string;
  organization: OrganizationDto;
  roles: Role[];
  status: InvitationStatus;
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
}

/** The answer to creating an invitation: the single-use link's path (with its secret token), shown this once. */
export interface CreatedInvitationDto extends InvitationDto {
  path: string;
}

export interface CreateInvitationRequest {
  email: string;
  organizationId: string;
  roles: Role[];
}

/** What the invited person sees before setting a name and a password. */
export interface InvitationPreviewDto {
  email: string;
  organizationName: string;
  roles: Role[];
  expiresAt: string;
}

export interface AcceptInvitationRequest {
  name: string;
  password: string;
}
