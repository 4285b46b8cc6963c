import { useCallback, useEffect, useRef, useState } from 'react';
import { realtime } from '../../../lib/socket';

export interface Viewer {
  userId: string;
  name: string;
  typing: boolean;
}

/** A `typing: true` is repeated this often while keys keep coming; the server lets it lapse without one. */
const TYPING_REPEAT_MS = 3_000;
/** No key for this long: typing stopped. */
const TYPING_IDLE_MS = 4_000;

/**
 * Who else is on this ticket (from `presence.updated`), and this person's own presence: viewing while the
 * pane is open (announced again after every reconnect) and typing while keys come in.
 */
export function usePresence(ticketId: string, myUserId: string) {
  const [viewers, setViewers] = useState<{ ticketId: string; list: Viewer[] }>({ ticketId, list: [] });
  const typingSince = useRef<number | null>(null);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const announce = () => realtime.emit('presence.view', { ticketId, viewing: true });
    announce();
    const offReady = realtime.onReady(announce);
    const off = realtime.on('presence.updated', ({ data }) => {
      if (data.ticketId !== ticketId || !data.viewers) return;
      setViewers({ ticketId, list: data.viewers });
    });
    return () => {
      offReady();
      off();
      if (idleTimer.current) clearTimeout(idleTimer.current);
      idleTimer.current = null;
      if (typingSince.current !== null) realtime.emit('presence.typing', { ticketId, typing: false });
      typingSince.current = null;
      realtime.emit('presence.view', { ticketId, viewing: false });
    };
  }, [ticketId]);

  const stopTyping = useCallback(() => {
    if (idleTimer.current) clearTimeout(idleTimer.current);
    idleTimer.current = null;
    if (typingSince.current === null) return;
    typingSince.current = null;
    realtime.emit('presence.typing', { ticketId, typing: false });
  }, [ticketId]);

  const keyTyped = useCallback(() => {
    const now = Date.now();
    if (typingSince.current === null || now - typingSince.current >= TYPING_REPEAT_MS) {
      typingSince.current = now;
      realtime.emit('presence.typing', { ticketId, typing: true });
    }
    if (idleTimer.current) clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(stopTyping, TYPING_IDLE_MS);
  }, [ticketId, stopTyping]);

  const others = viewers.ticketId === ticketId ? viewers.list.filter((v) => v.userId !== myUserId) : [];
  return { others, keyTyped, stopTyping };
}
