import { api, currentUser } from './api.js';
import { h, show, errorText } from './dom.js';
import { homeView } from './views/home.js';
import { dropzoneView } from './views/dropzone.js';
import { packageView } from './views/package.js';
import { workspacesView } from './views/workspaces.js';
import { workspaceView } from './views/workspace.js';
import { approvalsView } from './views/admin-approvals.js';
import { groupsView } from './views/admin-groups.js';
import { webLinkView } from './views/web-link.js';
import { workflowsView } from './views/workflows.js';
import { adminWorkflowsView } from './views/admin-workflows.js';

// The page's footer speaks of end-to-end encryption, true for packages; Workspaces are encrypted by the server.
const AT_REST = 'Workspace files are encrypted at rest by Safedrop; only collaborators and web links you create reach them.';
const ADMIN = 'Every decision made here is audited.';
const WORKFLOWS = 'Workflows only ever see events about items their owner owns. Every change is audited.';
const WEB_LINK = 'Files shared through this link are encrypted at rest by Safedrop. Every download and upload is audited.';

// Paths the server answers with this page: /, /d/{dropzone}, /p/{package}, /l/{web link token}, /w, /w/{workspace}/{folder…},
// /workflows/{new | name | name/runs}, /admin/….
const routes = [
  [/^\/w\/?$/, (app) => workspacesView(app), AT_REST],
  [/^\/w\/([^/]+)((?:\/[^/]+)*)\/?$/, (app, [name, folder]) => workspaceView(app, decodeURIComponent(name), folder.split('/').filter(Boolean).map(decodeURIComponent).join('/')), AT_REST],
  [/^\/admin\/approvals\/?$/, (app) => approvalsView(app), ADMIN],
  [/^\/admin\/groups\/?$/, (app) => groupsView(app), ADMIN],
  [/^\/admin\/workflows((?:\/[^/]+){0,2})\/?$/, (app, [rest]) => adminWorkflowsView(app, rest), ADMIN],
  [/^\/workflows((?:\/[^/]+){0,2})\/?$/, (app, [rest]) => workflowsView(app, rest), WORKFLOWS],
  [/^\/d\/([a-z0-9][a-z0-9-]*)\/?$/, (app, [name]) => dropzoneView(app, name)],
  [/^\/p\/([a-z2-7]{26})\/?$/, (app, [id]) => packageView(app, id)],
  // A web link's token: {24 hex id}.{43 base64url secret}.
  [/^\/l\/([0-9a-f]{24}\.[A-Za-z0-9_-]{43})\/?$/, (app, [token]) => webLinkView(app, token), WEB_LINK],
  [/^\/$/, (app) => homeView(app)],
];

async function start() {
  const app = document.getElementById('app');
  renderAccount();
  const route = routes.find(([pattern]) => pattern.test(location.pathname));
  if (route?.[2]) document.querySelector('.footer').textContent = route[2];
  try {
    if (route) await route[1](app, location.pathname.match(route[0]).slice(1));
    else show(app, h('section', { class: 'card' }, h('h1', {}, 'Not found'), h('p', {}, 'There is nothing at this address.')));
  } catch (error) {
    show(app, h('section', { class: 'card' }, h('h1', {}, 'Something went wrong'), h('p', { class: 'error' }, errorText(error))));
  }
}

async function renderAccount() {
  const nav = document.getElementById('account');
  const user = await currentUser().catch(() => null);
  if (!user) { show(nav); return; }
  // Admin pages are linked for admins only; the API refuses everyone else anyway.
  const link = (href, text, id) => h('a', { href, id, 'aria-current': location.pathname === href || location.pathname.startsWith(`${href}/`) ? 'page' : undefined }, text);
  show(nav, link('/w', 'Workspaces', 'nav-workspaces'), link('/workflows', 'My workflows', 'nav-workflows'),
    user.admin ? [link('/admin/approvals', 'Approvals', 'nav-approvals'), link('/admin/groups', 'Groups', 'nav-groups'), link('/admin/workflows', 'Act as', 'nav-act-as')] : null,
    h('span', { id: 'signed-in-as' }, user.email),
    h('button', { type: 'button', class: 'link', id: 'sign-out', onclick: async () => { await api('POST', '/v1/auth/sign-out'); location.assign('/'); } }, 'Sign out'));
}

start();
