import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AcceptInvitationRequest,
  AreaDetailDto,
  AreaSummaryDto,
  CategoryDto,
  CreateAreaRequest,
  CreateCategoryRequest,
  CreatedInvitationDto,
  CreateInvitationRequest,
  CreateOrganizationRequest,
  CreatePlaceRequest,
  CreateUserRequest,
  InvitationDto,
  InvitationPreviewDto,
  OrganizationDto,
  PlaceDto,
  UpdateAreaRequest,
  UpdateCategoryRequest,
  UpdateOrganizationRequest,
  UpdatePlaceRequest,
  UpdateUserRequest,
  UserDto,
} from '@samverka/contracts';
import { Observable } from 'rxjs';

/** The directory endpoints of the API: organisations, users, areas, places and categories. */
@Injectable({ providedIn: 'root' })
export class DirectoryApi {
  private readonly http = inject(HttpClient);

  /** All organisations. */
  organizations(): Observable<OrganizationDto[]> {
    return this.http.get<OrganizationDto[]>('/api/organizations');
  }
  /** Creates an organisation (admin). */
  createOrganization(body: CreateOrganizationRequest): Observable<OrganizationDto> {
    return this.http.post<OrganizationDto>('/api/organizations', body);
  }
  /** Changes an organisation (admin). */
  updateOrganization(id: string, body: UpdateOrganizationRequest): Observable<OrganizationDto> {
    return this.http.patch<OrganizationDto>(`/api/organizations/${encodeURIComponent(id)}`, body);
  }

  /** The invitations the caller manages (admin: all; coordinator: its partnerships'), newest first. */
  invitations(): Observable<InvitationDto[]> {
    return this.http.get<InvitationDto[]>('/api/invitations');
  }
  /** Creates an invitation; the answer's path holds the single-use link, shown this once. */
  createInvitation(body: CreateInvitationRequest): Observable<CreatedInvitationDto> {
    return this.http.post<CreatedInvitationDto>('/api/invitations', body);
  }
  /** Withdraws a pending invitation. */
  revokeInvitation(id: string): Observable<void> {
    // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- the document answers 204 without a body, as the API check reads it
    return this.http.delete<void>(`/api/invitations/${encodeURIComponent(id)}`);
  }
  /** What an invitation link invites to (public). */
  invitationPreview(token: string): Observable<InvitationPreviewDto> {
    return this.http.get<InvitationPreviewDto>(`/api/invitations/accept/${encodeURIComponent(token)}`);
  }
  /** Accepts an invitation: creates the account (public). */
  acceptInvitation(token: string, body: AcceptInvitationRequest): Observable<UserDto> {
    return this.http.post<UserDto>(`/api/invitations/accept/${encodeURIComponent(token)}`, body);
  }
  /** All users (admin). */
  users(): Observable<UserDto[]> {
    return this.http.get<UserDto[]>('/api/users');
  }
  /** Creates a user (admin). */
  createUser(body: CreateUserRequest): Observable<UserDto> {
    return this.http.post<UserDto>('/api/users', body);
  }
  /** Changes a user (admin). */
  updateUser(id: string, body: UpdateUserRequest): Observable<UserDto> {
    return this.http.patch<UserDto>(`/api/users/${encodeURIComponent(id)}`, body);
  }

  /** The areas the signed-in user may see (for an admin: all). */
  areas(): Observable<AreaSummaryDto[]> {
    return this.http.get<AreaSummaryDto[]>('/api/areas');
  }
  /** One area with its places. */
  area(id: string): Observable<AreaDetailDto> {
    return this.http.get<AreaDetailDto>(`/api/areas/${encodeURIComponent(id)}`);
  }
  /** Creates an area (admin). */
  createArea(body: CreateAreaRequest): Observable<AreaDetailDto> {
    return this.http.post<AreaDetailDto>('/api/areas', body);
  }
  /** Changes an area (admin). */
  updateArea(id: string, body: UpdateAreaRequest): Observable<AreaDetailDto> {
    return this.http.patch<AreaDetailDto>(`/api/areas/${encodeURIComponent(id)}`, body);
  }

  /** Adds a named place to an area (admin). */
  createPlace(areaId: string, body: CreatePlaceRequest): Observable<PlaceDto> {
    return this.http.post<PlaceDto>(`/api/areas/${encodeURIComponent(areaId)}/places`, body);
  }
  /** Changes a place (admin). */
  updatePlace(id: string, body: UpdatePlaceRequest): Observable<PlaceDto> {
    return this.http.patch<PlaceDto>(`/api/places/${encodeURIComponent(id)}`, body);
  }
  /** Deletes a place (admin); 409 `PLACE.IN_USE` when reports refer to it. */
  deletePlace(id: string): Observable<void> {
    // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- the document answers 204 without a body, as the API check reads it
    return this.http.delete<void>(`/api/places/${encodeURIComponent(id)}`);
  }

  /** Report categories; admins may include the inactive ones. */
  categories(includeInactive = false): Observable<CategoryDto[]> {
    const params = includeInactive ? new HttpParams().set('includeInactive', 'true') : undefined;
    return this.http.get<CategoryDto[]>('/api/categories', { params });
  }
  /** Creates a category (admin). */
  createCategory(body: CreateCategoryRequest): Observable<CategoryDto> {
    return this.http.post<CategoryDto>('/api/categories', body);
  }
  /** Changes a category (admin). */
  updateCategory(id: string, body: UpdateCategoryRequest): Observable<CategoryDto> {
    return this.http.patch<CategoryDto>(`/api/categories/${encodeURIComponent(id)}`, body);
  }
}
