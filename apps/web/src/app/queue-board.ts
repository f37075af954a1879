import { accessToken } from '../common/api';

/** Where the API serves Bull Board (libs/api-server/src/admin/queue-board.module.ts). */
const BOARD = '/admin/queues';

/**
 * Opens the queue board in this tab, for a platform admin. A page navigation cannot carry the access token
 * in a header, and it must never go in a URL: the token buys a one-time code (60 s) with a fetch, and the
 * code goes in the body of a form posted to the board, which answers with its own session cookie.
 */
export async function openQueueBoard(): Promise<void> {
  const token = accessToken();
  if (!token) throw new Error('Session expirée : reconnectez-vous.');
  const res = await fetch(`${BOARD}/code`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  if (!res.ok)
    throw new Error(res.status === 403 ? 'Réservé aux administrateurs de la plateforme.' : 'Le tableau des files ne répond pas.');
  const { code } = (await res.json()) as { code: string };
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = `${BOARD}/login`;
  form.hidden = true;
  const input = document.createElement('input');
  input.type = 'hidden';
  input.name = 'code';
  input.value = code;
  form.append(input);
  document.body.append(form);
  form.submit();
}
