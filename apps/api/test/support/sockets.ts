import type { Socket } from 'socket.io-client';
import type { Client } from './client.js';

/** One event a test socket heard: its name and envelope. */
export interface Heard<T = any> {
  name: string;
  seq: number;
  at: string;
  data: T;
}

/** Resolves with `session.ready`'s payload once the server accepted the socket; rejects on `connect_error`. */
export function ready(s: Socket): Promise<{ userId: string; rooms: string[] }> {
  return new Promise((resolve, reject) => {
    s.once('session.ready', resolve);
    s.once('connect_error', reject);
  });
}

/** The sockets a spec opens; `closeAll()` in `afterEach`. */
export class TestSockets {
  private readonly open: Socket[] = [];

  /**
   * A signed-in socket of this client that records every event of these names (listening from before the
   * session is ready, so nothing sent on connect is missed).
   */
  async listen<T = any>(c: Client, names: string[] = []): Promise<{ socket: Socket; heard: Heard<T>[] }> {
    const socket = c.socket();
    this.open.push(socket);
    const heard: Heard<T>[] = [];
    for (const name of names) socket.on(name, (e: Omit<Heard<T>, 'name'>) => heard.push({ name, ...e }));
    await ready(socket);
    return { socket, heard };
  }

  closeAll(): void {
    for (const s of this.open.splice(0)) s.close();
  }
}
