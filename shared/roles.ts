/** Roles and their scopes (PRODUCT.md). Shared by server and web. */
export const roleNames = ['contributor', 'correspondent', 'dr_officer', 'cell', 'dircom', 'admin'] as const;
export type RoleName = (typeof roleNames)[number];

/** Which scope each role carries: a lab, a delegation, or none (institute-wide or national). */
export const roleScope = {
  contributor: 'lab',
  correspondent: 'lab',
  dr_officer: 'delegation',
  cell: 'none',
  dircom: 'none',
  admin: 'none',
} as const satisfies Record<RoleName, 'lab' | 'delegation' | 'none'>;

export const accountStatuses = ['none', 'invited', 'active', 'disabled'] as const;
export type AccountStatus = (typeof accountStatuses)[number];

export const locales = ['fr', 'en'] as const;
export type Locale = (typeof locales)[number];

export type RoleGrant = { role: RoleName; labId: string | null; delegationId: string | null };
