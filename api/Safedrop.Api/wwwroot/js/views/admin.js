import { currentUser } from '../api.js';
import { h, show } from '../dom.js';
import { signInCard } from './sign-in.js';

/** The signed-in admin, or null after showing why the page is not for this visitor. */
export async function requireAdmin(app, title) {
  const user = await currentUser();
  if (!user) {
    show(app, signInCard({ title: `Sign in as an admin to see ${title}`, onSignedIn: () => location.reload() }));
    return null;
  }
  if (!user.admin) {
    show(app, h('section', { class: 'card', id: 'not-admin' }, h('h1', {}, title), h('p', { class: 'error' }, `${user.email} is not an admin of this Organization.`)));
    return null;
  }
  return user;
}
