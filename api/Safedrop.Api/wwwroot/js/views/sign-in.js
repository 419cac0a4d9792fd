import { api } from '../api.js';
import { h, show, errorText } from '../dom.js';

/**
 * E-mail PIN sign-in as a card. Nothing is sent until the user asks for a PIN: opening a page never
 * triggers a mail (scanners open links). Calls onSignedIn(user email) once the PIN is accepted.
 */
export function signInCard({ title = 'Sign in', intro, email = '', onSignedIn }) {
  const card = h('section', { class: 'card', id: 'sign-in' });
  const error = h('p', { class: 'error', role: 'alert' });

  const askForAddress = () => {
    const input = h('input', { type: 'email', id: 'email', name: 'email', required: true, autocomplete: 'email', value: email });
    const submit = h('button', { type: 'submit', id: 'request-pin' }, 'Send me a PIN');
    const form = h('form', {
      onsubmit: async (event) => {
        event.preventDefault();
        submit.disabled = true;
        error.textContent = '';
        try {
          const answer = await api('POST', '/v1/auth/pin', { email: input.value });
          askForPin(input.value.trim(), answer?.expiresInSeconds);
        } catch (failure) {
          error.textContent = errorText(failure);
          submit.disabled = false;
        }
      },
    }, h('label', { for: 'email' }, 'Your e-mail address'), input, submit, error);
    show(card, h('h2', {}, title), intro ? h('p', { class: 'muted' }, intro) : null, form);
    input.focus();
  };

  const askForPin = (address, expiresInSeconds) => {
    const input = h('input', { type: 'text', id: 'pin', name: 'pin', inputmode: 'numeric', autocomplete: 'one-time-code', required: true, pattern: '[0-9]{6,12}' });
    const submit = h('button', { type: 'submit', id: 'verify-pin' }, 'Sign in');
    const form = h('form', {
      onsubmit: async (event) => {
        event.preventDefault();
        submit.disabled = true;
        error.textContent = '';
        try {
          await api('POST', '/v1/auth/pin/verify', { email: address, pin: input.value.trim() });
          onSignedIn(address);
        } catch (failure) {
          error.textContent = errorText(failure);
          submit.disabled = false;
          input.select();
        }
      },
    },
    h('p', {}, `If ${address} can receive e-mail, a PIN is on its way`, expiresInSeconds ? ` (valid for ${Math.round(expiresInSeconds / 60)} minutes).` : '.'),
    h('label', { for: 'pin' }, 'PIN from the e-mail'), input,
    h('div', { class: 'actions' }, submit, h('button', { type: 'button', class: 'link', id: 'other-address', onclick: askForAddress }, 'Use another address')),
    error);
    show(card, h('h2', {}, title), form);
    input.focus();
  };

  askForAddress();
  return card;
}
