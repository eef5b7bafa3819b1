import type { SetupSignals } from '@/lib/audit/audit-activity';
import { RefreshWhileWaiting } from './refresh-while-waiting';

type Item = { key: keyof SetupSignals; label: string; waiting: string };

// Generic steps first, then the first calls each IdP makes when it is set up (DESIGN.md).
const generic: Item[] = [
  { key: 'authenticated', label: 'First request authenticated', waiting: 'Paste the endpoint and a token into your IdP and save.' },
  { key: 'userProvisioned', label: 'First user provisioned', waiting: 'Assign a user to the app in your IdP (or provision on demand).' },
  { key: 'groupPushed', label: 'First group pushed', waiting: 'Assign or push a group to the app in your IdP.' },
];

const perIdp: Item[] = [
  {
    key: 'entraTestConnection',
    label: 'Microsoft Entra ID: Test Connection succeeded',
    waiting: 'In Entra, Provisioning → Admin Credentials → Test Connection.',
  },
  { key: 'oktaLookup', label: 'Okta: userName lookup succeeded', waiting: 'Okta looks a user up by userName before creating them: assign a user.' },
  { key: 'oneloginGroups', label: 'OneLogin: groups read (GET /Groups)', waiting: 'Enable provisioning in the OneLogin app and save.' },
  {
    key: 'jumpcloudTestUser',
    label: 'JumpCloud: test user created and deleted',
    waiting: 'In JumpCloud, Identity Management → Test Connection with a test user email.',
  },
];

function Step({ item, done }: { item: Item; done: boolean }) {
  return (
    <li className="flex gap-3" data-done={done}>
      <span
        aria-hidden="true"
        className={`mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${done ? 'bg-green-600 text-white' : 'ring-1 ring-slate-300'}`}
      >
        {done ? '✓' : ''}
      </span>
      <div>
        <p className={`text-sm ${done ? 'text-slate-900' : 'text-slate-700'}`}>
          {item.label}
          <span className="sr-only">{done ? ': done' : ': not yet'}</span>
        </p>
        {!done ? <p className="text-xs text-slate-500">{item.waiting}</p> : null}
      </div>
    </li>
  );
}

/** Ticks off from the real traffic in the sync log, so the owner sees their IdP's calls arrive. */
export function SetupChecklist({ signals }: { signals: SetupSignals }) {
  return (
    <section aria-labelledby="setup-checklist-title" className="space-y-3">
      <div>
        <h3 id="setup-checklist-title" className="text-sm font-semibold text-slate-900">
          Setup checklist
        </h3>
        <p className="text-xs text-slate-500">Watches the calls your IdP makes and ticks as they arrive.</p>
        {/* Until the first user and group arrive; each IdP's own first call comes before those. */}
        {generic.every((item) => signals[item.key]) ? null : <RefreshWhileWaiting />}
      </div>
      <ul className="space-y-2" aria-label="Setup steps">
        {generic.map((item) => (
          <Step key={item.key} item={item} done={signals[item.key]} />
        ))}
      </ul>
      <ul className="grid gap-2 border-t border-slate-100 pt-3 sm:grid-cols-2" aria-label="First calls per identity provider">
        {perIdp.map((item) => (
          <Step key={item.key} item={item} done={signals[item.key]} />
        ))}
      </ul>
    </section>
  );
}
