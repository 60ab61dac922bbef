import type { MeDto, OrganizationDto, Role } from '@samverka/contracts';

/** Test data: organisations of a typical EST partnership. */
export const KOMMUN: OrganizationDto = { id: 'org-kommun', name: 'Örebro kommun', type: 'kommun' };
export const POLIS: OrganizationDto = { id: 'org-polis', name: 'Lokalpolisområde Örebro', type: 'polis' };
export const OBO: OrganizationDto = { id: 'org-obo', name: 'ÖBO', type: 'fastighetsbolag' };

/** A signed-in user with the given roles, in Örebro kommun, with two areas. */
export function me(roles: Role[] = ['coordinator'], overrides: Partial<MeDto> = {}): MeDto {
  return {
    id: 'user-1',
    name: 'Anna Samordnare',
    email: 'anna@example.se',
    roles,
    active: true,
    organization: KOMMUN,
    areas: [
      { id: 'area-vivalla', name: 'Vivalla' },
      { id: 'area-baronbackarna', name: 'Baronbackarna' },
    ],
    language: 'sv',
    ...overrides,
  };
}
