// The portal's only door to the API: JSON in and out, the session cookie sent by the browser,
// problem details (RFC 9457) turned into errors that carry the problem.
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** `headers`: extra request headers, such as Safedrop-Act-As when an admin acts for a user (workflow pages only). */
export async function api(method, path, body, headers = {}) {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { ...headers, ...(body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return null;
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

/** The signed-in user, or null when nobody is signed in. */
export async function currentUser() {
  try {
    return await api('GET', '/v1/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** A Workspace path ("a/b c/d.txt") as URL segments, each encoded on its own so that '/' stays a separator. */
export function encodePath(path) {
  return path.split('/').filter(Boolean).map(encodeURIComponent).join('/');
}

/** The URL of a Workspace API resource: `/v1/workspaces/{name}/{kind}/{path}` (no trailing slash for the root). */
export function workspaceUrl(name, kind, path = '') {
  const encoded = encodePath(path);
  return `/v1/workspaces/${encodeURIComponent(name)}/${kind}${encoded ? `/${encoded}` : ''}`;
}
