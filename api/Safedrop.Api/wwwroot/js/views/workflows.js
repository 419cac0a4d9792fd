import { api, currentUser } from '../api.js';
import { h, show, errorText, formatDate } from '../dom.js';
import { signInCard } from './sign-in.js';

export const TRIGGERS = [
  // Worded without "me": an admin acting for the owner reads the same list.
  ['PackageReceived', 'A package arrives for the owner'],
  ['PackageSent', 'The owner sends a package'],
  ['TransferCompleted', 'A recipient downloaded every file the owner sent'],
  ['DropzoneUploadReceived', 'An upload arrives in the owner\'s Dropzone'],
  ['WorkspaceFileUploaded', 'A file is uploaded to the owner\'s Workspace'],
];
const FILTERS = [
  ['dropzones', 'Only these Dropzones', 'invoices, receipts'],
  ['workspaces', 'Only these Workspaces', 'projects'],
  ['senderDomains', 'Only senders from these domains', 'partner.example'],
  ['fileNamePatterns', 'Only files named like', '*.pdf, invoice-*'],
];
const SETTLE_MS = 5000;

/**
 * "My workflows" (/workflows…), or the same pages for an admin acting for a user (/admin/workflows…?as=user): then
 * every call carries Safedrop-Act-As and a banner says so. `rest` is the path after the base: '', 'new', '{name}' or
 * '{name}/runs'.
 */
export async function workflowsView(app, rest, { base = '/workflows', actAs = null, banner = null } = {}) {
  const user = await currentUser();
  if (!user) {
    show(app, signInCard({ title: 'Sign in to see your workflows', onSignedIn: () => location.reload() }));
    return;
  }
  const headers = actAs ? { 'Safedrop-Act-As': actAs } : {};
  const call = (method, path, body) => api(method, path, body, headers);
  const owner = actAs || user.email;
  const page = { base, actAs, owner, call, href: (path = '') => `${base}${path ? `/${path}` : ''}${actAs ? `?as=${encodeURIComponent(actAs)}` : ''}` };
  const [first, second] = rest.split('/').filter(Boolean).map(decodeURIComponent);
  // Who holds PersonalWorkflows is known from /v1/me for oneself; for someone acted for, the API says so on create.
  page.permission = actAs ? null : user.permissions?.find((p) => p.permission === 'PersonalWorkflows');
  const content = h('div', { id: 'workflows-page' });
  show(app, banner, content);
  // Saving shows the list in place (history.pushState); going back re-reads the page the address names.
  window.addEventListener('popstate', () => location.reload(), { once: true });
  if (!first) await listView(content, page);
  else if (first === 'new' && !second) editorView(content, page, null);
  else if (second === 'runs') await runsView(content, page, first);
  else await editorView(content, page, first);
}

/** Reads the list, again and again for a few seconds until `shows(list)`: a change is in force once the configuration recompiles. */
async function settledList(page, shows = () => true) {
  const until = Date.now() + SETTLE_MS;
  let list = await page.call('GET', '/v1/workflows');
  while (!shows(list) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    list = await page.call('GET', '/v1/workflows');
  }
  return list;
}

async function listView(content, page, shows) {
  const body = h('div', { id: 'workflow-list-body' }, h('p', { class: 'muted' }, 'Loading…'));
  const notice = h('div', { id: 'workflow-notice', role: 'status' });
  show(content, h('section', { class: 'card' },
    h('div', { class: 'title-row' },
      h('h1', {}, page.actAs ? `Workflows of ${page.owner}` : 'My workflows'),
      h('a', { class: 'button small', id: 'new-workflow', href: page.href('new') }, 'New workflow')),
    h('p', { class: 'muted' }, `Workflows run on events about items ${page.actAs ? `${page.owner} owns` : 'you own'}, and only those. At most 5 run per person.`),
    page.permission && !page.permission.held
      ? h('div', { class: 'error problem', id: 'workflows-not-permitted', role: 'alert' },
        h('strong', {}, 'You do not hold the PersonalWorkflows permission'),
        h('p', {}, `${sentence(page.permission.reason)} Ask an admin to add you to a Security Group that grants it.`.trim()))
      : null,
    notice, body));
  if (page.permission && !page.permission.held) content.querySelector('#new-workflow')?.remove();
  let list;
  try {
    list = await settledList(page, shows);
  } catch (error) {
    show(body, problemBlock(error));
    content.querySelector('#new-workflow')?.remove();
    return;
  }
  const refresh = (shows2) => listView(content, page, shows2);
  show(body, list.length === 0
    ? h('p', { class: 'muted', id: 'workflows-empty' }, 'No workflows yet.')
    : h('table', { class: 'boxes', id: 'workflow-list' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Workflow'), h('th', {}, 'Trigger'), h('th', {}, 'State'), h('th', {}, 'Runs'), h('th', {}, h('span', { class: 'visually-hidden' }, 'Actions')))),
      h('tbody', {}, list.map((w) => workflowRow(w, page, notice, refresh)))));
}

function workflowRow(w, page, notice, refresh) {
  const buttons = h('span', { class: 'row-buttons' });
  const act = async (method, path, shows) => {
    show(notice);
    try {
      await page.call(method, path);
      await refresh(shows);
    } catch (error) {
      show(notice, problemBlock(error));
    }
  };
  const path = `/v1/workflows/${encodeURIComponent(w.name)}`;
  const toggle = w.enabled === false
    ? h('button', { type: 'button', class: 'small secondary enable', onclick: () => act('POST', `${path}/enable`, (l) => l.find((x) => x.name === w.name)?.enabled !== false) }, 'Enable')
    : h('button', { type: 'button', class: 'small secondary disable', onclick: () => act('POST', `${path}/disable`, (l) => l.find((x) => x.name === w.name)?.enabled === false) }, 'Disable');
  // Deleting removes the workflow and its slot: one click asks, the second deletes.
  const idle = () => show(buttons, toggle, h('button', {
    type: 'button', class: 'small danger delete', 'aria-label': `Delete ${w.name}`,
    onclick: () => show(buttons, h('span', { class: 'confirm-text' }, `Delete ${w.name}?`),
      h('button', { type: 'button', class: 'small danger confirm', onclick: () => act('DELETE', path, (l) => !l.some((x) => x.name === w.name)) }, 'Delete'),
      h('button', { type: 'button', class: 'small link cancel', onclick: idle }, 'Cancel')),
  }, 'Delete'));
  idle();
  const trigger = TRIGGERS.find(([value]) => value === w.trigger);
  return h('tr', { dataset: { workflow: w.name } },
    h('td', {}, h('a', { class: 'edit', href: page.href(encodeURIComponent(w.name)) }, w.name), h('div', { class: 'limits who' }, w.owner)),
    h('td', { class: 'trigger' }, trigger ? trigger[1] : h('span', { class: 'muted' }, '—')),
    h('td', { class: 'state' },
      h('span', { class: 'badges' }, h('span', { class: `badge ${w.status.ready ? 'state-ready' : 'state-not-ready'} ready` }, w.status.ready ? 'Ready' : w.status.reason),
      w.enabled === false ? h('span', { class: 'badge state-disabled enabled' }, 'Disabled') : null),
      w.status.ready ? null : h('div', { class: 'limits reason' }, notRunning(w, false))),
    h('td', {}, h('a', { class: 'runs', href: page.href(`${encodeURIComponent(w.name)}/runs`) }, 'Run history')),
    h('td', { class: 'row-actions' }, buttons));
}

/**
 * Why a workflow does not run, from its Ready condition: it never runs (LimitExceeded, MissingPermission, ...), or this
 * version was refused while an earlier one stays in force. Null when it is Ready. The list's badge already names the
 * reason, so its row leaves it out (`withReason` false).
 */
function notRunning(w, withReason = true) {
  if (w.status.ready) return null;
  const why = withReason ? `${w.status.reason} — ${w.status.message}` : w.status.message;
  return w.inForce ? `This version does not run: ${why} The previous version stays in force.` : `Does not run: ${why}`;
}

/** "restricted to x" → "Restricted to x." */
const sentence = (text) => (text ? `${text[0].toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}` : '');

const list = (text) => text.split(',').map((s) => s.trim()).filter(Boolean);

async function editorView(content, page, name) {
  let current = null;
  if (name) {
    show(content, h('section', { class: 'card' }, h('p', { class: 'muted' }, 'Loading…')));
    try {
      // The declared workflow, in force or not: one that does not run opens with its settings, to be fixed.
      current = await page.call('GET', `/v1/workflows/${encodeURIComponent(name)}`);
    } catch (error) {
      show(content, h('section', { class: 'card' }, error?.status === 404
        ? [h('h1', {}, 'Not found'), h('p', { class: 'error' }, `There is no workflow named ${name}.`)]
        : problemBlock(error)));
      return;
    }
  }

  const nameInput = h('input', { type: 'text', id: 'wf-name', required: true, pattern: '[a-z0-9]+(-+[a-z0-9]+)*', maxlength: 63, placeholder: 'e.g. invoices-to-accounting', value: name ?? '', disabled: Boolean(name) });
  const description = h('input', { type: 'text', id: 'wf-description', maxlength: 500, placeholder: 'Optional', value: current?.description ?? '' });
  const trigger = h('select', { id: 'wf-trigger' }, TRIGGERS.map(([value, text]) => h('option', { value, selected: current?.trigger === value }, text)));
  const filters = FILTERS.map(([key, label, placeholder]) => [key, label,
    h('input', { type: 'text', id: `wf-filter-${key}`, placeholder, value: (current?.filters?.[key] ?? []).join(', ') })]);
  const enabled = h('input', { type: 'checkbox', id: 'wf-enabled', checked: current ? current.enabled !== false : true });
  const actions = h('div', { id: 'wf-actions' });
  const addAction = (action) => actions.append(actionEditor(action, () => renumber(actions)));
  for (const action of current?.actions ?? [{ email: { to: [] } }]) addAction(action);
  renumber(actions);

  const result = h('div', { id: 'wf-result', role: 'status' });
  const submit = h('button', { type: 'submit', id: 'save-workflow' }, name ? 'Save changes' : 'Create workflow');
  const form = h('form', {
    id: 'workflow-editor',
    onsubmit: async (event) => {
      event.preventDefault();
      submit.disabled = true;
      show(result, h('p', { class: 'muted' }, 'Saving…'));
      const body = {
        // On an edit an emptied description clears it; a new workflow simply has none.
        description: name ? description.value.trim() : description.value.trim() || undefined,
        trigger: trigger.value,
        filters: Object.fromEntries(filters.map(([key, , input]) => [key, list(input.value)])),
        actions: [...actions.querySelectorAll('.action')].map((node) => node.read()),
        enabled: enabled.checked,
      };
      try {
        const changed = name
          ? await page.call('PUT', `/v1/workflows/${encodeURIComponent(name)}`, body)
          : await page.call('POST', '/v1/workflows', { name: nameInput.value.trim(), ...body });
        if (changed.warning) {
          show(result, h('p', { class: 'error warning' }, changed.warning), h('a', { href: page.href() }, 'Back to the list'));
          return;
        }
        // Back to the list, read until its status judged the saved generation: then it says whether it runs, and why not.
        const saved = changed.name;
        history.pushState(null, '', page.href());
        await listView(content, page, (all) => {
          const w = all.find((x) => x.name === saved);
          if (!w || w.status.reason === 'Pending') return false;
          return changed.generation == null || (w.status.observedGeneration ?? 0) >= changed.generation;
        });
      } catch (error) {
        show(result, problemBlock(error));
        submit.disabled = false;
      }
    },
  },
  h('label', { for: 'wf-name' }, 'Name (lower-case letters, digits and -)'), nameInput,
  h('label', { for: 'wf-description' }, 'Description'), description,
  h('label', { for: 'wf-trigger' }, 'When'), trigger,
  h('h3', {}, 'Only when'),
  h('p', { class: 'fixed-filter', id: 'wf-default-filter' },
    h('span', { class: 'badge' }, 'Always'), ` Only items ${page.actAs ? `${page.owner} owns` : 'you own'}: `,
    h('code', {}, current?.defaultFilter ?? `PackageOwnerId == ${page.owner}`),
    h('span', { class: 'muted' }, ' — fixed; the filters below can only narrow it.')),
  filters.flatMap(([key, label, input]) => [h('label', { for: `wf-filter-${key}` }, `${label} (comma-separated, optional)`), input]),
  h('h3', {}, 'Then'),
  actions,
  h('button', { type: 'button', class: 'small secondary', id: 'add-action', onclick: () => { addAction({ email: { to: [] } }); renumber(actions); } }, 'Add action'),
  h('label', { class: 'checkbox' }, enabled, ' Enabled'),
  submit, result);

  show(content, h('section', { class: 'card' },
    h('div', { class: 'title-row' }, h('h1', {}, name ? `Edit ${name}` : 'New workflow'), h('a', { class: 'close', href: page.href() }, 'Back to the list')),
    current && !current.status.ready
      ? h('div', { class: 'error problem', id: 'wf-not-in-force', role: 'alert', dataset: { reason: current.status.reason } }, h('p', {}, notRunning(current)))
      : null,
    form));
}

function renumber(actions) {
  [...actions.querySelectorAll('.action')].forEach((node, i, all) => {
    node.querySelector('.action-number').textContent = `Action ${i + 1}`;
    node.querySelector('.remove-action').hidden = all.length === 1;
  });
}

/** One action: its kind and that kind's fields; `read()` gives the action as the API takes it. */
function actionEditor(action, onRemove) {
  const kind = h('select', { class: 'action-kind', 'aria-label': 'Action' },
    h('option', { value: 'email', selected: Boolean(action.email) }, 'Send an e-mail'),
    h('option', { value: 'webhook', selected: Boolean(action.webhook) }, 'Call a webhook'),
    h('option', { value: 'copyToWorkspace', selected: Boolean(action.copyToWorkspace) }, 'Copy the files to a Workspace'));
  const to = h('input', { type: 'text', class: 'email-to', 'aria-label': 'E-mail recipients', placeholder: 'Yourself when empty; or a@acme.example, b@acme.example', value: (action.email?.to ?? []).join(', ') });
  const subject = h('input', { type: 'text', class: 'email-subject', 'aria-label': 'E-mail subject', placeholder: 'Subject (optional)', value: action.email?.subject ?? '' });
  const url = h('input', { type: 'text', class: 'webhook-url', 'aria-label': 'Webhook URL', placeholder: 'https://hooks.example/safedrop', value: action.webhook?.url ?? '' });
  const secret = h('input', { type: 'text', class: 'webhook-secret', 'aria-label': 'Secret name', placeholder: 'Name of the Secret holding the signing key', value: action.webhook?.secretRef?.name ?? '' });
  const workspace = h('input', { type: 'text', class: 'copy-workspace', 'aria-label': 'Workspace', placeholder: 'Workspace name', value: action.copyToWorkspace?.workspace ?? '' });
  const folder = h('input', { type: 'text', class: 'copy-folder', 'aria-label': 'Folder', placeholder: '/', value: action.copyToWorkspace?.folder ?? '' });
  const fields = h('div', { class: 'action-fields' });
  const field = (text, input) => h('label', { class: 'field' }, text, input);
  const render = () => show(fields, {
    email: [field('To', to), field('Subject', subject)],
    webhook: [field('URL', url), field('Secret name', secret), h('p', { class: 'limits' }, 'Each call is signed with HMAC-SHA256 (Safedrop-Signature and Safedrop-Timestamp headers) using the key in this Secret; see docs/webhooks.md to verify it.')],
    copyToWorkspace: [field('Workspace', workspace), field('Folder', folder), h('div', { class: 'notice reads-packages', role: 'note' },
      h('strong', {}, 'This workflow can read your packages. '),
      'To copy files it gets its own key, and senders\' apps encrypt every package that starts this workflow for that key too, from now on. ',
      'Safedrop keeps the key locked with your organization\'s key and uses it only to run this workflow. ',
      'Deleting the workflow, or removing this action, destroys the key. Packages that arrived before stay unreadable to it. ',
      'The key counts as one of your trusted device keys, so this action needs the TrustedDeviceKeys permission.')],
  }[kind.value]);
  kind.addEventListener('change', render);
  render();
  const node = h('fieldset', { class: 'action' },
    h('legend', { class: 'action-number' }, 'Action'),
    h('div', { class: 'action-head' }, kind,
      h('button', { type: 'button', class: 'small link remove-action', onclick: () => { node.remove(); onRemove(); } }, 'Remove')),
    fields);
  node.read = () => ({
    email: () => ({ email: { to: list(to.value), subject: subject.value.trim() || undefined } }),
    webhook: () => ({ webhook: { url: url.value.trim(), secretRef: { name: secret.value.trim() } } }),
    copyToWorkspace: () => ({ copyToWorkspace: { workspace: workspace.value.trim(), folder: folder.value.trim() || '/' } }),
  })[kind.value]();
  return node;
}

async function runsView(content, page, name) {
  const body = h('div', { id: 'runs-body' }, h('p', { class: 'muted' }, 'Loading…'));
  show(content, h('section', { class: 'card' },
    h('div', { class: 'title-row' }, h('h1', {}, `Runs of ${name}`), h('a', { class: 'close', href: page.href() }, 'Back to the list')),
    h('p', { class: 'muted' }, 'Newest first. A run is retried with growing pauses before it is marked failed.'), body));
  const runs = [];
  const more = async (after) => {
    try {
      const answer = await page.call('GET', `/v1/workflows/${encodeURIComponent(name)}/runs?limit=20${after ? `&after=${encodeURIComponent(after)}` : ''}`);
      runs.push(...answer.runs);
      show(body, runs.length === 0
        ? h('p', { class: 'muted', id: 'runs-empty' }, 'No runs yet: this workflow has not matched an event.')
        : h('ol', { class: 'runs', id: 'run-list' }, runs.map(runItem)),
      answer.next ? h('button', { type: 'button', class: 'secondary', id: 'more-runs', onclick: () => more(answer.next) }, 'Older runs') : null);
    } catch (error) {
      show(body, problemBlock(error));
    }
  };
  await more(null);
}

function runItem(run) {
  const duration = run.finishedAt ? ` · took ${Math.max(0, (new Date(run.finishedAt) - new Date(run.startedAt)) / 1000).toFixed(1)} s` : '';
  return h('li', { class: 'run', dataset: { run: run.id, state: run.state } },
    h('div', { class: 'run-head' },
      h('span', { class: `badge run-${run.state.toLowerCase()}` }, run.state),
      h('span', { class: 'when' }, formatDate(run.startedAt)),
      h('span', { class: 'muted' }, `${run.attempts} ${run.attempts === 1 ? 'attempt' : 'attempts'}${duration} · ${run.trigger} · event ${run.eventId}`)),
    h('ul', { class: 'run-actions' }, run.actions.map((a) => h('li', { class: a.succeeded ? 'ok' : 'failed' },
      h('strong', {}, a.succeeded ? '✓ ' : '✗ '), a.action,
      h('span', { class: 'muted' }, ` — ${a.detail ?? (a.succeeded ? 'done' : 'failed')}${a.attempts ? ` (${a.attempts} ${a.attempts === 1 ? 'attempt' : 'attempts'})` : ' (not run)'}`)))));
}

/** A problem from the API, said plainly: the permission or plan that is missing, or each field a workflow got wrong. */
export function problemBlock(error) {
  const type = error?.problem?.type ?? '';
  const errors = error?.problem?.errors ?? [];
  const title = type.endsWith('/permission-missing') ? 'You do not hold the PersonalWorkflows permission'
    : type.endsWith('/personal-workflows-unavailable') ? 'Personal Workflows are not available'
      : type.endsWith('/workflow-invalid') ? 'The workflow was not saved'
        : error?.problem?.title;
  return h('div', { class: 'error problem', role: 'alert', dataset: { type: type.split('/').pop() } },
    title ? h('strong', {}, title) : null,
    // With a list of field errors the detail repeats them; the list alone reads better.
    h('p', {}, errors.length ? 'Nothing was written. Fix these fields:' : errorText(error)),
    errors.length ? h('ul', { class: 'field-errors' }, errors.map((e) => h('li', {}, h('code', {}, e.field), ': ', e.message))) : null);
}
