/** Health and the settings the client needs (GET /api/health, GET /api/config). */

export interface HealthDto {
  status: 'ok' | 'unavailable';
  database: 'up' | 'down';
}

/** Who runs this installation, for the public accessibility statement (null: the statement's neutral wording). */
export interface AccessibilityContactDto {
  organization: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
}

export interface ClientConfigDto {
  /** Leaflet tile URL template, or null: the map then shows the points without a background. */
  mapTileUrl: string | null;
  mapAttribution: string;
  demoMode: boolean;
}
