import type { MemberRole, MemberSource, MemberStatus } from '@/db/schema';

/** What the team page shows of a member: never the Drizzle row (docs/architecture.md pattern 8). */
export type MemberRowDto = {
  id: string;
  name: string;
  email: string | null;
  userName: string;
  role: MemberRole;
  status: MemberStatus;
  source: MemberSource;
  hasAccount: boolean;
  invitePending: boolean;
  createdAt: string;
  updatedAt: string;
  groups: string[];
  /** Where the role comes from: "via Platform-Leads", "granted by hand", … ('' for a plain member). */
  roleFrom: string;
  /** True when a mapped group gives the role: it cannot be taken away by hand. */
  roleFromDirectory: boolean;
};
