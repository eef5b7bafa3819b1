'use client';

import { useActionState, useState } from 'react';
import type { SsoIdp, SsoMatchAttribute } from '@/db/schema/sso';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { Field } from '@/components/ui/field';
import type { SsoSettingsDto } from '@/lib/sso/sso-settings-dto';
import { saveSsoConnectionAction } from '../sso-actions';

export type PresetDto = { id: SsoIdp; name: string; issuerHint: string; claim: string; matchAttribute: SsoMatchAttribute };

const selectClass =
  'block w-full rounded-md border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-indigo-600';

/** The OIDC settings. Picking an IdP fills in its claim defaults, which the owner may change. */
export function SsoForm({ slug, settings, presets }: { slug: string; settings: SsoSettingsDto | null; presets: PresetDto[] }) {
  const [result, action] = useActionState(saveSsoConnectionAction, null);
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  const values = result && !result.ok ? result.values : undefined;
  const [idp, setIdp] = useState<string>(values?.idp ?? settings?.idp ?? 'entra');
  const preset = presets.find((p) => p.id === idp) ?? presets[0];
  const [claim, setClaim] = useState(values?.claim ?? settings?.claim ?? preset?.claim ?? 'email');
  const [matchAttribute, setMatchAttribute] = useState<string>(values?.matchAttribute ?? settings?.matchAttribute ?? preset?.matchAttribute ?? 'userName');
  function pick(id: string) {
    setIdp(id);
    const next = presets.find((p) => p.id === id);
    if (next) {
      setClaim(next.claim);
      setMatchAttribute(next.matchAttribute);
    }
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage result={result} />
      <input type="hidden" name="slug" value={slug} />
      <div className="space-y-1">
        <label htmlFor="sso-idp" className="block text-sm font-medium text-slate-800">
          Identity provider
        </label>
        <select id="sso-idp" name="idp" value={idp} onChange={(e) => pick(e.target.value)} className={selectClass}>
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <Field
        label="Issuer URL"
        name="issuer"
        defaultValue={values?.issuer ?? settings?.issuer}
        placeholder={preset?.issuerHint}
        hint="Roster fetches <issuer>/.well-known/openid-configuration when you save"
        errors={errors?.issuer}
        required
      />
      <Field label="Client ID" name="clientId" defaultValue={values?.clientId ?? settings?.clientId} errors={errors?.clientId} required autoComplete="off" />
      <Field
        label="Client secret"
        name="clientSecret"
        type="password"
        autoComplete="new-password"
        placeholder={settings ? 'Stored (encrypted): leave empty to keep it' : ''}
        hint={settings ? 'Never shown again. Paste a new one to replace it.' : 'Stored encrypted; never shown again.'}
        errors={errors?.clientSecret}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Claim to match"
          name="claim"
          value={claim}
          onChange={(e) => setClaim(e.target.value)}
          hint="A claim of the ID token, e.g. preferred_username, email, oid, sub"
          errors={errors?.claim}
          required
        />
        <div className="space-y-1">
          <label htmlFor="sso-match" className="block text-sm font-medium text-slate-800">
            Against the SCIM attribute
          </label>
          <select id="sso-match" name="matchAttribute" value={matchAttribute} onChange={(e) => setMatchAttribute(e.target.value)} className={selectClass}>
            <option value="userName">userName (case-insensitive)</option>
            <option value="email">email (case-insensitive)</option>
            <option value="externalId">externalId (exact)</option>
          </select>
        </div>
      </div>
      <label className="flex items-start gap-2 text-sm text-slate-800">
        <input type="checkbox" name="requireSso" defaultChecked={values ? values.requireSso === 'on' : settings?.requireSso} className="mt-1" />
        <span>
          <span className="font-medium">Require SSO</span>
          <span className="block text-xs text-slate-600">
            Members can no longer use a password here. Owners keep theirs, as a way back in if the IdP is down.
          </span>
        </span>
      </label>
      <div className="flex flex-wrap items-start gap-4">
        <label className="flex items-start gap-2 text-sm text-slate-800">
          <input type="checkbox" name="jitEnabled" defaultChecked={values ? values.jitEnabled === 'on' : settings?.jitEnabled} className="mt-1" />
          <span>
            <span className="font-medium">Just-in-time members</span>
            <span className="block text-xs text-slate-600">
              Off: only people your directory provisioned get in. On: anyone your IdP lets through becomes a member.
            </span>
          </span>
        </label>
        <div className="space-y-1">
          <label htmlFor="sso-jit-role" className="block text-sm font-medium text-slate-800">
            Role for them
          </label>
          <select id="sso-jit-role" name="jitRole" defaultValue={values?.jitRole ?? settings?.jitRole ?? 'member'} className={selectClass}>
            <option value="member">member</option>
            <option value="admin">admin</option>
          </select>
        </div>
      </div>
      <SubmitButton pendingText="Checking the issuer…">Save single sign-on</SubmitButton>
    </form>
  );
}
