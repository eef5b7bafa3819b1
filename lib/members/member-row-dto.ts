import type { MemberRole, MemberSource, MemberStatus } from '@/db/schema';

/** What the team page shows of a member: never the Drizzle row (../shared/STYLE.md pattern 8). */
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
};
