import { h, show } from '../dom.js';
import { requireAdmin } from './admin.js';
import { workflowsView } from './workflows.js';

const BASE = '/admin/workflows';

/**
 * /admin/workflows: an admin names a registered user ("Act as"), then works on that user's workflows with the same
 * pages as "My workflows"; every call carries Safedrop-Act-As, which the API honours for workflow endpoints only.
 * The address travels in the query (?as=), so reloading and the pages' own links keep acting for the same user.
 */
export async function adminWorkflowsView(app, rest) {
  const admin = await requireAdmin(app, 'Workflows of a user');
  if (!admin) return;
  const actAs = new URLSearchParams(location.search).get('as')?.trim();
  if (!actAs) {
    const address = h('input', { type: 'email', id: 'act-as-email', required: true, placeholder: 'user@example.com', autocomplete: 'off' });
    show(app, h('section', { class: 'card', id: 'act-as-card' },
      h('h1', {}, 'Workflows of a user'),
      h('p', { class: 'muted' }, 'Act as a registered user (service accounts included) to see, create, change or delete their Personal Workflows. The workflows stay theirs; the audit log records you and them. Acting as someone reaches their workflows only, nothing else.'),
      h('form', {
        class: 'inline-form',
        onsubmit: (event) => {
          event.preventDefault();
          location.assign(`${BASE}?as=${encodeURIComponent(address.value.trim())}`);
        },
      }, h('label', { for: 'act-as-email', class: 'visually-hidden' }, 'Act as'), address, h('button', { type: 'submit', id: 'act-as' }, 'Act as'))));
    return;
  }
  const banner = h('div', { class: 'acting-banner', id: 'acting-as', role: 'status' },
    h('span', {}, 'Acting as ', h('strong', {}, actAs), ` — changes are recorded as made by you (${admin.email}) for ${actAs}.`),
    h('a', { class: 'button small', id: 'stop-acting', href: BASE }, 'Stop acting'));
  await workflowsView(app, rest, { base: BASE, actAs, banner });
}
