import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';

/** With REDIS_URL set, socket.io events cross instances through Redis pub/sub (large fan-out, SPEC §10). */
export class RedisIoAdapter extends IoAdapter {
  private readonly pub: ReturnType<typeof createClient>;
  private readonly sub: ReturnType<typeof createClient>;

  constructor(app: INestApplicationContext, url: string, onError: (err: Error) => void) {
    super(app);
    this.pub = createClient({ url });
    this.sub = this.pub.duplicate();
    // An unhandled client error would crash the process; the clients reconnect by themselves.
    this.pub.on('error', onError);
    this.sub.on('error', onError);
  }

  async connect(): Promise<void> {
    await Promise.all([this.pub.connect(), this.sub.connect()]);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options);
    server.adapter(createAdapter(this.pub, this.sub));
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
  }
}
