'use client';

import { useActionState, useState } from 'react';
import { CopyButton } from '@/components/copy-button';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { createScimTokenAction } from '../actions';

type Scope = { value: string; label: string; description: string };

/** "Add token": a button and its dialog. The form remounts on every open, so a shown secret is gone once closed. */
export function AddTokenDialog({ slug, scope }: { slug: string; scope: Scope }) {
  const [open, setOpen] = useState(false);
  const [round, setRound] = useState(0);
  return (
    <>
      <Button
        onClick={() => {
          setRound((r) => r + 1);
          setOpen(true);
        }}
      >
        Add token
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Add a SCIM token"
        description="Your identity provider sends this token with every SCIM request."
      >
        <AddTokenForm key={round} slug={slug} scope={scope} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function AddTokenForm({ slug, scope, onDone }: { slug: string; scope: Scope; onDone: () => void }) {
  const [result, action] = useActionState(createScimTokenAction, null);
  const created = result?.ok ? result.data : undefined;
  if (created) {
    return (
      <div className="space-y-3">
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          Token “{created.name}” created. Copy it now — you won&apos;t see this token again.
        </p>
        <label htmlFor="new-token-secret" className="block text-sm font-medium text-slate-800">
          Token
        </label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <input
            id="new-token-secret"
            autoFocus
            readOnly
            value={created.secret}
            data-testid="new-token-secret"
            className="block w-full min-w-0 rounded-md border-0 bg-slate-50 px-3 py-2 font-mono text-xs ring-1 ring-inset ring-slate-300"
          />
          <div className="shrink-0">
            <CopyButton value={created.secret} label="Copy token" />
          </div>
        </div>
        <p className="text-xs text-slate-500">Paste it into your IdP’s token field (Secret Token, OAuth Bearer Token, SCIM Bearer Token or Token Key).</p>
        <div className="flex justify-end">
          <Button variant="secondary" onClick={onDone}>
            Done
          </Button>
        </div>
      </div>
    );
  }
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  const values = result && !result.ok ? result.values : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="slug" value={slug} />
      <FormMessage result={result} />
      <Field
        label="Name"
        name="name"
        defaultValue={values?.name}
        placeholder="Entra production"
        required
        maxLength={100}
        errors={errors?.name}
        hint="Name it after the IdP that will use it."
      />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">Scope</legend>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="scope"
            value={scope.value}
            defaultChecked={!values || values.scope === scope.value}
            className="mt-0.5"
            aria-describedby="scope-description"
          />
          <span>
            <span className="font-medium">{scope.label}</span>
            <span id="scope-description" className="block text-xs text-slate-500">
              {scope.description}
            </span>
          </span>
        </label>
        {errors?.scope?.[0] ? <p className="text-sm text-red-700">{errors.scope[0]}</p> : null}
      </fieldset>
      <Field
        label="Expires after (days)"
        name="expiresInDays"
        type="number"
        min={1}
        max={3650}
        inputMode="numeric"
        defaultValue={values?.expiresInDays}
        errors={errors?.expiresInDays}
        hint="Optional. Leave empty for a token that does not expire; rotate it by adding a new one before revoking this one."
      />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <SubmitButton pendingText="Creating…">Create token</SubmitButton>
      </div>
    </form>
  );
}
