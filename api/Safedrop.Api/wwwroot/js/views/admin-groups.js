import { api } from '../api.js';
import { h, show, errorText } from '../dom.js';
import { requireAdmin } from './admin.js';

const MAX_PER_REQUEST = 50;
const SETTLE_MS = 5000;

/** /admin/groups: Security Groups with their members; remove one, or add up to 50 pasted addresses at once. */
export async function groupsView(app) {
  if (!await requireAdmin(app, 'Security Groups')) return;
  const body = h('div', { id: 'groups' }, h('p', { class: 'muted' }, 'Loading…'));
  show(app, h('section', { class: 'card' },
    h('h1', {}, 'Security Groups'),
    h('p', { class: 'muted' }, 'Changes are written back to the SecurityGroup resources, so Git, kubectl and this page agree.')), body);

  // A change is written back to the resource and enforced once the configuration recompiles it (a second or
  // two), so after a change the list is read again until it shows the change, or for at most a few seconds.
  const refresh = async (shows = () => true) => {
    const until = Date.now() + SETTLE_MS;
    try {
      let groups = await api('GET', '/v1/admin/security-groups');
      while (!shows(groups) && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        groups = await api('GET', '/v1/admin/security-groups');
      }
      // Addresses typed into any group's box survive the re-render a change in another group brings.
      const typed = new Map([...body.querySelectorAll('section[data-group]')]
        .map((section) => [section.dataset.group, section.querySelector('.bulk-members')?.value ?? '']));
      show(body, groups.length === 0 ? h('section', { class: 'card' }, h('p', { class: 'muted' }, 'No Security Groups are in force.')) : groups.map(groupCard));
      for (const section of body.querySelectorAll('section[data-group]')) {
        const box = section.querySelector('.bulk-members');
        if (box && typed.get(section.dataset.group)) box.value = typed.get(section.dataset.group);
      }
    } catch (error) {
      show(body, h('section', { class: 'card' }, h('p', { class: 'error' }, errorText(error))));
    }
  };
  const membersOf = (groups, name) => groups.find((g) => g.name === name)?.members.map((m) => m.toLowerCase()) ?? [];

  const groupCard = (group) => {
    const notice = h('div', { class: 'group-notice', role: 'status' });
    // Removing takes effect at once in every Workspace and Dropzone the group reaches: one click asks, the second removes.
    const memberRow = (member) => {
      const buttons = h('span', { class: 'row-buttons' });
      const remove = async () => {
        try {
          await api('DELETE', `/v1/admin/security-groups/${encodeURIComponent(group.name)}/members/${encodeURIComponent(member)}`);
          await refresh((groups) => !membersOf(groups, group.name).includes(member.toLowerCase()));
        } catch (error) {
          show(notice, h('p', { class: 'error' }, errorText(error)));
        }
      };
      const idle = () => show(buttons, h('button', {
        type: 'button', class: 'small link remove-member', 'aria-label': `Remove ${member}`,
        onclick: () => show(buttons, h('span', { class: 'confirm-text' }, `Remove from ${group.name}?`),
          h('button', { type: 'button', class: 'small danger confirm', onclick: remove }, 'Remove'),
          h('button', { type: 'button', class: 'small link cancel', onclick: idle }, 'Cancel')),
      }, 'Remove'));
      idle();
      return h('li', { dataset: { email: member } }, h('span', { class: 'who' }, member), buttons);
    };
    const members = h('ul', { class: 'members' }, group.members.map(memberRow));

    const addresses = h('textarea', { class: 'bulk-members', id: `bulk-${group.name}`, 'aria-label': `Addresses to add to ${group.name}`, placeholder: 'a@example.com, b@example.com' });
    const counter = h('span', { class: 'limits bulk-count' });
    const submit = h('button', { type: 'submit', class: 'add-members' }, 'Add members');
    const count = () => addresses.value.split(',').map((a) => a.trim()).filter(Boolean).length;
    addresses.addEventListener('input', () => {
      const n = count();
      counter.textContent = n === 0 ? '' : `${n} ${n === 1 ? 'address' : 'addresses'}${n > MAX_PER_REQUEST ? ` — at most ${MAX_PER_REQUEST} at once` : ''}`;
    });
    const form = h('form', {
      class: 'bulk-add',
      onsubmit: async (event) => {
        event.preventDefault();
        show(notice);
        submit.disabled = true;
        try {
          const changed = await api('POST', `/v1/admin/security-groups/${encodeURIComponent(group.name)}/members`, { members: addresses.value });
          addresses.value = '';
          await refresh((groups) => changed.members.every((m) => membersOf(groups, group.name).includes(m.toLowerCase())));
          document.querySelector(`section[data-group="${CSS.escape(group.name)}"] .group-notice`)
            ?.replaceChildren(h('p', { class: 'success added' }, `Added ${changed.members.length} ${changed.members.length === 1 ? 'member' : 'members'}: ${changed.members.join(', ')}.`));
        } catch (error) {
          // The whole list was refused: every bad entry is listed, and the text stays for fixing.
          const errors = error.problem?.errors ?? [];
          show(notice, h('div', { class: 'error member-errors' },
            h('p', {}, errorText(error)),
            errors.length ? h('ul', {}, errors.map((e) => h('li', {}, e.entry ? h('strong', {}, e.entry) : null, e.entry ? ': ' : '', e.message))) : null));
          submit.disabled = false;
        }
      },
    },
    h('label', { for: `bulk-${group.name}` }, `Add members (comma-separated, up to ${MAX_PER_REQUEST})`), addresses, counter, submit);

    return h('section', { class: 'card group', dataset: { group: group.name } },
      h('h2', {}, group.displayName || group.name, group.displayName ? h('span', { class: 'muted' }, ` (${group.name})`) : null),
      h('p', { class: 'limits' }, `Grants ${group.permissions.join(', ')}${group.dropzones?.length ? ` on Dropzones ${group.dropzones.join(', ')}` : ''}.`),
      group.members.length ? members : h('p', { class: 'muted' }, 'No members.'),
      notice, form);
  };
  await refresh();
}
