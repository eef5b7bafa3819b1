'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table';
import type { AccessPolicyDto } from '@/lib/policy/find-access-policy';
import { setRoleMappingAction, updateDirectoryPolicyAction } from '../policy-actions';

const roleLabel = { owner: 'Owner', admin: 'Admin', member: 'Member' } as const;
const select = 'block rounded-md border-0 px-3 py-2 text-sm ring-1 ring-slate-300';

/** Role mapping, default role and adoption (owners only; the actions re-check). */
export function RoleMapping({ slug, access }: { slug: string; access: AccessPolicyDto }) {
  const [mapResult, mapAction] = useActionState(setRoleMappingAction, null);
  const [policyResult, policyAction] = useActionState(updateDirectoryPolicyAction, null);
  return (
    <section aria-labelledby="role-mapping-title" className="space-y-3 border-t border-slate-200 pt-4">
      <h3 id="role-mapping-title" className="text-sm font-semibold text-slate-900">
        Role mapping
      </h3>
      <p className="text-sm text-slate-600">
        People get the highest of the roles mapped to their groups, the default role below, and a role granted by hand on the team page.
      </p>
      {access.mappings.length ? (
        <Table caption="Role mappings" density="compact">
          <TableHead>
            <TableRow>
              <TableHeaderCell>Group</TableHeaderCell>
              <TableHeaderCell>Role</TableHeaderCell>
              <TableHeaderCell>Members</TableHeaderCell>
              <TableHeaderCell>
                <span className="sr-only">Actions</span>
              </TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {access.mappings.map((m) => (
              <TableRow key={m.groupId}>
                <TableCell className="font-medium">{m.groupName}</TableCell>
                <TableCell>{roleLabel[m.role]}</TableCell>
                <TableCell>{m.members}</TableCell>
                <TableCell className="text-right">
                  <form action={mapAction}>
                    <input type="hidden" name="slug" value={slug} />
                    <input type="hidden" name="groupId" value={m.groupId} />
                    <input type="hidden" name="role" value="none" />
                    <Button type="submit" variant="link" size="xs" className="text-red-700" aria-label={`Unmap ${m.groupName}`}>
                      Unmap
                    </Button>
                  </form>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      <FormMessage result={mapResult} />
      {access.groups.length ? (
        <form action={mapAction} className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="slug" value={slug} />
          <div className="text-sm font-medium text-slate-800">
            <label htmlFor="mapping-group" className="block">
              Group
            </label>
            <select id="mapping-group" name="groupId" className={select} required defaultValue="">
              <option value="" disabled>
                Choose a pushed group
              </option>
              {access.groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </div>
          <div className="text-sm font-medium text-slate-800">
            <label htmlFor="mapping-role" className="block">
              Maps to
            </label>
            <select id="mapping-role" name="role" className={select} defaultValue="admin">
              <option value="admin">Admin</option>
              <option value="owner">Owner</option>
              <option value="member">Member</option>
            </select>
          </div>
          <SubmitButton variant="secondary" pendingText="Saving…">
            Map group
          </SubmitButton>
        </form>
      ) : (
        <p className="text-sm text-slate-600">No groups yet: push groups from your identity provider, then map them here.</p>
      )}
      <form action={policyAction} className="flex flex-wrap items-end gap-4 border-t border-slate-100 pt-3">
        <input type="hidden" name="slug" value={slug} />
        <div className="text-sm font-medium text-slate-800">
          <label htmlFor="policy-default-role" className="block">
            Default role for provisioned people
          </label>
          <select id="policy-default-role" name="defaultRole" className={select} defaultValue={access.policy.defaultRole}>
            <option value="member">Member</option>
            <option value="admin">Admin</option>
            <option value="owner">Owner</option>
          </select>
        </div>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" name="adoptionEnabled" defaultChecked={access.policy.adoptionEnabled} />
          Adopt matching members (a create whose userName or email matches someone added by hand takes them over)
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" name="guardEnabled" defaultChecked={access.policy.guardEnabled} />
          Hold mass deprovisioning for my approval
        </label>
        <div className="text-sm font-medium text-slate-800">
          <label htmlFor="policy-guard-threshold" className="block">
            Deprovisions allowed per hour
          </label>
          <input
            id="policy-guard-threshold"
            name="guardThreshold"
            inputMode="numeric"
            defaultValue={access.policy.guardThreshold ?? ''}
            placeholder="automatic: max(10, 20 %)"
            className={`${select} w-56`}
            aria-describedby="guard-threshold-error"
          />
          {policyResult && !policyResult.ok && policyResult.fieldErrors?.guardThreshold ? (
            <span id="guard-threshold-error" className="block text-xs text-red-700">
              {policyResult.fieldErrors.guardThreshold[0]}
            </span>
          ) : null}
        </div>
        <SubmitButton variant="secondary" pendingText="Saving…">
          Save policy
        </SubmitButton>
      </form>
      <FormMessage result={policyResult} />
    </section>
  );
}
